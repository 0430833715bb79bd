/** The lint feature: diagnostics on decision documents and their quick fixes. */
import * as vscode from 'vscode';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import { LintController } from './lintController';
import { QuickFixProvider } from './quickFixes';

/** Registers the lint controller and the quick-fix provider into `context.subscriptions`. */
export function registerDiagnostics(context: vscode.ExtensionContext, locator: RecordLocator, index: RecordIndex): void {
  context.subscriptions.push(new LintController(locator, index, context.extensionUri), QuickFixProvider.register(locator, index));
}
