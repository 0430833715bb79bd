/**
 * The Decisions view in the real host: its items are the records of each folder, in the right
 * status groups, and it follows records as they are created, changed, renamed and deleted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';
import type { DecisionNode } from '../../src/explorer/decisionTree';
import { activate, fixture, remove } from './helpers';

interface Item { group: string; path: string; label: string; description: string }

async function items(api: SpecFirstApi): Promise<Item[]> {
  const out: Item[] = [];
  for (const group of await api.explorer.getChildren()) {
    assert.equal(group.type, 'status');
    const groupLabel = String(api.explorer.getTreeItem(group).label);
    for (const node of await api.explorer.getChildren(group)) {
      assert.equal(node.type, 'record');
      const item = api.explorer.getTreeItem(node);
      const entry = (node as Extract<DecisionNode, { type: 'record' }>).entry;
      out.push({ group: groupLabel, path: vscode.workspace.asRelativePath(entry.uri, false), label: String(item.label), description: String(item.description) });
    }
  }
  return out;
}

async function markdownIn(folder: string): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(fixture(folder))).map(([n]) => n).filter(n => n.endsWith('.md')).sort();
}

/** Resolves when `predicate` holds after an index change (checked at once too). */
function indexWhere(api: SpecFirstApi, predicate: (all: Item[]) => boolean, ms = 15000): Promise<Item[]> {
  return new Promise((resolve, reject) => {
    let last: Item[] = [];
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`index never matched; last ${JSON.stringify(last.filter(i => i.path.startsWith('problems')))}`)); }, ms);
    const check = async () => {
      last = await items(api);
      if (predicate(last)) { clearTimeout(timer); sub.dispose(); resolve(last); }
    };
    const sub = api.index.onDidChange(() => void check());
    void check();
  });
}

describe('Decision explorer', () => {
  let api: SpecFirstApi;
  before(async () => {
    api = await activate();
    await api.index.ready();
  });
  after(() => remove(fixture('problems/docs/adr/0007-added-by-a-test.md')).then(() => remove(fixture('problems/docs/adr/0008-renamed-by-a-test.md'))));

  it('lists exactly the records of each folder, README, index, templates and non-records aside', async () => {
    const all = await items(api);
    const inFolder = (folder: string) => all.filter(i => i.path.startsWith(`${folder}/`) && !i.path.slice(folder.length + 1).includes('/')).map(i => i.path.slice(folder.length + 1)).sort();
    const notRecords = /^(README|index|template|adr-template)\.md$/;
    for (const folder of ['adr-tools/doc/adr', 'madr/docs/decisions', 'log4brains/docs/adr', 'rust-rfcs/text']) {
      assert.deepEqual(inFolder(folder), (await markdownIn(folder)).filter(n => !notRecords.test(n)), folder);
    }
    assert.deepEqual(inFolder('problems/docs/adr'), ['0001-use-a-message-queue.md', '0002-skip-the-alternatives.md', '0003-unknown-status.md', '0004-broken-front-matter.md', '0005-crlf-bom.md'], 'the binary file is skipped, the rest still listed');
    assert.deepEqual(inFolder('problems/notes'), [], 'meeting notes are not a record');
    assert.deepEqual(inFolder('rust-rfcs'), [], 'the RFC template is not a record');
    assert.equal(inFolder('adr-tools/doc/adr').length, 9);
    assert.equal(inFolder('madr/docs/decisions').length, 19);
  });

  it('groups records by status as each format writes it', async () => {
    const all = await items(api);
    const groupOf = (path: string) => all.find(i => i.path === path)?.group;
    const groupsIn = (folder: string) => new Set(all.filter(i => i.path.startsWith(folder)).map(i => i.group));
    assert.deepEqual(groupsIn('adr-tools/'), new Set(['Accepted']), 'Nygard ## Status paragraphs');
    assert.equal(groupOf('log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md'), 'Superseded', 'log4brains bullet "superseded by [..](..)"');
    assert.equal(all.filter(i => i.path.startsWith('log4brains/') && i.group === 'Accepted').length, 8);
    assert.equal(groupOf('madr/docs/decisions/0003-provide-own-madr-tools.md'), 'Unknown', 'MADR front matter "on hold" is outside the vocabulary');
    assert.equal(groupOf('problems/docs/adr/0002-skip-the-alternatives.md'), 'Accepted', 'MADR front matter');
    assert.equal(groupOf('problems/docs/adr/0004-broken-front-matter.md'), 'Unknown');
    assert.equal(groupOf('problems/docs/adr/0005-crlf-bom.md'), 'Accepted', 'CRLF and BOM');
    const order = (await api.explorer.getChildren()).map(g => String(api.explorer.getTreeItem(g).label));
    // A status of a nested .spec-first.json's vocabulary is its own group, after the lifecycle's, before Unknown.
    assert.equal(groupOf('parity/services/pay/docs/adr/0001-hold-refunds.md'), 'On hold', 'a configured status');
    assert.equal(groupOf('parity/docs/adr/0004-cache-sessions.md'), 'Unknown', '"On hold" outside that project is unknown');
    const lifecycle = ['Draft', 'Proposed', 'Accepted', 'Deprecated', 'Superseded', 'Rejected', 'On hold', 'Unknown'];
    assert.deepEqual(order, lifecycle.filter(g => order.includes(g)), 'groups in lifecycle order, empty ones hidden');
    assert.ok(['Accepted', 'Superseded', 'Unknown'].every(g => order.includes(g)));
  });

  it('labels records "NNNN Title" with the date as description, and opens them on click', async () => {
    const all = await items(api);
    const first = all.find(i => i.path === 'adr-tools/doc/adr/0001-record-architecture-decisions.md');
    assert.deepEqual(first && [first.label, first.description], ['0001 Record architecture decisions', '2016-02-12 · ⚠ 1'], 'the date, then its one warning (SF012)');
    const dated = all.find(i => i.path === 'log4brains/docs/adr/20201103-use-lunr-for-search.md');
    assert.deepEqual(dated && [dated.label, dated.description], ['Use Lunr for search', '2020-11-03']);
    const node = (await api.explorer.getChildren(( await api.explorer.getChildren())[0]))[0];
    const item = api.explorer.getTreeItem(node);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), String(item.resourceUri ?? item.command.arguments?.[0]));
  });

  it('follows records as they are created, changed, renamed and deleted', async () => {
    const created = fixture('problems/docs/adr/0007-added-by-a-test.md');
    const renamed = fixture('problems/docs/adr/0008-renamed-by-a-test.md');
    const write = (uri: vscode.Uri, status: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(
      `# 7. Added by a test\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n`));
    await write(created, 'Proposed');
    await indexWhere(api, all => all.some(i => i.path.endsWith('0007-added-by-a-test.md') && i.group === 'Proposed'));
    await write(created, 'Rejected');
    await indexWhere(api, all => all.some(i => i.path.endsWith('0007-added-by-a-test.md') && i.group === 'Rejected'));
    await vscode.workspace.fs.rename(created, renamed);
    await indexWhere(api, all => all.some(i => i.path.endsWith('0008-renamed-by-a-test.md')) && !all.some(i => i.path.endsWith('0007-added-by-a-test.md')));
    await vscode.workspace.fs.delete(renamed);
    await indexWhere(api, all => !all.some(i => i.path.includes('by-a-test')));
  });
});
