/**
 * "Spec-First: Show Decision Health": the core's health report (`healthReport`) in a webview panel
 * under the preview's HTML shell and CSP (`previewHtml`: a nonce, no remote resource), drawn by its
 * own script (`dist/webview/health.js`, the core's `healthPageBody`: charts as inline SVG) and kept
 * current while open; "Export as Markdown" opens the core's `healthMarkdown` of it in a new untitled
 * Markdown document. The median time from a record's first commit to its decision is left out: the
 * editor reads no git history.
 */
import * as vscode from 'vscode';
import { HealthReport, healthMarkdown, healthReport } from '../core/health';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';
import { DecisionHealth, healthToday } from '../workspace/decisionHealth';
import { type HealthDrawn, type ToHealthPage, fromHealthPage } from '../webview/healthProtocol';
import { makeNonce, previewHtml } from './html';

export type { HealthDrawn };

/** The panel's view type. */
export const HEALTH_VIEW_TYPE = 'specFirst.health';

/** The report panel (one at a time). Dispose it to close the panel. */
export class HealthReportPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private report: HealthReport | undefined;
  private readonly drawn = this._register(new vscode.EventEmitter<HealthDrawn>());
  /** Fires each time the page has drawn the report: its charts (bars, width in pixels) and error boxes. */
  readonly onDidDraw = this.drawn.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly health: DecisionHealth) {
    super();
    this._register(health.onDidChange(() => { if (this.panel) void this.update(); }));
    this._register({ dispose: () => this.panel?.dispose() });
  }

  /** Opens the panel (or reveals it and draws the report again). */
  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return this.update();
    }
    const media = (...segments: string[]) => vscode.Uri.joinPath(this.extensionUri, ...segments);
    const panel = vscode.window.createWebviewPanel(HEALTH_VIEW_TYPE, 'Decision Health', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media('dist', 'webview'), media('media')] });
    this.panel = panel;
    panel.onDidDispose(() => { if (this.panel === panel) this.panel = undefined; });
    panel.webview.onDidReceiveMessage(value => {
      const message = fromHealthPage(value);
      if (message?.type === 'ready') void this.update();
      else if (message?.type === 'drawn') this.drawn.fire(message);
      else if (message?.type === 'export') void this.export().catch(err => log().error(`Export as Markdown failed: ${errorMessage(err)}`));
    });
    const uri = (...segments: string[]) => panel.webview.asWebviewUri(media(...segments)).toString();
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource, nonce: makeNonce(), title: 'Decision Health',
      scriptUri: uri('dist', 'webview', 'health.js'), styleUri: uri('media', 'health.css'), baseHref: `${uri('media')}/`,
    });
  }

  /** The report last sent to the page, if any. */
  get current(): HealthReport | undefined {
    return this.report;
  }

  /** Opens the report (the one shown, else a fresh one) as a new untitled Markdown document, and returns it. */
  async export(): Promise<vscode.TextDocument> {
    const report = this.report ?? healthReport(await this.health.reportEntries(), healthToday());
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: healthMarkdown(report) });
    await vscode.window.showTextDocument(document);
    return document;
  }

  /** Computes the report and sends it to the page (or the error). Never throws. */
  private async update(): Promise<void> {
    let message: ToHealthPage;
    try {
      this.report = healthReport(await this.health.reportEntries(), healthToday());
      message = { type: 'report', report: this.report };
    } catch (err) {
      message = { type: 'error', message: `The report could not be made: ${errorMessage(err)}` };
      log().error(message.message);
    }
    await this.panel?.webview.postMessage(message);
  }
}
