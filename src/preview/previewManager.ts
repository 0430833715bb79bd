/**
 * The decision preview, extension side: owns the preview (at most one panel, beside the editor),
 * makes it follow the active Markdown editor unless it is locked, restores it after a window reload
 * (the `WebviewPanelSerializer` of `onWebviewPanel:specFirst.preview`), keeps it scrolled with the
 * editor, and tells the rest of the extension what it renders (`onDidRender`: what Mermaid could not
 * draw becomes SF019 in the lint diagnostics) and which document it shows.
 */
import * as vscode from 'vscode';
import type { RenderOptions } from '../core/render';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';
import type { ProjectConfigService } from '../workspace/projectConfig';
import { renderOptionsFor } from '../workspace/recordOptions';
import type { PreviewState } from '../webview/protocol';
import { openPreviewLink } from './linkOpener';
import { DecisionPreview, PREVIEW_VIEW_TYPE, type PreviewDelegate, type PreviewRenderReport } from './preview';
import { EditorScrollSync } from './scrolling';

/** Context key: the preview panel exists (the lock command is offered in the palette). */
const CONTEXT_OPEN = 'specFirst.previewOpen';
/** Context key: the preview is locked to its document. */
const CONTEXT_LOCKED = 'specFirst.previewLocked';

/** How a clicked diagram node becomes a record to open: the record's URI, or undefined for nodes that name none. */
export type NodeResolver = (document: vscode.Uri, node: string) => vscode.Uri | undefined;

/** Owns the decision preview and everything that keeps it current. Dispose it to close the preview. */
export class PreviewManager extends Disposable implements vscode.WebviewPanelSerializer<PreviewState> {
  private preview: DecisionPreview | undefined;
  /** The Markdown document of the text editor last active, if any. */
  private lastMarkdown: vscode.Uri | undefined;
  private nodeResolver: NodeResolver | undefined;
  private readonly rendered = this._register(new vscode.EventEmitter<PreviewRenderReport>());
  /** Fires each time the webview finished rendering a version of a document, with its diagram counts. */
  readonly onDidRender = this.rendered.event;
  private readonly documentChanged = this._register(new vscode.EventEmitter<vscode.Uri | undefined>());
  /** Fires when the preview shows another document, with its URI, or undefined when the panel closes. */
  readonly onDidChangeDocument = this.documentChanged.event;

  /** What each preview panel is given: where the extension is, its document's options, and where its events go. */
  private readonly delegate: PreviewDelegate;

  /**
   * @param extensionUri the extension's root: the webview's script and styles.
   * @param config the project configurations: a document renders with its project's status vocabulary.
   */
  constructor(extensionUri: vscode.Uri, private readonly config: ProjectConfigService) {
    super();
    this.delegate = {
      extensionUri,
      renderOptions: uri => this.renderOptions(uri),
      didRender: report => this.rendered.fire(report),
      didShow: uri => this.documentChanged.fire(uri),
      openNode: (document, node) => {
        const target = this.nodeResolver?.(document, node);
        if (target) void vscode.commands.executeCommand('vscode.open', target, vscode.ViewColumn.One);
      },
    };
    this._register(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this));
    this.remember(vscode.window.activeTextEditor);
    this._register(vscode.window.onDidChangeActiveTextEditor(editor => {
      this.remember(editor);
      this.follow(editor);
    }));
    this._register(new EditorScrollSync(() => this.preview));
    // A vocabulary changed: the badge may read the status differently.
    this._register(config.onDidChange(() => this.preview?.refresh()));
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('specFirst.status.vocabulary')) this.preview?.refresh();
    }));
    this._register({ dispose: () => this.preview?.dispose() });
  }

  /** The document the preview shows, if it is open. */
  get current(): vscode.Uri | undefined {
    return this.preview?.resource;
  }

  /** Whether the preview is locked to its document (true) or follows the active editor (false). */
  get isLocked(): boolean {
    return this.preview?.isLocked ?? false;
  }

  /**
   * Shows `uri` (default: the active editor's document; with no text editor active, as when the
   * command runs from a walkthrough's button, the Markdown document last active that is still open in
   * a tab) in the preview, creating the panel beside the editor if needed. Tells the user when there is
   * no document to show.
   */
  async show(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri ?? this.lastMarkdownStillOpen();
    if (!target) {
      void vscode.window.showInformationMessage('Spec-First: open a decision record (a Markdown file) to preview it.');
      return;
    }
    this.preview?.reveal();
    const preview = this.preview ?? this.adopt(DecisionPreview.create(this.delegate));
    preview.show(target);
  }

  /**
   * Locks the preview to the document it shows, or unlocks it so that it follows the active editor
   * again (and shows the active Markdown editor's document at once). Tells the user when there is no
   * preview. The state shows in the panel's title and survives a window reload.
   */
  async toggleLock(): Promise<void> {
    if (!this.preview) {
      void vscode.window.showInformationMessage('Spec-First: open a decision preview first (Spec-First: Open Decision Preview to the Side).');
      return;
    }
    this.preview.setLocked(!this.preview.isLocked);
    void vscode.commands.executeCommand('setContext', CONTEXT_LOCKED, this.preview.isLocked);
    this.follow(vscode.window.activeTextEditor);
  }

  /** Restores the preview after a window reload, in `panel`, from the state its webview kept. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    this.preview?.dispose();
    const preview = this.adopt(new DecisionPreview(panel, this.delegate, state?.locked === true));
    const uri = state?.uri ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
    if (uri) preview.show(uri);
    else preview.dispose();
  }

  /**
   * Sets how a clicked diagram node becomes a record to open (the decision graph sets this). Returns
   * a Disposable that removes it.
   */
  setNodeResolver(resolver: NodeResolver): vscode.Disposable {
    this.nodeResolver = resolver;
    return { dispose: () => { if (this.nodeResolver === resolver) this.nodeResolver = undefined; } };
  }

  /**
   * Opens a link as a click in the preview would (see `openPreviewLink`), from the document the
   * preview shows; nothing when it is closed. Public so that the integration tests can follow a link.
   */
  async openLink(href: string): Promise<void> {
    const document = this.current;
    if (document) await openPreviewLink(href, document);
  }

  /** Makes `preview` the preview, and forgets it when it closes. Returns it. */
  private adopt(preview: DecisionPreview): DecisionPreview {
    this.preview = preview;
    void vscode.commands.executeCommand('setContext', CONTEXT_OPEN, true);
    void vscode.commands.executeCommand('setContext', CONTEXT_LOCKED, preview.isLocked);
    preview.onDidDispose(() => {
      if (this.preview !== preview) return;
      this.preview = undefined;
      void vscode.commands.executeCommand('setContext', CONTEXT_OPEN, false);
      void vscode.commands.executeCommand('setContext', CONTEXT_LOCKED, false);
      this.documentChanged.fire(undefined);
    });
    return preview;
  }

  /** Remembers `editor`'s document when it is Markdown. */
  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId === 'markdown') this.lastMarkdown = editor.document.uri;
  }

  /** The Markdown document last active in a text editor, if a tab still shows it. */
  private lastMarkdownStillOpen(): vscode.Uri | undefined {
    const last = this.lastMarkdown?.toString();
    const open = vscode.window.tabGroups.all.some(group => group.tabs.some(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === last));
    return open ? this.lastMarkdown : undefined;
  }

  /** Shows the document of `editor` in an unlocked preview, if it is Markdown and another one. */
  private follow(editor: vscode.TextEditor | undefined): void {
    const preview = this.preview;
    if (preview && !preview.isLocked && editor?.document.languageId === 'markdown' && editor.document.uri.toString() !== preview.resource?.toString()) {
      preview.show(editor.document.uri);
    }
  }

  /** The options a document renders with, once the configurations are read; the defaults if that fails. */
  private async renderOptions(uri: vscode.Uri): Promise<RenderOptions> {
    try {
      await this.config.ready();
      return renderOptionsFor(uri, this.config);
    } catch (err) {
      log().warn(`Preview: could not resolve the options of ${uri.toString(true)}: ${errorMessage(err)}`);
      return {};
    }
  }
}
