import { headingKey } from '../../outline';
import { nextIndexOf } from '../../scan';
import { range } from '../../text';
import { isEllipsisItem } from '../context';
import type { BodyLine, Rule, RuleContext, RuleFinding } from '../types';

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

/** Headings of a section of open questions (as `headingKey` reads them): Spec-First's RFC and Rust RFCs', and their usual other names. */
const QUESTION_SECTIONS: ReadonlySet<string> = new Set(['unresolved questions', 'open questions', 'open issues']);

/** An item that says there is nothing to settle. */
const NOTHING = /^(none|n\/a|nothing|no open questions|no unresolved questions)\.?$/i;

/** A top-level list item's text (marker removed), or undefined for another line. */
function itemText(line: string, body: BodyLine): string | undefined {
  if (!/^ {0,3}\S/.test(line) || isEllipsisItem(body.text)) return undefined;
  const m = /^(?:[*+-]|\d{1,9}[.)])\s+(\S.*)$/.exec(body.text);
  return m && !NOTHING.test(m[1].trim()) ? m[1].trim() : undefined;
}

/** A question quoted in a message: at most 80 characters. */
function quoted(text: string): string {
  return `"${text.length > 80 ? `${text.slice(0, 79)}…` : text}"`;
}

/**
 * The items of each "Unresolved questions" section (or "Open questions", "Open issues") of a proposed
 * or accepted record, listed in one finding on the section's heading: information on a proposal (to
 * settle before acceptance), a warning on an accepted record.
 */
function* openQuestions(c: RuleContext): Iterable<RuleFinding> {
  const accepted = c.record.status === 'accepted';
  if (!accepted && c.record.status !== 'proposed') return;
  for (const heading of c.record.outline.headings) {
    if (heading.level < 2 || !QUESTION_SECTIONS.has(headingKey(heading))) continue;
    const items = c.body(heading).map(b => itemText(c.lines[b.line], b)).filter((t): t is string => t !== undefined);
    if (items.length === 0) continue;
    const listed = items.slice(0, 5).map(quoted).join('; ') + (items.length > 5 ? `; and ${items.length - 5} more` : '');
    const count = `${items.length} unresolved question${items.length > 1 ? 's' : ''}`;
    yield accepted
      ? { range: heading.range, message: `${count} left in an accepted record: ${listed}. Resolve them, or move the record back to proposed.` }
      : { range: heading.range, severity: 'information', message: `${count} to settle before this record is accepted: ${listed}.` };
  }
}

/** SF014: unfinished-work markers and open questions left in an accepted record; open questions of a proposal, as information. */
export const unresolvedInAccepted: Rule = {
  code: 'SF014', name: 'unresolved-in-accepted', severity: 'warning', kinds: 'all',
  description: 'An accepted record is the team\'s word. A `TODO`, `TBD` or `<<[UNRESOLVED]>>`, or an item still listed under "Unresolved questions", means a question was waved through, and nobody will come back to it once the record is merged. On a proposal, the open questions are listed as information: what to settle before accepting it.',
  *check(c) {
    yield* openQuestions(c);
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
