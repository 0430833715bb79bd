/**
 * "Show Decision Graph": the workspace's records and their relations as Mermaid flowcharts in the
 * decision preview, kept current as the index changes; clicking a record's node opens it. Two views:
 * the neighbourhood of the active editor's record (it and the records within two relations of it;
 * the default when a record is active, and it follows the active record), and the whole log.
 * "Toggle Decision Graph Neighbourhood" switches between them. The graph is a read-only virtual
 * document (`spec-first-graph:`), so the preview renders it like any other Markdown, under the same
 * CSP, sanitizer and Mermaid limits: the core cuts a large graph into diagrams small enough for them.
 */
import * as vscode from 'vscode';
import type { GraphView } from '../core/graph';
import { Disposable } from '../util/dispose';
import { log } from '../util/log';
import { buildGraph, type WorkspaceGraph } from '../workspace/graph';
import type { RecordIndex } from '../workspace/recordIndex';
import type { PreviewManager } from './previewManager';

/** The virtual document's scheme and URI. */
export const GRAPH_URI = vscode.Uri.from({ scheme: 'spec-first-graph', path: '/Decision graph.md' });

/** Context key: the graph's view, `log` or `neighbourhood`. */
const CONTEXT_SCOPE = 'specFirst.graphScope';
/** Context key: the preview shows the decision graph (its title bar offers the toggle). */
const CONTEXT_SHOWN = 'specFirst.previewShowsGraph';

/** What Show Decision Graph takes (all optional): the view, and the record at the neighbourhood's centre. */
export interface ShowGraphOptions {
  readonly scope?: GraphView['scope'];
  readonly record?: vscode.Uri;
}

/** Provides the graph document, in the view asked for, and resolves its nodes to records. */
class GraphDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private graph: WorkspaceGraph | undefined;
  /** The view asked for; the neighbourhood needs a centre that is a record, else the whole log shows. */
  scope: GraphView['scope'] = 'log';
  centre: vscode.Uri | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly index: RecordIndex) {
    super();
    // Records change in bursts (a save, a supersede writing two files): redraw once.
    this._register(index.onDidChange(() => { clearTimeout(this.timer); this.timer = setTimeout(() => this.refresh(), 300); }));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  async provideTextDocumentContent(): Promise<string> {
    await this.index.ready();
    const started = Date.now();
    this.graph = buildGraph(this.index, this.scope === 'neighbourhood' ? this.centre : undefined);
    void vscode.commands.executeCommand('setContext', CONTEXT_SCOPE, this.graph.scope);
    log().debug(`Decision graph (${this.graph.scope}): ${this.graph.markdown.length} characters in ${Date.now() - started} ms.`);
    return this.graph.markdown;
  }

  /** Asks VS Code for the document again (the preview follows the change). */
  refresh(): void {
    this.changed.fire(GRAPH_URI);
  }

  /** The record a node of the graph stands for. */
  resolve(node: string): vscode.Uri | undefined {
    return this.graph?.recordOf(node);
  }

  /** The view the document shows now. */
  get shownScope(): GraphView['scope'] {
    return this.graph?.scope ?? this.scope;
  }
}

/**
 * The decision graph: its document provider, its nodes opening their records from the preview, the
 * neighbourhood following the active record, and what the graph commands do (`src/commands/preview.ts`).
 */
export class DecisionGraph extends Disposable {
  private readonly documents: GraphDocuments;

  constructor(private readonly index: RecordIndex, private readonly preview: PreviewManager) {
    super();
    const documents = this.documents = this._register(new GraphDocuments(index));
    this._register(vscode.workspace.registerTextDocumentContentProvider(GRAPH_URI.scheme, documents));
    this._register(preview.setNodeResolver((document, node) => (document.scheme === GRAPH_URI.scheme ? documents.resolve(node) : undefined)));
    this._register(preview.onDidChangeDocument(uri => void vscode.commands.executeCommand('setContext', CONTEXT_SHOWN, uri?.toString() === GRAPH_URI.toString())));
    // The neighbourhood follows the record being edited (a click on a node opens one).
    this._register(vscode.window.onDidChangeActiveTextEditor(() => {
      const record = this.activeRecord();
      if (!this.shown() || documents.scope !== 'neighbourhood' || !record || record.toString() === documents.centre?.toString()) return;
      documents.centre = record;
      documents.refresh();
    }));
  }

  /**
   * Shows the graph in the preview, in the view asked for: by default the neighbourhood of the active
   * editor's record, or the whole log when no record is active. Returns the graph's URI.
   */
  async show(options: ShowGraphOptions = {}): Promise<vscode.Uri> {
    await this.index.ready();
    const record = options.record ?? this.activeRecord();
    return this.showView(options.scope ?? (record ? 'neighbourhood' : 'log'), record);
  }

  /**
   * Switches the graph between the whole log and the neighbourhood of the active record (or of the
   * last centre); without a record to centre on, says so and shows the log. Returns the graph's URI.
   */
  async toggleScope(): Promise<vscode.Uri> {
    await this.index.ready();
    if (this.documents.shownScope === 'neighbourhood') return this.showView('log', this.documents.centre);
    const record = this.activeRecord() ?? this.documents.centre;
    if (!record || !this.index.get(record)) {
      void vscode.window.showInformationMessage('Spec-First: open a decision record in the editor to see its neighbourhood in the graph.');
      return this.showView('log', undefined);
    }
    return this.showView('neighbourhood', record);
  }

  private async showView(scope: GraphView['scope'], centre: vscode.Uri | undefined): Promise<vscode.Uri> {
    this.documents.scope = scope;
    this.documents.centre = centre;
    if (vscode.workspace.textDocuments.some(d => d.uri.toString() === GRAPH_URI.toString())) this.documents.refresh();
    // A preview showing the graph already follows the document's change: drawn diagrams are kept.
    if (!this.shown()) await this.preview.show(GRAPH_URI);
    // Locked: opening a record from the graph keeps the graph in view.
    if (!this.preview.isLocked) await this.preview.toggleLock();
    return GRAPH_URI;
  }

  /** Whether the preview shows the graph. */
  private shown(): boolean {
    return this.preview.current?.toString() === GRAPH_URI.toString();
  }

  /** The active editor's document, if it is a record of the index. */
  private activeRecord(): vscode.Uri | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri && this.index.get(uri) ? uri : undefined;
  }
}
