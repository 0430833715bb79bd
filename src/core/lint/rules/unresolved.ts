import { range } from '../../text';
import type { Rule } from '../types';

/** Markers of unfinished work: TODO, TBD, FIXME, XXX, and KEPs' `<<[UNRESOLVED …]>>`. */
const MARKER = /\b(TODO|TBD|FIXME|XXX)\b|<<\[UNRESOLVED[^\]]*\]>>/g;

/** SF014: unfinished-work markers left in an accepted record. */
export const unresolvedInAccepted: Rule = {
  code: 'SF014', name: 'unresolved-in-accepted', severity: 'warning', kinds: 'all',
  description: 'An accepted record is the team\'s word. A `TODO`, `TBD` or `<<[UNRESOLVED]>>` left in it means a question was waved through, and nobody will come back to it once the record is merged.',
  *check(c) {
    if (c.record.status !== 'accepted') return;
    let reported = 0;
    const code = new Set<number>();
    for (const f of c.record.outline.fences) for (let l = f.startLine; l <= f.endLine; l++) code.add(l);
    for (let i = 0; i < c.lines.length && reported < 20; i++) {
      if (code.has(i)) continue;
      const text = c.lines[i].replace(/`[^`]*`/g, m => ' '.repeat(m.length));
      for (const m of text.matchAll(MARKER)) {
        yield { range: range(i, m.index, i, m.index + m[0].length), message: `"${m[0]}" left in an accepted record: resolve it, or move the record back to proposed.` };
        if (++reported >= 20) break;
      }
    }
  },
};
