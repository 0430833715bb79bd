/**
 * YAML (and JSON, which is YAML) from a repository, parsed so that no file can take the process
 * down: a size and a nesting-depth limit checked by a linear scan BEFORE the parser sees the text
 * (deep nesting overflows the parser's stack, and collections used as keys make `toJSON` stringify
 * them over and over: a 62-byte `? ? ? … x` asked for gigabytes), every exception caught, and a
 * check that every key is a plain scalar, so that `toJSON` never stringifies a collection.
 */
import { Document, Node as YamlNode, isCollection, isPair, isScalar, parseDocument } from 'yaml';

/** Limits checked before parsing. */
export interface YamlLimits {
  /** Characters. */
  readonly maxLength: number;
  /** Nesting levels: block indentation, compact `- ` / `? ` / `: ` indicators and flow `[` / `{` together. */
  readonly maxDepth: number;
}

/**
 * The limits of configuration files (`.spec-first.*`, `.log4brains.yml`): far above any real one (a
 * few KB). The YAML parser takes about 7 µs a line, and hostile lines (`[a]: x` repeated, each an
 * error) more: at 64 KB it is under a second, at the 256 KB this was once, four.
 */
export const CONFIG_LIMITS: YamlLimits = { maxLength: 64 * 1024, maxDepth: 20 };

/** A problem with a YAML text: a message and the offset (UTF-16 code units) it is at. */
export interface YamlProblem {
  readonly message: string;
  readonly offset: number;
  /** The offset the problem ends at, when known. */
  readonly end?: number;
}

/**
 * Checks a text against the limits without parsing it: one pass, no regular expression. The depth
 * is estimated from the text (indentation levels, compact indicators at the start of a line, open
 * flow brackets outside quotes, comments and block scalars), generously enough that a real file is
 * never refused. Returns the first limit broken, or undefined.
 */
export function checkYamlLimits(text: string, limits: YamlLimits = CONFIG_LIMITS): YamlProblem | undefined {
  if (text.length > limits.maxLength) {
    return { message: `The file has ${text.length} characters, more than the ${limits.maxLength} read: it is not read.`, offset: 0 };
  }
  const tooDeep = (offset: number): YamlProblem => ({ message: `The file nests more than ${limits.maxDepth} levels deep: it is not read.`, offset });
  const indents: number[] = [];
  let blockDepth = 0; // the depth of the current line's block context, kept while a flow collection or a quote spans lines
  let flow = 0;
  let quote = 0; // the open quote's character code, 0 when none
  let blockScalarParent = -1; // the indentation a block scalar's lines are deeper than, -1 when none
  for (let start = 0, lineEnd = lineEndAt(text, 0); start < text.length; start = afterBreak(text, lineEnd), lineEnd = lineEndAt(text, start)) {
    let p = start;
    while (p < lineEnd && text.charCodeAt(p) === 32) p++;
    const indent = p - start;
    const blank = p === lineEnd || text.charCodeAt(p) === 35; // #
    if (blockScalarParent >= 0 && (blank || indent > blockScalarParent)) continue;
    blockScalarParent = -1;
    if (quote === 0 && flow === 0 && !blank) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      blockDepth = indents.length;
      // Compact nesting on one line: `- - x`, `? ? x`, `- ? x`.
      while (p < lineEnd && isIndicator(text, p, lineEnd)) {
        blockDepth++;
        p++;
        while (p < lineEnd && text.charCodeAt(p) === 32) p++;
      }
      if (blockDepth > limits.maxDepth) return tooDeep(p);
    }
    let contentEnd = lineEnd;
    let before = 0; // the last character outside quotes and spaces on this line, 0 at its start
    for (; p < lineEnd; p++) {
      const c = text.charCodeAt(p);
      if (quote !== 0) {
        if (c === 92 && quote === 34) p++; // \ escapes in "…"
        else if (c === quote && quote === 39 && text.charCodeAt(p + 1) === 39) p++; // '' in '…'
        else if (c === quote) { before = quote; quote = 0; }
        continue;
      }
      if (c === 35 && (p === start || isSpace(text.charCodeAt(p - 1)))) {
        contentEnd = p;
        break;
      }
      if ((c === 34 || c === 39) && opensScalar(before)) {
        quote = c;
      } else if (c === 91 || c === 123) { // [ {
        flow++;
        if (blockDepth + flow > limits.maxDepth) return tooDeep(p);
      } else if ((c === 93 || c === 125) && flow > 0) { // ] }
        flow--;
      }
      if (!isSpace(c)) before = c;
    }
    if (quote === 0 && flow === 0 && endsWithBlockScalarHeader(text, start, contentEnd)) blockScalarParent = indent;
  }
  return undefined;
}

/**
 * Parses YAML behind {@link checkYamlLimits}, catching every exception. Returns the document, or the
 * first problem: a limit broken, the parser's first error, a key that is not a plain scalar (a
 * collection or an alias), or an exception. Never throws.
 */
export function parseYamlWithin(text: string, limits: YamlLimits = CONFIG_LIMITS): { doc?: Document.Parsed; problems: YamlProblem[] } {
  const over = checkYamlLimits(text, limits);
  if (over) return { problems: [over] };
  try {
    // Not the parser's `uniqueKeys`: it compares each key with every key before it (a 32 KB file of
    // distinct keys took a second); keyProblem finds a repeated key with a set.
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      return { doc, problems: doc.errors.map(e => ({ message: e.message.split('\n')[0], offset: e.pos[0], end: e.pos[1] })) };
    }
    const bad = keyProblem(doc.contents);
    if (bad) return { doc, problems: [{ message: bad.message, offset: bad.key.range?.[0] ?? 0, end: bad.key.range?.[1] }] };
    return { doc, problems: [] };
  } catch (err) {
    return { problems: [{ message: `The file could not be read as YAML: ${err instanceof Error ? err.message : String(err)}`, offset: 0 }] };
  }
}

/**
 * The first map key (in document order) that is not a scalar (a collection or an alias), or that
 * repeats a key of its map, with the message to show; undefined when every key is a distinct plain
 * scalar. Linear: one set of keys per map. Iterative: no recursion on the input's depth.
 */
function keyProblem(root: unknown): { key: YamlNode; message: string } | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      if (node.key !== null && node.key !== undefined && !isScalar(node.key)) {
        return { key: node.key as YamlNode, message: 'Keys must be plain words or quoted strings, not lists, objects or aliases.' };
      }
      stack.push(node.value);
    } else if (isCollection(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const value = item.key.value;
        if (seen.has(value)) return { key: item.key, message: 'Map keys must be unique' };
        seen.add(value);
      }
      for (let k = node.items.length - 1; k >= 0; k--) stack.push(node.items[k]);
    }
  }
  return undefined;
}

/** The offset of the line break that ends the line starting at `start` (or the text's end). */
function lineEndAt(text: string, start: number): number {
  for (let p = start; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) return p;
  }
  return text.length;
}

/** The start of the line after the break at `lineEnd`. */
function afterBreak(text: string, lineEnd: number): number {
  return text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** A block indicator (`-`, `?`, `:`) at `p`, followed by a space or the line's end. */
function isIndicator(text: string, p: number, lineEnd: number): boolean {
  const c = text.charCodeAt(p);
  return (c === 45 || c === 63 || c === 58) && (p + 1 === lineEnd || isSpace(text.charCodeAt(p + 1)));
}

/**
 * Whether a quote opens a quoted scalar, from the character before it (spaces skipped; 0 at the
 * line's start): after `:`, `-`, `?`, `[`, `{` or `,`. Elsewhere (`it's`, `a 'b`) it is part of a plain scalar.
 */
function opensScalar(before: number): boolean {
  return before === 0 || before === 58 || before === 45 || before === 63 || before === 91 || before === 123 || before === 44;
}

/**
 * Whether `text[lineStart, contentEnd)` (a line without its comment) ends with a block scalar header:
 * `|` or `>` after a space or at the line's start, with up to two indicators (`|-`, `>+`, `|2-`).
 */
function endsWithBlockScalarHeader(text: string, lineStart: number, contentEnd: number): boolean {
  let end = contentEnd;
  while (end > lineStart && isSpace(text.charCodeAt(end - 1))) end--;
  let p = end;
  while (p > lineStart && end - p < 2 && isBlockIndicator(text.charCodeAt(p - 1))) p--;
  const header = text.charCodeAt(p - 1);
  return p > lineStart && (header === 124 || header === 62) && (p - 1 === lineStart || isSpace(text.charCodeAt(p - 2)));
}

/** A block scalar's chomping (`+`, `-`) or indentation (`1`–`9`) indicator. */
function isBlockIndicator(c: number): boolean {
  return c === 43 || c === 45 || (c >= 49 && c <= 57);
}
