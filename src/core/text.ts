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
  return text.split(/\r\n|\r|\n/);
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
