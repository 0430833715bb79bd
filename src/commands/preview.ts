/** The preview's and the decision graph's commands: open the preview, lock it, show the graph, switch its view. */
import * as vscode from 'vscode';
import type { DecisionGraph, ShowGraphOptions } from '../preview/decisionGraph';
import type { PreviewManager } from '../preview/previewManager';
import type { Command } from './commandManager';

/** `specFirst.showPreview [uri]`: the document (default: the active editor's) in the preview beside the editor. */
export class ShowPreviewCommand implements Command {
  readonly id = 'specFirst.showPreview';
  readonly title = 'Open Decision Preview to the Side';
  constructor(private readonly preview: PreviewManager) {}
  execute(uri?: unknown): Promise<void> {
    return this.preview.show(uri instanceof vscode.Uri ? uri : undefined);
  }
}

/** `specFirst.togglePreviewLock`: keeps the preview on its document, or lets it follow the editor again. */
export class TogglePreviewLockCommand implements Command {
  readonly id = 'specFirst.togglePreviewLock';
  readonly title = 'Toggle Preview Locking';
  constructor(private readonly preview: PreviewManager) {}
  execute(): Promise<void> {
    return this.preview.toggleLock();
  }
}

/** `specFirst.showGraph [options]` ({@link ShowGraphOptions}): the decision graph in the preview. Returns the graph's URI. */
export class ShowGraphCommand implements Command {
  readonly id = 'specFirst.showGraph';
  readonly title = 'Show Decision Graph';
  constructor(private readonly graph: DecisionGraph) {}
  execute(options?: unknown): Promise<vscode.Uri> {
    return this.graph.show(showGraphOptions(options));
  }
}

/** `specFirst.toggleGraphScope`: the graph's whole log, or the neighbourhood of the active record. Returns the graph's URI. */
export class ToggleGraphScopeCommand implements Command {
  readonly id = 'specFirst.toggleGraphScope';
  readonly title = 'Toggle Decision Graph Neighbourhood';
  constructor(private readonly graph: DecisionGraph) {}
  execute(): Promise<vscode.Uri> {
    return this.graph.toggleScope();
  }
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
