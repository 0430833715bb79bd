/** The lint feature: diagnostics on decision documents and their quick fixes. */
import * as vscode from 'vscode';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import { DiagramReport, DiagramReports } from './diagramReports';
import { LintController } from './lintController';
import { QuickFixProvider } from './quickFixes';

/**
 * Registers the lint controller and the quick-fix provider into `context.subscriptions`; `rendered`
 * (the preview's render reports) brings what Mermaid said of the diagrams into the same diagnostics.
 */
export function registerDiagnostics(context: vscode.ExtensionContext, locator: RecordLocator, index: RecordIndex, rendered: vscode.Event<DiagramReport>): void {
  const reports = new DiagramReports(rendered);
  context.subscriptions.push(reports, new LintController(locator, index, context.extensionUri, reports), QuickFixProvider.register(locator, index, reports));
}
