/**
 * Caps the preview applies before unified sees a document, so that no text takes the renderer's time
 * or stack beyond a bound. remark, micromark and the hast utilities recurse once per level of nesting
 * (a 2 KB line of `>` or a 3 KB line of `1. ` overflows the stack), and micromark's inline parser is
 * quadratic in the markers of a paragraph that come to nothing: it looks back from every `]` to the
 * last `[`, and from every closing `*`, `_` or `~` to an opener, and it merges the text they leave
 * with one array splice each (40 000 `]` take seconds). A block — a run of lines between blank lines
 * — that nests too deep, or holds a paragraph with too many inline markers, is not parsed as Markdown:
 * the renderer shows it as plain text, with a note saying why. Every measure here is one pass over the
 * text, and errs on the side of a block being too deep or too costly.
 */
import { scanOutline } from './outline';
import { nextIndexOf } from './scan';
import { splitLines } from './text';

/** Levels of block quotes and list items a line may be nested in. */
export const MAX_NESTING = 64;

/**
 * HTML elements that may be open at once in the document. Counted in code too (where `Vec<T>` is no
 * element: Rust RFCs reach 224), with ample room below the depth at which the HTML utilities
 * overflow the stack (about 2 000).
 */
export const MAX_HTML_NESTING = 500;

/**
 * Inline markers (`[`, `]`, `!`, `*`, `_`, `~`, `` ` ``, `<`, `&`, `\`) a paragraph may hold. Prose
 * has a few dozen; a paragraph at the cap takes micromark a few tens of milliseconds at worst.
 */
export const MAX_INLINE_MARKERS = 1_000;

/**
 * List items a block may open beyond two per line, summed over its lines. micromark's time on a block
 * grows as the square of its lines once each line opens several lists at once (`+ + + + x` on 800
 * lines takes a second, on 400 lines of 40 markers 4 s), while nested lists written one level per line
 * stay linear. Prose opens at most two on a line (`1. - x`); a block over this budget is not parsed.
 */
export const MAX_LIST_OPENINGS = 256;

/** A block the renderer shows as plain text. Lines are 0-based, `endLine` inclusive. */
export interface UnparsedBlock {
  readonly startLine: number;
  readonly endLine: number;
  /** The original text of the block's lines (joined with `\n`). */
  readonly text: string;
  /** Why it is not rendered, for the note shown above it. */
  readonly reason: string;
}

/** What {@link guardMarkdown} returns: the text to parse and the blocks kept out of it. */
export interface GuardedMarkdown {
  /** The document with each unparsed block's lines emptied (line numbers unchanged); the document itself when none is. */
  readonly text: string;
  readonly blocks: readonly UnparsedBlock[];
}

/**
 * Finds the blocks of a Markdown document that nest deeper than {@link MAX_NESTING} (or, with the
 * HTML of the blocks before, {@link MAX_HTML_NESTING}), open more lists at once than {@link MAX_LIST_OPENINGS}
 * allows (fenced code not counted), or hold a paragraph with more than {@link MAX_INLINE_MARKERS} inline markers, and empties their lines. A block is a run
 * of lines between blank ones (lines of spaces and tabs only, as CommonMark has it), fenced code and
 * front matter included: nesting and HTML are measured on every line, so that no line hides from them;
 * inline markers are not counted inside fenced code, which no parser reads for inline markup (a Mermaid
 * diagram of a thousand labelled nodes is drawn, not cut).
 * Blocks kept out for the same reason with only blank lines between them make one.
 */
export function guardMarkdown(source: string): GuardedMarkdown {
  const lines = splitLines(source);
  const blocks: UnparsedBlock[] = [];
  const code = new Set<number>();
  for (const f of scanOutline(lines).fences) for (let l = f.startLine + 1; l < (f.closed ? f.endLine : f.endLine + 1); l++) code.add(l);
  let html = 0; // HTML elements left open by the blocks before: the HTML of the whole document is parsed as one
  for (let start = 0; start < lines.length;) {
    if (isBlank(lines[start])) { start++; continue; }
    let end = start;
    while (end + 1 < lines.length && !isBlank(lines[end + 1])) end++;
    const text = lines.slice(start, end + 1).join('\n');
    const openHtml = htmlNesting(text, html);
    let depth = 0;
    let openings = 0;
    for (let i = start; i <= end; i++) {
      depth = Math.max(depth, containerDepth(lines[i]));
      if (!code.has(i)) openings += Math.max(0, listMarkers(lines[i]) - 2);
    }
    const reason = depth > MAX_NESTING ? `it nests deeper than ${MAX_NESTING} levels`
      : openings > MAX_LIST_OPENINGS ? `its lines open more than ${MAX_LIST_OPENINGS} nested lists at once`
      : openHtml.deepest > MAX_HTML_NESTING ? `its HTML nests deeper than ${MAX_HTML_NESTING} elements`
        : mostInlineMarkers(lines, start, end, code) > MAX_INLINE_MARKERS ? `a paragraph holds more than ${MAX_INLINE_MARKERS} brackets, emphasis or other inline markers` : undefined;
    const previous = blocks[blocks.length - 1];
    if (reason && previous?.reason === reason && lines.slice(previous.endLine + 1, start).every(isBlank)) {
      // The same reason again after blank lines only: one block, one note.
      blocks[blocks.length - 1] = { ...previous, endLine: end, text: lines.slice(previous.startLine, end + 1).join('\n') };
    } else if (reason) blocks.push({ startLine: start, endLine: end, text, reason });
    else html = openHtml.open;
    start = end + 1;
  }
  if (blocks.length === 0) return { text: source, blocks };
  const out = [...lines];
  for (const b of blocks) out.fill('', b.startLine, b.endLine + 1);
  return { text: out.join('\n'), blocks };
}

/** A blank line as CommonMark has it: spaces and tabs only. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (line[i] !== ' ' && line[i] !== '\t') return false;
  return true;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const endsMarker = (c: string | undefined) => c === undefined || c === ' ' || c === '\t';

/**
 * An upper bound of the containers a line is nested in: the block quote (`>`) and list markers
 * (`-`, `*`, `+`, `1.`, `1)`) opening it, plus half its columns of indentation (a nested list item
 * is indented at least two columns per level under its parent), not counting the space that belongs
 * to a marker (one after `>`, up to four after a list marker).
 */
export function containerDepth(line: string): number {
  return leadingContainers(line).depth;
}

/**
 * The list markers (`-`, `*`, `+`, `1.`, `1)`) at the start of a line, before its text, block quote
 * markers and indentation between them skipped: `1. - + x` has 3, `> - x` has 1. A thematic break
 * (`- - -`) counts too, erring on the side of a costly line (see {@link MAX_LIST_OPENINGS}).
 */
export function listMarkers(line: string): number {
  return leadingContainers(line).lists;
}

/** One pass over a line's leading markers: its {@link containerDepth} and its {@link listMarkers}. */
function leadingContainers(line: string): { depth: number; lists: number } {
  let markers = 0;
  let lists = 0;
  let columns = 0;
  let own = 0; // spaces after the last marker that are still its own
  for (let i = 0; i < line.length;) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      if (own > 0) own--;
      else columns += c === ' ' ? 1 : 4 - (columns % 4);
      i++;
    } else if (c === '>') { markers++; own = 1; i++; } else if ((c === '-' || c === '*' || c === '+') && endsMarker(line[i + 1])) { markers++; lists++; own = 4; i++; } else if (isDigit(c)) {
      let j = i;
      while (j - i < 10 && isDigit(line[j])) j++;
      if (j - i > 9 || (line[j] !== '.' && line[j] !== ')') || !endsMarker(line[j + 1])) break;
      markers++;
      lists++;
      own = 4;
      i = j + 1;
    } else break;
  }
  return { depth: markers + Math.floor(columns / 2), lists };
}

/** Elements that never hold others (void), or that a later sibling closes (`<li><li>`): they add no level. */
const FLAT_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rp', 'rt', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
]);

/**
 * HTML elements open after `text`, starting from `open`, and the most open at any point: start tags
 * (`<name` then white space, `/` or `>`) open one, except self-closing and {@link FLAT_ELEMENTS}; end
 * tags close one. Autolinks (`<https://…>`) and comments are no tags.
 */
export function htmlNesting(text: string, open: number): { open: number; deepest: number } {
  const next = nextIndexOf(text);
  let deepest = open;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    const closing = text[lt + 1] === '/';
    let end = lt + (closing ? 2 : 1);
    while (end < text.length && /[A-Za-z0-9-]/.test(text[end])) end++;
    const name = text.slice(lt + (closing ? 2 : 1), end).toLowerCase();
    if (!/^[a-z]/.test(name) || !/^[\s/>]?$/.test(text[end] ?? '')) continue;
    if (closing) { open = Math.max(0, open - 1); continue; }
    const gt = next('>', end);
    if (FLAT_ELEMENTS.has(name) || (gt > 0 && text[gt - 1] === '/')) continue;
    deepest = Math.max(deepest, ++open);
  }
  return { open, deepest };
}

const INLINE_MARKERS = new Set(['[', ']', '!', '*', '_', '~', '`', '<', '&', '\\']);

/**
 * The most inline markers in one paragraph of the block of lines `start`…`end` (inclusive). A
 * paragraph may continue over any line, so the block counts as one, except where a line surely
 * starts a block of its own: an ATX heading, a bullet item, an ordered item numbered 1, or one no
 * more indented than the ordered item that began the paragraph and inside as many block quotes; and
 * the rows of a table (whose cells micromark parses one by one).
 */
export function mostInlineMarkers(lines: readonly string[], start: number, end: number, code: ReadonlySet<number> = new Set()): number {
  const table = end > start && isTableStart(lines[start], lines[start + 1]);
  let most = 0;
  let count = 0;
  let opener = startsBlock(lines[start]); // what the current paragraph began with
  for (let i = start; i <= end; i++) {
    // Fenced code is never read for inline markup (a large Mermaid diagram is all brackets): it ends a paragraph.
    if (code.has(i)) { count = 0; continue; }
    const line = lines[i];
    const opens = startsBlock(line);
    const sameList = opens.kind === 'ordered' && opener.kind === 'ordered' && opens.quotes === opener.quotes && opens.indent <= opener.indent;
    if (i > start && (table || opens.kind === 'block' || (opens.kind === 'ordered' && (opens.number === 1 || sameList)))) {
      count = 0;
      opener = opens;
    }
    for (let j = 0; j < line.length; j++) if (INLINE_MARKERS.has(line[j])) count++;
    most = Math.max(most, count);
  }
  return most;
}

type Opening = { kind: 'block' | 'none' } | { kind: 'ordered'; number: number; indent: number; quotes: number };

/**
 * What a line opens, after its block quote markers and indentation: a heading or bullet item
 * (`block`), an ordered item (its number, the indentation before it and the block quotes around it), or nothing.
 */
function startsBlock(line: string): Opening {
  let i = 0;
  let indent = 0;
  let quotes = 0;
  for (; i < line.length; i++) {
    if (line[i] === '>') { quotes++; indent = 0; } else if (line[i] === ' ') indent++;
    else if (line[i] === '\t') indent += 4 - (indent % 4);
    else break;
  }
  const c = line[i];
  if (c === '#') {
    let level = 0;
    while (line[i + level] === '#') level++;
    return level <= 6 && endsMarker(line[i + level]) ? { kind: 'block' } : { kind: 'none' };
  }
  const hasContent = (from: number) => endsMarker(line[from]) && line.slice(from).trim() !== '';
  if ((c === '-' || c === '*' || c === '+') && hasContent(i + 1)) return { kind: 'block' };
  let j = i;
  while (j - i < 10 && isDigit(line[j])) j++;
  if (j > i && j - i <= 9 && (line[j] === '.' || line[j] === ')') && hasContent(j + 1)) {
    return { kind: 'ordered', number: parseInt(line.slice(i, j), 10), indent, quotes };
  }
  return { kind: 'none' };
}

/**
 * The cells of a table row: split at pipes not escaped with `\`, a leading and a trailing pipe
 * dropped, each trimmed.
 */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') { cell += row.slice(i, i + 2); i++; } else if (row[i] === '|') { out.push(cell); cell = ''; } else cell += row[i];
  }
  out.push(cell);
  const trimmed = out.map(c => c.trim());
  if (trimmed.length > 1 && trimmed[0] === '' && row.trimStart().startsWith('|')) trimmed.shift();
  if (trimmed.length > 1 && trimmed[trimmed.length - 1] === '' && row.trimEnd().endsWith('|')) trimmed.pop();
  return trimmed;
}

/**
 * Whether a block opens with a GFM table: a header row (at most three spaces of indentation, no
 * other block's marker) and a delimiter row (`| --- | :-: |`) with as many cells.
 */
function isTableStart(header: string, delimiter: string): boolean {
  if (!/^ {0,3}[^\s>#`~<]/.test(header) || startsBlock(header).kind !== 'none' || !delimiter.includes('|')) return false;
  const columns = cells(delimiter);
  return columns.every(c => /^:?-+:?$/.test(c)) && cells(header).length === columns.length;
}
