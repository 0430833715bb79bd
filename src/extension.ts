/**
 * Spec-First's composition root: builds the shared services and registers each feature. Every
 * registration ends in `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { CommandManager } from './commands/commandManager';
import { ClearDecisionsFilterCommand, CopyRecordLinkCommand, FilterDecisionsCommand, GroupDecisionsByCommand, OnRecordCommand, RefreshDecisionsCommand, ShowLogCommand } from './commands/explorer';
import { ExportHealthCommand, ShowHealthCommand } from './commands/health';
import { lifecycleCommands } from './commands/lifecycle';
import { NewRecordCommand } from './commands/newRecord';
import { RenumberRenameProvider } from './commands/renumber';
import { ShowGraphCommand, ShowPreviewCommand, ToggleGraphScopeCommand, TogglePreviewLockCommand } from './commands/preview';
import { registerDiagnostics } from './diagnostics';
import { AttentionView } from './explorer/attentionView';
import type { DecisionTreeProvider } from './explorer/decisionTree';
import { DecisionsView } from './explorer/decisionsView';
import { DecisionGraph, PreviewManager } from './preview';
import { HealthReportPanel } from './preview/healthReport';
import { registerReferences } from './references';
import { ReferenceIndex } from './references/referenceIndex';
import { log, logDisposable } from './util/log';
import { registerDecisionContext } from './workspace/decisionContext';
import { DecisionHealth } from './workspace/decisionHealth';
import { GitHistory } from './workspace/gitHistory';
import { RecordLocator } from './workspace/locator';
import { ProjectConfigService } from './workspace/projectConfig';
import { RecordIndex } from './workspace/recordIndex';

/** What `activate` returns: the services, for the integration tests and for other extensions. */
export interface SpecFirstApi {
  readonly index: RecordIndex;
  readonly explorer: DecisionTreeProvider;
  readonly preview: PreviewManager;
  /** The decision references of the workspace's files. */
  readonly references: ReferenceIndex;
  /** The "Needs attention" view. */
  readonly attention: AttentionView;
  /** The health report's panel. */
  readonly health: HealthReportPanel;
}

export function activate(context: vscode.ExtensionContext): SpecFirstApi {
  context.subscriptions.push(logDisposable);
  const config = new ProjectConfigService();
  const locator = new RecordLocator(config);
  const index = new RecordIndex(locator);
  context.subscriptions.push(config, locator, index);

  // Decision references: the language features, and Renumber / F2 updating identifiers.
  const references = new ReferenceIndex(index, config);
  const commands = new CommandManager();
  const decisions = new DecisionsView(index, context.workspaceState);
  const preview = new PreviewManager(context.extensionUri, config);
  const graph = new DecisionGraph(index, preview);
  const git = new GitHistory();
  const health = new DecisionHealth(index, locator, git);
  const attention = new AttentionView(health);
  const report = new HealthReportPanel(context.extensionUri, health);
  context.subscriptions.push(commands, decisions, preview, graph, health, attention, report);
  for (const command of [
    new NewRecordCommand('adr', locator, index), new NewRecordCommand('rfc', locator, index), ...lifecycleCommands(locator, index, references),
    new RefreshDecisionsCommand(index, locator), new GroupDecisionsByCommand(decisions), new FilterDecisionsCommand(decisions),
    new ClearDecisionsFilterCommand(decisions), new CopyRecordLinkCommand(index), new ShowLogCommand(),
    new OnRecordCommand('_specFirst.openRecordPreview', 'specFirst.showPreview'), new OnRecordCommand('_specFirst.revealRecordInExplorer', 'revealInExplorer'),
    new ShowPreviewCommand(preview), new TogglePreviewLockCommand(preview), new ShowGraphCommand(graph), new ToggleGraphScopeCommand(graph),
    new ShowHealthCommand(report), new ExportHealthCommand(report),
  ]) commands.register(command);
  context.subscriptions.push(
    registerDiagnostics(locator, index, context.extensionUri, preview.onDidRender, git),
    registerDecisionContext(locator),
    registerReferences(index, config, context.extensionUri, references),
    vscode.languages.registerRenameProvider({ language: 'markdown' }, new RenumberRenameProvider(locator, index, references)),
  );

  log().info(`Spec-First ${context.extension.packageJSON.version} activated.`);
  return { index, explorer: decisions.provider, preview, references, attention, health: report };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
