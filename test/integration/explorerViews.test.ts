/**
 * The Decisions view grown up, in the real host: grouping by folder and kind (the choice kept in the
 * workspace state), filtering by text, status and tag, relations as children in both directions
 * (unresolved ones marked), each record's warning count, Copy Record Link on the clipboard, and the
 * record context menu's commands.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';
import { DecisionNode, DecisionTreeProvider, GROUP_BY_STATE_KEY } from '../../src/explorer/decisionTree';
import { activate, codeOf, fixture, openAndLint, remove } from './helpers';

type RecordNode = Extract<DecisionNode, { type: 'record' }>;
type RelationNode = Extract<DecisionNode, { type: 'relation' }>;

const rel = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

/** The roots' labels and, for each, the workspace-relative paths of its records. */
async function groups(explorer: DecisionTreeProvider): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const group of await explorer.getChildren()) {
    const records = (await explorer.getChildren(group)) as RecordNode[];
    assert.ok(records.every(n => n.type === 'record'));
    out.set(String(explorer.getTreeItem(group).label), records.map(n => rel(n.entry.uri)));
  }
  return out;
}

async function visiblePaths(explorer: DecisionTreeProvider): Promise<string[]> {
  return [...(await groups(explorer)).values()].flat().sort();
}

async function recordNode(explorer: DecisionTreeProvider, path: string): Promise<RecordNode> {
  for (const group of await explorer.getChildren()) {
    for (const node of await explorer.getChildren(group)) {
      if (node.type === 'record' && rel(node.entry.uri) === path) return node;
    }
  }
  assert.fail(`${path} is not in the view`);
}

/** Resolves once the index holds a record at `path` for which `predicate` holds. */
function indexed(api: SpecFirstApi, path: string, predicate: (tags: readonly string[]) => boolean = () => true, ms = 15000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const e = api.index.get(fixture(path));
      if (e && predicate(e.record.tags)) { clearTimeout(timer); sub.dispose(); resolve(); }
    };
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`${path} never indexed`)); }, ms);
    const sub = api.index.onDidChange(check);
    check();
  });
}

/** An in-memory Memento, standing for `context.workspaceState` across two activations. */
class MemoryState implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] { return [...this.values.keys()]; }
  get<T>(key: string, fallback?: T): T | undefined { return this.values.has(key) ? this.values.get(key) as T : fallback; }
  async update(key: string, value: unknown): Promise<void> { this.values.set(key, value); }
}

const TAGGED = 'problems/docs/adr/0009-tagged-by-a-test.md';

describe('Decision explorer: grouping, filter, relations, warnings, links', () => {
  let api: SpecFirstApi;
  before(async () => {
    api = await activate();
    await api.index.ready();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('specFirst.clearDecisionsFilter');
    await vscode.commands.executeCommand('specFirst.groupDecisionsBy', 'status');
  });
  after(() => remove(fixture(TAGGED)));

  it('groups by folder: one group per records folder, each with exactly its records', async () => {
    assert.equal(await vscode.commands.executeCommand('specFirst.groupDecisionsBy', 'folder'), 'folder');
    assert.equal(api.explorer.groupBy, 'folder');
    const by = await groups(api.explorer);
    for (const [folder, count] of [['adr-tools/doc/adr', 9], ['madr/docs/decisions', 19], ['log4brains/docs/adr', 9], ['rust-rfcs/text', 6]] as const) {
      assert.equal(by.get(folder)?.length, count, folder);
    }
    for (const [label, paths] of by) assert.ok(paths.every(p => p.slice(0, p.lastIndexOf('/')) === label), `${label}: ${paths.join(', ')}`);
    assert.deepEqual([...by.keys()], [...by.keys()].sort(), 'folders in path order');
    assert.ok(!by.has('problems/notes'), 'meeting notes are not records');
  });

  it('groups by kind: Nygard, MADR, log4brains, Rust RFC, each folder in its format', async () => {
    await vscode.commands.executeCommand('specFirst.groupDecisionsBy', 'kind');
    const by = await groups(api.explorer);
    const labels = [...by.keys()];
    assert.deepEqual(labels.filter(l => ['Nygard (adr-tools)', 'MADR', 'log4brains', 'Rust RFC'].includes(l)), ['Nygard (adr-tools)', 'MADR', 'log4brains', 'Rust RFC']);
    const kindOf = (path: string) => labels.find(l => by.get(l)?.includes(path));
    const all = [...by.values()].flat();
    for (const [folder, kind] of [['adr-tools/', 'Nygard (adr-tools)'], ['log4brains/', 'log4brains'], ['rust-rfcs/', 'Rust RFC']]) {
      const inFolder = all.filter(p => p.startsWith(folder));
      assert.ok(inFolder.length > 0);
      assert.deepEqual(new Set(inFolder.map(kindOf)), new Set([kind]), folder);
    }
    assert.equal(kindOf('problems/docs/adr/0002-skip-the-alternatives.md'), 'MADR');
  });

  it('refuses an unknown grouping and keeps the current one', async () => {
    await vscode.commands.executeCommand('specFirst.groupDecisionsBy', 'kind');
    assert.equal(await vscode.commands.executeCommand('specFirst.groupDecisionsBy', 'colour'), undefined);
    assert.equal(api.explorer.groupBy, 'kind');
  });

  it('remembers the grouping in the workspace state, as a new activation reads it', async () => {
    const state = new MemoryState();
    const first = new DecisionTreeProvider(api.index, state);
    assert.equal(first.groupBy, 'status', 'status by default');
    await first.setGroupBy('folder');
    assert.equal(state.get(GROUP_BY_STATE_KEY), 'folder');
    first.dispose();
    const second = new DecisionTreeProvider(api.index, state);
    assert.equal(second.groupBy, 'folder');
    assert.ok((await second.getChildren()).every(n => n.type === 'group' && n.by === 'folder'));
    second.dispose();
    await state.update(GROUP_BY_STATE_KEY, 'nonsense');
    const third = new DecisionTreeProvider(api.index, state);
    assert.equal(third.groupBy, 'status', 'a bad stored value falls back to status');
    third.dispose();
  });

  it('filters by free text over title, id and path, and says how many match', async () => {
    const total = api.index.all().length;
    assert.equal(await vscode.commands.executeCommand('specFirst.filterDecisions', 'lunr'), 'lunr');
    assert.deepEqual(await visiblePaths(api.explorer), ['log4brains/docs/adr/20201103-use-lunr-for-search.md']);
    assert.equal(api.explorer.filtered, true);
    assert.deepEqual(await api.explorer.summary(), { description: `1 of ${total}`, message: `Filtered by "lunr": 1 of ${total} records match.` });
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'doc/adr 0003');
    assert.deepEqual(await visiblePaths(api.explorer), ['adr-tools/doc/adr/0003-single-command-with-subcommands.md'], 'every word must match, in the path too');
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'no-such-record-anywhere');
    assert.deepEqual(await visiblePaths(api.explorer), []);
    assert.equal((await api.explorer.summary()).message, 'No record matches the filter "no-such-record-anywhere".');
    await vscode.commands.executeCommand('specFirst.clearDecisionsFilter');
    assert.equal(api.explorer.filtered, false);
    assert.deepEqual(await api.explorer.summary(), {});
    assert.equal((await visiblePaths(api.explorer)).length, total);
  });

  it('filters by status, alone or with words', async () => {
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'status:superseded');
    const superseded = await visiblePaths(api.explorer);
    assert.ok(superseded.includes('log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md'));
    assert.ok(superseded.every(p => api.index.get(fixture(p))?.record.status === 'superseded'));
    assert.deepEqual([...(await groups(api.explorer)).keys()], ['Superseded']);
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'status:accepted adr-tools');
    assert.equal((await visiblePaths(api.explorer)).length, 9);
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'problems status:unknown,superseded');
    assert.deepEqual(await visiblePaths(api.explorer), ['problems/docs/adr/0003-unknown-status.md', 'problems/docs/adr/0004-broken-front-matter.md']);
  });

  it('filters by tag (front matter tags)', async () => {
    await vscode.workspace.fs.writeFile(fixture(TAGGED), new TextEncoder().encode([
      '---', 'status: proposed', 'date: 2026-01-02', 'tags: [security, storage]', '---', '', '# Encrypt the uploads', '',
      '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '* b', '', '## Decision Outcome', '', 'Chosen option: "a"', '',
      '## More Information', '', '* Amends [99. Gone](0099-gone.md)', '* Amends [1. Use a message queue](0001-use-a-message-queue.md)', '',
    ].join('\n')));
    await indexed(api, TAGGED, tags => tags.includes('security'));
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'tag:security');
    assert.deepEqual(await visiblePaths(api.explorer), [TAGGED]);
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'tag:Storage status:proposed');
    assert.deepEqual(await visiblePaths(api.explorer), [TAGGED]);
    await vscode.commands.executeCommand('specFirst.filterDecisions', 'tag:security status:accepted');
    assert.deepEqual(await visiblePaths(api.explorer), []);
  });

  it('shows relations as children both ways, opening the other record, and marks targets not found', async () => {
    const older = 'log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md';
    const newer = 'log4brains/docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md';
    const olderNode = await recordNode(api.explorer, older);
    assert.equal(api.explorer.getTreeItem(olderNode).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const down = (await api.explorer.getChildren(olderNode)) as RelationNode[];
    assert.deepEqual(down.map(n => String(api.explorer.getTreeItem(n).label)), ['superseded by Use the ADR slug as its unique ID']);
    const item = api.explorer.getTreeItem(down[0]);
    assert.equal(item.command?.command, 'vscode.open');
    assert.equal(String(item.command?.arguments?.[0]), fixture(newer).toString());

    const up = (await api.explorer.getChildren(await recordNode(api.explorer, newer))) as RelationNode[];
    assert.deepEqual(up.map(n => String(api.explorer.getTreeItem(n).label)), ['supersedes Use the ADR number as its unique ID'], 'the reverse, though only the older record writes it');
    assert.equal(String(api.explorer.getTreeItem(up[0]).command?.arguments?.[0]), fixture(older).toString());

    const leaf = await recordNode(api.explorer, 'log4brains/docs/adr/20201103-use-lunr-for-search.md');
    assert.equal(api.explorer.getTreeItem(leaf).collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepEqual(await api.explorer.getChildren(leaf), []);

    await indexed(api, TAGGED);
    const tagged = (await api.explorer.getChildren(await recordNode(api.explorer, TAGGED))) as RelationNode[];
    const items = tagged.map(n => api.explorer.getTreeItem(n));
    assert.deepEqual(items.map(i => [String(i.label), i.description]), [['amends 99. Gone', 'not found'], ['amends 0001 Use a message queue', 'accepted']]);
    assert.equal((items[0].iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(items[0].command, undefined);
    const target = (await api.explorer.getChildren(await recordNode(api.explorer, 'problems/docs/adr/0001-use-a-message-queue.md'))) as RelationNode[];
    assert.ok(target.some(n => String(api.explorer.getTreeItem(n).label) === 'amended by 0009 Encrypt the uploads'));
  });

  it("counts the record's own warnings and errors in its description", async () => {
    const path = 'problems/docs/adr/0002-skip-the-alternatives.md';
    const diagnostics = await openAndLint(fixture(path));
    const crossRecord = new Set(['SF015', 'SF016', 'SF017', 'SF018', 'SF019']);
    const own = diagnostics.filter(d => d.severity <= vscode.DiagnosticSeverity.Warning && !crossRecord.has(codeOf(d)));
    assert.ok(own.length > 0, 'the fixture has warnings');
    const entry = api.index.get(fixture(path));
    assert.equal(entry?.problems, own.length, 'the index counts what the editor reports for the record itself');
    const item = api.explorer.getTreeItem(await recordNode(api.explorer, path));
    assert.equal(item.description, `2024-03-11 · ⚠ ${own.length}`);
    assert.match((item.tooltip as vscode.MarkdownString).value, /across records/);
    const clean = api.explorer.getTreeItem(await recordNode(api.explorer, 'log4brains/docs/adr/20201103-use-lunr-for-search.md'));
    assert.equal(clean.description, '2020-11-03', 'no count without warnings');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('copies a Markdown link: workspace-relative, or relative to the Markdown file being edited', async () => {
    const node = await recordNode(api.explorer, 'adr-tools/doc/adr/0001-record-architecture-decisions.md');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const link = await vscode.commands.executeCommand('specFirst.copyRecordLink', node);
    assert.equal(link, '[0001 Record architecture decisions](adr-tools/doc/adr/0001-record-architecture-decisions.md)');
    assert.equal(await vscode.env.clipboard.readText(), link);

    await vscode.window.showTextDocument(fixture('log4brains/docs/adr/20201103-use-lunr-for-search.md'));
    await vscode.commands.executeCommand('specFirst.copyRecordLink', node);
    assert.equal(await vscode.env.clipboard.readText(), '[0001 Record architecture decisions](../../../adr-tools/doc/adr/0001-record-architecture-decisions.md)');

    await vscode.commands.executeCommand('specFirst.copyRecordLink', fixture('log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md'));
    assert.equal(await vscode.env.clipboard.readText(), '[Use the ADR number as its unique ID](20200926-use-the-adr-number-as-its-unique-id.md)', 'a URI argument; same folder');

    await vscode.commands.executeCommand('specFirst.copyRecordLink');
    assert.equal(await vscode.env.clipboard.readText(), '[Use Lunr for search](log4brains/docs/adr/20201103-use-lunr-for-search.md)', 'no argument: the active record, workspace-relative');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers preview, reveal, the lifecycle commands and copy link on records, and previews the node it is given', async () => {
    const menus = vscode.extensions.getExtension('spec-first.spec-first')?.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string }[];
    const onRecords = menus.filter(m => m.when.includes('viewItem == specFirst.record')).map(m => m.command);
    assert.deepEqual(onRecords, ['_specFirst.openRecordPreview', '_specFirst.revealRecordInExplorer', 'specFirst.supersedeRecord', 'specFirst.linkRecords', 'specFirst.changeStatus', 'specFirst.renumberRecord', 'specFirst.copyRecordLink']);
    const commands = await vscode.commands.getCommands(false);
    for (const c of onRecords) assert.ok(commands.includes(c), `${c} is registered`);
    const node = await recordNode(api.explorer, 'adr-tools/doc/adr/0002-implement-as-shell-scripts.md');
    await vscode.commands.executeCommand('_specFirst.openRecordPreview', node);
    assert.equal(api.preview.current?.toString(), node.entry.uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
