/**
 * Lints decision documents in the editor: on open, and while typing (debounced per document; a
 * result is published only if the document has not changed since). Other Markdown is never linted.
 * Cross-record rules see the workspace index, so open records are linted again when it changes.
 * Findings become diagnostics with `source: "spec-first"` and a code linked to the rule's docs page.
 * A proposal without a date is linted against the day git first saw its file (SF021), read through
 * VS Code's Git extension (`GitHistory`) without waiting: the document is linted again once it is known.
 */
import * as vscode from 'vscode';
import { Finding, Severity, lintDiagramsOf, lintRecord, longLinesNotice } from '../core/lint';
import { parseRecord } from '../core/record';
import { needsFirstCommit } from '../core/reviewDates';
import { toRange } from '../util/convert';
import { errorMessage, log } from '../util/log';
import { settings } from '../util/settings';
import type { GitHistory } from '../workspace/gitHistory';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import { lintOptionsFor } from '../workspace/recordOptions';
import type { DiagramReports } from './diagramReports';

/** The diagnostics' `source`. */
export const SOURCE = 'spec-first';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export { toRange };

/**
 * Lints one document with the core, the preview's diagram reports included (`reports`), or returns
 * undefined when it is not a decision document (not Markdown, not a candidate file, or not a record
 * by its content) and the preview reported no diagram problem for it. `firstCommitted` gives, when
 * known, the day git first saw the file of a record that needs it (a proposal without a date). Never throws.
 */
export function lintDocument(document: vscode.TextDocument, locator: RecordLocator, index: RecordIndex, reports?: DiagramReports, firstCommitted?: (document: vscode.TextDocument) => string | undefined): Finding[] | undefined {
  if (document.languageId !== 'markdown') return undefined;
  const text = document.getText();
  if (text.includes('\0')) return undefined; // a binary file opened as text
  const where = locator.classify(document.uri);
  const diagrams = reports?.problemsOf(document);
  // Other Markdown is never linted (no option looked up, no parse on its keystrokes) unless the preview reported its diagrams.
  if (!where && !diagrams?.length) return undefined;
  const name = where?.relativePath ?? vscode.workspace.asRelativePath(document.uri, false);
  try {
    const options = lintOptionsFor(document.uri, where?.hint, locator.config);
    const record = where && parseRecord(where.relativePath, text, options);
    // Not a record: only the diagrams the preview showed it could not draw (SF019).
    if (!record) return diagrams?.length ? lintDiagramsOf(text, { ...options, diagrams }) : undefined;
    return lintRecord(record, text, {
      ...options,
      diagrams,
      workspace: index.recordsNear(document.uri),
      firstCommitted: firstCommitted && needsFirstCommit(record) ? firstCommitted(document) : undefined,
      onRuleError: (rule, err) => log().error(`Rule ${rule.code} failed on ${name}: ${errorMessage(err)}`),
      onLongLines: (lines, limit) => log().info(longLinesNotice(name, lines, limit)),
    });
  } catch (err) {
    log().error(`Linting ${name} failed: ${errorMessage(err)}`);
    return undefined;
  }
}

/** Owns the diagnostic collection and the per-document lint timers. */
export class LintController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  /** The documents waiting for a reading of their file's git history, to be linted again when it gives another day. */
  private readonly waiting = new Set<string>();
  private disposed = false;

  constructor(private readonly locator: RecordLocator, private readonly index: RecordIndex, private readonly extensionUri: vscode.Uri, private readonly reports?: DiagramReports, private readonly git?: GitHistory) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument(d => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length > 0) this.schedule(e.document); }),
      vscode.workspace.onDidCloseTextDocument(d => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('specFirst')) this.lintAll(); }),
      locator.onDidChange(() => this.lintAll()),
      // Another record changed (a supersede link added, a number taken): cross-record findings may have too.
      index.onDidChange(() => { clearTimeout(this.indexTimer); this.indexTimer = setTimeout(() => this.lintAll(), 100); }),
    );
    // The preview said something new about a document's diagrams: its SF019 findings follow.
    if (reports) {
      this.disposables.push(reports.onDidChange(uri => {
        const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
        if (document) this.lintNow(document);
      }));
    }
    void locator.ready().then(() => this.lintAll());
  }

  /** Lints every open document now. */
  lintAll(): void {
    for (const d of vscode.workspace.textDocuments) this.lintNow(d);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.indexTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = document.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // Stale: a newer change has its own timer (or the document closed).
      if (!document.isClosed && document.version === version) this.lintNow(document);
    }, settings(document.uri).lintDelay));
  }

  private lintNow(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    if (!settings(document.uri).lintEnabled) {
      this.collection.delete(document.uri);
      return;
    }
    const findings = lintDocument(document, this.locator, this.index, this.reports, this.git && (d => this.firstCommitted(d)));
    if (!findings) {
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(document.uri, findings.map(f => this.toDiagnostic(f)));
  }

  /**
   * The day git first saw `document`'s file, as far as `GitHistory` knows now (it reads the history
   * again once a minute at most); when a reading is under way, the document is linted again once it
   * gives another day.
   */
  private firstCommitted(document: vscode.TextDocument): string | undefined {
    if (!this.git) return undefined;
    const key = document.uri.toString();
    const { known, reading } = this.git.firstCommittedNow(document.uri);
    if (reading && !this.waiting.has(key)) {
      this.waiting.add(key);
      void reading.then(day => {
        this.waiting.delete(key);
        if (!this.disposed && !document.isClosed && day !== known?.day) this.lintNow(document);
      });
    }
    return known?.day;
  }

  private toDiagnostic(f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
    d.source = SOURCE;
    d.code = { value: f.code, target: vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${f.code}.md`) };
    return d;
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }
}
