/**
 * "Fix all": which repairs of a document can be applied in one edit. Pure, so that the editor's
 * `source.fixAll.spec-first` action and any other host apply the same ones.
 */
import type { Finding, Fix, TextEdit } from './types';

/** The safe repairs of `findings` (those a rule marks `safe`: they never lose text). */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  return findings.map(f => f.fix).filter((f): f is Fix => f?.safe === true);
}

/**
 * Edits that can be applied together: sorted by position (a stable sort, so insertions at one point
 * keep their order); an edit that starts inside one already taken is dropped, and so is an edit with
 * the same range and text as the one before it (two findings with one repair). What is dropped is
 * left for the next run. Ranges 0-based.
 */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const before = (a: TextEdit['range']['start'], b: TextEdit['range']['start']) => a.line - b.line || a.character - b.character;
  const sorted = [...edits].sort((a, b) => before(a.range.start, b.range.start));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && before(e.range.start, last.range.end) < 0) continue;
    if (last && before(e.range.start, last.range.start) === 0 && before(e.range.end, last.range.end) === 0 && e.newText === last.newText) continue;
    out.push(e);
  }
  return out;
}
