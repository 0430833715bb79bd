/**
 * Decision references in Markdown, in the real host: completion, hover, Go to Definition, Find All
 * References, document links, workspace symbols and the CodeLens, asked through VS Code's own
 * commands (`vscode.execute…Provider`), on a folder of three records and two documents citing them,
 * written for the test and removed after it (and one more in a folder `search.exclude` leaves out). Numbers 0701–0703: no other fixture folder has them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, fixture, remove } from './helpers';

const FILES: Record<string, string> = {
  'refs/docs/adr/0701-use-kafka.md': '# 701. Use Kafka\n\nDate: 2026-01-01\n\n## Status\n\nSuperseded by [702. Use Pulsar](0702-use-pulsar.md)\n\n## Context\n\nc\n\n## Decision\n\nWe use Kafka.\n\n## Consequences\n\nA broker to run.\n',
  'refs/docs/adr/0702-use-pulsar.md': '# 702. Use Pulsar\n\nDate: 2026-02-01\n\n## Status\n\nAccepted\n\nSupersedes [701. Use Kafka](0701-use-kafka.md)\n\n## Context\n\nc\n\n## Decision\n\nWe use Pulsar for events. It scales.\n\n## Consequences\n\nA broker to run.\n',
  'refs/docs/adr/0703-log-format.md': '# 703. Log format\n\nDate: 2026-03-01\n\n## Status\n\nProposed\n\n## Context\n\nEvents go through ADR-0702.\n\n## Decision\n\nJSON lines.\n\n## Consequences\n\nNone.\n',
  'refs/docs/design.md': '# Design\n\nEvents: ADR-0702, once [the old one](adr/0701-use-kafka.md).\nNot a reference: `ADR-0702`.\n',
  'refs/notes.md': '# Notes\n\nSee adr 702 and refs/ADR-0701.\n',
  'refs/docs/typing.md': '# Typing\n\nNext: ADR-070\nLink: [x](\n',
  // In a folder `search.exclude` leaves out (set for the test): never counted.
  'refs/vendor/copied.md': '# Copied\n\nSee ADR-0702.\n',
};

const at = (path: string) => fixture(path);
/** The position of the `nth` occurrence of `needle` in a fixture file (plus `offset` characters). */
async function positionOf(path: string, needle: string, offset = 0, nth = 0): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(at(path));
  let index = -1;
  for (let i = 0; i <= nth; i++) index = document.getText().indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not in ${path}`);
  return document.positionAt(index + offset);
}
/** The hovers' Markdown, without the backslashes that escape the records' text. */
const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
const where = (l: vscode.Location) => `${vscode.workspace.asRelativePath(l.uri, false)}:${l.range.start.line}:${l.range.start.character}`;

describe('Decision references in Markdown', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.workspace.getConfiguration('search').update('exclude', { '**/vendor': true }, vscode.ConfigurationTarget.Workspace);
    const api = await activate();
    await api.index.ready();
    for (const [path, text] of Object.entries(FILES)) {
      await vscode.workspace.fs.writeFile(at(path), new TextEncoder().encode(text));
      await api.index.refresh(at(path));
    }
  });
  after(async () => {
    await vscode.workspace.getConfiguration('search').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(fixture('refs'));
  });

  it('completes an identifier with the records, newest first, inserting a relative link or the id', async () => {
    const position = await positionOf('refs/docs/typing.md', 'ADR-070', 7);
    const ours = async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', at('refs/docs/typing.md'), position);
      return list.items.filter(i => i.kind === vscode.CompletionItemKind.Reference && /^ADR-070/.test(typeof i.label === 'string' ? i.label : i.label.label))
        .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    };
    const items = await ours();
    assert.deepEqual(items.map(i => (typeof i.label === 'string' ? i.label : i.label.label)), ['ADR-0703', 'ADR-0702', 'ADR-0701']);
    const pulsar = items[1];
    assert.equal(typeof pulsar.label === 'string' ? undefined : pulsar.label.description, 'Use Pulsar');
    assert.equal(pulsar.insertText, '[ADR-0702: Use Pulsar](adr/0702-use-pulsar.md)');
    const config = vscode.workspace.getConfiguration('specFirst');
    await config.update('references.insert', 'id', vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal((await ours())[1].insertText, 'ADR-0702');
    } finally {
      await config.update('references.insert', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('completes a link destination with the records\' relative paths', async () => {
    const position = await positionOf('refs/docs/typing.md', '[x](', 4);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', at('refs/docs/typing.md'), position);
    const inserts = list.items.filter(i => i.kind === vscode.CompletionItemKind.Reference).map(i => i.insertText);
    assert.ok(inserts.includes('adr/0702-use-pulsar.md'), JSON.stringify(inserts));
  });

  it('hovers with the title, status and its successor, date, and the decision\'s first sentence', async () => {
    const pulsar = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', at('refs/docs/design.md'), await positionOf('refs/docs/design.md', 'ADR-0702', 3)));
    assert.match(pulsar, /ADR-0702: Use Pulsar/);
    assert.match(pulsar, /Status: accepted/);
    assert.match(pulsar, /Date: 2026-02-01/);
    assert.match(pulsar, /Decision: We use Pulsar for events\./);
    assert.doesNotMatch(pulsar, /It scales/);
    assert.match(pulsar, /command:_specFirst\.openRecordPreview/);
    const kafka = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', at('refs/docs/design.md'), await positionOf('refs/docs/design.md', '[the old one]', 2)));
    assert.match(kafka, /Status: superseded \(superseded by 0702 Use Pulsar\)/);
    const code = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', at('refs/docs/design.md'), await positionOf('refs/docs/design.md', '`ADR-0702`', 3));
    assert.doesNotMatch(hoverText(code), /Use Pulsar/, 'a code span is no reference');
  });

  it('goes to the definition of an identifier and of a qualified one', async () => {
    const definitions = async (path: string, needle: string) => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', at(path), await positionOf(path, needle, 2));
      return found.map(d => vscode.workspace.asRelativePath('targetUri' in d ? d.targetUri : d.uri, false));
    };
    assert.deepEqual(await definitions('refs/docs/design.md', 'ADR-0702'), ['refs/docs/adr/0702-use-pulsar.md']);
    assert.deepEqual(await definitions('refs/notes.md', 'adr 702'), ['refs/docs/adr/0702-use-pulsar.md']);
    assert.deepEqual(await definitions('refs/notes.md', 'ADR-0701'), ['refs/docs/adr/0701-use-kafka.md']);
  });

  it('finds every reference to a record, from its title or from a reference', async () => {
    const fromTitle = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', at('refs/docs/adr/0702-use-pulsar.md'), new vscode.Position(0, 3));
    const found = fromTitle.map(where).filter(w => w.startsWith('refs/'));
    for (const expected of ['refs/docs/design.md:2:8', 'refs/docs/adr/0703-log-format.md:10:18', 'refs/notes.md:2:4', 'refs/docs/adr/0701-use-kafka.md:6:14']) {
      assert.ok(found.includes(expected), `${expected} not in ${JSON.stringify(found)}`);
    }
    assert.ok(!found.some(w => w.startsWith('refs/docs/design.md:3:')), 'a code span is no reference');
    assert.ok(!found.some(w => w.startsWith('refs/vendor/')), 'search.exclude leaves out refs/vendor');
    const fromReference = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', at('refs/notes.md'), await positionOf('refs/notes.md', 'ADR-0701', 2));
    assert.ok(fromReference.map(where).includes('refs/docs/design.md:2:23'), JSON.stringify(fromReference.map(where)));
  });

  it('makes a plain identifier a document link to its record', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', at('refs/docs/design.md'));
    const ours = links.filter(l => l.target && l.range.start.line === 2 && l.range.start.character === 8);
    assert.equal(ours.length, 1, JSON.stringify(links.map(l => [l.range.start.line, l.range.start.character, l.target?.toString()])));
    assert.equal(vscode.workspace.asRelativePath(ours[0].target!, false), 'refs/docs/adr/0702-use-pulsar.md');
    assert.ok(!links.some(l => l.range.start.line === 3), 'a code span is no link');
  });

  it('lists records as workspace symbols: ADR-0702 Use Pulsar [accepted]', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'ADR-0702');
    const ours = symbols.filter(s => vscode.workspace.asRelativePath(s.location.uri, false).startsWith('refs/'));
    assert.deepEqual(ours.map(s => s.name), ['ADR-0702 Use Pulsar [accepted]']);
    const byStatus = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'proposed log');
    assert.ok(byStatus.some(s => s.name === 'ADR-0703 Log format [proposed]'), JSON.stringify(byStatus.map(s => s.name)));
  });

  it('counts the references to a record in a CodeLens on its title, which lists them', async () => {
    await vscode.workspace.openTextDocument(at('refs/docs/adr/0702-use-pulsar.md'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', at('refs/docs/adr/0702-use-pulsar.md'), 10);
    const ours = lenses.filter(l => l.command?.title.startsWith('referenced by') || l.command?.title === 'no references');
    assert.equal(ours.length, 1, JSON.stringify(lenses.map(l => l.command?.title)));
    assert.equal(ours[0].command!.title, 'referenced by 2 records · 2 files');
    assert.equal(ours[0].command!.command, 'editor.action.showReferences');
    assert.equal((ours[0].command!.arguments![2] as vscode.Location[]).length, 4);
  });
});
