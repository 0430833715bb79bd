/**
 * Diagnostics on the decision references of open documents that are not Markdown (source files'
 * comments, files a project's `"references"."files"` names): a reference that names no record is
 * SF016, one to a superseded or deprecated record SF023 with the quick fix "Point to ADR-0009, its
 * successor", as in a record (`core/referenceChecks.ts` decides; Markdown documents are the lint
 * controller's). Checked when a document opens, while it is edited (debounced), and when the records
 * change; cleared when it closes.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/lint/types';
import { checkReferences } from '../core/referenceChecks';
import { SOURCE } from '../diagnostics/lintController';
import { toRange, toTextEdits } from '../util/convert';
import { errorMessage, log } from '../util/log';
import type { ProjectConfigService } from '../workspace/projectConfig';
import type { RecordIndex } from '../workspace/recordIndex';
import type { ReferenceIndex } from './referenceIndex';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** Milliseconds after the last edit before a document is checked again. */
const DEBOUNCE_MS = 300;

/** Keeps the reference diagnostics of open non-Markdown documents current, and offers their quick fixes. */
export class CodeReferenceDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly collection = vscode.languages.createDiagnosticCollection('spec-first-references');
  /** The findings behind each document's diagnostics (by URI string), for their fixes. */
  private readonly findings = new Map<string, { readonly version: number; readonly findings: readonly Finding[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex, private readonly config: ProjectConfigService, private readonly extensionUri: vscode.Uri) {
    this.subscriptions = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument(d => this.check(d)),
      vscode.workspace.onDidChangeTextDocument(e => this.later(e.document)),
      vscode.workspace.onDidCloseTextDocument(d => this.forget(d.uri)),
      index.onDidChange(() => this.checkAll()),
      config.onDidChange(() => this.checkAll()),
    ];
    this.checkAll();
  }

  private checkAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }

  private later(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.check(document); }, DEBOUNCE_MS));
  }

  /** Checks one document's references (none for Markdown, or a document that is not read for references). */
  private async check(document: vscode.TextDocument): Promise<void> {
    if (document.languageId === 'markdown' || document.isClosed) return;
    try {
      await this.references.ready();
      const version = document.version;
      const found = this.references.referencesIn(document);
      if (document.isClosed || document.version !== version) return;
      if (found.length === 0) {
        this.collection.delete(document.uri);
        this.findings.delete(document.uri.toString());
        return;
      }
      const snapshot = this.index.recordsNear(document.uri);
      const findings = checkReferences(found, snapshot, this.references.schemesFor(document.uri), this.config.configFor(document.uri).config.rules);
      this.findings.set(document.uri.toString(), { version, findings });
      this.collection.set(document.uri, findings.map(f => {
        const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
        d.source = SOURCE;
        d.code = { value: f.code, target: vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${f.code}.md`) };
        return d;
      }));
    } catch (err) {
      log().warn(`Could not check the decision references of ${vscode.workspace.asRelativePath(document.uri)}: ${errorMessage(err)}`);
    }
  }

  /** The quick fixes of the diagnostics in `context` that this provider made, for the document as checked. */
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const checked = this.findings.get(document.uri.toString());
    if (!checked || checked.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      const finding = checked.findings.find(f => f.code === code && f.fix && toRange(f.range).isEqual(diagnostic.range));
      if (!finding?.fix) continue;
      const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.set(document.uri, toTextEdits(finding.fix.edits));
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  private forget(uri: vscode.Uri): void {
    this.findings.delete(uri.toString());
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
