/**
 * The decision preview's browser code (its own bundle, `dist/webview/preview.js`, with Mermaid).
 * Renders the Markdown it is sent with the core's sanitizing renderer, draws every Mermaid block
 * with `securityLevel: 'strict'`, shows a diagram's error in its place, follows the VS Code theme,
 * and reports to the extension how many diagrams rendered and failed.
 */
import mermaid from 'mermaid';
import { renderMarkdown } from '../core/render';
import type { DiagramError, FromWebview, PreviewState, ToWebview, UpdateMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const content = document.getElementById('content') as HTMLElement;

/** Mermaid's theme for the workbench theme. High-contrast light bodies carry both classes: check it first. */
function mermaidTheme(): 'default' | 'dark' {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'default';
  return c.contains('vscode-dark') || c.contains('vscode-high-contrast') ? 'dark' : 'default';
}

let theme = mermaidTheme();
function initializeMermaid(): void {
  // `strict`: no click callbacks, no HTML labels; secure keys cannot be changed by `%%{init}%%`.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme, suppressErrorRendering: true });
}
initializeMermaid();

/** Drawn diagrams by theme and source, so an edit elsewhere in the document does not redraw them. */
const svgCache = new Map<string, string>();
let renderCount = 0;

/** Draws one diagram, or returns Mermaid's error message. */
async function draw(source: string): Promise<{ svg: string } | { error: string }> {
  const key = `${theme}\n${source}`;
  const cached = svgCache.get(key);
  if (cached !== undefined) return { svg: cached };
  try {
    const { svg } = await mermaid.render(`sf-mermaid-${++renderCount}`, source);
    if (svgCache.size > 200) svgCache.clear();
    svgCache.set(key, svg);
    return { svg };
  } catch (err) {
    // Mermaid leaves its scratch element behind on some errors.
    document.getElementById(`dsf-mermaid-${renderCount}`)?.remove();
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

function errorBox(message: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'sf-mermaid-error';
  const title = document.createElement('strong');
  title.textContent = 'Mermaid could not draw this diagram';
  const text = document.createElement('pre');
  text.textContent = message;
  box.append(title, text);
  return box;
}

/** The update waiting to be rendered, and the last one received (redrawn when the theme changes). */
let latest: UpdateMessage | undefined;
let lastReceived: UpdateMessage | undefined;
let rendering = false;
/** Where a restored preview (window reload) was scrolled to, applied after its first render. */
let restoreScrollY = vscode.getState()?.scrollY;

/** Renders the newest update; updates that arrive meanwhile are coalesced into one more pass. */
async function renderLatest(): Promise<void> {
  if (rendering) return;
  rendering = true;
  try {
    while (latest) {
      const update = latest;
      latest = undefined;
      await renderUpdate(update);
    }
  } finally {
    rendering = false;
  }
}

async function renderUpdate(update: UpdateMessage): Promise<void> {
  const { html, diagrams } = renderMarkdown(update.text);
  const scrollY = restoreScrollY ?? window.scrollY;
  restoreScrollY = undefined;
  content.innerHTML = html;
  const errors: DiagramError[] = [];
  const slots = content.querySelectorAll<HTMLElement>('div.sf-mermaid');
  for (let i = 0; i < diagrams.length; i++) {
    const result = await draw(diagrams[i].source);
    if (latest) return; // stale: a newer version is waiting
    const slot = slots[i];
    if ('svg' in result) {
      slot.innerHTML = result.svg;
      slot.classList.add('sf-mermaid-drawn');
    } else {
      slot.append(errorBox(result.error));
      slot.classList.add('sf-mermaid-failed');
      errors.push({ index: i, line: diagrams[i].line, message: result.error });
    }
  }
  window.scrollTo(0, scrollY);
  vscode.setState({ uri: update.uri, scrollY });
  vscode.postMessage({
    type: 'rendered', uri: update.uri, version: update.version,
    diagrams: diagrams.length, rendered: diagrams.length - errors.length, failed: errors.length, errors,
  });
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

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'update') {
    latest = lastReceived = message;
    void renderLatest();
  } else if (message.type === 'revealLine') {
    revealLine(message.line);
  }
});

// Links: fragments scroll here (ids carry the sanitizer's `user-content-` prefix); everything else is
// the extension's to open (a record in the editor, a web page outside), never navigated in the webview.
document.addEventListener('click', event => {
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    (document.getElementById(`user-content-${id}`) ?? document.getElementById(id))?.scrollIntoView({ block: 'start' });
    return;
  }
  vscode.postMessage({ type: 'openLink', href });
});

// Follow the theme: VS Code changes the body's classes; redraw the diagrams in the new colours.
new MutationObserver(() => {
  const next = mermaidTheme();
  if (next === theme) return;
  theme = next;
  initializeMermaid();
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

vscode.postMessage({ type: 'ready' });
