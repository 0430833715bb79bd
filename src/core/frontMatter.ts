/**
 * YAML front matter, read with the `yaml` package (flat `key: value` front matter by the fast path
 * of `flatYaml.ts`, which returns what `yaml` would). Errors are mapped back to document positions
 * so they can be shown on the front matter itself.
 */
import { parseDocument } from 'yaml';
import { readFlatYaml } from './flatYaml';
import { FrontMatterBlock } from './outline';
import { Range, range } from './text';

/** Parsed front matter: the mapping's values (strings, numbers, lists…) or the first error. */
export interface FrontMatter {
  readonly data: Readonly<Record<string, unknown>>;
  /** Set when the YAML is invalid or not a mapping; `data` is then `{}`. Range in 0-based document lines. */
  readonly error?: { readonly message: string; readonly range: Range };
}

/**
 * Parses the YAML of a front matter block found by the outline scanner. Never throws: invalid YAML
 * gives `{ data: {}, error }` with the error's position in the document (0-based line/character).
 */
export function parseFrontMatter(block: FrontMatterBlock): FrontMatter {
  // Flat `key: value` front matter, what records write, is read without `yaml` (the same result, a fraction of the time).
  const flat = readFlatYaml(block.raw);
  if (flat) return { data: flat };
  const first = block.contentStartLine;
  const deep = tooDeep(block.raw);
  if (deep !== undefined) {
    return { data: {}, error: { message: `Front matter is nested more than ${MAX_DEPTH} levels deep.`, range: range(first + deep, 0, first + deep, 0) } };
  }
  // `yaml` makes an Error for every problem (one per character of a hostile line), and only the first
  // is shown: without `prettyErrors` (a line/column and a context snippet for each) and without stack
  // traces (most of the time left), 16 KB of `]` parse in milliseconds rather than a large fraction of a second.
  // `Error.stackTraceLimit` is V8's (Node, Chromium's webview); elsewhere setting it does nothing.
  const errors = Error as { stackTraceLimit?: number };
  const stackTraceLimit = errors.stackTraceLimit;
  errors.stackTraceLimit = 0;
  try {
    const doc = parseDocument(block.raw, { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      return { data: {}, error: { message: e.message.split('\n')[0].trim(), range: rangeAt(block.raw, e.pos[0], first) } };
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return { data: {} };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { data: {}, error: { message: 'Front matter must be a YAML mapping of keys to values (such as `status: accepted`).', range: range(first, 0, first, 0) } };
    }
    return { data: value as Record<string, unknown> };
  } catch (err) {
    // `yaml` reports through doc.errors; this is for the unexpected (alias bombs and the like).
    return { data: {}, error: { message: `Front matter could not be read: ${(err as Error).message}`, range: range(first, 0, first, 0) } };
  } finally {
    errors.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * The document range of the character at `offset` in the YAML text `raw` (whose first line is the
 * document's 0-based line `first`): one character, or none at the end of its line, never past it.
 */
function rangeAt(raw: string, offset: number, first: number): Range {
  const at = Math.max(0, Math.min(offset, raw.length));
  let line = 0;
  let lineStart = 0;
  for (let i = raw.indexOf('\n'); i >= 0 && i < at; i = raw.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const newline = raw.indexOf('\n', lineStart);
  const lineEnd = newline < 0 ? raw.length : newline;
  const character = at - lineStart;
  return range(first + line, character, first + line, Math.min(character + 1, lineEnd - lineStart));
}

/** Deeper nesting is refused unparsed: the `yaml` package recurses once per level, and a few hundred levels take it seconds (`? ? ? …`) or overflow the stack, which can abort the whole process. */
const MAX_DEPTH = 64;

/**
 * The 0-based line (within `raw`) where YAML nesting first exceeds {@link MAX_DEPTH}, or undefined.
 * Depth counts a quarter of the indentation (deep indentation alone is cheap), the `- `, `? ` and `: `
 * indicators opening the line, those later in the line but the first (`a: b: c`, `? a: ? b:`:
 * compact nesting, which `yaml` also recurses into), and the flow brackets still open (quotes are not
 * parsed: only a pathological document reaches the limit).
 */
function tooDeep(raw: string): number | undefined {
  let flow = 0;
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let indent = 0;
    while (line[indent] === ' ' || line[indent] === '\t') indent++;
    let leading = 0; // indicators opening the line
    let inline = 0; // indicators after it
    let opening = true;
    let deepest = flow;
    for (let j = indent; j < line.length; j++) {
      const c = line[j];
      const next = line[j + 1];
      if ((c === '-' || c === '?' || c === ':') && (next === undefined || next === ' ' || next === '\t')) {
        if (opening) leading++;
        else inline++;
      } else if (c !== ' ' && c !== '\t') opening = false;
      if (c === '[' || c === '{') deepest = Math.max(deepest, ++flow);
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (Math.ceil(indent / 4) + leading + Math.max(0, inline - 1) + deepest > MAX_DEPTH) return i;
  }
  return undefined;
}

/** A front matter value as one line of text, or undefined when absent or not a scalar. */
export function frontMatterString(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = data[key];
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}
