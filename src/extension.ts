/**
 * Spec-First's composition root: builds the shared services and registers each feature. Every
 * registration ends in `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { CommandManager } from './commands/commandManager';
import { ClearDecisionsFilterCommand, CopyRecordLinkCommand, FilterDecisionsCommand, GroupDecisionsByCommand, OnRecordCommand, RefreshDecisionsCommand, ShowLogCommand } from './commands/explorer';
import { lifecycleCommands } from './commands/lifecycle';
import { NewRecordCommand } from './commands/newRecord';
import { ShowGraphCommand, ShowPreviewCommand, ToggleGraphScopeCommand, TogglePreviewLockCommand } from './commands/preview';
import { registerDiagnostics } from './diagnostics';
import type { DecisionTreeProvider } from './explorer/decisionTree';
import { DecisionsView } from './explorer/decisionsView';
import { DecisionGraph, PreviewManager } from './preview';
import { registerReferences } from './references';
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

  const commands = new CommandManager();
  const decisions = new DecisionsView(index, context.workspaceState);
  const preview = new PreviewManager(context.extensionUri, config);
  const graph = new DecisionGraph(index, preview);
  context.subscriptions.push(commands, decisions, preview, graph);
  for (const command of [
    new NewRecordCommand('adr', locator, index), new NewRecordCommand('rfc', locator, index), ...lifecycleCommands(locator, index),
    new RefreshDecisionsCommand(index, locator), new GroupDecisionsByCommand(decisions), new FilterDecisionsCommand(decisions),
    new ClearDecisionsFilterCommand(decisions), new CopyRecordLinkCommand(index), new ShowLogCommand(),
    new OnRecordCommand('_specFirst.openRecordPreview', 'specFirst.showPreview'), new OnRecordCommand('_specFirst.revealRecordInExplorer', 'revealInExplorer'),
    new ShowPreviewCommand(preview), new TogglePreviewLockCommand(preview), new ShowGraphCommand(graph), new ToggleGraphScopeCommand(graph),
  ]) commands.register(command);
  context.subscriptions.push(
    registerDiagnostics(locator, index, context.extensionUri, preview.onDidRender),
    registerDecisionContext(locator),
    registerReferences(index, config),
  );

  log().info(`Spec-First ${context.extension.packageJSON.version} activated.`);
  return { index, explorer: decisions.provider, preview };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
