/**
 * Spec-First's composition root: builds the shared services and registers each feature. Every
 * registration ends in `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { registerLifecycleCommands } from './commands/lifecycle';
import { registerNewRecordCommands } from './commands/newRecord';
import { registerDiagnostics } from './diagnostics';
import { registerDecisionExplorer } from './explorer/commands';
import type { DecisionTreeProvider } from './explorer/decisionTree';
import { PreviewManager, registerDecisionGraph, registerPreview } from './preview';
import { log, logDisposable } from './util/log';
import { registerDecisionContext } from './workspace/decisionContext';
import { RecordLocator } from './workspace/locator';
import { ProjectConfigService } from './workspace/projectConfig';
import { RecordIndex } from './workspace/recordIndex';

/** What `activate` returns: the services, for the integration tests and for other extensions. */
export interface SpecFirstApi {
  readonly index: RecordIndex;
  readonly explorer: DecisionTreeProvider;
  readonly preview: PreviewManager;
}

export function activate(context: vscode.ExtensionContext): SpecFirstApi {
  context.subscriptions.push(logDisposable);
  const config = new ProjectConfigService();
  const locator = new RecordLocator(config);
  const index = new RecordIndex(locator);
  context.subscriptions.push(config, locator, index);

  registerNewRecordCommands(context, locator, index);
  registerLifecycleCommands(context, locator, index);
  const explorer = registerDecisionExplorer(context, index);
  registerDiagnostics(context, locator, index);
  const preview = registerPreview(context);
  registerDecisionGraph(context, index, preview);
  registerDecisionContext(context, locator);
  context.subscriptions.push(vscode.commands.registerCommand('specFirst.showLog', () => log().show()));

  log().info(`Spec-First ${context.extension.packageJSON.version} activated.`);
  return { index, explorer, preview };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
