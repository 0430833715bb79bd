/**
 * "Show Decision Graph": the workspace's records and their relations as a Mermaid flowchart in the
 * decision preview, kept current as the index changes; clicking a record's node opens it. The graph
 * is a read-only virtual document (`spec-first-graph:`), so the preview renders it like any other
 * Markdown, under the same CSP and sanitizer.
 */
import * as vscode from 'vscode';
import { buildGraph } from '../workspace/graph';
import type { RecordIndex } from '../workspace/recordIndex';
import type { PreviewManager } from './previewPanel';

/** The virtual document's scheme and URI. */
export const GRAPH_URI = vscode.Uri.from({ scheme: 'spec-first-graph', path: '/Decision graph.md' });

/** Provides the graph document and resolves its nodes to records. */
class GraphDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private nodes = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly onDidChange = this.changed.event;

  constructor(private readonly index: RecordIndex) {
    // Records change in bursts (a save, a supersede writing two files): redraw once.
    this.subscription = index.onDidChange(() => { clearTimeout(this.timer); this.timer = setTimeout(() => this.changed.fire(GRAPH_URI), 300); });
  }

  async provideTextDocumentContent(): Promise<string> {
    await this.index.ready();
    const graph = buildGraph(this.index);
    this.nodes = new Map(graph.nodes);
    return graph.markdown;
  }

  /** The record a node of the graph stands for. */
  resolve(node: string): vscode.Uri | undefined {
    return this.nodes.get(node);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Registers the graph's document provider, its node resolver and `specFirst.showGraph`, into `context.subscriptions`. */
export function registerDecisionGraph(context: vscode.ExtensionContext, index: RecordIndex, preview: PreviewManager): void {
  const documents = new GraphDocuments(index);
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(GRAPH_URI.scheme, documents),
    preview.setNodeResolver((document, node) => (document.scheme === GRAPH_URI.scheme ? documents.resolve(node) : undefined)),
    vscode.commands.registerCommand('specFirst.showGraph', async () => {
      await preview.show(GRAPH_URI);
      // Locked: opening a record from the graph keeps the graph in view.
      if (!preview.isLocked) await preview.toggleLock();
      return GRAPH_URI;
    }),
  );
}
