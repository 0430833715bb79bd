/**
 * Renumber updates references, in the real host: Renumber Record rewrites the plain identifiers of the
 * old number (in a record of the folder and in a design document outside it) with the rename and the
 * title, in one `WorkspaceEdit` that one undo restores; F2 on an identifier offers the same renumber,
 * to the number typed; a rename made as the Explorer makes it (a `WorkspaceEdit`, which runs the
 * rename participants) updates the identifiers, the labels of links that name the number and, when
 * VS Code's own update is off, the links.
 * Records 0901–0902 and documents in a folder of their own, removed after.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, fixture, readText, remove, removeFiles, writeFiles, writeText } from './helpers';

const record = (n: number, title: string, context: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n - 900}\n\n## Status\n\nAccepted\n\n## Context\n\n${context}\n\n## Decision\n\nd\n\n## Consequences\n\nA cost.\n`;
const ONE = 'renumref/docs/adr/0901-use-kafka.md';
const TWO = 'renumref/docs/adr/0902-log-format.md';
const DESIGN = 'renumref/docs/design.md';
const GUIDE = 'renumref/guide/streams.md';
const FILES: Record<string, string> = {
  [ONE]: record(901, 'Use Kafka', 'c'),
  [TWO]: record(902, 'Log format', 'Events go through ADR-0901 (adr 901).'),
  [DESIGN]: '# Design\n\nEvents: ADR-0901. Not a reference: `ADR-0901`.\n',
  [GUIDE]: '# Streams\n\nSee [Kafka](../docs/adr/0901-use-kafka.md#context), [ADR-0901](../docs/adr/0901-use-kafka.md) and [the log](/renumref/docs/adr/0902-log-format.md).\n',
};

/** The names the tests give the records. */
const MOVED = ['renumref/docs/adr/0907-use-kafka.md', 'renumref/docs/adr/0912-use-kafka.md', 'renumref/docs/adr/0905-use-kafka.md', 'renumref/docs/adr/0901-kafka-streams.md', 'renumref/docs/decisions/0902-log-format.md'];

/** Renames a file as the Explorer does: a `WorkspaceEdit`, which runs the rename participants. */
async function renameFile(from: string, to: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(fixture(from), fixture(to), { overwrite: false });
  assert.ok(await vscode.workspace.applyEdit(edit), `${from} renamed to ${to}`);
}

/** Waits until Find All References on `path`'s title lists `expected` (the reference index has read the new files). */
async function referencedFrom(path: string, expected: string): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', fixture(path), new vscode.Position(0, 3));
    if (found.some(l => vscode.workspace.asRelativePath(l.uri, false) === expected)) return;
    const open = vscode.workspace.textDocuments.filter(d => d.uri.path.includes('renumref')).map(d => `${vscode.workspace.asRelativePath(d.uri, false)}${d.isDirty ? ' (dirty)' : ''}${d.isClosed ? ' (closed)' : ''}: ${JSON.stringify(d.getText().slice(0, 60))}`);
    assert.ok(Date.now() < until, `${expected} never listed among the references to ${path}: ${JSON.stringify(found.map(l => vscode.workspace.asRelativePath(l.uri, false)))}; open: ${open.join('; ')}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

describe('Renumber updates references', function () {
  this.timeout(90_000);

  beforeEach(async () => {
    await remove(fixture('renumref'));
    await writeFiles(FILES);
    await referencedFrom(ONE, DESIGN);
    await referencedFrom(ONE, TWO);
  });
  afterEach(async () => {
    // An edit applied with `applyEdit` leaves its documents dirty: saved first, or the next test's fresh
    // files would be shadowed by their dirty text.
    await vscode.workspace.saveAll(false);
    await removeFiles('renumref', [...Object.keys(FILES), ...MOVED]);
  });

  it('Renumber Record rewrites the identifiers of the old number, and one undo restores everything', async () => {
    const moved = await vscode.commands.executeCommand<vscode.Uri>('specFirst.renumberRecord', fixture(ONE), 907, { confirmed: true });
    assert.equal(vscode.workspace.asRelativePath(moved, false), 'renumref/docs/adr/0907-use-kafka.md');
    assert.match(await readText(moved), /^# 907\. Use Kafka\n/);
    assert.match(await readText(fixture(TWO)), /Events go through ADR-0907 \(adr 907\)\./);
    const design = await vscode.workspace.openTextDocument(fixture(DESIGN));
    assert.equal(design.getText(), '# Design\n\nEvents: ADR-0907. Not a reference: `ADR-0901`.\n', 'a code span is left alone');
    assert.match(await readText(fixture(GUIDE)), /\[Kafka\]\(\.\.\/docs\/adr\/0907-use-kafka\.md#context\), \[ADR-0907\]\(\.\.\/docs\/adr\/0907-use-kafka\.md\)/, 'a link from outside the folder follows, and a label naming the number');
    await vscode.window.showTextDocument(design);
    await vscode.commands.executeCommand('undo');
    assert.equal((await vscode.workspace.openTextDocument(fixture(DESIGN))).getText(), FILES[DESIGN]);
    assert.equal((await vscode.workspace.openTextDocument(fixture(TWO))).getText(), FILES[TWO]);
    assert.equal((await vscode.workspace.openTextDocument(fixture(ONE))).getText(), FILES[ONE], 'the record is back under its old name');
  });

  it('F2 on an identifier renumbers its record to the number typed', async () => {
    const design = await vscode.workspace.openTextDocument(fixture(DESIGN));
    const at = design.positionAt(design.getText().indexOf('ADR-0901') + 5);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', fixture(DESIGN), at);
    assert.equal(prepared.placeholder, '0901');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', fixture(DESIGN), at, '912');
    const shown = JSON.stringify(edit.entries().map(([u, e]) => [vscode.workspace.asRelativePath(u, false), e.map(x => x.newText)]));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal((await vscode.workspace.openTextDocument(fixture(DESIGN))).getText(), '# Design\n\nEvents: ADR-0912. Not a reference: `ADR-0901`.\n', shown);
    assert.match((await vscode.workspace.openTextDocument(fixture('renumref/docs/adr/0912-use-kafka.md'))).getText(), /^# 912\. Use Kafka\n/);
    assert.match((await vscode.workspace.openTextDocument(fixture(TWO))).getText(), /ADR-0912 \(adr 912\)/);
    const code = design.positionAt(design.getText().indexOf('`ADR-0901`') + 3);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', fixture(DESIGN), code)), 'a code span is no identifier');
  });

  it('a record renamed as the Explorer does: its identifiers, title and links follow, in the same undo', async () => {
    await renameFile(ONE, 'renumref/docs/adr/0905-use-kafka.md');
    assert.match((await vscode.workspace.openTextDocument(fixture('renumref/docs/adr/0905-use-kafka.md'))).getText(), /^# 905\. Use Kafka\n/);
    assert.match((await vscode.workspace.openTextDocument(fixture(TWO))).getText(), /Events go through ADR-0905 \(adr 905\)\./);
    assert.equal((await vscode.workspace.openTextDocument(fixture(DESIGN))).getText(), '# Design\n\nEvents: ADR-0905. Not a reference: `ADR-0901`.\n');
    assert.equal((await vscode.workspace.openTextDocument(fixture(GUIDE))).getText(), FILES[GUIDE].replaceAll('0901-use-kafka', '0905-use-kafka').replace('[ADR-0901]', '[ADR-0905]'),
      'the links follow (markdown.updateLinksOnFileMove.enabled is never), and the label naming the number');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture(DESIGN)));
    await vscode.commands.executeCommand('undo');
    assert.equal((await vscode.workspace.openTextDocument(fixture(DESIGN))).getText(), FILES[DESIGN]);
    assert.equal((await vscode.workspace.openTextDocument(fixture(GUIDE))).getText(), FILES[GUIDE]);
    assert.equal((await vscode.workspace.openTextDocument(fixture(ONE))).getText(), FILES[ONE], 'the record is back under its old name');
  });

  it('a record renamed without a new number: only the links follow; moved to another folder, its own links too', async () => {
    await renameFile(ONE, 'renumref/docs/adr/0901-kafka-streams.md');
    assert.equal((await vscode.workspace.openTextDocument(fixture(TWO))).getText(), FILES[TWO], 'the identifiers still name it');
    assert.equal((await vscode.workspace.openTextDocument(fixture(GUIDE))).getText(), FILES[GUIDE].replaceAll('0901-use-kafka', '0901-kafka-streams'), 'the label names the same number: left as written');
    await writeText(fixture(TWO), `${FILES[TWO]}\nSee [Kafka](0901-kafka-streams.md).\n`);
    await (await activate()).index.refresh(fixture(TWO));
    await referencedFrom('renumref/docs/adr/0901-kafka-streams.md', TWO);
    await renameFile(TWO, 'renumref/docs/decisions/0902-log-format.md');
    assert.match((await vscode.workspace.openTextDocument(fixture('renumref/docs/decisions/0902-log-format.md'))).getText(), /See \[Kafka\]\(\.\.\/adr\/0901-kafka-streams\.md\)\./, 'its own link, written from its new folder');
    assert.match((await vscode.workspace.openTextDocument(fixture(GUIDE))).getText(), /\[the log\]\(\/renumref\/docs\/decisions\/0902-log-format\.md\)/, 'a workspace-absolute link stays so');
  });

  it('forgets the references of a folder deleted at once (the watcher reports the folder alone)', async () => {
    await referencedFrom(ONE, GUIDE);
    await remove(fixture('renumref/guide'));
    const until = Date.now() + 10_000;
    for (;;) {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', fixture(ONE), new vscode.Position(0, 3));
      if (!found.some(l => vscode.workspace.asRelativePath(l.uri, false) === GUIDE)) break;
      assert.ok(Date.now() < until, `${GUIDE} still listed after its folder was deleted`);
      await new Promise(r => setTimeout(r, 200));
    }
  });

  it('leaves the links to VS Code\'s own update when it is on, and still rewrites the identifiers', async () => {
    const markdown = vscode.workspace.getConfiguration('markdown');
    await markdown.update('updateLinksOnFileMove.enabled', 'prompt', vscode.ConfigurationTarget.Workspace);
    try {
      await renameFile(ONE, 'renumref/docs/adr/0905-use-kafka.md');
      assert.match((await vscode.workspace.openTextDocument(fixture(TWO))).getText(), /ADR-0905 \(adr 905\)/);
      assert.equal((await vscode.workspace.openTextDocument(fixture(GUIDE))).getText(), FILES[GUIDE].replace('[ADR-0901]', '[ADR-0905]'), 'no link destination edited by Spec-First (VS Code asks); the label naming the number follows');
    } finally {
      await markdown.update('updateLinksOnFileMove.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
