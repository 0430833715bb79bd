/**
 * One decision preview: a webview panel beside the editor and the document it shows.
 * - {@link DecisionPreview} is the panel: its title and lock, which document it shows, the messages
 *   from its webview (render reports, clicks on links and diagram nodes, script errors).
 * - {@link DocumentPreview} is one document in it, and the one place where the preview's content is
 *   produced: it loads the page for the document, then sends the document's text and the options it
 *   renders with on load, and after each edit the edit alone (one replacement: a few bytes).
 * Rendering happens in the webview (`src/webview/main.ts`), never in the extension host: an edit of a
 * 172 KB RFC costs the host one `getText()`, one comparison with the text sent before and one small
 * `postMessage` (`npm run bench` measures it).
 */
import * as vscode from 'vscode';
import { basename } from '../core/paths';
import { statusVocabulary } from '../core/record';
import { textSplice } from '../core/textSplice';
import type { RenderOptions } from '../core/render';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';
import { isFromWebview, type RenderedMessage, type ToWebview } from '../webview/protocol';
import { makeNonce, previewHtml } from './html';
import { openPreviewLink } from './linkOpener';
import { editorTopLine, type ScrollTarget } from './scrolling';

/** The webview panel type, also the `onWebviewPanel:` activation event in package.json. */
export const PREVIEW_VIEW_TYPE = 'specFirst.preview';

/**
 * A rendered version of a document, as the webview reports it (see `RenderedMessage`: diagram counts,
 * errors, images, the safety self-check, the status badge), with the document's URI as a `vscode.Uri`.
 */
export type PreviewRenderReport = Omit<RenderedMessage, 'type' | 'uri'> & { readonly uri: vscode.Uri };

/** What a preview needs from the one that owns it. */
export interface PreviewDelegate {
  /** The extension's root: the webview's script and styles. */
  readonly extensionUri: vscode.Uri;
  /** The options `document` renders with (its status vocabulary). */
  renderOptions(document: vscode.Uri): Promise<RenderOptions>;
  /** The webview finished rendering a version of a document. */
  didRender(report: PreviewRenderReport): void;
  /** The preview now shows `document`. */
  didShow(document: vscode.Uri): void;
  /** The user clicked the diagram node `node` in the preview of `document`. */
  openNode(document: vscode.Uri, node: string): void;
}

/** Posts a message to the webview; a panel that is gone or not ready loses it (logged at debug level). */
async function post(panel: vscode.WebviewPanel, message: ToWebview): Promise<void> {
  try {
    await panel.webview.postMessage(message);
  } catch (err) {
    log().debug(`Preview: message not delivered: ${errorMessage(err)}`);
  }
}

/** The preview panel: shows one document at a time, follows what its owner tells it to show. */
export class DecisionPreview extends Disposable implements ScrollTarget {
  private document: DocumentPreview | undefined;
  private readonly closed = this._register(new vscode.EventEmitter<void>());
  /** Fires once, when the panel closes or the preview is disposed. */
  readonly onDidDispose = this.closed.event;

  /** Opens a new panel beside the active editor, without taking the focus. */
  static create(delegate: PreviewDelegate): DecisionPreview {
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Decision Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
    });
    return new DecisionPreview(panel, delegate, false);
  }

  /** Takes over `panel` (a new one, or one restored after a window reload), locked or not. */
  constructor(private readonly panel: vscode.WebviewPanel, private readonly delegate: PreviewDelegate, private locked: boolean) {
    super();
    panel.iconPath = vscode.Uri.joinPath(delegate.extensionUri, 'media', 'preview.svg');
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    this._register(panel.onDidDispose(() => this.dispose()));
  }

  /** The document shown. */
  get resource(): vscode.Uri | undefined {
    return this.document?.resource;
  }

  /** Whether the preview stays on its document (true) or follows the active editor (false). */
  get isLocked(): boolean {
    return this.locked;
  }

  /** Shows `uri`: loads a new page for it (its folder is the base for relative images), unless it is the document shown. */
  show(uri: vscode.Uri): void {
    // The document shown already: its page stays (no reload, no diagram drawn again); it is sent again,
    // which renders nothing new, reports, and scrolls to the editor.
    if (this.document && this.document.resource.toString() === uri.toString()) {
      void this.document.update('reload');
      return;
    }
    this.document?.dispose();
    this.document = new DocumentPreview(this.panel, uri, this.delegate);
    this.panel.title = this.title();
    this.delegate.didShow(uri);
  }

  /** Brings the panel to the front, keeping the focus where it is. */
  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Locks the preview to its document, or unlocks it. The state shows in the title and survives a window reload. */
  setLocked(locked: boolean): void {
    this.locked = locked;
    if (this.document) this.panel.title = this.title();
    void post(this.panel, { type: 'lock', locked });
  }

  revealLine(line: number): void {
    void post(this.panel, { type: 'revealLine', line });
  }

  /** Sends the document again if it, or the options it renders with, changed since it was sent. */
  refresh(): void {
    void this.document?.update();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.document?.dispose();
    this.document = undefined;
    this.closed.fire();
    super.dispose();
    this.panel.dispose();
  }

  /** "Preview 0001-x.md", or "[Locked] Preview 0001-x.md". */
  private title(): string {
    return `${this.locked ? '[Locked] ' : ''}Preview ${basename(this.resource?.path ?? '')}`;
  }

  private onMessage(message: unknown): void {
    if (!isFromWebview(message)) {
      log().warn(`Preview: ignored a message from the webview that is not one of the preview's: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        void this.document?.update('reload');
        break;
      case 'resync':
        void this.document?.update('resync');
        break;
      case 'rendered':
        this.onRendered(message);
        break;
      case 'scriptError':
        log().error(`Preview: the webview met an error: ${message.message.slice(0, 2000)}`);
        break;
      case 'openLink':
        if (this.resource) void openPreviewLink(message.href, this.resource);
        break;
      case 'openNode':
        if (this.resource) this.delegate.openNode(this.resource, message.node);
        break;
    }
  }

  /** Logs what the report says went wrong, and hands it on. */
  private onRendered(message: RenderedMessage): void {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(message.uri, true); // what the extension sent: `uri.toString()`
    } catch {
      log().warn(`Preview: ignored a render report for "${message.uri.slice(0, 200)}", which is not a URI.`);
      return;
    }
    const a = message.audit;
    if (a.scripts || a.handlers || a.dangerousUrls || a.frames || a.remoteImages || a.rootDataAttributes.length) {
      log().error(`Preview: the page of ${uri.path} holds what the sanitizer must remove: ${JSON.stringify(a)}`);
    }
    for (const e of message.renderErrors) log().warn(`Preview: the part of ${uri.path} from line ${e.line + 1} could not be rendered (shown as text): ${e.message}`);
    this.delegate.didRender({ ...message, uri });
  }
}

/**
 * One document in the preview panel. Loads the page (the HTML shell; the webview then says it is
 * ready and gets the text), and sends each edit (as one replacement) without delay: edits made
 * while one is being sent go out together, once it is sent (the webview renders only the blocks they
 * touched, and takes the newest version when several wait). Disposed when the panel shows another document.
 */
class DocumentPreview extends Disposable {
  /** The version of the document last sent to the webview, its text, and the vocabulary it renders it with. */
  private sent: { version: number; statuses: string; text: string } | undefined;
  /** An update being sent, and whether edits came in meanwhile. */
  private sending: Promise<void> | undefined;
  private again = false;

  constructor(private readonly panel: vscode.WebviewPanel, readonly resource: vscode.Uri, private readonly delegate: PreviewDelegate) {
    super();
    const key = resource.toString();
    this._register(vscode.workspace.onDidChangeTextDocument(e => {
      if (e.contentChanges.length > 0 && e.document.uri.toString() === key) this.scheduleUpdate();
    }));
    this.load();
  }

  /**
   * Sends the document to the webview, unless it has this version with these options already: the
   * edit since the version it was sent last, as one replacement (`core/textSplice.ts`: a word typed is
   * a few bytes, not the document); or the whole text and render options when `mode` says so, the
   * vocabulary changed, or nothing was sent yet. `reload`: the page is new (it opens where the
   * document's editor is); `resync`: the webview could not apply an edit. A document that cannot be
   * opened shows why.
   */
  async update(mode?: 'reload' | 'resync'): Promise<void> {
    const uri = this.resource;
    const statuses = statusVocabulary({ project: (await this.delegate.renderOptions(uri)).statuses });
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (err) {
      log().warn(`Preview: could not open ${uri.toString(true)}: ${errorMessage(err)}`);
      if (!this.isDisposed) void post(this.panel, { type: 'update', uri: uri.toString(), version: -1, text: `Could not open this document: ${errorMessage(err)}`, statuses });
      return;
    }
    const previous = this.sent;
    const sent = { version: document.version, statuses: statuses.join('\n'), text: document.getText() };
    if (this.isDisposed || (!mode && sent.version === previous?.version && sent.statuses === previous.statuses)) return;
    this.sent = sent;
    if (!mode && previous && previous.statuses === sent.statuses) {
      await post(this.panel, { type: 'edit', uri: uri.toString(), version: sent.version, base: previous.version, ...textSplice(previous.text, sent.text) });
      return;
    }
    const line = mode === 'reload' ? editorTopLine(uri) : undefined;
    await post(this.panel, { type: 'update', uri: uri.toString(), version: document.version, text: sent.text, statuses, ...(line ? { line } : {}) });
  }

  private scheduleUpdate(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.update().finally(() => {
      this.sending = undefined;
      if (this.again && !this.isDisposed) {
        this.again = false;
        this.scheduleUpdate();
      }
    });
  }

  /** Loads the page for the document: the shell, with the document's folder as its base; the webview then asks for the text. */
  private load(): void {
    const { panel, resource: uri } = this;
    const extension = this.delegate.extensionUri;
    const folders = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri);
    const documentFolder = vscode.Uri.joinPath(uri, '..');
    panel.webview.options = {
      enableScripts: true,
      // The extension's bundle and styles, and the workspace (local images); nothing else.
      localResourceRoots: [vscode.Uri.joinPath(extension, 'dist', 'webview'), vscode.Uri.joinPath(extension, 'media'), ...folders,
        ...(vscode.workspace.getWorkspaceFolder(uri) ? [] : [documentFolder])],
    };
    const webviewUri = (...segments: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(extension, ...segments)).toString();
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webviewUri('dist', 'webview', 'preview.js'),
      mermaidUri: webviewUri('dist', 'webview', 'mermaid.js'),
      styleUri: webviewUri('media', 'preview.css'),
      baseHref: `${panel.webview.asWebviewUri(documentFolder).toString().replace(/\/?$/, '/')}`,
      title: basename(uri.path),
    });
  }
}
