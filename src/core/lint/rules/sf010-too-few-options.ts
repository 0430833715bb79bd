import type { BodyLine, Rule } from '../types';

const LIST_ITEM = /^[*+-]\s+\S|^\d{1,9}[.)]\s+\S/;
const ELLIPSIS_ITEM = /^[*+-]\s*(…|\.\.\.)\s*(<!--.*-->)?$/;
const NONE = /^(none|n\/?a|nothing|no alternatives?( (were|was) considered)?|there (are|were) no (other )?alternatives?)\b[^a-z]*$/i;

/** Counts a section's options: its top-level list items, or its sub-headings; undefined when prose makes it uncountable. */
export function countOptions(own: readonly BodyLine[], subHeadings: number): number | undefined {
  const items = own.filter(b => LIST_ITEM.test(b.text) && !ELLIPSIS_ITEM.test(b.text));
  const prose = own.filter(b => !LIST_ITEM.test(b.text) && !ELLIPSIS_ITEM.test(b.text));
  if (prose.length > 0 && items.length < 2 && subHeadings < 2) return undefined;
  return Math.max(items.length, subHeadings);
}

/** SF010: fewer than two considered options or alternatives. */
export const tooFewOptions: Rule = {
  code: 'SF010', name: 'too-few-options', severity: 'warning', kinds: ['madr', 'log4brains', 'rfc', 'rust-rfc'],
  description: 'One option is not a decision. A record that weighed a single option (doing nothing counts as one) cannot show why it chose it over anything else.',
  *check(c) {
    const found = c.sectionOf('alternatives');
    if (!found || !found.heading.hasContent) return;
    const { heading } = found;
    const sub = c.record.outline.headings.filter(h => h.line > heading.line && h.line < heading.endLine);
    const firstSub = sub[0]?.line ?? heading.endLine;
    // The section's own top-level lines; sub-sections' lists are the options' pros and cons.
    const own = c.body(heading).filter(b => b.line < firstSub && /^ ?\S/.test(c.lines[b.line]));
    if (c.record.kind === 'rfc' || c.record.kind === 'rust-rfc') {
      // An RFC's alternatives are the options besides its proposal: "None." means only one was weighed.
      if (own.length === 1 && sub.length === 0 && NONE.test(own[0].text.replace(/[*_]/g, ''))) {
        yield { range: heading.range, message: `"${heading.text}" names no alternative: say what else was weighed (doing nothing counts) and why it lost.` };
      }
      return;
    }
    // In MADR the chosen option is one of the considered options: a list of one is no choice.
    const count = countOptions(own, sub.filter(h => h.level === heading.level + 1).length);
    if (count !== undefined && count < 2) {
      yield { range: heading.range, message: `Only ${count === 0 ? 'no' : 'one'} option under "${heading.text}": name at least one alternative (doing nothing counts) and why it lost.` };
    }
  },
};
