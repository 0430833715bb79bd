import { insertUnderHeading } from '../edits';
import type { BodyLine, Rule } from '../types';

/** A `{placeholder}` as MADR writes them (MADR 0012: curly braces denote placeholders). */
const CURLY = /\{[^{}\n]*[A-Za-z][^{}\n]*\}/;
/** log4brains' (MADR 2) `[placeholder]`, not followed by a link target. */
const SQUARE = /\[[^\]\n]*[A-Za-z][^\]\n]*\](?![(:[])/;

const squash = (text: string) => text.replace(/[\s*_`>-]+/g, ' ').trim().toLowerCase();

/** True when every line of the body is a template placeholder or the template's prompt itself. */
function onlyTemplateText(body: readonly BodyLine[], prompt: string, kind: string): boolean {
  if (body.length === 0) return false;
  if (squash(body.map(b => b.text).join('\n')) === squash(prompt)) return true;
  return body.every(b => {
    const t = b.text.replace(/`[^`]*`/g, '');
    return CURLY.test(t) || (kind === 'log4brains' && SQUARE.test(t) && !/\]\(/.test(t)) || /^[*+-]\s*(…|\.\.\.)\s*(<!--.*-->)?$/.test(t);
  });
}

/** SF002: a section with nothing in it, or still holding only the template's prompt or placeholders. */
export const emptySection: Rule = {
  code: 'SF002', name: 'empty-section', severity: 'warning', kinds: 'all',
  description: 'An empty section, or one that still holds the template\'s prompt or `{placeholder}` text, is a promise the record does not keep: readers take the heading as an answer and find none.',
  *check(c) {
    for (const [section, heading] of c.sections) {
      if (section.concept === 'status') continue;
      if (!heading.hasContent) {
        if (!section.required) continue;
        const hint = section.concept === 'alternatives' ? ' List the alternatives that were considered.'
          : section.concept === 'failure-modes' ? ' Say what can fail and how it would be detected and rolled back.' : '';
        yield {
          range: heading.range, message: `Section "${heading.text}" is empty.${hint}`,
          fix: { title: `Add the template's prompt under "${heading.text}"`, edits: [insertUnderHeading(c.lines, heading, section.prompt, c.eol)] },
        };
      } else if (onlyTemplateText(c.body(heading), section.prompt, c.record.kind)) {
        yield { range: heading.range, message: `Section "${heading.text}" still holds only the template's prompt or placeholders: write what was decided.` };
      }
    }
  },
};
