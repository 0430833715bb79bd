/**
 * Markdown to safe HTML for the decision preview: GitHub-flavoured Markdown (tables, task lists,
 * strikethrough, autolinks, footnotes) through unified — remark-parse, remark-frontmatter, remark-gfm,
 * remark-rehype, rehype-raw, rehype-sanitize (GitHub's allow-list), rehype-stringify — then, on the
 * sanitized tree only, what the preview adds itself: a header for the front matter, GitHub's heading
 * anchors, `data-line` attributes for scroll sync, a placeholder for every Mermaid block and for every
 * remote image. Pure: no DOM, no `vscode`, so the same code runs in the webview and in the unit tests.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { frontMatterString, parseFrontMatter } from './frontMatter';
import { scanOutline } from './outline';
import { UnparsedBlock, guardMarkdown } from './renderGuard';
import { statusBadge } from './statusBadge';
import { isRemoteUrl } from './urls';

/** What {@link renderMarkdown} returns. */
export interface RenderedDocument {
  /** Sanitized HTML of the body, header first. Safe to assign to `innerHTML` under the preview's CSP. */
  readonly html: string;
  /** The Mermaid blocks in document order. */
  readonly diagrams: readonly RenderedDiagram[];
}

/** A ` ```mermaid ` block of the document. */
export interface RenderedDiagram {
  /** The diagram's text, without the fences. */
  readonly source: string;
  /** 0-based line of the opening fence. */
  readonly line: number;
  /** 0-based line of the closing fence (the block's last line when the fence is never closed). */
  readonly endLine: number;
}

/** What the renderer needs to know of the document besides its text. */
export interface RenderOptions {
  /**
   * The status vocabulary of the record (lower case), as the editor resolves it for the record's file;
   * default `DEFAULT_STATUSES`. The front matter's status badge reads the status with it.
   */
  readonly statuses?: readonly string[];
}

/** The class of the placeholder that stands for a remote image, which the preview never loads. */
export const REMOTE_IMAGE_CLASS = 'sf-remote-image';

/** The class of a block shown as plain text because it nests too deep or would take too long to parse (see `renderGuard.ts`). */
export const UNPARSED_CLASS = 'sf-unparsed';

/** Front matter keys shown in the header, in this order, with their labels. */
const HEADER_FIELDS: readonly (readonly [key: string, label: string])[] = [
  ['date', 'Date'],
  ['decision-makers', 'Decision makers'],
  ['deciders', 'Deciders'],
  ['authors', 'Authors'],
  ['consulted', 'Consulted'],
  ['informed', 'Informed'],
  ['tags', 'Tags'],
];

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  // Raw HTML is parsed (rehype-raw) so that it can be sanitized like the rest, not shown as text.
  // No clobber prefix here: rehype-sanitize adds `user-content-` to every id (footnotes included) once.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema)
  .use(rehypeStringify);

/**
 * Renders a Markdown document. Takes its text (any line ends, a BOM allowed); returns sanitized HTML
 * and its Mermaid blocks. Everything the author wrote passes through rehype-sanitize with GitHub's
 * schema: no script, no `on*` attribute, no `style`, no `javascript:` or `data:` URL, no iframe,
 * ids prefixed `user-content-`. Then, as github.com does, each heading gets the id
 * `user-content-<slug>` (github-slugger: GitHub's slugs, `-1`, `-2`… for repeated titles) and an
 * anchor link `#<slug>`. Images with an absolute or protocol-relative `src` become a placeholder
 * showing the URL ({@link REMOTE_IMAGE_CLASS}); relative ones stay, resolved by the page's base.
 * A block that nests deeper or would make the parser look back further than the caps of
 * `renderGuard.ts` is not parsed: it is shown as plain text under a note saying why
 * ({@link UNPARSED_CLASS}), so that time and stack stay bounded on any text. The front matter's
 * status is a badge read with `options.statuses` (see `statusBadge.ts`).
 * Never throws on any text (a parser failure would be a bug in unified; it propagates).
 */
export function renderMarkdown(text: string, options: RenderOptions = {}): RenderedDocument {
  const source = text.replace(/^\uFEFF/, '');
  const guarded = guardMarkdown(source);
  return renderParsed(source, parseMarkdown(guarded.text), guarded.blocks, options);
}

/** The unified parse of {@link renderMarkdown} (remark-parse, front matter, GFM): text in, mdast out. */
export function parseMarkdown(text: string): MdastRoot {
  return processor.parse(text);
}

/**
 * The rest of {@link renderMarkdown} after its parse: `mdast` is the parse of `source` with the
 * `unparsed` blocks' lines emptied (see `guardMarkdown`). Returns the same as `renderMarkdown`.
 */
export function renderParsed(source: string, mdast: MdastRoot, unparsed: readonly UnparsedBlock[], options: RenderOptions = {}): RenderedDocument {
  const tree = prepareTree(mdast, 0);
  const slugger = new GithubSlugger();
  const html = finishTree(tree, tree.headings.map(h => slugger.slug(h.text)), root => {
    insertUnparsed(root, unparsed);
    const header = frontMatterHeader(source, options.statuses);
    if (header) root.children.unshift(header);
  });
  return { html, diagrams: tree.diagrams };
}

/**
 * A document's tree half-way through the rendering: sanitized, diagrams and remote images replaced,
 * its headings found (in document order, with their text), but no heading anchors or line numbers
 * yet: those depend on the rest of the document (see `incrementalRender.ts`).
 */
export interface PreparedTree {
  readonly hast: Root;
  /** What is added to the tree's 0-based lines (see {@link prepareTree}). */
  readonly lineBase: number;
  readonly headings: readonly { readonly element: Element; readonly text: string }[];
  /** Its Mermaid blocks, lines counted from the tree's first line (see `lineBase`). */
  readonly diagrams: readonly RenderedDiagram[];
}

/**
 * Runs the sanitizing pipeline on an mdast tree (or part of one) and applies what does not depend on
 * other parts: Mermaid placeholders (numbered from 0 in this tree) and remote images. `lineBase` is
 * added to the tree's 0-based lines (negative for a part cut out of a longer text). `afterContent`:
 * the part comes after other content of the document (its raw HTML is read as the HTML parser reads
 * it there).
 */
export function prepareTree(mdast: MdastRoot, lineBase: number, afterContent = false): PreparedTree {
  // After content, the HTML parser of rehype-raw is in its "in body" mode; at the start of a
  // fragment it is not, until a start tag comes (an end tag there is ignored, not read as in a body).
  // A thematic break put first takes the parser there; it and its line break are taken out after.
  const hast = processor.runSync(afterContent ? { ...mdast, children: [{ type: 'thematicBreak' }, ...mdast.children] } : mdast) as Root;
  if (afterContent) {
    const [first, second] = hast.children;
    if (first?.type !== 'element' || first.tagName !== 'hr' || first.position) throw new Error('renderer: the leading break did not parse as one');
    hast.children.splice(0, 1);
    // Its line break, which the HTML parser may have joined with text after it.
    if (second?.type === 'text' && second.value.startsWith('\n')) {
      if (second.value === '\n') hast.children.splice(0, 1);
      else second.value = second.value.slice(1);
    }
  }
  const diagrams: RenderedDiagram[] = [];
  markDiagrams(hast, diagrams, lineBase);
  const headings = findHeadings(hast);
  blockRemoteImages(hast);
  return { hast, lineBase, headings, diagrams };
}

/**
 * Completes a {@link prepareTree}: each heading gets its slug (`slugs[i]` for `headings[i]`: GitHub's,
 * numbered across the whole document) as its id and anchor, the top-level blocks and list items their
 * `data-line` (with the tree's `lineBase`), then `edit` runs on the root, and the tree is serialized.
 */
export function finishTree(tree: PreparedTree, slugs: readonly string[], edit?: (root: Root) => void): string {
  tree.headings.forEach((h, i) => {
    h.element.properties.id = `user-content-${slugs[i]}`;
    h.element.children.unshift({
      type: 'element', tagName: 'a',
      properties: { className: ['anchor'], href: `#${slugs[i]}`, ariaHidden: 'true', tabIndex: -1 },
      children: [],
    });
  });
  addLineNumbers(tree.hast, tree.lineBase);
  edit?.(tree.hast);
  return processor.stringify(tree.hast);
}

/** 0-based line of a node, from its position (unified's lines are 1-based). */
function lineOf(node: { position?: { start: { line: number } } }): number | undefined {
  return node.position ? node.position.start.line - 1 : undefined;
}

/**
 * Replaces every `<pre><code class="language-mermaid">` with `<div class="sf-mermaid" data-diagram="i">`
 * holding the source in a `<pre>`, which the webview turns into the diagram (or its error).
 */
function markDiagrams(parent: Root | Element, diagrams: RenderedDiagram[], lineBase: number): void {
  parent.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    const code = child.tagName === 'pre' && child.children.length === 1 && child.children[0].type === 'element' ? child.children[0] : undefined;
    const classes = code?.tagName === 'code' ? code.properties.className : undefined;
    if (code && Array.isArray(classes) && classes.includes('language-mermaid')) {
      const text = textOf(code).replace(/\n$/, '');
      const line = (lineOf(child) ?? 0) + lineBase;
      const endLine = child.position ? child.position.end.line - 1 + lineBase : line;
      const index = diagrams.push({ source: text, line, endLine }) - 1;
      const replacement: Element = {
        type: 'element', tagName: 'div',
        properties: { className: ['sf-mermaid'], dataDiagram: String(index) },
        children: [{ type: 'element', tagName: 'pre', properties: { className: ['sf-mermaid-source'] }, children: [{ type: 'text', value: text }] }],
        position: child.position,
      };
      parent.children[i] = replacement;
      return;
    }
    markDiagrams(child, diagrams, lineBase);
  });
}

const HEADING = /^h[1-6]$/;

/**
 * The headings of a tree in document order, with their text (which their slug is made of). Headings
 * inside headings are not looked for. The ids and anchors are GitHub's (see {@link finishTree}):
 * `id="user-content-<slug>"` on the heading and a leading `<a class="anchor" href="#<slug>">` (the
 * webview maps `#slug` to the prefixed id, as github.com's script does); slugs by github-slugger,
 * which reproduces GitHub's algorithm, duplicates numbered.
 */
function findHeadings(root: Root): { element: Element; text: string }[] {
  const found: { element: Element; text: string }[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (HEADING.test(child.tagName)) found.push({ element: child, text: textOf(child) });
      else visit(child);
    }
  };
  visit(root);
  return found;
}

/**
 * Replaces every image with a remote `src` by a placeholder naming the URL (a remote image is a
 * tracking pixel: the preview's CSP would block it anyway, and the reader should see why it is
 * missing), and drops `<source>` elements with a remote `srcset`.
 */
function blockRemoteImages(parent: Root | Element): void {
  parent.children = parent.children.flatMap((child): (typeof child)[] => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'source' && String(child.properties.srcSet ?? '').split(',').some(c => isRemoteUrl(c.trim()))) return [];
    if (child.tagName === 'img' && typeof child.properties.src === 'string' && isRemoteUrl(child.properties.src)) {
      const url = child.properties.src;
      const alt = typeof child.properties.alt === 'string' && child.properties.alt ? `${child.properties.alt}: ` : '';
      return [{
        type: 'element', tagName: 'span',
        properties: { className: [REMOTE_IMAGE_CLASS], title: 'Remote images are not loaded in the decision preview' },
        children: [{ type: 'text', value: `${alt}${url}` }],
        position: child.position,
      }];
    }
    blockRemoteImages(child);
    return [child];
  }) as typeof parent.children;
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/**
 * Adds `data-line` (0-based source line) to the top-level blocks and to list items, for scroll sync.
 * Added after sanitizing, so authors cannot forge it and the sanitizer cannot strip it.
 */
function addLineNumbers(root: Root, lineBase: number): void {
  const visit = (node: RootContent | ElementContent, topLevel: boolean) => {
    if (node.type !== 'element') return;
    const line = lineOf(node);
    if (line !== undefined && (topLevel || node.tagName === 'li')) node.properties.dataLine = String(line + lineBase);
    for (const child of node.children) visit(child, false);
  };
  for (const child of root.children) visit(child, true);
}

/**
 * Puts each block the guard kept out of the parse back where it was, among the top-level blocks (by
 * line), as a note saying why it is not rendered and its text in a `<pre>`, with its `data-line`.
 */
function insertUnparsed(root: Root, blocks: readonly UnparsedBlock[]): void {
  if (blocks.length === 0) return;
  const children: RootContent[] = [];
  let b = 0;
  const flushUntil = (line: number) => {
    for (; b < blocks.length && blocks[b].startLine < line; b++) {
      const { startLine, text, reason } = blocks[b];
      children.push({
        type: 'element', tagName: 'div', properties: { className: [UNPARSED_CLASS], dataLine: String(startLine) },
        children: [
          { type: 'element', tagName: 'p', properties: { className: ['sf-unparsed-note'] }, children: [{ type: 'text', value: `Shown as plain text, not rendered: ${reason}.` }] },
          { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: text }] },
        ],
      });
    }
  };
  for (const child of root.children) {
    const line = lineOf(child);
    if (line !== undefined) flushUntil(line);
    children.push(child);
  }
  flushUntil(Infinity);
  root.children = children;
}

/**
 * The front matter as a compact header: a status badge (read with `statuses`, see `statusBadge`), then
 * the date and the people, as a definition list. Undefined when there is no front matter. Invalid YAML gives a header saying so
 * (the lint warning on the front matter has the details), never raw YAML.
 */
function frontMatterHeader(text: string, statuses: readonly string[] | undefined): Element | undefined {
  const block = scanOutline(text).frontMatter;
  if (!block) return undefined;
  const parsed = parseFrontMatter(block);
  const el = (tagName: string, className: string[], children: ElementContent[], extra: Record<string, string> = {}): Element =>
    ({ type: 'element', tagName, properties: className.length ? { className, ...extra } : extra, children });
  const txt = (value: string): ElementContent => ({ type: 'text', value });
  const items: ElementContent[] = [];
  if (parsed.error) {
    items.push(el('span', ['sf-badge', 'sf-status-invalid'], [txt('invalid front matter')], { title: parsed.error.message }));
  } else {
    const status = frontMatterString(parsed.data, 'status');
    if (status) {
      const badge = statusBadge(status, statuses);
      items.push(el('span', ['sf-badge', ...badge.classes], [txt(badge.label)], { title: badge.title }));
    }
    const fields: ElementContent[] = [];
    for (const [key, label] of HEADER_FIELDS) {
      const value = listOrString(parsed.data[key]);
      if (value) fields.push(el('dt', [], [txt(label)]), el('dd', [], [txt(value)]));
    }
    if (fields.length) items.push(el('dl', ['sf-fields'], fields));
  }
  if (items.length === 0) return undefined;
  return el('header', ['sf-front-matter'], items, { dataLine: '0' });
}

/** The HTML of {@link renderMarkdown}'s header for the front matter of `source`, or undefined when it has none. */
export function frontMatterHtml(source: string, statuses: readonly string[] | undefined): string | undefined {
  const header = frontMatterHeader(source, statuses);
  return header ? processor.stringify({ type: 'root', children: [header] }) : undefined;
}

/** A front matter value as display text: a scalar, or a list joined with commas. */
function listOrString(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.map(v => frontMatterString({ v }, 'v')).filter((v): v is string => v !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  return frontMatterString({ value }, 'value');
}
