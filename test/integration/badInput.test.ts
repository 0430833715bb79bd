/**
 * Strange files in a records folder: no exception escapes, the rest is still listed, and the
 * problem is reported where a user can see it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';
import { activate, codeOf, fixture, openAndLint } from './helpers';

describe('Bad input', () => {
  let api: SpecFirstApi;
  before(async () => {
    api = await activate();
    await api.index.ready();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('skips a binary .md in a records folder and lists the others', () => {
    assert.equal(api.index.get(fixture('problems/docs/adr/0006-binary.md')), undefined);
    assert.ok(api.index.get(fixture('problems/docs/adr/0005-crlf-bom.md')));
    assert.ok(api.index.get(fixture('problems/docs/adr/0004-broken-front-matter.md')), 'invalid front matter still lists the record');
  });

  it('survives a record deleted before it is read', async () => {
    const gone = fixture('problems/docs/adr/0099-deleted-while-read.md');
    await assert.doesNotReject(api.index.refresh(gone));
    assert.equal(api.index.get(gone), undefined);
  });

  it('reads CRLF line endings and a byte-order mark like any record', () => {
    const entry = api.index.get(fixture('problems/docs/adr/0005-crlf-bom.md'));
    assert.equal(entry?.record.kind, 'nygard');
    assert.equal(entry?.record.status, 'accepted');
    assert.equal(entry?.record.number, 5);
  });

  it('turns invalid front matter into a warning on the front matter', async () => {
    const ds = await openAndLint(fixture('problems/docs/adr/0004-broken-front-matter.md'));
    const fm = ds.find(d => codeOf(d) === 'SF005');
    assert.ok(fm);
    const document = await vscode.workspace.openTextDocument(fixture('problems/docs/adr/0004-broken-front-matter.md'));
    const closing = document.getText().split(/\r?\n/).indexOf('---', 1);
    assert.ok(fm.range.start.line >= 1 && fm.range.start.line < closing, `line ${fm.range.start.line} inside the front matter (closing --- at ${closing})`);
  });

  it('does not lint or list a binary file opened in an editor', async () => {
    const uri = fixture('problems/docs/adr/0006-binary.md');
    const document = await vscode.workspace.openTextDocument(uri).then(d => d, () => undefined);
    if (document) {
      await vscode.window.showTextDocument(document);
      await openAndLint(fixture('problems/docs/adr/0002-skip-the-alternatives.md'));
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    }
  });
});
