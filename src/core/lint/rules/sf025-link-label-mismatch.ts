import { codeSpans, familyOf, lineReferences, recordIdentifier } from '../../references';
import { range } from '../../text';
import { linkParts } from '../recordReferences';
import type { Rule } from '../types';

/**
 * SF025: an inline link whose label names, by identifier, another record than its destination
 * (`[ADR-0004](0005-use-x.md)`): the label's identifiers of the destination's family are read, and a
 * finding is made when none of them is the destination's number. The repair writes the destination's
 * identifier in the label (the link may be what is wrong: the repair is offered, never applied unasked).
 */
export const linkLabelMismatch: Rule = {
  code: 'SF025', name: 'link-label-mismatch', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A link labelled with one record\'s identifier but leading to another tells two readers two different things: the one who reads the label, and the one who follows the link.',
  *check(c) {
    const workspace = c.workspace;
    if (!workspace) return;
    const { schemes } = c.schemes();
    for (const reference of c.references()) {
      const target = reference.target;
      if (target.type !== 'link') continue;
      const record = target.path === c.record.path ? c.record : workspace.recordAt(target.path)?.record;
      const family = record && familyOf(record, schemes);
      const parts = linkParts(reference.text);
      if (!record || record.number === undefined || !family || !parts || parts.definition) continue;
      const label = reference.text.slice(parts.labelStart, parts.labelEnd);
      const ids = lineReferences(label, 0, schemes, c.record.path, codeSpans(label)).filter(r => r.target.type === 'id' && r.target.scheme === family);
      if (ids.length === 0 || ids.some(r => r.target.type === 'id' && r.target.number === record.number)) continue;
      const wrong = ids[0];
      const id = recordIdentifier(record, schemes)!;
      const qualifier = wrong.target.type === 'id' && wrong.target.qualifier !== undefined ? `${wrong.target.qualifier}/` : '';
      const { line, character } = reference.range.start;
      const at = character + parts.labelStart;
      const where = range(line, at + wrong.range.start.character, line, at + wrong.range.end.character);
      yield {
        range: where,
        message: `The label says "${wrong.text}" but the link leads to ${id} (${target.path.slice(target.path.lastIndexOf('/') + 1)}).`,
        fix: { title: `Change the label to ${qualifier}${id}`, edits: [{ range: where, newText: `${qualifier}${id}` }] },
      };
    }
  },
};
