/**
 * The hostile corpus (test/support/hostileCorpus.ts) in the real preview: nothing in it runs, loads or
 * reaches the extension, and the document still renders. Every payload names a canary: an HTTP server
 * this test starts on 127.0.0.1 (a random port), which the webview's browser could reach if anything
 * escaped the sanitizer, Mermaid's strict mode and the CSP together — an image, a fetch, a frame, a
 * stylesheet, a prefetch, a form, or a message asking the extension to open the canary's URL. Payloads
 * that would run also set an attribute on `<html>`, which the webview's self-check reports.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';
import { hostileDocument, hostilePayloads } from '../support/hostileCorpus';
import { activate, fixture, remove } from './helpers';
import { pause, previewOf, rendered } from './previewHelpers';

describe('Decision preview security', () => {
  let api: SpecFirstApi;
  let server: http.Server;
  let canary: string;
  const hits: string[] = [];
  const uri = () => fixture('problems/notes/hostile-corpus.md');

  before(async () => {
    api = await activate();
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('canary');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    canary = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(uri());
    await new Promise(resolve => server.close(resolve));
  });

  it('the canary answers (so a payload that escaped would be seen)', async () => {
    const response = await fetch(`${canary}/self-check`);
    assert.equal(await response.text(), 'canary');
    assert.deepEqual(hits.splice(0), ['GET /self-check']);
  });

  it('none of the hostile payloads runs or loads anything, and the document still renders', async function () {
    this.timeout(60000);
    const payloads = hostilePayloads(canary);
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(hostileDocument(canary)));
    const first = await previewOf(api, uri(), 30000);
    const diagrams = payloads.filter(p => p.diagram).length;
    assert.equal(first.diagrams, diagrams, 'every Mermaid payload is a diagram of the page');
    assert.equal(first.rendered + first.failed, diagrams);
    assert.equal(first.blank, 0);
    // Handlers fire after load (an image's error, a focus, a toggle): give them a window, then render
    // again so that the self-check looks at the page after they had their chance.
    await pause(2000);
    const document = await vscode.workspace.openTextDocument(uri());
    const before = document.version;
    const again = rendered(api, uri(), r => r.version > before);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri(), new vscode.Position(document.lineCount, 0), '\nOne more line.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const second = await again;
    await pause(1000);

    const report = payloads.map(p => `${p.id.padEnd(22)} ${p.attempt}: ${hits.some(h => h.includes(`/${p.id}/`)) ? 'ESCAPED' : 'blocked'}`);
    console.log(`      hostile payloads (${payloads.length}), canary ${canary}:\n${report.map(l => `        ${l}`).join('\n')}`);
    console.log(`      diagrams: ${second.rendered} drawn, ${second.failed} shown as errors; self-check ${JSON.stringify(second.audit)}`);
    for (const e of second.errors) console.log(`        error box, line ${e.line + 1}: ${e.message.split('\n')[0].slice(0, 120)}`);
    assert.deepEqual(hits, [], 'no request reached the canary');
    for (const r of [first, second]) {
      assert.deepEqual(r.audit, { scripts: 0, handlers: 0, dangerousUrls: 0, frames: 0, remoteImages: 0, rootDataAttributes: [] });
    }
    assert.equal(second.diagrams, diagrams);
    assert.ok(second.rendered >= 4, `most Mermaid payloads still draw (strict mode ignores what it refuses): ${JSON.stringify(second.errors)}`);
    assert.equal(api.preview.current?.toString(), uri().toString());
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
