/**
 * The outline scanner: one pass over a Markdown document's lines that finds what the decision
 * model and the structural lint rules need — front matter, headings (ATX and setext) with their
 * sections, and fenced code blocks — without building a syntax tree. It follows CommonMark where
 * that matters for headings (at most three spaces of indent, `#` runs of 1–6 followed by a space,
 * setext underlines under a paragraph, nothing inside fences or HTML comments counts), and is
 * about as fast as reading the file (see `bench/`).
 */
import { firstNonSpace, nextIndexOf, removeSpans } from './scan';
import { Range, range, splitLines } from './text';

/** A heading and the section it opens. */
export interface Heading {
  /** 1–6. */
  readonly level: number;
  /** The heading's text, trimmed, with an ATX closing sequence removed; inline markup is kept. */
  readonly text: string;
  /** 0-based line of the heading (for a setext heading, its first text line). */
  readonly line: number;
  /** The heading's text on its line (0-based characters). */
  readonly range: Range;
  /** 0-based line where the section ends (exclusive): the next heading of the same or a higher level, or the line count. */
  endLine: number;
  /** Whether the section, sub-sections included, holds anything besides blank lines, HTML comments and thematic breaks. */
  hasContent: boolean;
  /** 0-based line of the last line with content in the section (sub-sections included); `line` when none. */
  lastContentLine: number;
}

/** A fenced code block (```` ``` ```` or `~~~`). */
export interface FencedBlock {
  /** The first word of the info string, lower case (`mermaid`), or `''`. */
  readonly lang: string;
  /** 0-based line of the opening fence. */
  readonly startLine: number;
  /** 0-based line of the closing fence; the last line of the document when the block is never closed. */
  endLine: number;
  closed: boolean;
}

/**
 * The 0-based lines of fenced code blocks, each from its opening fence to its closing one (to the
 * last line of the document for a block never closed), fences included: where Markdown's text is code.
 */
export function fencedLines(fences: readonly FencedBlock[]): Set<number> {
  const lines = new Set<number>();
  for (const f of fences) for (let l = f.startLine; l <= f.endLine; l++) lines.add(l);
  return lines;
}

/** YAML front matter between `---` lines at the very top of the document. */
export interface FrontMatterBlock {
  /** The YAML text between the delimiters (lines joined with `\n`). */
  readonly raw: string;
  /** 0-based line of the first YAML line (always 1). */
  readonly contentStartLine: number;
  /** 0-based line of the closing delimiter. */
  readonly endLine: number;
}

/** What {@link scanOutline} finds in a document. */
export interface Outline {
  readonly lineCount: number;
  readonly frontMatter?: FrontMatterBlock;
  /** Every heading, in document order. */
  readonly headings: readonly Heading[];
  readonly fences: readonly FencedBlock[];
}

const SPACE = 32, TAB = 9, HASH = 35, BACKTICK = 96, TILDE = 126;

/** Number of leading spaces (a tab counts as reaching the next multiple of 4). */
function indentOf(line: string): number {
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else return col;
  }
  return col;
}

/** True for a line of white space only (as `String.prototype.trim` reads white space). */
function isBlank(line: string, from = 0): boolean {
  return firstNonSpace(line, from) === line.length;
}

/** `# Title ##` → { level, text, start, end } or undefined. */
function atxHeading(line: string): { level: number; text: string; start: number; end: number } | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === SPACE) i++;
  if (line.charCodeAt(i) !== HASH) return undefined;
  let level = 0;
  while (line.charCodeAt(i + level) === HASH) level++;
  if (level > 6) return undefined;
  const after = i + level;
  if (after < line.length && line.charCodeAt(after) !== SPACE && line.charCodeAt(after) !== TAB) return undefined;
  let body = line.slice(after);
  // Closing sequence: spaces, then #s, then spaces, at the end of the line. Scanned from the end, not
  // with a regex: `[ \t]+#+[ \t]*$` backtracks quadratically on a long run of spaces inside the line.
  let end = body.length;
  while (end > 0 && (body.charCodeAt(end - 1) === SPACE || body.charCodeAt(end - 1) === TAB)) end--;
  let hashes = end;
  while (hashes > 0 && body.charCodeAt(hashes - 1) === HASH) hashes--;
  if (hashes < end && (hashes === 0 || body.charCodeAt(hashes - 1) === SPACE || body.charCodeAt(hashes - 1) === TAB)) body = body.slice(0, hashes);
  const text = body.trim();
  const start = text ? line.indexOf(text, after) : after;
  return { level, text, start, end: start + text.length };
}

/**
 * An opening code fence: at most three spaces, then three or more backticks or tildes; the fence's
 * character, length and info string (the rest of the line). Reads as `/^( {0,3})(`{3,}|~{3,})(.*)$/`
 * without its quadratic backtracking on a long fence.
 */
function openingFence(line: string): { char: number; len: number; info: string } | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === SPACE) i++;
  const char = line.charCodeAt(i);
  if (char !== BACKTICK && char !== TILDE) return undefined;
  let len = 0;
  while (line.charCodeAt(i + len) === char) len++;
  return len >= 3 ? { char, len, info: line.slice(i + len) } : undefined;
}

/**
 * A thematic break (`---`, `***`, `_ _ _`): at most three spaces, then three or more of one of `-`,
 * `*`, `_`, with spaces and tabs between and after. Reads as `/^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/`.
 */
function isThematicBreak(line: string): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === SPACE) i++;
  const mark = line[i];
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let count = 0;
  for (; i < line.length; i++) {
    if (line[i] === mark) count++;
    else if (line[i] !== ' ' && line[i] !== '\t') return false;
  }
  return count >= 3;
}

const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const NOT_PARAGRAPH = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||<!--|[-*_][ \t]*[-*_][ \t]*[-*_])/;

/**
 * Scans a document. Takes its text, or its lines as {@link splitLines} gives them. Never throws.
 * Returns the {@link Outline}, with 0-based lines.
 */
export function scanOutline(input: string | readonly string[]): Outline {
  const lines = typeof input === 'string' ? splitLines(input) : input;
  const n = lines.length;
  const headings: Heading[] = [];
  const fences: FencedBlock[] = [];
  const stack: Heading[] = [];
  let frontMatter: FrontMatterBlock | undefined;
  let i = 0;

  const first = n > 0 ? lines[0].replace(/^\uFEFF/, '') : '';
  if (/^---[ \t]*$/.test(first)) {
    for (let j = 1; j < n; j++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(lines[j])) {
        frontMatter = { raw: lines.slice(1, j).join('\n'), contentStartLine: 1, endLine: j };
        i = j + 1;
        break;
      }
    }
  }

  const markContent = (line: number) => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const h = stack[k];
      if (h.lastContentLine < line) h.lastContentLine = line;
      h.hasContent = true;
    }
  };
  const open = (h: Heading) => {
    while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop()!.endLine = h.line;
    stack.push(h);
    headings.push(h);
  };

  let fence: { char: number; len: number; block: FencedBlock } | undefined;
  let inComment = false;
  let paragraphStart = -1; // first line of the paragraph the previous line belongs to, or -1
  // What the open sections held before that paragraph began: restored if it turns out to be a setext heading.
  let beforeParagraph: { h: Heading; lastContentLine: number; hasContent: boolean }[] = [];

  for (; i < n; i++) {
    const line = i === 0 ? first : lines[i];

    if (fence) {
      const start = firstNonSpace(line);
      if (line.charCodeAt(start) === fence.char && indentOf(line) < 4) {
        let len = 0;
        while (line.charCodeAt(start + len) === fence.char) len++;
        if (len >= fence.len && isBlank(line, start + len)) {
          fence.block.endLine = i;
          fence.block.closed = true;
          fence = undefined;
        }
      }
      markContent(i);
      continue;
    }

    if (inComment) {
      if (line.includes('-->')) {
        inComment = false;
        if (!isBlank(line, line.indexOf('-->') + 3)) markContent(i);
      }
      continue;
    }

    const textStart = firstNonSpace(line);
    if (textStart === line.length) {
      paragraphStart = -1;
      continue;
    }

    const indent = indentOf(line);
    if (indent < 4) {
      const c = line.charCodeAt(textStart);

      if (c === HASH) {
        const atx = atxHeading(line);
        if (atx) {
          open({
            level: atx.level, text: atx.text, line: i, range: range(i, atx.start, i, atx.end),
            endLine: n, hasContent: false, lastContentLine: i,
          });
          paragraphStart = -1;
          continue;
        }
      }

      if (c === BACKTICK || c === TILDE) {
        const m = openingFence(line);
        if (m && !(m.char === BACKTICK && m.info.includes('`'))) {
          const block: FencedBlock = { lang: m.info.trim().split(/[\s{]/)[0].toLowerCase(), startLine: i, endLine: n - 1, closed: false };
          fences.push(block);
          fence = { char: m.char, len: m.len, block };
          markContent(i);
          paragraphStart = -1;
          continue;
        }
      }

      if (paragraphStart >= 0 && (c === 61 /* = */ || c === 45 /* - */) && SETEXT.test(line)) {
        const text = lines.slice(paragraphStart, i).map(l => l.trim()).join(' ');
        const raw = lines[paragraphStart];
        const start = raw.length - raw.trimStart().length;
        const h: Heading = {
          level: c === 61 ? 1 : 2, text, line: paragraphStart,
          range: range(paragraphStart, start, paragraphStart, raw.trimEnd().length),
          endLine: n, hasContent: false, lastContentLine: i,
        };
        // The paragraph's lines were counted as content of the previous section: take them back.
        for (const s of beforeParagraph) {
          s.h.lastContentLine = s.lastContentLine;
          s.h.hasContent = s.hasContent;
        }
        open(h);
        paragraphStart = -1;
        continue;
      }

      if (c === 60 /* < */ && line.startsWith('<!--', textStart)) {
        const rest = line.slice(line.indexOf('<!--') + 4);
        const close = rest.indexOf('-->');
        if (close < 0) inComment = true;
        else if (!isBlank(rest, close + 3)) markContent(i);
        paragraphStart = -1;
        continue;
      }

      if (isThematicBreak(line)) {
        paragraphStart = -1; // a thematic break: structure, not content
        continue;
      }
      if (paragraphStart < 0 && !NOT_PARAGRAPH.test(line)) {
        paragraphStart = i;
        beforeParagraph = stack.map(h => ({ h, lastContentLine: h.lastContentLine, hasContent: h.hasContent }));
      }
    } else {
      paragraphStart = paragraphStart >= 0 ? paragraphStart : -1;
    }
    markContent(i);
  }

  return { lineCount: n, frontMatter, headings, fences };
}

/** Normalized short texts by text (the same section names, "Context", "Decision", recur in every record), long ones by object. */
const keysByText = new Map<string, string>();
const keysByItem = new WeakMap<object, string>();
const MAX_KEYS = 4096;
const MAX_KEYED_TEXT = 200;

/**
 * {@link normalizeHeading} of an object's `text` (a heading) or `title` (a template's section),
 * computed once per short text (a few thousand are remembered) or per object: matching runs for
 * every kind on every record the index reads.
 */
export function headingKey(item: { readonly text: string } | { readonly title: string }): string {
  const text = 'text' in item ? item.text : item.title;
  const short = text.length <= MAX_KEYED_TEXT;
  let key = short ? keysByText.get(text) : keysByItem.get(item);
  if (key === undefined) {
    key = normalizeHeading(text);
    if (!short) keysByItem.set(item, key);
    else {
      if (keysByText.size >= MAX_KEYS) keysByText.clear();
      keysByText.set(text, key);
    }
  }
  return key;
}

/**
 * Normalizes a heading's text for matching against a template's section names: lower case, inline
 * markup, a leading number (`3.`, `3)`, `III.`, `A.`) and trailing punctuation removed, `&` read as
 * "and", runs of space collapsed. `## 3. Decision Outcome:` → `decision outcome`.
 */
export function normalizeHeading(text: string): string {
  const s = withoutInlineMarkup(removeSpans(text.toLowerCase(), '<!--', '-->', 'drop'))
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z][.)])\s+/, '')
    .replace(/&/g, ' and ');
  // Trailing punctuation and space, removed from the end by hand: `[\s:.?!-]+$` backtracks
  // quadratically on a long run of spaces inside the text.
  let end = s.length;
  while (end > 0 && /[\s:.?!-]/.test(s[end - 1])) end--;
  return s.slice(0, end).replace(/\s+/g, ' ').trim();
}

/**
 * A heading's text without emphasis and code markers (`*`, `_`, `` ` ``, `~`), brackets, and link
 * targets: `[Kafka](https://kafka.apache.org)` → `Kafka`. Reads as
 * `text.replace(/[*_`~]|\[|\]\([^)]*\)|\]/g, '')`, in one pass where that pattern reads to the
 * line's end from every `](` that nothing closes.
 */
function withoutInlineMarkup(text: string): string {
  const next = nextIndexOf(text);
  let out = '';
  let from = 0; // start of the text not yet copied
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 42 && c !== 95 && c !== 96 && c !== 126 && c !== 91 && c !== 93) continue; // * _ ` ~ [ ]
    out += text.slice(from, i);
    from = i + 1;
    if (c === 93 && text.charCodeAt(i + 1) === 40 /* ( */) {
      const close = next(')', i + 2);
      if (close >= 0) from = (i = close) + 1;
    }
  }
  return out + text.slice(from);
}
