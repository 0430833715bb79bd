import { relationLink } from '../../lifecycle';
import { basename, dirname } from '../../paths';
import { folderMatches, recordIdentifier, resolveReference, type IdScheme } from '../../references';
import { range } from '../../text';
import { isReplaced, linkParts, successorChain } from '../recordReferences';
import type { Fix, Rule, RuleContext, WorkspaceRecord } from '../types';
import type { Reference } from '../../references';

/** How a record is cited in a message: `ADR-0009`, else its file name. */
const cited = (r: WorkspaceRecord, schemes: readonly IdScheme[]) => recordIdentifier(r.record, schemes) ?? basename(r.path);

/**
 * The repair of a reference to `old` pointing it at `to`: an identifier becomes `to`'s (its folder
 * qualifier kept when `to` is in a folder it matches); an inline link becomes the link the record's
 * format writes to `to` (label and destination, the `#heading` dropped); a reference definition gets
 * `to`'s path as its destination. Undefined when `to` has no identifier to write in place of one.
 */
function pointTo(c: RuleContext, reference: Reference, to: WorkspaceRecord, schemes: readonly IdScheme[]): Fix | undefined {
  const title = `Point to ${cited(to, schemes)}, its successor`;
  const start = reference.range.start;
  const target = reference.target;
  const link = relationLink({ path: c.record.path, record: c.record }, to);
  if (target.type === 'id') {
    const id = recordIdentifier(to.record, schemes);
    const keep = target.qualifier !== undefined && folderMatches(dirname(to.path), target.qualifier) ? `${target.qualifier}/` : '';
    return { title, edits: [{ range: reference.range, newText: id === undefined ? link : `${keep}${id}` }] };
  }
  const parts = linkParts(reference.text);
  if (!parts) return undefined;
  if (!parts.definition) return { title, edits: [{ range: reference.range, newText: link }] };
  const destination = link.slice(link.lastIndexOf('](') + 2, -1);
  return { title, edits: [{ range: range(start.line, start.character + parts.destinationStart, start.line, start.character + parts.destinationEnd), newText: destination }] };
}

/**
 * SF023: an accepted record cites a superseded or deprecated one (by identifier or link), except one
 * it names in a relation (`Supersedes`, `Amends`…) or one that it, or a record it replaced, superseded.
 * The quick fix points the reference at the decision in force: the last of the successor chain.
 */
export const referenceToSuperseded: Rule = {
  code: 'SF023', name: 'reference-to-superseded', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'An accepted record that builds on a superseded or deprecated decision sends its readers to a decision that no longer holds; it should cite the one that replaced it.',
  *check(c) {
    const workspace = c.workspace;
    if (!workspace || c.record.status !== 'accepted') return;
    const { schemes } = c.schemes();
    const self = workspace.recordAt(c.record.path);
    const related = new Set<WorkspaceRecord>();
    for (const relation of c.record.relations) {
      const to = workspace.resolve(c.record.path, relation);
      if (to !== undefined && to !== 'unresolved') related.add(to);
    }
    for (const reference of c.references()) {
      const targets = resolveReference(reference, workspace, schemes);
      if (targets.length !== 1) continue;
      const old = targets[0];
      if (old === self || old.path === c.record.path || related.has(old) || !isReplaced(old.record)) continue;
      const chain = successorChain(workspace, old);
      if (chain.some(r => r === self || r.path === c.record.path)) continue;
      const now = chain[chain.length - 1];
      const how = old.record.status;
      const message = now
        ? `${cited(old, schemes)} is ${how}; ${cited(now, schemes)} is the decision in force: this accepted record still cites the old one.`
        : `${cited(old, schemes)} is ${how}: this accepted record still cites it.`;
      yield { range: reference.range, message, fix: now && pointTo(c, reference, now, schemes) };
    }
  },
};
