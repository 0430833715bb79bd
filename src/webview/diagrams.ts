/**
 * Mermaid in the preview: drawn with `securityLevel: 'strict'` and keys a document cannot change, in the
 * workbench's theme, each diagram bounded in time, its SVG (or its error) cached by theme and source so
 * that a diagram that reappears, or a broken one, is not drawn again on every keystroke. Mermaid itself
 * is loaded with the first diagram (`mermaidLoader.ts`).
 */
import { LruCache } from './lruCache';
import { loadMermaid, type Mermaid } from './mermaidLoader';

/**
 * A diagram that has not finished drawing after this long shows an error instead, so one
 * pathological diagram cannot leave the page waiting. (Mermaid's layout is synchronous JavaScript:
 * a diagram that loops forever cannot be interrupted from this thread; Mermaid's own `maxTextSize`
 * and `maxEdges` limits, which `%%{init}%%` cannot raise, bound that case.)
 */
const DIAGRAM_TIMEOUT_MS = 10000;
/** What Mermaid draws, rather than throwing, in place of a diagram longer than its `maxTextSize`. */
const TEXT_SIZE_EXCEEDED = 'Maximum text size in diagram exceeded';
/** Cached SVGs (and errors) kept at most; past it, the entries used least recently go first. */
const MAX_CACHED = 300;

/** Mermaid's themes the preview uses. */
export type MermaidTheme = 'default' | 'dark';

/** Mermaid's theme for the workbench theme. High-contrast light bodies carry both classes: check it first. */
function workbenchTheme(): MermaidTheme {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'default';
  return c.contains('vscode-dark') || c.contains('vscode-high-contrast') ? 'dark' : 'default';
}

/** Draws the page's diagrams. One per page: Mermaid's configuration is global. */
export class DiagramDrawer {
  private current: MermaidTheme = workbenchTheme();
  private readonly svgCache = new LruCache<string>(MAX_CACHED);
  private readonly errorCache = new LruCache<string>(MAX_CACHED);
  private renderCount = 0;
  /** The theme Mermaid's global configuration was last given, once loaded. */
  private initialized: MermaidTheme | undefined;

  /** The theme diagrams are drawn in. */
  get theme(): MermaidTheme {
    return this.current;
  }

  /** Takes the workbench's theme if it changed (Mermaid is given it before its next diagram); returns whether it did. */
  followTheme(): boolean {
    const next = workbenchTheme();
    if (next === this.current) return false;
    this.current = next;
    return true;
  }

  /** A diagram's identity on the page: its theme and source. */
  keyOf(source: string): string {
    return `${this.current}\n${source}`;
  }

  /** Keeps `svg`, drawn for `source` in `theme`, in the cache (as the newest entry), for a later switch back to that theme. */
  remember(theme: MermaidTheme, source: string, svg: string): void {
    this.svgCache.set(`${theme}\n${source}`, svg);
  }

  /** The SVG drawn before for `source` in the current theme, if any. */
  cached(source: string): string | undefined {
    return this.svgCache.get(this.keyOf(source));
  }

  /** Draws one diagram, or returns Mermaid's error message. Bounded by {@link DIAGRAM_TIMEOUT_MS}. */
  async draw(source: string): Promise<{ svg: string } | { error: string }> {
    const theme = this.current;
    const key = this.keyOf(source);
    const cached = this.svgCache.get(key);
    if (cached !== undefined) return { svg: cached };
    const failed = this.errorCache.get(key);
    if (failed !== undefined) return { error: failed };
    const id = `sf-mermaid-${++this.renderCount}`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    let loaded = false;
    try {
      const mermaid = await loadMermaid();
      loaded = true;
      this.configure(mermaid);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => (timedOut = true, reject(new Error(`Mermaid did not finish drawing this diagram within ${DIAGRAM_TIMEOUT_MS / 1000} s.`))), DIAGRAM_TIMEOUT_MS);
      });
      const rendering = mermaid.render(id, source);
      rendering.catch(() => undefined); // after a timeout, its late failure is nobody's to handle
      const { svg } = await Promise.race([rendering, timeout]);
      const limit = mermaid.mermaidAPI.getConfig().maxTextSize ?? 50000;
      if (source.length > limit && svg.includes(TEXT_SIZE_EXCEEDED)) {
        throw new Error(`This diagram has ${source.length} characters; Mermaid draws at most ${limit} (its maxTextSize, which a document cannot raise).`);
      }
      // The theme changed while Mermaid drew: its colours may be either theme's, so it is not kept.
      if (theme === this.current) this.svgCache.set(key, svg);
      return { svg };
    } catch (err) {
      let error = err instanceof Error ? err.message : String(err);
      // Mermaid's image shape fetches its image to size it; the CSP refuses remote ones.
      if (/image cannot be decoded/i.test(error)) error += ' (The preview loads no remote image: use an image in the workspace.)';
      // Not kept: a timeout, or Mermaid failing to load (the next draw tries again).
      if (!timedOut && loaded) this.errorCache.set(key, error);
      return { error };
    } finally {
      clearTimeout(timer);
      // Mermaid leaves its scratch element behind on some errors.
      document.getElementById(`d${id}`)?.remove();
      document.getElementById(id)?.remove();
    }
  }

  /** Gives Mermaid's global configuration the current theme, when it has another. */
  private configure(mermaid: Mermaid): void {
    if (this.initialized === this.current) return;
    this.initialized = this.current;
    mermaid.initialize({
      startOnLoad: false,
      // No click callbacks, no script in labels (DOMPurify), links only to safe URLs.
      securityLevel: 'strict',
      theme: this.current,
      suppressErrorRendering: true,
      // Keys that `%%{init}%%` and diagram front matter cannot change: Mermaid's own secure keys, plus the
      // CSS ones (Mermaid sanitizes them, and the CSP blocks remote loads, but a document has no need of them).
      secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'themeCSS', 'fontFamily', 'altFontFamily', 'dompurifyConfig'],
    });
  }
}
