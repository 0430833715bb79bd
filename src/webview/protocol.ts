/**
 * The messages between the preview panel (extension host) and its webview. Both sides import this
 * file: it holds types only, so it adds nothing to either bundle.
 */

/** Extension → webview: the document's text to render (sent on load and after each edit). */
export interface UpdateMessage {
  readonly type: 'update';
  /** The document's URI as a string, kept in the webview's state for the panel serializer. */
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/** Extension → webview: scroll so that this 0-based source line is at the top. */
export interface RevealLineMessage {
  readonly type: 'revealLine';
  readonly line: number;
}

export type ToWebview = UpdateMessage | RevealLineMessage;

/** A diagram that Mermaid could not draw. */
export interface DiagramError {
  /** Index of the diagram among the document's Mermaid blocks. */
  readonly index: number;
  /** 0-based line of the block's opening fence in the document. */
  readonly line: number;
  /** Mermaid's message. */
  readonly message: string;
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
  readonly errors: readonly DiagramError[];
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

export type FromWebview = RenderedMessage | OpenLinkMessage | ReadyMessage;

/** What the webview keeps in `setState`, so a reloaded window restores the preview. */
export interface PreviewState {
  readonly uri: string;
  readonly scrollY?: number;
}
