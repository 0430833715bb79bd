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
  const mdast = processor.parse(guarded.text);
  const hast = processor.runSync(mdast) as Root;
  const diagrams: RenderedDiagram[] = [];
  markDiagrams(hast, diagrams);
  addHeadingAnchors(hast);
  blockRemoteImages(hast);
  addLineNumbers(hast);
  insertUnparsed(hast, guarded.blocks);
  const header = frontMatterHeader(source, options.statuses);
  if (header) hast.children.unshift(header);
  return { html: processor.stringify(hast), diagrams };
}

/** 0-based line of a node, from its position (unified's lines are 1-based). */
function lineOf(node: { position?: { start: { line: number } } }): number | undefined {
  return node.position ? node.position.start.line - 1 : undefined;
}

/**
 * Replaces every `<pre><code class="language-mermaid">` with `<div class="sf-mermaid" data-diagram="i">`
 * holding the source in a `<pre>`, which the webview turns into the diagram (or its error).
 */
function markDiagrams(parent: Root | Element, diagrams: RenderedDiagram[]): void {
  parent.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    const code = child.tagName === 'pre' && child.children.length === 1 && child.children[0].type === 'element' ? child.children[0] : undefined;
    const classes = code?.tagName === 'code' ? code.properties.className : undefined;
    if (code && Array.isArray(classes) && classes.includes('language-mermaid')) {
      const text = textOf(code).replace(/\n$/, '');
      const line = lineOf(child) ?? 0;
      const endLine = child.position ? child.position.end.line - 1 : line;
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
    markDiagrams(child, diagrams);
  });
}

const HEADING = /^h[1-6]$/;

/**
 * GitHub's heading anchors: `id="user-content-<slug>"` on the heading and a leading
 * `<a class="anchor" href="#<slug>">` (the webview maps `#slug` to the prefixed id, as github.com's
 * script does). Slugs by github-slugger, which reproduces GitHub's algorithm, duplicates numbered.
 */
function addHeadingAnchors(root: Root): void {
  const slugger = new GithubSlugger();
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (HEADING.test(child.tagName)) {
        const slug = slugger.slug(textOf(child));
        child.properties.id = `user-content-${slug}`;
        child.children.unshift({
          type: 'element', tagName: 'a',
          properties: { className: ['anchor'], href: `#${slug}`, ariaHidden: 'true', tabIndex: -1 },
          children: [],
        });
      } else {
        visit(child);
      }
    }
  };
  visit(root);
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
function addLineNumbers(root: Root): void {
  const visit = (node: RootContent | ElementContent, topLevel: boolean) => {
    if (node.type !== 'element') return;
    const line = lineOf(node);
    if (line !== undefined && (topLevel || node.tagName === 'li')) node.properties.dataLine = String(line);
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

/** A front matter value as display text: a scalar, or a list joined with commas. */
function listOrString(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.map(v => frontMatterString({ v }, 'v')).filter((v): v is string => v !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  return frontMatterString({ value }, 'value');
}
