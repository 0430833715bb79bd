/**
 * Code actions for Spec-First's diagnostics: each finding's repair as a quick fix (the preferred one
 * first, then the choices of a pick list such as "Set the status to …"), and "Fix all Spec-First
 * problems" as a `source.fixAll.spec-first` action that applies every safe repair at once, so that
 * `"editor.codeActionsOnSave": { "source.fixAll.spec-first": "explicit" }` works.
 */
import * as vscode from 'vscode';
import { Fix } from '../core/lint';
import { nonOverlapping, safeFixes } from '../core/lint/fixAll';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import type { DiagramReports } from './diagramReports';
import { SOURCE, lintDocument, toRange } from './lintController';

/** The kind of the fix-all action. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('spec-first');

/** Provides the quick fixes and the fix-all action. Register with {@link QuickFixProvider.register}. */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  /** Registers the provider for Markdown files; the returned disposable unregisters it. */
  static register(locator: RecordLocator, index: RecordIndex, reports?: DiagramReports): vscode.Disposable {
    return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new QuickFixProvider(locator, index, reports), { providedCodeActionKinds: QuickFixProvider.kinds });
  }

  private constructor(private readonly locator: RecordLocator, private readonly index: RecordIndex, private readonly reports?: DiagramReports) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wantsFixAll = context.only?.contains(FIX_ALL_KIND) || (context.only && FIX_ALL_KIND.contains(context.only));
    const wantsQuickFix = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    if (wantsFixAll) return this.fixAll(document);
    if (!wantsQuickFix) return [];
    const ours = context.diagnostics.filter(d => d.source === SOURCE);
    if (ours.length === 0) return [];
    // Lint again (cheap: an outline scan) to get the repairs of the document as it is now.
    const findings = lintDocument(document, this.locator, this.index, this.reports) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const finding = findings.find(f => f.code === code && toRange(f.range).isEqual(diagnostic.range) && f.message === diagnostic.message);
      if (!finding) continue;
      if (finding.fix) actions.push(this.toAction(document, finding.fix, [diagnostic], true));
      for (const alternative of finding.alternatives ?? []) actions.push(this.toAction(document, alternative, [diagnostic], false));
      if (finding.code === 'SF015') {
        // A rename and edits in other records: the lifecycle command does it, as one WorkspaceEdit.
        const renumber = new vscode.CodeAction('Renumber this record to the next number free on every branch', vscode.CodeActionKind.QuickFix);
        renumber.diagnostics = [diagnostic];
        renumber.command = { command: 'specFirst.renumberRecord', title: 'Renumber Record', arguments: [document.uri] };
        actions.push(renumber);
      }
    }
    if (findings.some(f => f.fix?.safe)) {
      const all = this.fixAll(document)[0];
      if (all) actions.push(Object.assign(all, { kind: vscode.CodeActionKind.QuickFix, title: 'Fix all safe Spec-First problems in this file' }));
    }
    return actions;
  }

  /** One action applying every safe repair of the document, overlapping ones skipped. */
  private fixAll(document: vscode.TextDocument): vscode.CodeAction[] {
    const findings = lintDocument(document, this.locator, this.index, this.reports) ?? [];
    const safe = safeFixes(findings);
    if (safe.length === 0) return [];
    const edits = nonOverlapping(safe.flatMap(f => f.edits));
    const action = new vscode.CodeAction(`Fix all Spec-First problems (${safe.length})`, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    for (const e of edits) action.edit.replace(document.uri, toRange(e.range), e.newText);
    return [action];
  }

  private toAction(document: vscode.TextDocument, fix: Fix, diagnostics: vscode.Diagnostic[], preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = diagnostics;
    action.isPreferred = preferred;
    action.edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) action.edit.replace(document.uri, toRange(e.range), e.newText);
    return action;
  }
}
