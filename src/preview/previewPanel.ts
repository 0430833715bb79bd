/**
 * The decision preview, extension side: one webview panel beside the editor that shows the active
 * Markdown document, follows the editor as it changes (edits, scrolling, another document) or stays
 * locked to one, opens the links the user clicks, reports each rendered version (`onDidRender`: what
 * Mermaid could not draw becomes SF019 in the lint diagnostics), and survives a window reload through
 * a `WebviewPanelSerializer`.
 * Rendering happens in the webview (`src/webview/main.ts`), never in the extension host: a 172 KB
 * RFC costs the host one `getText()` and one `postMessage` (`npm run bench` measures it).
 */
import * as vscode from 'vscode';
import { classifyLink, headingLineForFragment } from '../core/previewLinks';
import { errorMessage, log } from '../util/log';
import { isFromWebview, type PreviewState, type RenderedMessage, type ToWebview } from '../webview/protocol';
import { makeNonce, previewHtml } from './html';

/** The webview panel type, also the `onWebviewPanel:` activation event in package.json. */
export const PREVIEW_VIEW_TYPE = 'specFirst.preview';


/** Context key: the preview panel exists (the lock command is offered in the palette). */
const CONTEXT_OPEN = 'specFirst.previewOpen';
/** Context key: the preview is locked to its document. */
const CONTEXT_LOCKED = 'specFirst.previewLocked';

/** Delay between an edit and the preview's update, in milliseconds (VS Code's preview waits 300). */
const UPDATE_DELAY = 200;

/**
 * A rendered version of a document, as the webview reports it (see `RenderedMessage`: diagram counts,
 * errors, images, the safety self-check), with the document's URI as a `vscode.Uri`.
 */
export type PreviewRenderReport = Omit<RenderedMessage, 'type' | 'uri'> & { readonly uri: vscode.Uri };

/** Owns the preview panel (at most one) and everything that keeps it current. */
export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private resource: vscode.Uri | undefined;
  private postedVersion = -1;
  private locked = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<PreviewRenderReport>();

  /** Fires each time the webview finished rendering a version of the document, with its diagram counts. */
  readonly onDidRender = this.rendered.event;
  private readonly documentChanged = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires when the preview shows another document, with its URI, or undefined when the panel closes. */
  readonly onDidChangeDocument = this.documentChanged.event;
  private nodeResolver: ((document: vscode.Uri, node: string) => vscode.Uri | undefined) | undefined;

  /**
   * @param extensionUri the extension's root: the webview's script and styles, and the rules' docs.
   */
  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      this.rendered,
      this.documentChanged,
      vscode.window.onDidChangeActiveTextEditor(editor => {
        if (this.panel && !this.locked && editor?.document.languageId === 'markdown' && editor.document.uri.toString() !== this.resource?.toString()) {
          void this.showDocument(editor.document.uri);
        }
      }),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (this.panel && e.contentChanges.length > 0 && e.document.uri.toString() === this.resource?.toString()) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges(e => {
        const top = e.visibleRanges[0]?.start.line;
        if (this.panel && top !== undefined && e.textEditor.document.uri.toString() === this.resource?.toString()) {
          void this.post({ type: 'revealLine', line: top });
        }
      }),
    );
  }

  /** The document the preview shows, if it is open. */
  get current(): vscode.Uri | undefined {
    return this.panel ? this.resource : undefined;
  }

  /** Whether the preview is locked to its document (true) or follows the active editor (false). */
  get isLocked(): boolean {
    return this.locked;
  }

  /**
   * Locks the preview to the document it shows, or unlocks it so that it follows the active editor
   * again (and shows the active Markdown editor's document at once). Tells the user when there is no
   * preview. The state shows in the panel's title and survives a window reload.
   */
  async toggleLock(): Promise<void> {
    if (!this.panel) {
      void vscode.window.showInformationMessage('Spec-First: open a decision preview first (Spec-First: Open Decision Preview to the Side).');
      return;
    }
    this.setLocked(!this.locked);
    const editor = vscode.window.activeTextEditor;
    if (!this.locked && editor?.document.languageId === 'markdown' && editor.document.uri.toString() !== this.resource?.toString()) {
      await this.showDocument(editor.document.uri);
    }
  }

  /**
   * Shows `uri` (default: the active editor's document) in the preview, creating the panel beside the
   * editor if needed. Tells the user when there is no Markdown document to show.
   */
  async show(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('Spec-First: open a decision record (a Markdown file) to preview it.');
      return;
    }
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Decision Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableFindWidget: true,
      });
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.showDocument(target);
  }

  /** Takes over a panel restored after a window reload (the serializer calls this). */
  async restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    this.panel?.dispose();
    this.attach(panel);
    this.setLocked(state?.locked === true);
    const uri = state?.uri ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
    if (uri) await this.showDocument(uri);
    else panel.dispose();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.svg');
    void vscode.commands.executeCommand('setContext', CONTEXT_OPEN, true);
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => {
        clearTimeout(this.timer);
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
        this.resource = undefined;
        this.setLocked(false);
        void vscode.commands.executeCommand('setContext', CONTEXT_OPEN, false);
        this.documentChanged.fire(undefined);
      }),
    ];
  }

  private setLocked(locked: boolean): void {
    this.locked = locked;
    void vscode.commands.executeCommand('setContext', CONTEXT_LOCKED, locked);
    if (this.panel && this.resource) this.panel.title = this.title(this.resource);
    void this.post({ type: 'lock', locked });
  }

  /** "Preview 0001-x.md", or "[Locked] Preview 0001-x.md". */
  private title(uri: vscode.Uri): string {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    return `${this.locked ? '[Locked] ' : ''}Preview ${name}`;
  }

  /** Loads the shell for a document (its folder is the base for relative images); the webview then asks for the text. */
  private async showDocument(uri: vscode.Uri): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    this.resource = uri;
    this.postedVersion = -1;
    this.documentChanged.fire(uri);
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    panel.title = this.title(uri);
    const folders = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri);
    const documentFolder = vscode.Uri.joinPath(uri, '..');
    panel.webview.options = {
      enableScripts: true,
      // The extension's bundle and styles, and the workspace (local images); nothing else.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media'), ...folders,
        ...(vscode.workspace.getWorkspaceFolder(uri) ? [] : [documentFolder])],
    };
    const webviewUri = (...segments: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...segments)).toString();
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webviewUri('dist', 'webview', 'preview.js'),
      styleUri: webviewUri('media', 'preview.css'),
      baseHref: `${panel.webview.asWebviewUri(documentFolder).toString().replace(/\/?$/, '/')}`,
      title: name,
    });
  }

  private scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY);
  }

  /** Sends the document's current text, unless the webview already has this version. */
  private async update(force = false): Promise<void> {
    const uri = this.resource;
    if (!this.panel || !uri) return;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (err) {
      log().warn(`Preview: could not open ${uri.toString(true)}: ${errorMessage(err)}`);
      void this.post({ type: 'update', uri: uri.toString(), version: -1, text: `Could not open this document: ${errorMessage(err)}` });
      return;
    }
    if (uri !== this.resource || (!force && document.version === this.postedVersion)) return;
    this.postedVersion = document.version;
    // A new page (first load, another document, a reload) opens where the editor is.
    const line = force ? vscode.window.visibleTextEditors.find(e => e.document === document)?.visibleRanges[0]?.start.line : undefined;
    await this.post({ type: 'update', uri: uri.toString(), version: document.version, text: document.getText(), ...(line ? { line } : {}) });
  }

  private async post(message: ToWebview): Promise<void> {
    try {
      await this.panel?.webview.postMessage(message);
    } catch (err) {
      log().debug(`Preview: message not delivered: ${errorMessage(err)}`);
    }
  }

  private onMessage(message: unknown): void {
    if (!isFromWebview(message)) {
      log().warn(`Preview: ignored a message from the webview that is not one of the preview's: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        void this.update(true);
        break;
      case 'rendered': {
        let uri: vscode.Uri;
        try {
          uri = vscode.Uri.parse(message.uri, true); // what the extension sent: `uri.toString()`
        } catch {
          log().warn(`Preview: ignored a render report for "${message.uri.slice(0, 200)}", which is not a URI.`);
          break;
        }
        const a = message.audit;
        if (a.scripts || a.handlers || a.dangerousUrls || a.frames || a.remoteImages || a.rootDataAttributes.length) {
          log().error(`Preview: the page of ${uri.path} holds what the sanitizer must remove: ${JSON.stringify(a)}`);
        }
        for (const e of message.renderErrors) log().warn(`Preview: the part of ${uri.path} from line ${e.line + 1} could not be rendered (shown as text): ${e.message}`);
        this.rendered.fire({ ...message, uri });
        break;
      }
      case 'scriptError':
        log().error(`Preview: the webview met an error: ${message.message.slice(0, 2000)}`);
        break;
      case 'openLink':
        void this.openLink(message.href);
        break;
      case 'openNode': {
        const target = this.resource && this.nodeResolver?.(this.resource, message.node);
        if (target) void vscode.commands.executeCommand('vscode.open', target, vscode.ViewColumn.One);
        break;
      }
    }
  }

  /**
   * Sets how a clicked diagram node becomes a record to open: given the document shown and the node's
   * id, the record's URI, or undefined for nodes that name none (the decision graph sets this).
   */
  setNodeResolver(resolver: (document: vscode.Uri, node: string) => vscode.Uri | undefined): vscode.Disposable {
    this.nodeResolver = resolver;
    return { dispose: () => { if (this.nodeResolver === resolver) this.nodeResolver = undefined; } };
  }

  /**
   * Opens a link clicked in the preview ({@link classifyLink}): web and mail links outside VS Code;
   * relative paths (another record, a file of the repository) in the editor, at the heading their
   * fragment names, if they stay inside the document's workspace folder (the document's own folder
   * for a document outside the workspace); other schemes (`command:`, `file:`…) and paths that leave
   * the folder are refused, logged and shown as a warning: the document is untrusted text. A missing file is a warning,
   * never an error thrown into the host. The webview calls this for each click it does not handle
   * itself; it is public so that the integration tests can follow a link as a click would.
   */
  async openLink(href: string): Promise<void> {
    const base = this.resource;
    if (!base) return;
    const folder = vscode.workspace.getWorkspaceFolder(base);
    const root = folder?.uri ?? vscode.Uri.joinPath(base, '..');
    const link = classifyLink(href, base.path.slice(root.path.replace(/\/$/, '').length + 1));
    if (link.kind === 'external') {
      await vscode.env.openExternal(vscode.Uri.parse(link.url));
      return;
    }
    if (link.kind === 'refused') {
      log().info(`Preview: did not open "${href}": ${link.reason}.`);
      void vscode.window.showWarningMessage(`Spec-First: the preview did not open "${href}": ${link.reason}.`);
      return;
    }
    if (link.kind === 'fragment') return; // the webview scrolls to it itself
    const target = vscode.Uri.joinPath(root, ...link.path.split('/'));
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      void vscode.window.showWarningMessage(`Spec-First: "${href}" does not exist.`);
      return;
    }
    const column = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === base.toString())?.viewColumn ?? vscode.ViewColumn.One;
    let selection: vscode.Range | undefined;
    if (link.fragment && /\.(md|markdown)$/i.test(target.path)) {
      try {
        const line = headingLineForFragment((await vscode.workspace.openTextDocument(target)).getText(), link.fragment);
        if (line !== undefined) selection = new vscode.Range(line, 0, line, 0);
      } catch (err) {
        log().debug(`Preview: could not read ${target.toString(true)} for "#${link.fragment}": ${errorMessage(err)}`);
      }
    }
    await vscode.commands.executeCommand('vscode.open', target, { viewColumn: column, ...(selection ? { selection } : {}) });
  }
}

/** Restores the preview after a window reload (activation event `onWebviewPanel:specFirst.preview`). */
export class PreviewSerializer implements vscode.WebviewPanelSerializer<PreviewState> {
  constructor(private readonly manager: PreviewManager) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    await this.manager.restore(panel, state);
  }
}
