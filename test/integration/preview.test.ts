/**
 * The decision preview in the real host: the webview renders real RFCs with every Mermaid diagram
 * drawn, shows a broken diagram's error in place while the rest renders, and follows edits. Each
 * check waits on the webview's own report (`preview.onDidRender`), never on a sleep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';
import type { PreviewRenderReport } from '../../src/preview';
import { activate, fixture } from './helpers';

/** Resolves with the first render report for `uri` that satisfies `predicate`; rejects after `ms`. */
function rendered(api: SpecFirstApi, uri: vscode.Uri, predicate: (r: PreviewRenderReport) => boolean = () => true, ms = 20000): Promise<PreviewRenderReport> {
  return new Promise((resolve, reject) => {
    let last: PreviewRenderReport | undefined;
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no matching render of ${uri.path}; last: ${JSON.stringify(last)}`)); }, ms);
    const sub = api.preview.onDidRender(r => {
      if (r.uri.toString() !== uri.toString()) return;
      last = r;
      if (predicate(r)) { clearTimeout(timer); sub.dispose(); resolve(r); }
    });
  });
}

async function preview(api: SpecFirstApi, path: string): Promise<PreviewRenderReport> {
  const uri = fixture(path);
  await vscode.window.showTextDocument(uri);
  const report = rendered(api, uri);
  await vscode.commands.executeCommand('specFirst.showPreview');
  return report;
}

describe('Decision preview', () => {
  let api: SpecFirstApi;
  before(async () => { api = await activate(); });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('draws the one diagram of RFC 3668 (async closures)', async () => {
    const r = await preview(api, 'rust-rfcs/text/3668-async-closures.md');
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [1, 1, 0], JSON.stringify(r.errors));
    assert.equal(api.preview.current?.toString(), fixture('rust-rfcs/text/3668-async-closures.md').toString());
  });

  it('follows the active editor and draws both diagrams of RFC 3691 (trusted publishing)', async () => {
    const r = await preview(api, 'rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [2, 2, 0], JSON.stringify(r.errors));
  });

  it('shows a broken diagram\'s error in place and still draws the rest', async () => {
    const r = await preview(api, 'problems/notes/diagrams.md');
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [2, 1, 1]);
    assert.equal(r.errors[0].index, 1);
    assert.equal(r.errors[0].line, 13, 'the 0-based line of the broken block\'s fence');
    assert.ok(r.errors[0].message.length > 0, 'Mermaid\'s message is reported');
  });

  it('updates while typing: a diagram added to the document is drawn', async () => {
    const uri = fixture('problems/notes/diagrams.md');
    await preview(api, 'problems/notes/diagrams.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.version; // the document is live: read after the edit, its version would be the new one
    const next = rendered(api, uri, r => r.version > before && r.diagrams === 3);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), '\n```mermaid\nsequenceDiagram\n  Alice->>Bob: Hello\n```\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const r = await next;
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [3, 2, 1]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('renders a hostile record without failing (scripts and handlers are sanitized away)', async () => {
    const uri = fixture('problems/notes/hostile.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(
      '# Hostile\n\n<script>document.title = "pwned"</script>\n<img src="x" onerror="document.title = \'pwned\'">\n[click](javascript:alert(1))\n\n```mermaid\n%%{init: {"securityLevel": "loose"}}%%\nflowchart LR\n  A --> B\n  click A call alert()\n```\n'));
    try {
      const r = await preview(api, 'problems/notes/hostile.md');
      assert.deepEqual([r.diagrams, r.rendered, r.failed], [1, 1, 0]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
