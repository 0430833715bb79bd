/** The preview feature: the `specFirst.showPreview` and `specFirst.togglePreviewLock` commands, the panel and its serializer. */
import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, PreviewManager, PreviewSerializer } from './previewPanel';

export type { PreviewRenderReport } from './previewPanel';
export { PreviewManager } from './previewPanel';
export { GRAPH_URI, registerDecisionGraph } from './decisionGraph';

/**
 * Registers the preview commands and the panel serializer into `context.subscriptions`. Returns the
 * manager (the extension's API exposes it to tests and other extensions).
 */
export function registerPreview(context: vscode.ExtensionContext): PreviewManager {
  const manager = new PreviewManager(context.extensionUri);
  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, new PreviewSerializer(manager)),
    vscode.commands.registerCommand('specFirst.showPreview', (uri?: vscode.Uri) => manager.show(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('specFirst.togglePreviewLock', () => manager.toggleLock()),
  );
  return manager;
}
