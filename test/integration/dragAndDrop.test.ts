/**
 * Drag and drop of records into Markdown, in the real host with VS Code's own `DataTransfer`: the
 * Decisions view's drag gives the record's file as `text/uri-list` (as the Explorer does), and the
 * drop provider turns it into a decision link relative to the document; a drop holding another file
 * is left to VS Code's own Markdown drop. (The workbench's pointer gestures are not replayed here: the
 * two ends of the gesture are what Spec-First provides.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DecisionDragController } from '../../src/explorer/decisionDrag';
import { RecordDropProvider } from '../../src/references/dragAndDrop';
import { activate, fixture, removeFiles, writeFiles } from './helpers';

const FILES: Record<string, string> = {
  'dnd/docs/adr/0901-use-nats.md': '# 901. Use NATS\n\nDate: 2026-05-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nWe use NATS.\n\n## Consequences\n\nOne more broker.\n',
  'dnd/docs/design/messaging.md': '# Messaging\n\nSee: \n',
};

describe('Drag and drop of records into Markdown', function () {
  this.timeout(60_000);
  before(() => writeFiles(FILES));
  after(() => removeFiles('dnd', Object.keys(FILES)));

  it('a record dragged from the Decisions view drops into a Markdown file as a relative decision link', async () => {
    const api = await activate();
    const entry = api.index.get(fixture('dnd/docs/adr/0901-use-nats.md'));
    assert.ok(entry, 'the record is indexed');
    const transfer = new vscode.DataTransfer();
    new DecisionDragController().handleDrag([{ type: 'record', entry }], transfer);
    assert.equal(await transfer.get('text/uri-list')?.asString(), entry.uri.toString());

    const document = await vscode.workspace.openTextDocument(fixture('dnd/docs/design/messaging.md'));
    const token = new vscode.CancellationTokenSource().token;
    const edit = await new RecordDropProvider(api.index, api.references).provideDocumentDropEdits(document, new vscode.Position(2, 5), transfer, token);
    assert.equal(edit?.insertText, '[ADR-0901: Use NATS](../adr/0901-use-nats.md)');
  });

  it('a drop that holds a file that is no record is left to VS Code', async () => {
    const api = await activate();
    const transfer = new vscode.DataTransfer();
    transfer.set('text/uri-list', new vscode.DataTransferItem(`${fixture('dnd/docs/adr/0901-use-nats.md').toString()}\r\n${fixture('dnd/docs/design/messaging.md').toString()}`));
    const document = await vscode.workspace.openTextDocument(fixture('dnd/docs/design/messaging.md'));
    const edit = await new RecordDropProvider(api.index, api.references).provideDocumentDropEdits(document, new vscode.Position(2, 5), transfer, new vscode.CancellationTokenSource().token);
    assert.equal(edit, undefined);
  });
});
