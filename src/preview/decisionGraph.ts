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
import { log } from '../util/log';
import { buildGraph, type WorkspaceGraph } from '../workspace/graph';
import type { RecordIndex } from '../workspace/recordIndex';
import type { PreviewManager } from './previewPanel';

/** The virtual document's scheme and URI. */
export const GRAPH_URI = vscode.Uri.from({ scheme: 'spec-first-graph', path: '/Decision graph.md' });

/** Context key: the graph's view, `log` or `neighbourhood`. */
const CONTEXT_SCOPE = 'specFirst.graphScope';
/** Context key: the preview shows the decision graph (its title bar offers the toggle). */
const CONTEXT_SHOWN = 'specFirst.previewShowsGraph';

/** What `specFirst.showGraph` takes (all optional): the view, and the record at the neighbourhood's centre. */
export interface ShowGraphOptions {
  readonly scope?: GraphView['scope'];
  readonly record?: vscode.Uri;
}

/** Provides the graph document, in the view asked for, and resolves its nodes to records. */
class GraphDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private graph: WorkspaceGraph | undefined;
  /** The view asked for; the neighbourhood needs a centre that is a record, else the whole log shows. */
  scope: GraphView['scope'] = 'log';
  centre: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly index: RecordIndex) {
    // Records change in bursts (a save, a supersede writing two files): redraw once.
    this.subscription = index.onDidChange(() => { clearTimeout(this.timer); this.timer = setTimeout(() => this.refresh(), 300); });
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

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/**
 * Registers the graph's document provider, its node resolver, `specFirst.showGraph` (optional
 * {@link ShowGraphOptions}; returns the graph's URI) and `specFirst.toggleGraphScope`, into
 * `context.subscriptions`.
 */
export function registerDecisionGraph(context: vscode.ExtensionContext, index: RecordIndex, preview: PreviewManager): void {
  const documents = new GraphDocuments(index);
  const shown = () => preview.current?.toString() === GRAPH_URI.toString();
  const activeRecord = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri && index.get(uri) ? uri : undefined;
  };

  const show = async (scope: GraphView['scope'], centre: vscode.Uri | undefined) => {
    await index.ready();
    documents.scope = scope;
    documents.centre = centre;
    if (vscode.workspace.textDocuments.some(d => d.uri.toString() === GRAPH_URI.toString())) documents.refresh();
    // A preview showing the graph already follows the document's change: drawn diagrams are kept.
    if (!shown()) await preview.show(GRAPH_URI);
    // Locked: opening a record from the graph keeps the graph in view.
    if (!preview.isLocked) await preview.toggleLock();
    return GRAPH_URI;
  };

  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(GRAPH_URI.scheme, documents),
    preview.setNodeResolver((document, node) => (document.scheme === GRAPH_URI.scheme ? documents.resolve(node) : undefined)),
    preview.onDidChangeDocument(uri => void vscode.commands.executeCommand('setContext', CONTEXT_SHOWN, uri?.toString() === GRAPH_URI.toString())),
    // The neighbourhood follows the record being edited (a click on a node opens one).
    vscode.window.onDidChangeActiveTextEditor(() => {
      const record = activeRecord();
      if (!shown() || documents.scope !== 'neighbourhood' || !record || record.toString() === documents.centre?.toString()) return;
      documents.centre = record;
      documents.refresh();
    }),
    vscode.commands.registerCommand('specFirst.showGraph', async (options?: unknown) => {
      await index.ready();
      const asked = showGraphOptions(options);
      const record = asked.record ?? activeRecord();
      return show(asked.scope ?? (record ? 'neighbourhood' : 'log'), record);
    }),
    vscode.commands.registerCommand('specFirst.toggleGraphScope', async () => {
      await index.ready();
      if (documents.shownScope === 'neighbourhood') return show('log', documents.centre);
      const record = activeRecord() ?? documents.centre;
      if (!record || !index.get(record)) {
        void vscode.window.showInformationMessage('Spec-First: open a decision record in the editor to see its neighbourhood in the graph.');
        return show('log', undefined);
      }
      return show('neighbourhood', record);
    }),
  );
}

/** The options of `specFirst.showGraph` found in its argument; anything else (a tree item, a URI from a menu) is ignored. */
function showGraphOptions(value: unknown): ShowGraphOptions {
  if (typeof value !== 'object' || value === null) return {};
  const { scope, record } = value as Record<string, unknown>;
  return {
    ...(scope === 'log' || scope === 'neighbourhood' ? { scope } : {}),
    ...(record instanceof vscode.Uri ? { record } : {}),
  };
}
