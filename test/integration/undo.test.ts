/**
 * One undo restores every record a lifecycle command wrote: the command's edits to several records
 * (and the file a supersede creates) are one WorkspaceEdit, which VS Code undoes as one step.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, fixture, readText, remove } from './helpers';

describe('Undo after a lifecycle command', () => {
  before(async () => { await (await activate()).index.ready(); });
  after(async () => {
    await vscode.workspace.getConfiguration('specFirst').update('adr.directory', undefined, vscode.ConfigurationTarget.Workspace);
    await remove(fixture('undo'));
  });

  it('restores both records of a link with one undo', async () => {
    await vscode.workspace.getConfiguration('specFirst').update('adr.directory', 'undo/doc/adr', vscode.ConfigurationTarget.Workspace);
    const one = await vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'First Record', template: 'nygard', date: '1992-01-12' });
    const two = await vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'Second Record', template: 'nygard', date: '1992-01-12' });
    const before = [await readText(one), await readText(two)];
    assert.equal(await vscode.commands.executeCommand('specFirst.linkRecords', two, 'Amends', one, 'Amended by'), true);
    assert.notEqual(await readText(one), before[0]);
    await vscode.window.showTextDocument(one);
    await vscode.commands.executeCommand('undo');
    const docs = await Promise.all([one, two].map(u => vscode.workspace.openTextDocument(u)));
    assert.deepEqual(docs.map(d => d.getText()), before);
  });

  it('restores the superseded record with one undo of a supersede', async () => {
    await vscode.workspace.getConfiguration('specFirst').update('adr.directory', 'undo/supersede/doc/adr', vscode.ConfigurationTarget.Workspace);
    const older = await vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'First Record', template: 'nygard', date: '1992-01-12' });
    const before = await readText(older);
    const newer = await vscode.commands.executeCommand<vscode.Uri>('specFirst.supersedeRecord', older, 'Second Record');
    assert.match(await readText(older), /Superceded by/);
    await vscode.window.showTextDocument(older);
    await vscode.commands.executeCommand('undo');
    assert.equal((await vscode.workspace.openTextDocument(older)).getText(), before);
    const left = await Promise.resolve(vscode.workspace.fs.stat(newer)).then(() => true, () => false);
    assert.equal(left, false, 'the new record, created by the same edit, is gone too');
  });
});
