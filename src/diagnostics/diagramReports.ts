/**
 * What Mermaid said about a document's diagrams, as the preview reported it: the problems of the
 * document version the preview rendered. The lint controller turns them into SF019 diagnostics with
 * every other rule, so that levels, `spec-first-disable` and `specFirst.lint.enabled` apply to them
 * the same way; the preview itself publishes nothing.
 */
import * as vscode from 'vscode';
import type { DiagramProblem } from '../core/lint';
import { Disposable } from '../util/dispose';

/** A report of the preview: a document's URI, the version it rendered, its diagram problems (fence line, Mermaid's message). */
export interface DiagramReport {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

/** The latest diagram problems of each document the preview has shown. */
export class DiagramReports extends Disposable {
  private readonly reports = new Map<string, { version: number; problems: DiagramProblem[] }>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires with a document's URI when what is known of its diagrams changed. */
  readonly onDidChange = this.changed.event;

  /** `rendered`: the preview's render reports. */
  constructor(rendered: vscode.Event<DiagramReport>) {
    super();
    this._register(rendered(r => this.set(r)));
    this._register(vscode.workspace.onDidCloseTextDocument(d => {
      if (this.reports.delete(d.uri.toString())) this.changed.fire(d.uri);
    }));
  }

  /**
   * The problems of `document` as it is now: those the preview reported for its current version;
   * undefined when it has not rendered this version (the lines may have moved since).
   */
  problemsOf(document: vscode.TextDocument): readonly DiagramProblem[] | undefined {
    const r = this.reports.get(document.uri.toString());
    return r && r.version === document.version ? r.problems : undefined;
  }

  private set(report: DiagramReport): void {
    const key = report.uri.toString();
    const before = this.reports.get(key);
    const problems = report.errors.map(e => ({ line: e.line, message: e.message }));
    if (before && before.version === report.version && JSON.stringify(before.problems) === JSON.stringify(problems)) return;
    this.reports.set(key, { version: report.version, problems });
    this.changed.fire(report.uri);
  }
}
