/**
 * Per-document suppression, for a record that breaks a rule on purpose:
 * - an HTML comment anywhere outside code: `<!-- spec-first-disable SF012 too-few-options -->`, or
 *   `<!-- spec-first-disable -->` for every rule;
 * - front matter: `spec-first-disable: [SF012, SF010]` (a list, or one string of codes).
 * Codes and rule names are both accepted (the names of `docs/rules/`).
 */
import type { FrontMatter } from '../frontMatter';
import { type Outline, fencedLines } from '../outline';
import { nextIndexOf } from '../scan';
import { findRule } from './rules';

const KEYWORD = 'spec-first-disable';

/**
 * The words of each `<!-- spec-first-disable … -->` comment of a line, as
 * `/<!--\s*spec-first-disable\b([^>]*?)-->/g` reads them: white space, the keyword as a whole word,
 * then the words up to the first `>`, which must close the comment as `-->`. Linear: the first `>`
 * is found once for every comment before it, where that regular expression searched from each.
 */
export function disableComments(line: string): string[] {
  const out: string[] = [];
  const next = nextIndexOf(line);
  for (let open = line.indexOf('<!--'); open >= 0; open = line.indexOf('<!--', open + 1)) {
    let at = open + 4;
    while (at < line.length && /\s/.test(line[at])) at++;
    if (!line.startsWith(KEYWORD, at) || /\w/.test(line[at + KEYWORD.length] ?? '')) continue;
    const words = at + KEYWORD.length;
    const gt = next('>', words);
    if (gt < 0) break;
    if (gt - 2 < words || line[gt - 1] !== '-' || line[gt - 2] !== '-') continue;
    out.push(line.slice(words, gt - 2));
    open = gt;
  }
  return out;
}

function codesOf(words: string[]): string[] {
  if (words.length === 0) return ['*'];
  return words.map(w => findRule(w)?.code ?? w.toUpperCase());
}

/** The codes a document disables (`*` for all): a record, or any Markdown document's outline and front matter. */
export function suppressedCodes(record: { readonly outline: Outline; readonly frontMatter?: FrontMatter }, lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  const inFence = fencedLines(record.outline.fences);
  for (let i = 0; i < lines.length; i++) {
    if (inFence.has(i) || !lines[i].includes('spec-first-disable')) continue;
    for (const words of disableComments(lines[i])) for (const c of codesOf(words.split(/[\s,]+/).filter(Boolean))) out.add(c);
  }
  const fm = record.frontMatter?.data['spec-first-disable'];
  const words = Array.isArray(fm) ? fm.map(String) : typeof fm === 'string' ? fm.split(/[\s,]+/).filter(Boolean) : fm === true ? [] : undefined;
  if (words) for (const c of codesOf(words)) out.add(c);
  return out;
}
