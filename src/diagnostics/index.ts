/** The lint feature: diagnostics on decision documents and their quick fixes. */
import * as vscode from 'vscode';
import type { GitHistory } from '../workspace/gitHistory';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import { DiagramReport, DiagramReports } from './diagramReports';
import { LintController } from './lintController';
import { QuickFixProvider } from './quickFixes';

/**
 * Registers the lint controller and the quick-fix provider; `rendered` (the preview's render reports)
 * brings what Mermaid said of the diagrams into the same diagnostics; `extensionUri` is where the
 * rules' pages are; `git`, where the host has it, gives the day an undated proposal was first committed
 * (SF021). Returns what unregisters them all.
 */
export function registerDiagnostics(locator: RecordLocator, index: RecordIndex, extensionUri: vscode.Uri, rendered: vscode.Event<DiagramReport>, git?: GitHistory): vscode.Disposable {
  const reports = new DiagramReports(rendered);
  return vscode.Disposable.from(reports, new LintController(locator, index, extensionUri, reports, git), QuickFixProvider.register(locator, index, reports));
}
