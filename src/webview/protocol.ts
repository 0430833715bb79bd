/**
 * The messages between the preview panel (extension host) and its webview, and the checks each side
 * runs on what it receives: every field of every message, before anything acts on it (the webview
 * shows untrusted text; the host is the one that opens files). Both sides import this file: types
 * and small checks, so it adds almost nothing to either bundle.
 */

/** Extension → webview: the document's text to render (sent on load and after each edit). */
export interface UpdateMessage {
  readonly type: 'update';
  /** The document's URI as a string, kept in the webview's state for the panel serializer. */
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /**
   * The record's status vocabulary (lower case), as the editor resolves it for the document's file
   * (its project's `.spec-first.*`, else the setting): the status badge reads the status with it.
   */
  readonly statuses: readonly string[];
  /**
   * On the first update of a document: the 0-based line at the top of its editor, for the preview to
   * open at the same place. Absent on later updates (the preview keeps the reader's place itself).
   */
  readonly line?: number;
}

/**
 * Extension → webview: an edit of the document since the version the webview was last sent, as one
 * replacement (see `core/textSplice.ts`): what the preview sends after each edit once the webview has
 * the text, rather than the whole document. A webview that does not hold version `base` of `uri`
 * answers {@link ResyncMessage}.
 */
export interface EditMessage {
  readonly type: 'edit';
  readonly uri: string;
  /** The version the edit makes. */
  readonly version: number;
  /** The version it applies to. */
  readonly base: number;
  /** 0-based UTF-16 offsets of the replaced part of version `base`, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** The text that takes its place. */
  readonly text: string;
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

export type ToWebview = UpdateMessage | EditMessage | RevealLineMessage | LockMessage;

/**
 * A part of the document the webview could not render (the renderer threw on it): shown in place as
 * an error box followed by the part's text, while the rest of the document renders.
 */
export interface RenderError {
  /** 0-based line where the part starts in the document. */
  readonly line: number;
  /** What the renderer said. */
  readonly message: string;
}

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
  /** Parts of the document that could not be rendered, in document order (none unless the renderer failed). */
  readonly renderErrors: readonly RenderError[];
  /** The document's images once they settled (bounded wait): drawn, failed, and remote ones shown as placeholders. */
  readonly images: { readonly loaded: number; readonly failed: number; readonly remote: number };
  readonly audit: RenderAudit;
  /** The status badge the page shows (its text, its `sf-status-*` classes); absent when it shows none. */
  readonly statusBadge?: { readonly text: string; readonly classes: readonly string[] };
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

/** Webview → extension: an {@link EditMessage} did not apply to the text the webview holds: send the whole document. */
export interface ResyncMessage {
  readonly type: 'resync';
}

/**
 * Webview → extension: the user clicked a flowchart node whose id may name a record (the decision
 * graph's `r12` ids). Mermaid's strict mode drops `click` callbacks, so the webview reports the click.
 */
export interface OpenNodeMessage {
  readonly type: 'openNode';
  /** The node's id as written in the diagram's source (`r12`). */
  readonly node: string;
}

/** Webview → extension: the webview's script met an error it did not expect (logged by the extension). */
export interface ScriptErrorMessage {
  readonly type: 'scriptError';
  readonly message: string;
}

export type FromWebview = RenderedMessage | OpenLinkMessage | ReadyMessage | ResyncMessage | OpenNodeMessage | ScriptErrorMessage;

/** A check of one value; a message is valid when each of its fields passes its check and it has no other field. */
type Check = (value: unknown) => boolean;

const string: Check = v => typeof v === 'string';
const boolean: Check = v => typeof v === 'boolean';
/** A count, an index, a 0-based line or a duration in milliseconds: a safe integer, 0 or more. */
const count: Check = v => Number.isSafeInteger(v) && (v as number) >= 0;
/** A document version: VS Code's (1 and up), or -1 for a document that could not be opened. */
const version: Check = v => Number.isSafeInteger(v) && (v as number) >= -1;
const literal = (...values: readonly unknown[]): Check => v => values.includes(v);
const arrayOf = (item: Check): Check => v => Array.isArray(v) && v.every(item);
const optional = (check: Check): Check => v => v === undefined || check(v);
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** An object with only these fields, each passing its check (an `optional` field may be absent). */
function shape(fields: Readonly<Record<string, Check>>): Check {
  return v => typeof v === 'object' && v !== null && !Array.isArray(v)
    && Object.keys(v).every(key => hasOwn(fields, key))
    && Object.keys(fields).every(key => fields[key]((v as Record<string, unknown>)[key]));
}

/** Checks the message's `type`, then its fields by the type's shape. */
function byType(shapes: Readonly<Record<string, Check>>): Check {
  return v => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string'
    && hasOwn(shapes, (v as { type: string }).type) && shapes[(v as { type: string }).type](v);
}

const isDiagramError = shape({ index: count, line: count, endLine: count, message: string });

/** A rendered report whose counts agree with each other and with its errors. */
function consistentReport(m: RenderedMessage): boolean {
  return m.rendered + m.failed === m.diagrams && m.errors.length === m.failed && m.blank <= m.diagrams && m.drawn <= m.diagrams
    && m.errors.every(e => e.index < m.diagrams && e.line <= e.endLine);
}

const isRenderedShape = shape({
  type: literal('rendered'), uri: string, version, diagrams: count, rendered: count, failed: count, blank: count, drawn: count,
  elapsedMs: count, theme: literal('default', 'dark'), errors: arrayOf(isDiagramError),
  renderErrors: arrayOf(shape({ line: count, message: string })),
  images: shape({ loaded: count, failed: count, remote: count }),
  audit: shape({ scripts: count, handlers: count, dangerousUrls: count, frames: count, remoteImages: count, rootDataAttributes: arrayOf(string) }),
  statusBadge: optional(shape({ text: string, classes: arrayOf(string) })),
});

const isFromWebviewMessage = byType({
  ready: shape({ type: literal('ready') }),
  resync: shape({ type: literal('resync') }),
  openLink: shape({ type: literal('openLink'), href: string }),
  openNode: shape({ type: literal('openNode'), node: v => typeof v === 'string' && /^r\d{1,9}$/.test(v) }),
  scriptError: shape({ type: literal('scriptError'), message: string }),
  rendered: v => isRenderedShape(v) && consistentReport(v as RenderedMessage),
});

const isToWebviewMessage = byType({
  update: shape({ type: literal('update'), uri: string, version, text: string, statuses: arrayOf(string), line: optional(count) }),
  edit: shape({ type: literal('edit'), uri: string, version, base: version, start: count, end: count, text: string }),
  revealLine: shape({ type: literal('revealLine'), line: count }),
  lock: shape({ type: literal('lock'), locked: boolean }),
});

/**
 * Whether a message from the webview is one of {@link FromWebview}, every field checked: its type,
 * no unknown field, strings, booleans, counts (safe integers, 0 or more), the items of its arrays,
 * and a render report's counts agreeing with each other. The webview runs only the extension's
 * script, but it shows untrusted text: the extension checks before it acts.
 */
export function isFromWebview(value: unknown): value is FromWebview {
  return isFromWebviewMessage(value);
}

/** Whether a message from the extension is one of {@link ToWebview}, every field checked as {@link isFromWebview} does. */
export function isToWebview(value: unknown): value is ToWebview {
  return isToWebviewMessage(value);
}

/** What the webview keeps in `setState`, so a reloaded window restores the preview. */
export interface PreviewState {
  readonly uri: string;
  readonly scrollY?: number;
  /** Whether the preview is locked to `uri` rather than following the active editor. */
  readonly locked?: boolean;
}
