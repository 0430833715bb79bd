import { setStatusEdits } from '../edits';
import type { Rule } from '../types';

/** SF004: a status outside the configured vocabulary. */
export const unknownStatus: Rule = {
  code: 'SF004', name: 'unknown-status', severity: 'warning', kinds: 'all',
  description: 'A status outside the team\'s vocabulary ("maybe later", a typo) cannot be grouped, filtered or trusted; the explorer lists such records under Unknown.',
  *check(c) {
    if (c.record.status !== 'unknown' || !c.record.statusRange) return;
    const written = (c.record.statusText ?? '').split('\n')[0];
    const fixes = c.statuses.map(status => ({ title: `Set the status to "${status}"`, edits: setStatusEdits(c.record, status, c.sections, c.spec, c.lines, c.eol) }));
    yield {
      range: c.record.statusRange,
      message: `Unknown status "${written}": expected one of ${c.statuses.join(', ')} (specFirst.status.vocabulary, or "statuses" in .spec-first.json).`,
      alternatives: fixes,
    };
  },
};
