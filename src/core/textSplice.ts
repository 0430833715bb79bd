/**
 * One replacement between two versions of a text: what the preview sends after an edit instead of the
 * whole document (a word typed into a 168 KB RFC is a few bytes, not 168 KB through the host, the
 * workbench and the webview's frames). Offsets are UTF-16 code units, as JavaScript strings count them;
 * a splice may cut a surrogate pair, and applying it still gives back exactly the new text.
 */

/** Replace `before.slice(start, end)` with `text`. */
export interface TextSplice {
  /** 0-based offset where the replaced part starts. */
  readonly start: number;
  /** 0-based offset just after the replaced part (`start` for an insertion). */
  readonly end: number;
  /** The text put in its place (empty for a deletion). */
  readonly text: string;
}

/**
 * The smallest single replacement that turns `before` into `after`: the common prefix and, of what
 * is left, the common suffix are kept. Linear in the texts' length; `{ start: n, end: n, text: '' }`
 * when they are equal.
 */
export function textSplice(before: string, after: string): TextSplice {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const tailMax = shorter - start;
  while (tail < tailMax && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** `text` with `splice` applied; undefined when the splice does not fit in it (`0 ≤ start ≤ end ≤ text.length`). */
export function applySplice(text: string, splice: TextSplice): string | undefined {
  const { start, end } = splice;
  if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end <= text.length)) return undefined;
  return text.slice(0, start) + splice.text + text.slice(end);
}
