/**
 * Incremental rendering for the preview: the document is cut into top-level blocks (runs of remark's
 * top-level nodes that start after a blank line), each rendered on its own; an edit re-parses and
 * re-renders only the blocks it touched, and the output is exactly {@link renderMarkdown}'s.
 *
 * A block boundary is a line where remark's parse of the whole document starts a top-level node after
 * a blank line, with no raw HTML element left open before it. What is before such a line is parsed
 * the same whatever follows, so an edit re-parses from the boundary before it (or the one before
 * that, when the block there is a list or code, which an indented line could continue) to the line
 * where the next unchanged block starts, and accepts the result only if that line still starts a
 * block: then everything after it parses as before. What makes one block's HTML depend on others is
 * handled across blocks or makes a full render:
 * - reference definitions: the definitions of other blocks that a re-parsed text may name are parsed
 *   with it (before it); a definition added, removed or changed renders the whole document again;
 * - heading slugs (`-1`, `-2` for repeated titles): numbered over the whole document after each
 *   edit; a block whose slugs changed is rendered again;
 * - `data-line` and `data-diagram` (Mermaid block numbers): each block's are relative to its first
 *   line and its first diagram, stamped with {@link stampBlock};
 * - raw HTML: a block boundary is never inside an element a raw tag left open (`<details>` … `</details>`
 *   across paragraphs is one block);
 * - footnote definitions, definitions inside containers, and any block the render guard keeps out of
 *   the parse (`renderGuard.ts`): the document renders as one block, with {@link renderMarkdown};
 * - front matter (the header), and the render options: an edit in the first block, or other options,
 *   render everything again.
 * Pure: no DOM, no `vscode`. The equivalence with a full render is a property test (random edits on
 * the corpus, both ways, HTML compared).
 */
import GithubSlugger from 'github-slugger';
import type { Definition, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { type PreparedTree, type RenderOptions, type RenderedDiagram, type RenderedDocument, finishTree, frontMatterHtml, parseMarkdown, prepareTree, renderParsed } from './render';
import { guardMarkdown } from './renderGuard';

/** A part of the page. The page is the blocks' HTML, each stamped with {@link stampBlock}, in order. */
export interface PreviewBlock {
  /** Its identity: the same id always has the same `html` (its place may change: `line`, `diagramIndex`). */
  readonly id: number;
  /** 0-based line where it starts: the `data-line` attributes of `html` count from it. */
  readonly line: number;
  /** The document's number of its first Mermaid block: its `data-diagram` attributes count from it. */
  readonly diagramIndex: number;
  /** Sanitized HTML, with the line break that separates it from the block before when there is one. */
  readonly html: string;
  /** Its Mermaid blocks, lines relative to `line`. */
  readonly diagrams: readonly RenderedDiagram[];
}

/** What {@link IncrementalRenderer.render} returns. */
export interface IncrementalRender {
  readonly blocks: readonly PreviewBlock[];
  /** How many blocks were rendered for this version (the others are the previous version's). */
  readonly rendered: number;
  /** Whether the whole document was rendered again. */
  readonly full: boolean;
}

/** A reference definition of a block: what it defines, and its text, to parse with other blocks. */
interface BlockDefinition {
  readonly identifier: string;
  readonly url: string;
  readonly title: string | null | undefined;
  readonly source: string;
  /** The identifier's first word: a text that does not hold it cannot name the definition. */
  readonly word: string;
}

interface Block {
  readonly id: number;
  readonly line: number;
  /** The HTML without the separator; relative lines and diagram numbers. */
  readonly body: string;
  /** Whether remark-rehype gives it any node (a block of definitions only gives none, nor a separator). */
  readonly emits: boolean;
  readonly lead: boolean;
  readonly headings: readonly string[];
  readonly slugs: readonly string[];
  readonly diagrams: readonly RenderedDiagram[];
  readonly definitions: readonly BlockDefinition[];
  /** Whether its last node is one that an indented line after a blank one continues (a list, code). */
  readonly continuable: boolean;
}

/** A block parsed and prepared, its slugs not yet known. */
interface Pending {
  readonly line: number;
  readonly tree: PreparedTree;
  readonly emits: boolean;
  readonly definitions: readonly BlockDefinition[];
  readonly continuable: boolean;
}

interface State {
  readonly text: string;
  readonly starts: readonly number[];
  readonly optionsKey: string;
  /** Undefined when the document renders as one block (see the module's comment). */
  readonly blocks: readonly Block[] | undefined;
  readonly header: PreviewBlock | undefined;
  readonly result: IncrementalRender;
}

/** Thrown inside an update to fall back to a full render. */
class FullRender extends Error {}

let nextId = 1;

/**
 * Renders successive versions of one document, each time only the blocks that changed since the
 * previous version (see the module's comment). One renderer per document shown.
 */
export class IncrementalRenderer {
  private state: State | undefined;

  /**
   * Renders `text` (any line ends, a BOM allowed) with `options`. Returns its blocks, whose stamped
   * HTML joined is exactly `renderMarkdown(text, options).html` (see {@link blocksHtml}), reusing the
   * previous version's blocks that did not change. Never throws on any text (an internal
   * inconsistency falls back to a full render; a parser failure propagates, as from `renderMarkdown`).
   */
  render(text: string, options: RenderOptions = {}): IncrementalRender {
    const source = text.replace(/^\uFEFF/, '');
    const optionsKey = (options.statuses ?? []).join('\n');
    const previous = this.state;
    if (previous && previous.text === source && previous.optionsKey === optionsKey) return { ...previous.result, rendered: 0, full: false };
    const starts = lineStarts(source);
    const guarded = guardMarkdown(source);
    if (guarded.blocks.length === 0 && previous?.blocks && previous.optionsKey === optionsKey) {
      try {
        return this.commit(source, starts, optionsKey, previous.header, updateBlocks(previous, source, starts), false);
      } catch (err) {
        if (!(err instanceof FullRender)) throw err;
      }
    }
    if (guarded.blocks.length > 0) return this.whole(source, starts, optionsKey, renderParsed(source, parseMarkdown(guarded.text), guarded.blocks, options));
    const mdast = parseMarkdown(source);
    if (!independent(mdast, source)) return this.whole(source, starts, optionsKey, renderParsed(source, mdast, [], options));
    const header = frontMatterHtml(source, options.statuses);
    const headerBlock = header === undefined ? undefined : { id: nextId++, line: 0, diagramIndex: 0, html: header, diagrams: [] };
    const definitions = mdast.children.filter(isDefinition);
    const pending = groupNodes(mdast.children, source, starts, 0).map(g => prepare(g, definitions, source, 0));
    return this.commit(source, starts, optionsKey, headerBlock, finish(pending, () => { throw new Error('a new document has no blocks to render again'); }), true);
  }

  /** Forgets the previous version: the next one renders in full. */
  reset(): void {
    this.state = undefined;
  }

  private whole(source: string, starts: readonly number[], optionsKey: string, rendered: RenderedDocument): IncrementalRender {
    const result = { blocks: [{ id: nextId++, line: 0, diagramIndex: 0, html: rendered.html, diagrams: rendered.diagrams }], rendered: 1, full: true };
    this.state = { text: source, starts, optionsKey, blocks: undefined, header: undefined, result };
    return result;
  }

  private commit(source: string, starts: readonly number[], optionsKey: string, header: PreviewBlock | undefined, update: { blocks: Block[]; rendered: number }, full: boolean): IncrementalRender {
    const out: PreviewBlock[] = header ? [header] : [];
    let diagramIndex = 0;
    for (const b of update.blocks) {
      out.push({ id: b.id, line: b.line, diagramIndex, html: b.lead ? `\n${b.body}` : b.body, diagrams: b.diagrams });
      diagramIndex += b.diagrams.length;
    }
    const result = { blocks: out, rendered: update.rendered + (full && header ? 1 : 0), full };
    this.state = { text: source, starts, optionsKey, blocks: update.blocks, header, result };
    return result;
  }
}

/**
 * The blocks' HTML, stamped and joined: the page. Equals `renderMarkdown(text, options).html` for the
 * text and options the blocks were rendered from.
 */
export function blocksHtml(blocks: readonly PreviewBlock[]): string {
  return blocks.map(b => stampBlock(b.html, b.line, b.diagramIndex)).join('');
}

/**
 * Whether the document's blocks render on their own: no footnote definition, every definition at the
 * top level, no `---` or `+++` line first that opens no front matter, and the first node that gives HTML is not raw HTML that the HTML parser reads differently
 * before any start tag (anything but a start tag of an element of the body).
 */
function independent(root: MdastRoot, text: string): boolean {
  // A `---` or `+++` that opens no front matter makes micromark read every list item after it as a paragraph.
  if ((text.startsWith('---') || text.startsWith('+++')) && !['yaml', 'toml'].includes(root.children[0]?.type ?? '')) return false;
  const first = root.children.find(n => !EMPTY_TYPES.has(n.type));
  if (first?.type === 'html' && !opensBody(first.value)) return false;
  let ok = true;
  const visit = (node: MdastContent | MdastRoot, topLevel: boolean) => {
    if (!ok) return;
    if (node.type === 'footnoteDefinition' || (node.type === 'definition' && !topLevel)) { ok = false; return; }
    if ('children' in node) for (const child of node.children) visit(child, node.type === 'root');
  };
  visit(root, false);
  return ok;
}

/** Nodes for which remark-rehype gives nothing. */
const EMPTY_TYPES = new Set(['definition', 'yaml', 'toml', 'footnoteDefinition']);

/** Start tags that the HTML parser of a fragment reads with other rules than a body's, before the first start tag. */
const NOT_BODY_START = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'script', 'style', 'template', 'title', 'caption', 'colgroup', 'tbody', 'tfoot', 'thead', 'col', 'tr', 'td', 'th']);

/** Whether raw HTML starts (after white space) with the start tag of an element of the body. */
function opensBody(html: string): boolean {
  const name = /^[\t\n\r ]*<([A-Za-z][A-Za-z0-9-]*)/.exec(html)?.[1];
  return name !== undefined && !NOT_BODY_START.has(name.toLowerCase());
}

const isDefinition = (node: MdastContent): node is Definition => node.type === 'definition';

/**
 * Offsets where each line starts (line ends as CommonMark has them: `\r\n`, `\r`, `\n`). Linear.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Whether 0-based line `line` of `text` is blank (spaces and tabs only). */
function isBlankLine(text: string, starts: readonly number[], line: number): boolean {
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  for (let i = starts[line]; i < end; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return false;
  }
  return true;
}

/** The 0-based line of the first line start at or before `offset`. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);

/**
 * Follows the raw HTML of `html` (one node's value) on a stack of the elements it leaves open:
 * a start tag pushes (void elements excepted), an end tag pops only the element on top of the stack
 * with its name; comments, declarations and processing instructions are skipped. It errs on the side
 * of an element being open (an end tag that does not match the top is kept as not closing anything),
 * which only makes a block longer. Linear.
 */
export function followHtml(html: string, stack: string[]): void {
  for (let i = html.indexOf('<'); i >= 0 && i < html.length; i = html.indexOf('<', i)) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const closing = html[i + 1] === '/';
    let j = i + (closing ? 2 : 1);
    const nameStart = j;
    while (j < html.length && /[A-Za-z0-9-]/.test(html[j])) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    if (!/^[a-z]/.test(name)) { i++; continue; }
    // The rest of the tag: attribute values in quotes may hold `>`.
    let quote = '';
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) { if (c === quote) quote = ''; } else if (c === '"' || c === '\'') quote = c;
      else if (c === '>') break;
    }
    i = j + 1;
    if (closing) {
      if (stack[stack.length - 1] === name) stack.pop();
    } else if (!VOID_ELEMENTS.has(name)) stack.push(name);
  }
}

/** The raw HTML values in a node and its descendants, in document order, through `stack` (see {@link followHtml}). */
function followNodeHtml(node: MdastContent, stack: string[]): void {
  if (node.type === 'html') followHtml(node.value, stack);
  else if ('children' in node) for (const child of node.children) followNodeHtml(child, stack);
}

/** A run of top-level nodes that renders on its own. `line` is its first line in the parsed text. */
interface Group {
  readonly line: number;
  readonly nodes: MdastContent[];
}

/**
 * Cuts top-level nodes into blocks: a node starts a new one when the line before it is blank, the
 * node before ended above that line, and no raw HTML element is open. `text` and `starts` are the
 * parsed text and its line starts.
 */
function groupNodes(nodes: readonly MdastContent[], text: string, starts: readonly number[], firstLine: number): Group[] {
  const groups: Group[] = [];
  const stack: string[] = [];
  let current: Group | undefined;
  let previousEnd = -1;
  for (const node of nodes) {
    const line = node.position!.start.line - 1;
    if (line < firstLine) continue;
    if (!current || (stack.length === 0 && line > firstLine && previousEnd < line - 1 && isBlankLine(text, starts, line - 1))) {
      current = { line, nodes: [] };
      groups.push(current);
    }
    current.nodes.push(node);
    previousEnd = node.position!.end.line - 1;
    followNodeHtml(node, stack);
  }
  return groups;
}


/**
 * Renders a group half-way: its nodes and `definitions` (all the definitions its text may name) in
 * one tree. `text` is the parsed text; `lineShift` turns its lines into the document's.
 */
function prepare(group: Group, definitions: readonly Definition[], text: string, lineShift: number): Pending {
  const tree = prepareTree({ type: 'root', children: [...group.nodes, ...definitions] }, -group.line, true);
  const last = group.nodes[group.nodes.length - 1];
  return {
    line: group.line + lineShift,
    tree,
    emits: group.nodes.some(n => !EMPTY_TYPES.has(n.type)),
    definitions: group.nodes.filter(isDefinition).map(d => definitionOf(d, text)),
    continuable: last.type === 'list' || last.type === 'code',
  };
}

/** Whitespace runs as one space, case folded as micromark folds identifiers. */
function foldIdentifier(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
}

function definitionOf(d: Definition, text: string): BlockDefinition {
  const source = text.slice(d.position!.start.offset!, d.position!.end.offset!);
  const identifier = foldIdentifier(d.identifier).trim();
  return { identifier, url: d.url, title: d.title, source, word: identifier.split(' ')[0] };
}

/**
 * Numbers the headings of the whole document (github-slugger, in document order), completes the
 * pending blocks, renders again (with `rerender`) the kept ones whose slugs changed, and sets the
 * separators. `entries` are the new version's blocks in order, kept or pending.
 */
function finish(entries: readonly (Block | Pending)[], rerender: (block: Block, index: number, slugs: readonly string[]) => Block): { blocks: Block[]; rendered: number } {
  const slugger = new GithubSlugger();
  const blocks: Block[] = [];
  let rendered = 0;
  entries.forEach((e, index) => {
    if ('tree' in e) {
      const headings = e.tree.headings.map(h => h.text);
      const slugs = headings.map(t => slugger.slug(t));
      const body = finishTree(e.tree, slugs);
      blocks.push({ id: nextId++, line: e.line, body, emits: e.emits, lead: false, headings, slugs, diagrams: e.tree.diagrams, definitions: e.definitions, continuable: e.continuable });
      rendered++;
      return;
    }
    const slugs = e.headings.map(t => slugger.slug(t));
    if (slugs.every((s, i) => s === e.slugs[i])) blocks.push(e);
    else {
      blocks.push(rerender(e, index, slugs));
      rendered++;
    }
  });
  // Separators: remark-rehype puts a line break between the nodes it gives, none around the others.
  let emitted = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const lead = b.emits && emitted;
    if (lead !== b.lead) blocks[i] = { ...b, lead, id: nextId++ };
    emitted ||= b.emits;
  }
  return { blocks, rendered };
}

/**
 * Parses the lines `from`…`to` (exclusive) of `source` with the definitions of `others` they may
 * name placed before them, and cuts them into groups. Returns the groups (lines in `source`), the
 * definitions in the tree, and the parsed text's coordinates.
 */
function parseRange(source: string, starts: readonly number[], from: number, to: number, others: readonly BlockDefinition[]) {
  const start = starts[from];
  const end = to < starts.length ? starts[to] : source.length;
  const text = source.slice(start, end);
  const folded = foldIdentifier(text);
  const named = others.filter(d => folded.includes(d.word));
  // Never nothing: remark-frontmatter reads a `---` or `+++` on the parsed text's first line as front matter.
  const prefix = named.length ? `${named.map(d => d.source).join('\n\n')}\n\n` : '\n';
  const parsed = prefix + text;
  const mdast = parseMarkdown(parsed);
  const parsedStarts = lineStarts(parsed);
  const prefixLines = lineAt(parsedStarts, prefix.length);
  if (parsedStarts[prefixLines] !== prefix.length) throw new FullRender('definitions did not end where expected');
  const prefixNodes = mdast.children.filter(n => n.position!.start.offset! < prefix.length);
  if (prefixNodes.length !== named.length || !prefixNodes.every(isDefinition)) throw new FullRender('definitions placed before did not parse as definitions');
  if (!independent(mdast, parsed)) throw new FullRender('footnote or nested definition');
  const groups = groupNodes(mdast.children, parsed, parsedStarts, prefixLines);
  return { groups, definitions: mdast.children.filter(isDefinition), parsed, lineShift: from - prefixLines };
}

/** The blocks of the new version of the document, from the previous version's. Throws {@link FullRender} when it cannot. */
function updateBlocks(previous: State, source: string, starts: readonly number[]): { blocks: Block[]; rendered: number } {
  const old = previous.text;
  const blocks = previous.blocks!;
  if (blocks.length === 0) throw new FullRender('no blocks');
  // The changed span: a common prefix and suffix of the two texts.
  const shorter = Math.min(old.length, source.length);
  let p = 0;
  while (p < shorter && old.charCodeAt(p) === source.charCodeAt(p)) p++;
  let s = 0;
  while (s < shorter - p && old.charCodeAt(old.length - 1 - s) === source.charCodeAt(source.length - 1 - s)) s++;
  const oldStarts = previous.starts;
  const firstLine = lineAt(oldStarts, p > 0 && old[p - 1] === '\r' ? p - 1 : p);
  const lastLine = lineAt(oldStarts, old.length - s);
  const delta = starts.length - oldStarts.length;
  const blockAt = (line: number) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let k = blockAt(firstLine);
  const j = blockAt(lastLine);
  if (k > 0 && blocks[k - 1].continuable) k--;
  if (k === 0) throw new FullRender('the first block'); // the first block: front matter, and nothing before to start from
  const from = blocks[k].line;
  const next = j + 1 < blocks.length ? blocks[j + 1] : undefined;
  const nextLine = next ? next.line + delta : starts.length;
  // The lines before the span, and the next block's, are the same in both versions.
  if (starts[from] !== oldStarts[from] || (next && starts[nextLine] - source.length !== oldStarts[next.line] - old.length)) throw new FullRender('line structure around the edit');
  const others = [...blocks.slice(0, k), ...blocks.slice(j + 1)].flatMap(b => b.definitions);
  // Parse down to the next block's first line, to see that it still starts a block.
  const range = parseRange(source, starts, from, next ? nextLine + 1 : starts.length, others);
  const groups = range.groups;
  if (next) {
    const last = groups.pop();
    if (!last || last.line + range.lineShift !== nextLine) throw new FullRender('the next block no longer starts a block');
  }
  const pending = groups.map(g => prepare(g, range.definitions, range.parsed, range.lineShift));
  // Definitions: the same as before in the re-parsed blocks, none that another block has too.
  const oldDefinitions = blocks.slice(k, j + 1).flatMap(b => b.definitions);
  const newDefinitions = pending.flatMap(b => b.definitions);
  const sameDefinition = (a: BlockDefinition, b: BlockDefinition) => a.identifier === b.identifier && a.url === b.url && a.title === b.title;
  if (oldDefinitions.length !== newDefinitions.length || !oldDefinitions.every((d, i) => sameDefinition(d, newDefinitions[i]))) throw new FullRender('definitions changed');
  const outside = new Set(others.map(d => d.identifier));
  if (newDefinitions.some(d => outside.has(d.identifier))) throw new FullRender('a definition repeated in another block');
  const after = blocks.slice(j + 1).map(b => (delta === 0 ? b : { ...b, line: b.line + delta }));
  const entries: (Block | Pending)[] = [...blocks.slice(0, k), ...pending, ...after];
  // A kept block whose slugs changed (a heading before it was added, removed or renamed): parsed alone again.
  const rerender = (block: Block, index: number, slugs: readonly string[]): Block => {
    const end = index + 1 < entries.length ? entries[index + 1].line : starts.length;
    const own = parseRange(source, starts, block.line, end, entries.filter(e => e !== block).flatMap(e => e.definitions));
    if (own.groups.length !== 1) throw new FullRender('a block no longer parses as one');
    const p = prepare(own.groups[0], own.definitions, own.parsed, own.lineShift);
    if (p.line !== block.line) throw new FullRender('a block moved');
    return { ...block, id: nextId++, body: finishTree(p.tree, slugs), slugs };
  };
  return finish(entries, rerender);
}

/**
 * A block's HTML with its `data-line` attributes moved by `line` and its `data-diagram` ones by
 * `diagramIndex`: what the page shows. Reads the sanitized HTML the renderer writes (text holds no
 * `<`, attribute values are quoted); linear.
 */
export function stampBlock(html: string, line: number, diagramIndex: number): string {
  if (line === 0 && diagramIndex === 0) return html;
  let out = '';
  let copied = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i)) {
    let j = i + 1;
    if (html[j] === '/' || html[j] === '!') { i = j; continue; }
    // Inside a start tag: attributes, values in double quotes.
    while (j < html.length && html[j] !== '>') {
      if (html[j] === '"') {
        const close = html.indexOf('"', j + 1);
        j = close < 0 ? html.length : close + 1;
        continue;
      }
      if (html[j] === ' ') {
        const shift = html.startsWith(' data-line="', j) ? line : html.startsWith(' data-diagram="', j) ? diagramIndex : undefined;
        if (shift !== undefined) {
          const valueStart = html.indexOf('"', j) + 1;
          const valueEnd = html.indexOf('"', valueStart);
          out += html.slice(copied, valueStart) + String(Number(html.slice(valueStart, valueEnd)) + shift);
          copied = valueEnd;
          j = valueEnd + 1;
          continue;
        }
      }
      j++;
    }
    i = j;
  }
  return out + html.slice(copied);
}
