import { setStatusEdits } from '../edits';
import type { Rule } from '../types';

/** SF003: no status where the format keeps one. */
export const missingStatus: Rule = {
  code: 'SF003', name: 'missing-status', severity: 'warning', kinds: 'all',
  description: 'Without a status, readers cannot tell a proposal from a decision in force, or one that was superseded years ago. MADR makes the status optional, so there it is information.',
  *check(c) {
    // With invalid front matter the status may well be there, unreadable: SF005 says so already.
    if (c.record.status !== 'missing' || c.spec.missingStatus === 'none' || c.record.frontMatter?.error) return;
    const statusHeading = [...c.sections].find(([s]) => s.concept === 'status')?.[1];
    const fix = (status: string) => ({ title: `Set the status to "${status}"`, edits: setStatusEdits(c.record, status, c.sections, c.spec, c.lines, c.eol) });
    yield {
      range: statusHeading?.range ?? c.anchor, severity: c.spec.missingStatus,
      message: `No status: readers cannot tell whether this decision is proposed, accepted or superseded. Add one (${c.statuses.join(', ')}).`,
      fix: fix(c.statuses.includes('proposed') ? 'proposed' : c.statuses[0]),
      alternatives: c.statuses.filter(s => s !== 'proposed').map(fix),
    };
  },
};
