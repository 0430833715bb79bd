import { basename } from '../../paths';
import { range } from '../../text';
import { headingSlugs, linkParts } from '../recordReferences';
import type { Rule } from '../types';

/** A fragment GitHub gives a line of a file's source (`#L12`, `#L12-L20`): not a heading. */
const LINE_ANCHOR = /^L\d{1,9}(?:-L\d{1,9})?$/;

/**
 * SF024: a link to a record whose `#heading` names no heading of that record, by GitHub's slugs (as
 * github-slugger makes them; `user-content-` accepted, case ignored). The repair drops the fragment.
 */
export const brokenHeadingLink: Rule = {
  code: 'SF024', name: 'broken-heading-link', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A link to a section that was renamed or never existed opens the record at its top, and leaves its reader to guess which part was meant.',
  *check(c) {
    const workspace = c.workspace;
    if (!workspace) return;
    for (const reference of c.references()) {
      const target = reference.target;
      if (target.type !== 'link' || target.fragment === undefined || LINE_ANCHOR.test(target.fragment)) continue;
      const record = target.path === c.record.path ? c.record : workspace.recordAt(target.path)?.record;
      if (!record) continue;
      const wanted = target.fragment.replace(/^user-content-/, '').toLowerCase();
      if (headingSlugs(record).has(wanted)) continue;
      const parts = linkParts(reference.text);
      const hash = parts ? reference.text.indexOf('#', parts.destinationStart) : -1;
      const { line, character } = reference.range.start;
      const fragment = parts && hash >= 0 && hash < parts.destinationEnd ? range(line, character + hash, line, character + parts.destinationEnd) : undefined;
      yield {
        range: fragment ?? reference.range,
        message: `${basename(target.path)} has no heading "#${target.fragment}": it was renamed or removed.`,
        fix: fragment && { title: `Link to ${basename(target.path)} without "#${target.fragment}"`, edits: [{ range: fragment, newText: '' }] },
      };
    }
  },
};
