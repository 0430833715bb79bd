/** The lint feature: diagnostics on decision documents and their quick fixes. */
import * as vscode from 'vscode';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import { DiagramReport, DiagramReports } from './diagramReports';
import { LintController } from './lintController';
import { QuickFixProvider } from './quickFixes';

/**
 * Registers the lint controller and the quick-fix provider; `rendered` (the preview's render reports)
 * brings what Mermaid said of the diagrams into the same diagnostics; `extensionUri` is where the
 * rules' pages are. Returns what unregisters them all.
 */
export function registerDiagnostics(locator: RecordLocator, index: RecordIndex, extensionUri: vscode.Uri, rendered: vscode.Event<DiagramReport>): vscode.Disposable {
  const reports = new DiagramReports(rendered);
  return vscode.Disposable.from(reports, new LintController(locator, index, extensionUri, reports), QuickFixProvider.register(locator, index, reports));
}
