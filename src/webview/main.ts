/**
 * The decision preview's browser code (its own bundle, `dist/webview/preview.js`, with Mermaid).
 * Renders the Markdown it is sent with the core's sanitizing renderer, draws every Mermaid block
 * with `securityLevel: 'strict'`, shows a diagram's error in its place, follows the VS Code theme,
 * and reports to the extension how many diagrams rendered and failed, with a safety self-check.
 *
 * Live updates keep the reader's place: the element at the top of the view stays where it was, and
 * a diagram whose source (and theme) did not change keeps its SVG element: it is moved into the new
 * page, never drawn again.
 *
 * The page never goes blank silently: a part of the document the renderer cannot handle shows its
 * error and its text in place (see `renderSafely.ts`), any other failure shows the error and the
 * whole text, a report follows every update either way, and errors the script did not expect are
 * sent to the extension's log. Messages from the extension are checked field by field first.
 */
import { IncrementalRenderer, stampBlock, type PreviewBlock } from '../core/incrementalRender';
import { REMOTE_IMAGE_CLASS, renderMarkdown, type RenderedDiagram } from '../core/render';
import { audit, leavesWebview } from './audit';
import { DiagramDrawer, type MermaidTheme } from './diagrams';
import { graphNodeOfElement, linkAction } from './clicks';
import { isToWebview, type DiagramError, type FromWebview, type PreviewState, type RenderError, type RenderedMessage, type UpdateMessage } from './protocol';
import { renderSafely, type RenderedPart } from './renderSafely';
import { applySplice } from '../core/textSplice';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const content = document.getElementById('content') as HTMLElement;

/** How long the render report waits for the document's images to load or fail. */
const IMAGE_SETTLE_MS = 3000;

/** Draws the diagrams, in the workbench's theme. */
const diagramDrawer = new DiagramDrawer();
/** Renders each version of the document, only the blocks an edit touched (see `incrementalRender.ts`). */
const renderer = new IncrementalRenderer();
/** A block on the page: its nodes, where they were stamped, its diagrams (lines relative to its own). */
interface ShownBlock { readonly nodes: ChildNode[]; line: number; diagramIndex: number; readonly diagrams: readonly RenderedDiagram[] }
/** The renderer's blocks on the page, by id, and the theme their diagrams were drawn in. */
const shown = new Map<number, ShownBlock>();
let shownTheme: MermaidTheme | undefined;
/** Wakes a render waiting for images: a newer update arrived. */
let wakeRender: (() => void) | undefined;

/** An error shown in the page: a titled box with the message, announced to screen readers. */
function errorBox(className: string, heading: string, message: string): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = heading;
  const text = document.createElement('pre');
  text.textContent = message;
  box.append(title, text);
  return box;
}

/** Where the reader is: the first top-level block visible at the top of the view, and how far above the top it starts. */
interface ScrollAnchor { readonly line: number; readonly offset: number }

function scrollAnchor(): ScrollAnchor | undefined {
  if (window.scrollY <= 0) return undefined;
  for (const el of content.querySelectorAll<HTMLElement>(':scope > [data-line]')) {
    const rect = el.getBoundingClientRect();
    if (rect.bottom > 0) return { line: Number(el.dataset.line), offset: rect.top };
  }
  return undefined;
}

/** Scrolls so that the block at the anchor's line (or the last one before it) is where it was. */
function restoreAnchor(anchor: ScrollAnchor | undefined): void {
  if (!anchor) return;
  let best: HTMLElement | undefined;
  for (const el of content.querySelectorAll<HTMLElement>(':scope > [data-line]')) {
    if (Number(el.dataset.line) <= anchor.line) best = el;
    else break;
  }
  if (best) window.scrollBy(0, best.getBoundingClientRect().top - anchor.offset);
}

/** The update waiting to be rendered, and the last one received (redrawn when the theme changes). */
let latest: UpdateMessage | undefined;
let lastReceived: UpdateMessage | undefined;
let lastRendered: { text: string; statuses: string; theme: MermaidTheme } | undefined;
let rendering = false;
let locked = vscode.getState()?.locked ?? false;
/** Where a restored preview (window reload) was scrolled to, applied after its first render. */
let restoreScrollY = vscode.getState()?.scrollY;
/** A line the editor scrolled to before the first render: revealed once there is a page. */
let pendingReveal: number | undefined;

/** Renders the newest update; updates that arrive meanwhile are coalesced into one more pass. */
async function renderLatest(): Promise<void> {
  if (rendering) return;
  rendering = true;
  try {
    while (latest) {
      const update = latest;
      latest = undefined;
      try {
        await renderUpdate(update);
      } catch (err) {
        showFailure(update, err);
      }
    }
  } finally {
    rendering = false;
  }
  // The editor scrolled while the page was being drawn: follow it now that the page is complete.
  if (pendingReveal !== undefined && lastRendered) {
    revealLine(pendingReveal);
    pendingReveal = undefined;
  }
}

async function renderUpdate(update: UpdateMessage): Promise<void> {
  const started = performance.now();
  const statuses = update.statuses.join('\n');
  const anchor = restoreScrollY === undefined ? scrollAnchor() : undefined;
  let diagrams: RenderedDiagram[];
  let renderErrors: RenderError[] = [];
  let reusable = new Map<string, Element[]>();
  try {
    const result = renderer.render(update.text, { statuses: update.statuses });
    diagrams = result.blocks.flatMap(b => b.diagrams.map(d => ({ ...d, line: d.line + b.line, endLine: d.endLine + b.line })));
    reusable = patch(result.blocks);
  } catch {
    // The renderer failed on this text: each section on its own, failures shown as text (renderSafely).
    renderer.reset();
    const parts = renderSafely(update.text, text => renderMarkdown(text, { statuses: update.statuses }));
    diagrams = parts.flatMap(p => (p.kind === 'html' ? p.diagrams : []));
    renderErrors = parts.flatMap((p): RenderError[] => (p.kind === 'error' ? [{ line: p.line, message: p.message }] : []));
    reusable = liveSvgs();
    shown.clear();
    content.replaceChildren(...parts.map(partNodes));
  }
  const slots = Array.from(content.querySelectorAll<HTMLElement>('div.sf-mermaid'));
  // First, synchronously, every diagram that is new on the page but drawn before: the page has its
  // final height around the reader before anything is drawn, and the scroll position is restored
  // once, without a jump. Diagrams of blocks that stayed on the page are left as they are.
  const pending: number[] = [];
  slots.forEach((slot, i) => {
    if (slot.classList.contains('sf-mermaid-drawn') || slot.classList.contains('sf-mermaid-failed')) return;
    if (slot.classList.contains('sf-mermaid-pending')) { pending.push(i); return; }
    const key = diagramDrawer.keyOf(diagrams[i].source);
    const reused = reusable.get(key)?.shift();
    const svg = reused ? undefined : diagramDrawer.cached(diagrams[i].source);
    if (reused) slot.replaceChildren(reused);
    else if (svg !== undefined) placeDiagram(slot, svg);
    else { slot.classList.add('sf-mermaid-pending'); pending.push(i); return; }
    slot.classList.add('sf-mermaid-drawn');
  });
  if (restoreScrollY !== undefined) {
    window.scrollTo(0, restoreScrollY);
    restoreScrollY = undefined;
  } else if (update.line !== undefined || pendingReveal !== undefined) {
    revealLine(pendingReveal ?? update.line ?? 0);
  } else {
    restoreAnchor(anchor);
  }
  pendingReveal = undefined;
  const errors: DiagramError[] = [];
  for (const i of pending) {
    const result = await diagramDrawer.draw(diagrams[i].source);
    if (latest) return; // stale: a newer version is waiting; it draws what is still pending
    const keepPlace = scrollAnchor();
    const slot = slots[i];
    slot.classList.remove('sf-mermaid-pending');
    if ('svg' in result) {
      placeDiagram(slot, result.svg);
      slot.classList.add('sf-mermaid-drawn');
    } else {
      slot.append(errorBox('sf-mermaid-error', 'Mermaid could not draw this diagram', result.error));
      slot.classList.add('sf-mermaid-failed');
    }
    restoreAnchor(keepPlace);
  }
  slots.forEach((slot, i) => {
    const box = slot.querySelector('.sf-mermaid-error pre');
    if (box) errors.push(diagramError(i, diagrams[i], box.textContent ?? ''));
  });
  const images = await settledImages();
  if (latest) return;
  lastRendered = { text: update.text, statuses, theme: diagramDrawer.theme };
  vscode.setState({ uri: update.uri, scrollY: window.scrollY, locked });
  vscode.postMessage({
    type: 'rendered', uri: update.uri, version: update.version,
    diagrams: diagrams.length, rendered: diagrams.length - errors.length, failed: errors.length,
    blank: slots.filter(isBlank).length, drawn: pending.length - errors.filter(e => pending.includes(e.index)).length,
    elapsedMs: Math.round(performance.now() - started), theme: diagramDrawer.theme, errors, renderErrors, images, audit: audit(content),
    ...statusBadge(),
  });
}

/** The front matter's status badge on the page, as the render report gives it (nothing when there is none). */
function statusBadge(): Pick<RenderedMessage, 'statusBadge'> {
  const badge = content.querySelector(':scope > header.sf-front-matter > .sf-badge');
  return badge ? { statusBadge: { text: badge.textContent ?? '', classes: [...badge.classList].filter(c => c.startsWith('sf-status-')) } } : {};
}

/**
 * The page for an update that could not be rendered at all (something failed outside the parts
 * that {@link renderSafely} contains): the error, then the whole text as plain text; and its report.
 */
function showFailure(update: UpdateMessage, err: unknown): void {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  content.replaceChildren(partNodes({ kind: 'error', line: 0, message, text: update.text }));
  shown.clear();
  renderer.reset();
  lastRendered = undefined; // the next update renders in full again
  vscode.postMessage({
    type: 'rendered', uri: update.uri, version: update.version, diagrams: 0, rendered: 0, failed: 0, blank: 0, drawn: 0,
    elapsedMs: 0, theme: diagramDrawer.theme, errors: [], renderErrors: [{ line: 0, message }], images: { loaded: 0, failed: 0, remote: 0 }, audit: audit(content),
  });
}

/**
 * A part of the page as nodes: its HTML parsed in an inert template (nothing in it loads or runs
 * before remote images are replaced), its `data-line` attributes moved to document lines; or, for a
 * part that could not be rendered, the error and the part's text as plain text.
 */
function partNodes(part: RenderedPart): Node {
  if (part.kind === 'error') {
    const box = errorBox('sf-render-error', 'This part of the document could not be rendered', part.message);
    box.dataset.line = String(part.line);
    const source = document.createElement('pre');
    source.className = 'sf-render-source';
    source.textContent = part.text;
    const nodes = document.createDocumentFragment();
    nodes.append(box, source);
    return nodes;
  }
  const nodes = inertNodes(part.html);
  if (part.line > 0) {
    for (const el of nodes.querySelectorAll<HTMLElement>('[data-line]')) el.dataset.line = String(Number(el.dataset.line) + part.line);
  }
  return nodes;
}

/** HTML (sanitized, or Mermaid's SVG) parsed in an inert template, with {@link replaceRemoteImages} applied. */
function inertNodes(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  replaceRemoteImages(template.content);
  return template.content;
}

/** Waits (at most {@link IMAGE_SETTLE_MS}) for the content's images to load or fail, and counts them. */
async function settledImages(): Promise<RenderedMessage['images']> {
  const images = Array.from(content.querySelectorAll('img'));
  const settled = (img: HTMLImageElement) => img.complete ? Promise.resolve() : new Promise<void>(resolve => {
    img.addEventListener('load', () => resolve(), { once: true });
    img.addEventListener('error', () => resolve(), { once: true });
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A newer update does not wait for this one's images.
  const newer = new Promise<void>(resolve => { wakeRender = resolve; });
  await Promise.race([Promise.all(images.map(settled)), newer, new Promise(resolve => { timer = setTimeout(resolve, IMAGE_SETTLE_MS); })]);
  wakeRender = undefined;
  clearTimeout(timer);
  const loaded = images.filter(img => img.complete && img.naturalWidth > 0).length;
  return { loaded, failed: images.length - loaded, remote: content.querySelectorAll(`.${REMOTE_IMAGE_CLASS}`).length };
}

/**
 * Replaces what would load a remote image, as the browser reads its URL ({@link leavesWebview}): an
 * `<img>` becomes the document's placeholder for a remote image (its alt text and URL), an SVG
 * `<image>` is removed. The renderer already replaces the images it knows to be remote; this also
 * covers URLs it reads differently from the browser, and Mermaid's output: its HTML labels may hold
 * an `<img>` (DOMPurify keeps `http(s)` sources) and its image shape an SVG `<image>`. The CSP would
 * refuse them all; this way nothing even asks, and the reader sees why the image is missing.
 */
function replaceRemoteImages(root: ParentNode): void {
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!leavesWebview(src)) continue;
    const alt = img.getAttribute('alt');
    const placeholder = document.createElement('span');
    placeholder.className = REMOTE_IMAGE_CLASS;
    placeholder.title = 'Remote images are not loaded in the decision preview';
    placeholder.textContent = alt ? `${alt}: ${src}` : src;
    img.replaceWith(placeholder);
  }
  for (const image of root.querySelectorAll('image')) {
    if (leavesWebview(image.getAttribute('href') ?? image.getAttribute('xlink:href') ?? '')) image.remove();
  }
}

/** Puts a drawn diagram in its slot, remote images replaced before it enters the page. */
function placeDiagram(slot: HTMLElement, svg: string): void {
  slot.replaceChildren(inertNodes(svg));
}

/**
 * Brings the page to the renderer's blocks: removes the blocks that are gone, adds the new ones in
 * their place (HTML stamped with their lines, parsed inert), re-stamps the kept ones that moved, and
 * leaves every other node as it is. In another theme, every block is new (its diagrams are drawn
 * again). Returns the drawn diagrams of the removed blocks, by key, for the new ones to take.
 */
function patch(blocks: readonly PreviewBlock[]): Map<string, Element[]> {
  if (shownTheme !== diagramDrawer.theme || shown.size === 0) {
    // Leaving a theme: the diagrams on the page go back into the cache under it (others may have pushed
    // them out since they were drawn), so that switching back takes them instead of drawing again.
    if (shownTheme !== undefined && shownTheme !== diagramDrawer.theme) {
      for (const block of shown.values()) {
        const slots = block.nodes.flatMap(n => (n instanceof Element ? [...(n.matches('div.sf-mermaid') ? [n] : []), ...n.querySelectorAll('div.sf-mermaid')] : []));
        slots.forEach((slot, i) => {
          const svg = slot.querySelector(':scope > svg');
          const source = block.diagrams[i]?.source;
          if (svg && source !== undefined) diagramDrawer.remember(shownTheme as MermaidTheme, source, svg.outerHTML);
        });
      }
    }
    shown.clear();
    content.replaceChildren();
    shownTheme = diagramDrawer.theme;
  }
  const ids = new Set(blocks.map(b => b.id));
  const reusable = new Map<string, Element[]>();
  for (const [id, block] of shown) {
    if (ids.has(id)) continue;
    const slots = block.nodes.flatMap(n => (n instanceof Element ? [...(n.matches('div.sf-mermaid') ? [n] : []), ...n.querySelectorAll('div.sf-mermaid')] : []));
    slots.forEach((slot, i) => {
      const svg = slot.querySelector(':scope > svg');
      const source = block.diagrams[i]?.source;
      if (svg && source !== undefined) reusable.set(diagramDrawer.keyOf(source), [...(reusable.get(diagramDrawer.keyOf(source)) ?? []), svg]);
    });
    for (const n of block.nodes) n.remove();
    shown.delete(id);
  }
  let last: ChildNode | undefined;
  for (const b of blocks) {
    const kept = shown.get(b.id);
    if (kept) {
      if (kept.line !== b.line || kept.diagramIndex !== b.diagramIndex) restamp(kept, b);
      last = kept.nodes[kept.nodes.length - 1] ?? last;
      continue;
    }
    const fragment = inertNodes(stampBlock(b.html, b.line, b.diagramIndex));
    const nodes = Array.from(fragment.childNodes);
    if (last) last.after(fragment);
    else content.prepend(fragment);
    shown.set(b.id, { nodes, line: b.line, diagramIndex: b.diagramIndex, diagrams: b.diagrams });
    last = nodes[nodes.length - 1] ?? last;
  }
  return reusable;
}

/** Moves the `data-line` and `data-diagram` attributes of a kept block to its new place. */
function restamp(kept: ShownBlock, block: PreviewBlock): void {
  const lines = block.line - kept.line;
  const numbers = block.diagramIndex - kept.diagramIndex;
  for (const node of kept.nodes) {
    if (!(node instanceof HTMLElement)) continue;
    for (const el of [node, ...node.querySelectorAll<HTMLElement>('[data-line], [data-diagram]')]) {
      if (lines && el.dataset.line !== undefined) el.dataset.line = String(Number(el.dataset.line) + lines);
      if (numbers && el.dataset.diagram !== undefined) el.dataset.diagram = String(Number(el.dataset.diagram) + numbers);
    }
  }
  kept.line = block.line;
  kept.diagramIndex = block.diagramIndex;
}

/** The drawn diagrams on the page, by key (for a page replaced as a whole). */
function liveSvgs(): Map<string, Element[]> {
  const live = new Map<string, Element[]>();
  for (const slot of content.querySelectorAll('div.sf-mermaid')) {
    const svg = slot.querySelector(':scope > svg');
    const source = slot.querySelector(':scope > pre.sf-mermaid-source')?.textContent;
    if (svg && source != null) live.set(diagramDrawer.keyOf(source), [...(live.get(diagramDrawer.keyOf(source)) ?? []), svg]);
  }
  return live;
}

function diagramError(index: number, diagram: RenderedDiagram, message: string): DiagramError {
  return { index, line: diagram.line, endLine: diagram.endLine, message };
}

/** A Mermaid block that shows neither an SVG with an area nor an error box. */
function isBlank(slot: HTMLElement): boolean {
  if (slot.querySelector('.sf-mermaid-error')) return false;
  const svg = slot.querySelector(':scope > svg');
  if (!svg) return true;
  const box = svg.getBoundingClientRect();
  return box.width === 0 || box.height === 0;
}

/** Scrolls to the element that starts at or just before a 0-based source line. */
function revealLine(line: number): void {
  let best: HTMLElement | undefined;
  for (const el of content.querySelectorAll<HTMLElement>('[data-line]')) {
    if (Number(el.dataset.line) <= line) best = el;
    else break;
  }
  if (best) best.scrollIntoView({ block: 'start' });
  else window.scrollTo(0, 0);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) {
    reportScriptError(`ignored a message from the extension that is not one of the preview's: ${JSON.stringify(message)?.slice(0, 200)}`);
    return;
  }
  if (message.type === 'update') {
    latest = lastReceived = message;
    wakeRender?.();
    void renderLatest();
  } else if (message.type === 'edit') {
    // An edit of the version received last: applied to its text, then rendered as an update would be.
    // Any other base (a message lost, a page reloaded) asks for the whole document.
    const base = lastReceived;
    const text = base && base.uri === message.uri && base.version === message.base ? applySplice(base.text, message) : undefined;
    if (base === undefined || text === undefined) {
      vscode.postMessage({ type: 'resync' });
      return;
    }
    latest = lastReceived = { type: 'update', uri: message.uri, version: message.version, text, statuses: base.statuses };
    wakeRender?.();
    void renderLatest();
  } else if (message.type === 'revealLine') {
    if (lastRendered && !rendering) revealLine(message.line);
    else pendingReveal = message.line;
  } else if (message.type === 'lock') {
    locked = message.locked;
    const state = vscode.getState();
    if (state) vscode.setState({ ...state, locked });
  }
});

// Links: fragments scroll here (ids carry the sanitizer's `user-content-` prefix); everything else is
// the extension's to open (a record in the editor, a web page outside), never navigated in the webview.
document.addEventListener('click', event => {
  const target = event.target as Element | null;
  // A node of the decision graph: the extension opens its record.
  const node = graphNodeOfElement(target?.closest?.('.sf-mermaid g.node')?.id ?? '');
  if (node) {
    vscode.postMessage({ type: 'openNode', node });
    return;
  }
  const link = target?.closest?.('a[href]');
  if (!link) return;
  event.preventDefault();
  const action = linkAction(link.getAttribute('href') ?? '');
  if (action.kind === 'scroll') {
    action.ids.map(id => document.getElementById(id)).find(el => el)?.scrollIntoView({ block: 'start' });
  } else {
    vscode.postMessage({ type: 'openLink', href: action.href });
  }
});

// Follow the theme: VS Code changes the body's classes; redraw the diagrams in the new colours.
new MutationObserver(() => {
  if (!diagramDrawer.followTheme()) return;
  if (lastReceived) {
    latest = lastReceived;
    void renderLatest();
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// Keep the scroll position in the state (once a frame at most), for a reloaded window.
let scrollPending = false;
window.addEventListener('scroll', () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    const state = vscode.getState();
    if (state) vscode.setState({ ...state, scrollY: window.scrollY });
  });
}, { passive: true });

/** Sends an error the script did not expect to the extension's log: a failure here is never silent. */
function reportScriptError(message: string): void {
  try {
    vscode.postMessage({ type: 'scriptError', message: message.slice(0, 2000) });
  } catch {
    // The extension is gone (the panel is closing): nobody to tell.
  }
}
window.addEventListener('error', event => reportScriptError(`${event.message} (${event.filename}:${event.lineno})`));
window.addEventListener('unhandledrejection', event => reportScriptError(`unhandled rejection: ${event.reason instanceof Error ? event.reason.message : String(event.reason)}`));

vscode.postMessage({ type: 'ready' });
