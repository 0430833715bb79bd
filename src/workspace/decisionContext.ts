/**
 * Keeps the `specFirst.isDecisionDocument` context key true while the active editor shows a decision
 * record, so that the preview button appears in the editor title only there.
 */
import * as vscode from 'vscode';
import { parseRecord } from '../core/record';
import { parseOptionsFor } from './recordOptions';
import { RecordLocator } from './locator';

/** Whether a document is a decision record (by location or name, then by content). Never throws. */
export function isDecisionDocument(document: vscode.TextDocument, locator: RecordLocator): boolean {
  if (document.languageId !== 'markdown') return false;
  const where = locator.classify(document.uri);
  if (!where) return false;
  try {
    return parseRecord(where.relativePath, document.getText(), parseOptionsFor(document.uri, where.hint, locator.config)) !== undefined;
  } catch {
    return false;
  }
}

/** Registers the listeners that update the context key. Returns what unregisters them. */
export function registerDecisionContext(locator: RecordLocator): vscode.Disposable {
  let last: boolean | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const value = document ? isDecisionDocument(document, locator) : false;
    if (value !== last) {
      last = value;
      void vscode.commands.executeCommand('setContext', 'specFirst.isDecisionDocument', value);
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(update, 500); };
  void locator.ready().then(update);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument(e => { if (e.document === vscode.window.activeTextEditor?.document) later(); }),
    locator.onDidChange(update),
    { dispose: () => clearTimeout(timer) },
  );
}
