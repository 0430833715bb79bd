/**
 * Helpers for checking positions and edits produced by the core: apply text edits to a string, the
 * way VS Code applies a WorkspaceEdit, and tell whether a range lies inside a text.
 */
import { Position, Range, splitLines } from '../../src/core/text';

/** A replacement of `range` by `newText` (the core's `TextEdit`). */
export interface Edit {
  readonly range: Range;
  readonly newText: string;
}

/** Offsets of each line's start in `text` (lines end at `\r\n`, `\r` or `\n`, as `splitLines` splits). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { starts.push(i + 2); i++; } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The offset of a position. Throws when the position lies outside the text: an edit must never need clamping. */
export function offsetAt(text: string, p: Position, starts = lineStarts(text), lines: readonly string[] = splitLines(text)): number {
  if (p.line < 0 || p.line >= lines.length) throw new Error(`line ${p.line} outside the text (${lines.length} lines)`);
  if (p.character < 0 || p.character > lines[p.line].length) throw new Error(`character ${p.character} outside line ${p.line} (${lines[p.line].length} characters)`);
  return starts[p.line] + p.character;
}

/** Applies non-overlapping edits (positions refer to the original text), as VS Code applies them. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const starts = lineStarts(text);
  const lines = splitLines(text);
  const resolved = edits.map((e, order) => ({ start: offsetAt(text, e.range.start, starts, lines), end: offsetAt(text, e.range.end, starts, lines), text: e.newText, order }));
  resolved.sort((a, b) => a.start - b.start || a.order - b.order);
  for (let i = 1; i < resolved.length; i++) {
    if (resolved[i].start < resolved[i - 1].end) throw new Error('overlapping edits');
  }
  let out = text;
  for (const e of [...resolved].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Why `r` does not lie inside `text` (line < line count, character <= that line's length, start <= end), or undefined when it does. */
export function rangeProblem(text: string, r: Range, lines: readonly string[] = splitLines(text)): string | undefined {
  for (const [name, p] of [['start', r.start], ['end', r.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} is not made of integers: ${JSON.stringify(p)}`;
    if (p.line < 0 || p.line >= lines.length) return `${name} line ${p.line} outside 0..${lines.length - 1}`;
    if (p.character < 0 || p.character > lines[p.line].length) return `${name} character ${p.character} outside line ${p.line} of length ${lines[p.line].length}`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end: ${JSON.stringify(r)}`;
  return undefined;
}
