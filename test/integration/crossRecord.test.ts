/**
 * Cross-record lint in the editor: the index keeps one workspace snapshot per folder, which typing
 * in a record reuses (the record's own text is linted against it as it is now), and which a change
 * of another record on disk replaces.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsWhere, fixture, openAndLint, remove } from './helpers';

const nygard = (n: number, title: string, status: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a queue to run.\n`;

describe('Cross-record lint snapshot', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('typing reuses the index\'s snapshot and lints the text as typed; a change on disk replaces the snapshot', async () => {
    const api = await activate();
    await api.index.ready();
    const write = async (path: string, text: string) => {
      await vscode.workspace.fs.writeFile(fixture(path), new TextEncoder().encode(text));
      await api.index.refresh(fixture(path));
    };
    await write('snapshot/doc/adr/0001-use-kafka.md', nygard(1, 'Use Kafka', 'Accepted'));
    await write('snapshot/doc/adr/0002-use-pulsar.md', nygard(2, 'Use Pulsar', 'Accepted\n\nAmends [1. Use Kafka](0001-use-kafka.md)'));
    const uri = fixture('snapshot/doc/adr/0001-use-kafka.md');
    let indexChanged = false;
    let document: vscode.TextDocument | undefined;
    const listener = api.index.onDidChange(() => { indexChanged = true; });
    try {
      await openAndLint(uri);
      await diagnosticsWhere(uri, d => d.some(x => codeOf(x) === 'SF017'));
      const before = api.index.recordsNear(uri);
      indexChanged = false;

      // Typed, not saved: the answer in the editor's text silences SF017 against the same snapshot.
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      document = editor.document;
      const status = editor.document.getText().indexOf('Accepted');
      assert.ok(await editor.edit(b => b.insert(editor.document.positionAt(status + 'Accepted'.length), '\n\nAmended by [2. Use Pulsar](0002-use-pulsar.md)')));
      await diagnosticsWhere(uri, d => !d.some(x => codeOf(x) === 'SF017'));
      if (!indexChanged) assert.equal(api.index.recordsNear(uri), before, 'typing rebuilt the workspace snapshot');

      // 0002 no longer amends 0001 on disk: the index changes, and the snapshot with it.
      await write('snapshot/doc/adr/0002-use-pulsar.md', nygard(2, 'Use Pulsar', 'Accepted'));
      const after = api.index.recordsNear(uri);
      assert.notEqual(after, before);
      assert.equal(after.recordAt('snapshot/doc/adr/0002-use-pulsar.md')?.record.relations.length, 0);
      assert.equal(api.index.recordsNear(uri), after, 'the snapshot is kept until the index changes again');
    } finally {
      listener.dispose();
      if (document?.isDirty) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await remove(fixture('snapshot'));
    }
  });
});
