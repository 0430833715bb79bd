/**
 * Per-document suppression, for a record that breaks a rule on purpose:
 * - an HTML comment anywhere outside code: `<!-- spec-first-disable SF012 too-few-options -->`, or
 *   `<!-- spec-first-disable -->` for every rule;
 * - front matter: `spec-first-disable: [SF012, SF010]` (a list, or one string of codes).
 * Codes and rule names are both accepted (the names of `docs/rules/`).
 */
import type { DecisionRecord } from '../record';
import { findRule } from './rules';

const COMMENT = /<!--\s*spec-first-disable\b([^>]*?)-->/g;

function codesOf(words: string[]): string[] {
  if (words.length === 0) return ['*'];
  return words.map(w => findRule(w)?.code ?? w.toUpperCase());
}

/** The codes the document disables (`*` for all). */
export function suppressedCodes(record: DecisionRecord, lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  const inFence = new Set<number>();
  for (const f of record.outline.fences) for (let l = f.startLine; l <= f.endLine; l++) inFence.add(l);
  for (let i = 0; i < lines.length; i++) {
    if (inFence.has(i) || !lines[i].includes('spec-first-disable')) continue;
    for (const m of lines[i].matchAll(COMMENT)) for (const c of codesOf(m[1].split(/[\s,]+/).filter(Boolean))) out.add(c);
  }
  const fm = record.frontMatter?.data['spec-first-disable'];
  const words = Array.isArray(fm) ? fm.map(String) : typeof fm === 'string' ? fm.split(/[\s,]+/).filter(Boolean) : fm === true ? [] : undefined;
  if (words) for (const c of codesOf(words)) out.add(c);
  return out;
}
