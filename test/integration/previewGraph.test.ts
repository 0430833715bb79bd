/**
 * The decision graph in the real preview: the neighbourhood of the active record by default, the
 * whole log on request or by the toggle, the neighbourhood following the record being edited; and at
 * scale — 2,000 generated records with relations — both views drawn with no error box, no blank and
 * no part left unrendered within 60 s, each waited for on the webview's own render report. Prints the
 * measured times.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';
import type { PreviewRenderReport } from '../../src/preview';
import { generatedLog } from '../support/generatedLog';
import { activate, fixture, workspaceRoot } from './helpers';
import { pause, rendered } from './previewHelpers';

const GRAPH = vscode.Uri.from({ scheme: 'spec-first-graph', path: '/Decision graph.md' });

/**
 * Runs `command` and resolves with the first render report of the graph whose version's text
 * satisfies `text` (an earlier version may be rendered first), and the time it took. Rejects after `ms`.
 */
async function graphRendered(api: SpecFirstApi, text: (graph: string) => boolean, command: () => Thenable<unknown>, ms = 30000): Promise<{ report: PreviewRenderReport; text: string; elapsedMs: number }> {
  let shown = '';
  const started = Date.now();
  const report = rendered(api, GRAPH, r => {
    const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === GRAPH.toString());
    shown = document?.version === r.version ? document.getText() : '';
    return text(shown);
  }, ms);
  await command();
  const r = await report;
  return { report: r, text: shown, elapsedMs: Date.now() - started };
}

/** A report with every diagram drawn: no error box, no blank, no part of the page left as text. */
function assertAllDrawn(r: PreviewRenderReport): void {
  assert.ok(r.diagrams >= 1);
  assert.deepEqual({ rendered: r.rendered, failed: r.failed, blank: r.blank, renderErrors: r.renderErrors }, { rendered: r.diagrams, failed: 0, blank: 0, renderErrors: [] }, JSON.stringify(r.errors.slice(0, 3)));
}

/** Resolves once `predicate` holds for the index (checked on each of its changes and every second). */
function indexWhere(api: SpecFirstApi, predicate: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => { clearTimeout(timer); clearInterval(poll); sub.dispose(); if (error) reject(error); else resolve(); };
    const check = () => { if (predicate()) done(); };
    const timer = setTimeout(() => done(new Error(`the index never matched; it has ${api.index.all().length} records`)), ms);
    const poll = setInterval(check, 1000);
    const sub = api.index.onDidChange(check);
    check();
  });
}

describe('Decision graph', () => {
  let api: SpecFirstApi;
  before(async () => { api = await activate(); await api.index.ready(); });
  after(async () => {
    if (api.preview.isLocked) await vscode.commands.executeCommand('specFirst.togglePreviewLock');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the neighbourhood of the active record by default, switches to the whole log and back, and follows the record being edited', async function () {
    this.timeout(180000);
    const second = fixture('adr-tools/doc/adr/0002-implement-as-shell-scripts.md');
    await vscode.window.showTextDocument(second);
    const near = await graphRendered(api, t => t.startsWith('# Decision graph: 2. Implement as shell scripts\n'), () => vscode.commands.executeCommand('specFirst.showGraph'));
    assertAllDrawn(near.report);
    assert.match(near.text, /\n\d+ of \d+ records: 2\. Implement as shell scripts and the records within 2 relations of it\./);

    const whole = await graphRendered(api, t => /^# Decision graph\n\n\d+ records\./.test(t), () => vscode.commands.executeCommand('specFirst.toggleGraphScope'));
    assertAllDrawn(whole.report);
    const back = await graphRendered(api, t => t.startsWith('# Decision graph: 2. '), () => vscode.commands.executeCommand('specFirst.toggleGraphScope'));
    assertAllDrawn(back.report);

    // A click on a node opens its record in the editor: the neighbourhood moves to it.
    const ninth = fixture('adr-tools/doc/adr/0009-help-scripts.md');
    const moved = await graphRendered(api, t => t.startsWith('# Decision graph: 9. Help scripts\n'), () => vscode.window.showTextDocument(ninth, { viewColumn: vscode.ViewColumn.One }));
    assertAllDrawn(moved.report);
    assert.equal(api.preview.current?.toString(), GRAPH.toString(), 'the preview stays on the graph (locked)');
  });

  describe('2,000 records', function () {
    this.timeout(300000);
    const folder = 'generated-log/doc/adr';
    const generatedCount = () => api.index.all().filter(e => e.uri.path.includes('/generated-log/')).length;
    let records: vscode.Uri[] = [];

    this.beforeAll(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (api.preview.isLocked) await vscode.commands.executeCommand('specFirst.togglePreviewLock');
      const root = workspaceRoot().fsPath;
      const generated = generatedLog(2000, folder);
      fs.mkdirSync(path.join(root, folder), { recursive: true });
      for (const r of generated) fs.writeFileSync(path.join(root, r.path), r.text);
      records = generated.map(r => vscode.Uri.file(path.join(root, r.path)));
      const t = Date.now();
      // As when a cloned repository opens: one scan (the watcher's 2,000 events are folded into it).
      await api.index.rescan();
      await indexWhere(api, () => generatedCount() === 2000, 180000);
      console.log(`      indexed 2,000 generated records in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      // The editor's own reaction to 2,000 new records (open documents linted again, 100 ms after the
      // index changed) runs before the clock starts: the times below are the graph's.
      await pause(1000);
    });

    this.afterAll(async () => {
      if (api.preview.isLocked) await vscode.commands.executeCommand('specFirst.togglePreviewLock');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(path.join(workspaceRoot().fsPath, 'generated-log'), { recursive: true, force: true });
      await api.index.rescan();
      await indexWhere(api, () => generatedCount() === 0, 120000);
    });

    it('draws the whole log with no error box within 60 s', async () => {
      const { report, text, elapsedMs } = await graphRendered(api, t => /^# Decision graph\n\n\d+ records\./.test(t),
        () => vscode.commands.executeCommand('specFirst.showGraph', { scope: 'log' }), 60000);
      assertAllDrawn(report);
      const total = Number(/^# Decision graph\n\n(\d+) records\./.exec(text)?.[1]);
      assert.ok(total >= 2000);
      const nodes = new Set(text.match(/^r\d+(?=\[")/gm));
      assert.equal(nodes.size, total, 'every record is a node');
      console.log(`      whole log: ${total} records, ${text.length} characters, ${report.diagrams} diagrams drawn in ${(elapsedMs / 1000).toFixed(1)} s (webview ${(report.elapsedMs / 1000).toFixed(1)} s)`);
    });

    it('draws the neighbourhood of a record with no error box within 60 s', async () => {
      const centre = records[999];
      const { report, text, elapsedMs } = await graphRendered(api, t => t.startsWith('# Decision graph: 1000. Use technology 1000\n'),
        () => vscode.commands.executeCommand('specFirst.showGraph', { scope: 'neighbourhood', record: centre }), 60000);
      assertAllDrawn(report);
      const shown = Number(/\n(\d+) of \d+ records/.exec(text)?.[1]);
      assert.ok(shown > 1 && shown < 2000, `${shown} records in the neighbourhood`);
      console.log(`      neighbourhood of record 1000: ${shown} records, ${report.diagrams} diagrams drawn in ${(elapsedMs / 1000).toFixed(1)} s (webview ${(report.elapsedMs / 1000).toFixed(1)} s)`);
    });

    it('draws the neighbourhood of the most related record with no error box within 60 s', async () => {
      const byRelations = api.index.all().filter(e => e.uri.path.includes(`/${folder}/`)).sort((a, b) => b.record.relations.length - a.record.relations.length);
      const hub = byRelations[0];
      const { report, text, elapsedMs } = await graphRendered(api, t => t.startsWith(`# Decision graph: ${hub.record.number}. `),
        () => vscode.commands.executeCommand('specFirst.showGraph', { scope: 'neighbourhood', record: hub.uri }), 60000);
      assertAllDrawn(report);
      const shown = Number(/\n(\d+) of \d+ records/.exec(text)?.[1]);
      console.log(`      neighbourhood of record ${hub.record.number} (${hub.record.relations.length} relations): ${shown} records, ${report.diagrams} diagrams drawn in ${(elapsedMs / 1000).toFixed(1)} s`);
    });
  });
});
