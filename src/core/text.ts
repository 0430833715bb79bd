/**
 * Text helpers shared by the core. Every position in the core is 0-based: `line` counts lines
 * (a line ends at `\n`, `\r\n` or a lone `\r`), `character` counts UTF-16 code units from the line's
 * start, as VS Code's `Position` does.
 */

/** A 0-based line/character position, as VS Code's `Position`. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range `[start, end)` of positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Makes a {@link Range} from 0-based numbers. */
export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

const BOM = '\uFEFF';

/**
 * Splits a document into lines without their terminators. A leading byte-order mark is kept on
 * line 0 (so characters still count as the editor counts them); callers that read text use
 * {@link stripBom} on that line. An empty document has one empty line, as in VS Code.
 */
export function splitLines(text: string): string[] {
  // A string separator splits several times faster than the pattern, and most files have no `\r`.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** Removes a leading byte-order mark (U+FEFF), if any. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The end-of-line sequence a document mostly uses: `\r\n` when its first line break is one, else `\n`. */
export function eolOf(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** True when the bytes look like a binary file rather than text: a NUL in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Clamps a range into a document of the given line lengths (0-based), so it never points outside the text. */
export function clampRange(r: Range, lineLengths: readonly number[]): Range {
  const clamp = (p: Position): Position => {
    const line = Math.max(0, Math.min(p.line, lineLengths.length - 1));
    return { line, character: Math.max(0, Math.min(p.character, lineLengths[line] ?? 0)) };
  };
  return { start: clamp(r.start), end: clamp(r.end) };
}

/**
 * Applies text edits (0-based ranges into `text`, as the core's fixes make them; non-overlapping)
 * and returns the new text. Positions past a line's end or the document's end are clamped, as VS
 * Code clamps them. Edits at the same position apply in the order given.
 */
export function applyTextEdits(text: string, edits: readonly { readonly range: Range; readonly newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) { starts.push(i + 2); i++; } else if (c === 10 || c === 13) starts.push(i + 1);
  }
  const offset = (p: Position) => {
    const line = Math.max(0, Math.min(p.line, starts.length - 1));
    const lineEnd = line + 1 < starts.length ? starts[line + 1] - (text[starts[line + 1] - 2] === '\r' ? 2 : 1) : text.length;
    return Math.min(starts[line] + Math.max(0, p.character), lineEnd);
  };
  const resolved = edits.map((e, order) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText, order }))
    .sort((a, b) => b.start - a.start || b.order - a.order);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
