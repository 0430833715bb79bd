/**
 * Hand-written scans for what a regular expression would do in quadratic time on hostile text: a
 * global pattern such as `/\[([^\]]*)\]\([^)]*\)/g` is linear per attempt, but it is attempted again
 * at every `[` of a line, each attempt reading to the line's end when nothing closes it. These scans
 * read each character a bounded number of times, whatever the text. Pure: no `vscode`, no file system.
 */

/**
 * A memoized `text.indexOf(search, from)` for scans that look for the same closing text again and
 * again from positions that never decrease: each answer is reused until the scan passes it, and a
 * search that found nothing is not repeated, so all the searches of one scan read the text about once.
 * (A smaller `from` than the last one is searched afresh.)
 */
export function nextIndexOf(text: string): (search: string, from: number) => number {
  const found = new Map<string, { from: number; index: number }>();
  return (search, from) => {
    const last = found.get(search);
    if (last && from >= last.from && (last.index === -1 || last.index >= from)) return last.index;
    const index = text.indexOf(search, from);
    found.set(search, { from, index });
    return index;
  };
}

/**
 * Removes every span from `open` to the first `close` after it, as `/open.*?close/g` would (for a
 * one-character `close`, `/open[^close]*close/g`). A span left open runs to the end of the text and
 * is removed when `unclosed` is `'drop'`, kept when `'keep'`. HTML comments: `removeSpans(t, '<!--', '-->', …)`.
 */
export function removeSpans(text: string, open: string, close: string, unclosed: 'drop' | 'keep'): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) break;
    const end = text.indexOf(close, start + open.length);
    if (end < 0) {
      if (unclosed === 'drop') return out + text.slice(from, start);
      break;
    }
    out += text.slice(from, start);
    from = end + close.length;
  }
  return out + text.slice(from);
}

/**
 * Replaces each inline link `[label](target)` by its label, as `text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')`
 * does: a label runs to the first `]`, which must be followed by `(`, and the target to the first `)`.
 */
export function linkLabels(text: string): string {
  const next = nextIndexOf(text);
  let out = '';
  let from = 0;
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
    const close = next(']', open + 1);
    if (close < 0) break;
    if (text.charCodeAt(close + 1) !== 40 /* ( */) continue;
    const end = next(')', close + 2);
    if (end < 0) break;
    out += text.slice(from, open) + text.slice(open + 1, close);
    from = end + 1;
    open = end;
  }
  return out + text.slice(from);
}

/** `text` without the characters of `chars` at either end, as `/^[…]+|[…]+$/g` would remove them. */
export function trimCharacters(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start++;
  while (end > start && chars.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

/** True for a UTF-16 code unit `String.prototype.trim` removes: ECMAScript's white space and line terminators. */
export function isWhiteSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** The 0-based offset of the first character of `line` at or after `from` that is not white space (as {@link isWhiteSpaceCode} reads it), or `line.length`. */
export function firstNonSpace(line: string, from = 0): number {
  let i = from;
  while (i < line.length && isWhiteSpaceCode(line.charCodeAt(i))) i++;
  return i;
}

/**
 * A bullet list item (`- x`, `* x`, `+ x`, after at most three white-space characters): the 0-based
 * offset in `line` where its text starts (after the marker and the white space following it), or -1
 * when the line is no bullet. Reads as `/^\s{0,3}[-*+]\s+/`.
 */
export function bulletTextStart(line: string): number {
  let i = 0;
  while (i < 3 && isWhiteSpaceCode(line.charCodeAt(i))) i++;
  const c = line.charCodeAt(i);
  if (c !== 45 /* - */ && c !== 42 /* * */ && c !== 43 /* + */) return -1;
  if (!isWhiteSpaceCode(line.charCodeAt(++i))) return -1;
  return firstNonSpace(line, i);
}
