import { nextIndexOf } from '../../scan';
import { range } from '../../text';
import type { Rule } from '../types';

/** Markers of unfinished work: TODO, TBD, FIXME, XXX as whole words. */
const WORD_MARKER = /\b(?:TODO|TBD|FIXME|XXX)\b/g;

/**
 * Markers of unfinished work in a line, in order: TODO, TBD, FIXME and XXX as whole words, and KEPs'
 * `<<[UNRESOLVED …]>>` (its text running to the first `]`, which must be followed by `>>`). Returns
 * each marker's start and text. Linear: a KEP marker's closing `]` is found once for every marker
 * before it, where `/<<\[UNRESOLVED[^\]]*\]>>/g` read to the end of the line from each of them.
 */
export function unresolvedMarkers(line: string): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  for (const m of line.matchAll(WORD_MARKER)) found.push({ index: m.index, text: m[0] });
  const next = nextIndexOf(line);
  let from = 0;
  for (let at = line.indexOf('<<[UNRESOLVED'); at >= 0; at = line.indexOf('<<[UNRESOLVED', Math.max(at + 1, from))) {
    const close = next(']', at + 13);
    if (close < 0) break;
    if (line.startsWith('>>', close + 1)) {
      found.push({ index: at, text: line.slice(at, close + 3) });
      from = close + 3;
    }
  }
  // One regular expression would find both kinds in one pass: keep its order, and drop a word inside a KEP marker.
  found.sort((a, b) => a.index - b.index);
  const out: { index: number; text: string }[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (!last || m.index >= last.index + last.text.length) out.push(m);
  }
  return out;
}

/** SF014: unfinished-work markers left in an accepted record. */
export const unresolvedInAccepted: Rule = {
  code: 'SF014', name: 'unresolved-in-accepted', severity: 'warning', kinds: 'all',
  description: 'An accepted record is the team\'s word. A `TODO`, `TBD` or `<<[UNRESOLVED]>>` left in it means a question was waved through, and nobody will come back to it once the record is merged.',
  *check(c) {
    if (c.record.status !== 'accepted') return;
    let reported = 0;
    const code = c.codeLines();
    for (let i = 0; i < c.lines.length && reported < 20; i++) {
      if (code.has(i)) continue;
      const text = c.lines[i].replace(/`[^`]*`/g, m => ' '.repeat(m.length));
      for (const m of unresolvedMarkers(text)) {
        yield { range: range(i, m.index, i, m.index + m.text.length), message: `"${m.text}" left in an accepted record: resolve it, or move the record back to proposed.` };
        if (++reported >= 20) break;
      }
    }
  },
};
