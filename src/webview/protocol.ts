/**
 * The messages between the preview panel (extension host) and its webview. Both sides import this
 * file: types and one small guard, so it adds almost nothing to either bundle.
 */

/** Extension → webview: the document's text to render (sent on load and after each edit). */
export interface UpdateMessage {
  readonly type: 'update';
  /** The document's URI as a string, kept in the webview's state for the panel serializer. */
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /**
   * On the first update of a document: the 0-based line at the top of its editor, for the preview to
   * open at the same place. Absent on later updates (the preview keeps the reader's place itself).
   */
  readonly line?: number;
}

/** Extension → webview: scroll so that this 0-based source line is at the top. */
export interface RevealLineMessage {
  readonly type: 'revealLine';
  readonly line: number;
}

/** Extension → webview: whether the preview is locked (kept in the state, for a window reload). */
export interface LockMessage {
  readonly type: 'lock';
  readonly locked: boolean;
}

export type ToWebview = UpdateMessage | RevealLineMessage | LockMessage;

/** A diagram that Mermaid could not draw (or did not finish drawing in time). */
export interface DiagramError {
  /** Index of the diagram among the document's Mermaid blocks. */
  readonly index: number;
  /** 0-based line of the block's opening fence in the document. */
  readonly line: number;
  /** 0-based line of the block's closing fence. */
  readonly endLine: number;
  /** Mermaid's message. */
  readonly message: string;
}

/**
 * What the webview finds in its own page after a render, as a safety self-check: none of these can
 * come from the sanitized HTML, so any non-zero count (or a root data attribute) means a payload got
 * through, and the extension logs it as an error. The integration tests read it back.
 */
export interface RenderAudit {
  /** `<script>` elements in the rendered content. */
  readonly scripts: number;
  /** Elements in the content with an `on*` event-handler attribute. */
  readonly handlers: number;
  /** Links or sources in the content with a `javascript:`, `vbscript:` or `data:` URL (`data:` images excepted). */
  readonly dangerousUrls: number;
  /** `<iframe>`, `<object>`, `<embed>`, `<frame>` elements in the content. */
  readonly frames: number;
  /** Images in the content whose `src` leaves the webview (the CSP would block them). */
  readonly remoteImages: number;
  /** `data-*` attributes on `<html>`: the webview sets none, a running payload would. */
  readonly rootDataAttributes: readonly string[];
}

/** Webview → extension: a version of the document finished rendering, with its diagram counts. */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly uri: string;
  readonly version: number;
  /** Mermaid blocks in the document. */
  readonly diagrams: number;
  /** Blocks drawn as SVG (`diagrams - failed`). */
  readonly rendered: number;
  readonly failed: number;
  /**
   * Blocks that show neither a diagram of non-zero size nor an error box: a blank in the page. 0
   * unless something went wrong between Mermaid and the page.
   */
  readonly blank: number;
  /** Diagrams drawn by Mermaid for this version (the others were unchanged and reused). */
  readonly drawn: number;
  /** Milliseconds from receiving the update to the last diagram in place. */
  readonly elapsedMs: number;
  /** Mermaid's theme used: follows the workbench's light, dark and high-contrast themes. */
  readonly theme: 'default' | 'dark';
  readonly errors: readonly DiagramError[];
  /** The document's images once they settled (bounded wait): drawn, failed, and remote ones shown as placeholders. */
  readonly images: { readonly loaded: number; readonly failed: number; readonly remote: number };
  readonly audit: RenderAudit;
}

/** Webview → extension: the user clicked a link the webview does not handle itself. */
export interface OpenLinkMessage {
  readonly type: 'openLink';
  /** The `href` as written in the document. */
  readonly href: string;
}

/** Webview → extension: the script started and can take updates. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/**
 * Webview → extension: the user clicked a flowchart node whose id names a record (the decision
 * graph's `r_…` ids). Mermaid's strict mode drops `click` callbacks, so the webview reports the click.
 */
export interface OpenNodeMessage {
  readonly type: 'openNode';
  /** The node's id as written in the diagram's source (`r_docs_adr_0001_use_x_md`). */
  readonly node: string;
}

export type FromWebview = RenderedMessage | OpenLinkMessage | ReadyMessage | OpenNodeMessage;

/**
 * Whether a message from the webview has one of the shapes above. The webview runs only the
 * extension's script, but it shows untrusted text: the extension checks before it acts.
 */
export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready': return true;
    case 'openLink': return typeof m.href === 'string';
    case 'openNode': return typeof m.node === 'string' && /^r_[A-Za-z0-9_]{1,500}$/.test(m.node);
    case 'rendered': return typeof m.uri === 'string' && typeof m.version === 'number' && typeof m.diagrams === 'number'
      && Array.isArray(m.errors) && typeof m.audit === 'object' && m.audit !== null && typeof m.images === 'object' && m.images !== null;
    default: return false;
  }
}

/** What the webview keeps in `setState`, so a reloaded window restores the preview. */
export interface PreviewState {
  readonly uri: string;
  readonly scrollY?: number;
  /** Whether the preview is locked to `uri` rather than following the active editor. */
  readonly locked?: boolean;
}
