import { isEllipsisItem } from '../context';
import { insertUnderHeading } from '../edits';
import type { BodyLine, Rule } from '../types';

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * A `{placeholder}` as MADR writes them (MADR 0012: curly braces denote placeholders): `{`, then a
 * letter among characters other than braces and line ends, then `}`. One pass, where the regular
 * expression `/\{[^{}\n]*[A-Za-z][^{}\n]*\}/` backtracks quadratically on `{aaaa…`.
 */
export function hasCurlyPlaceholder(text: string): boolean {
  let open = false;
  let letter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) { open = true; letter = false; } else if (c === 125 /* } */) {
      if (open && letter) return true;
      open = false;
    } else if (c === 10) open = false;
    else if (open && isLetter(c)) letter = true;
  }
  return false;
}

/**
 * log4brains' (MADR 2) `[placeholder]`: `[`, then a letter among characters other than `]` and line
 * ends, then a `]` not followed by `(`, `:` or `[` (a link, a link definition or a reference). One
 * pass (as `/\[[^\]\n]*[A-Za-z][^\]\n]*\](?![(:[])/`, which backtracks quadratically per attempt).
 * From the first `[` after the last `]` or line end, any letter counts: a later `[` is label text.
 */
export function hasSquarePlaceholder(text: string): boolean {
  let open = false;
  let letter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 93 /* ] */) {
      const after = text.charCodeAt(i + 1);
      if (open && letter && after !== 40 && after !== 58 && after !== 91) return true;
      open = false;
      letter = false;
    } else if (c === 10) { open = false; letter = false; } else if (c === 91 /* [ */) open = true;
    else if (open && isLetter(c)) letter = true;
  }
  return false;
}

const squash = (text: string) => text.replace(/[\s*_`>-]+/g, ' ').trim().toLowerCase();

/** True when every line of the body is a template placeholder or the template's prompt itself. */
function onlyTemplateText(body: readonly BodyLine[], prompt: string, kind: string): boolean {
  if (body.length === 0) return false;
  if (squash(body.map(b => b.text).join('\n')) === squash(prompt)) return true;
  return body.every(b => {
    const t = b.text.replace(/`[^`]*`/g, '');
    return hasCurlyPlaceholder(t) || (kind === 'log4brains' && hasSquarePlaceholder(t) && !t.includes('](')) || isEllipsisItem(t);
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
