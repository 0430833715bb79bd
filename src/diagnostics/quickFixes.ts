/**
 * Quick fixes for Spec-First's diagnostics: each finding with a repair (insert the missing section
 * with its prompt at the template's position, set a status…) becomes a preferred code action.
 */
import * as vscode from 'vscode';
import { Finding } from '../core/lint';
import { RecordLocator } from '../workspace/locator';
import { SOURCE, lintDocument, toRange } from './lintController';

/** Provides the quick fixes. Register with {@link QuickFixProvider.register}. */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  /** Registers the provider for Markdown files; the returned disposable unregisters it. */
  static register(locator: RecordLocator): vscode.Disposable {
    return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new QuickFixProvider(locator), { providedCodeActionKinds: QuickFixProvider.kinds });
  }

  private constructor(private readonly locator: RecordLocator) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const ours = context.diagnostics.filter(d => d.source === SOURCE);
    if (ours.length === 0) return [];
    // Lint again (cheap: an outline scan) to get the fixes of the document as it is now.
    const findings = lintDocument(document, this.locator) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const finding = findings.find(f => f.code === code && toRange(f.range).isEqual(diagnostic.range) && f.message === diagnostic.message);
      if (finding?.fix) actions.push(this.toAction(document, finding, diagnostic));
    }
    return actions;
  }

  private toAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(finding.fix!.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.edit = new vscode.WorkspaceEdit();
    for (const e of finding.fix!.edits) action.edit.replace(document.uri, toRange(e.range), e.newText);
    return action;
  }
}
