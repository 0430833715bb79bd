/** Helpers for the preview's integration tests: wait for the webview's render reports, open a preview. */
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';
import type { PreviewRenderReport } from '../../src/preview';

/**
 * Resolves with the first render report for `uri` that satisfies `predicate`; rejects after `ms` with
 * the last report seen (before mocha's own timeout, so that the message shows).
 */
export function rendered(api: SpecFirstApi, uri: vscode.Uri, predicate: (r: PreviewRenderReport) => boolean = () => true, ms = 20000): Promise<PreviewRenderReport> {
  return new Promise((resolve, reject) => {
    let last: PreviewRenderReport | undefined;
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no matching render of ${uri.path} within ${ms} ms; last: ${JSON.stringify(last)}`)); }, ms);
    const sub = api.preview.onDidRender(r => {
      if (r.uri.toString() !== uri.toString()) return;
      last = r;
      if (predicate(r)) { clearTimeout(timer); sub.dispose(); resolve(r); }
    });
  });
}

/** Opens `uri` in an editor, then the preview, and resolves with its first render report. */
export async function previewOf(api: SpecFirstApi, uri: vscode.Uri, ms = 20000): Promise<PreviewRenderReport> {
  await vscode.window.showTextDocument(uri);
  const report = rendered(api, uri, () => true, ms);
  await vscode.commands.executeCommand('specFirst.showPreview');
  return report;
}

/** Waits `ms`: only where a test must show that something does NOT happen within a window. */
export function pause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
