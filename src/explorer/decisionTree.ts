/**
 * The Decisions view: every record of the workspace (one root per workspace folder in a multi-root
 * workspace), grouped by status, folder or kind (a choice remembered per workspace), optionally
 * filtered by text, status, tag or kind. Each record shows its warning count and, as children, its
 * relations in both directions (what it says, and what other records of its folder say about it).
 * Reads the {@link RecordIndex} and refreshes when it changes.
 */
import * as vscode from 'vscode';
import { GROUP_BY, GroupBy, groupRecords, kindLabel, recordLabel } from '../core/recordGroups';
import { RecordQuery, isEmptyQuery, matchesQuery, parseRecordQuery } from '../core/recordFilter';
import { RelationLink, relationGraph, relationLabel } from '../core/relationGraph';
import { isSettledGroup, statusLabel } from '../core/statusGroups';
import { IndexedRecord, RecordIndex } from '../workspace/recordIndex';

export { GROUP_BY, recordLabel, type GroupBy };

/** The `workspaceState` key holding the group-by choice. */
export const GROUP_BY_STATE_KEY = 'specFirst.decisions.groupBy';

/** A node of the tree: a workspace folder, a group, a record, or one of a record's relations. */
export type DecisionNode =
  | { readonly type: 'folder'; readonly folder: vscode.WorkspaceFolder }
  | { readonly type: 'status'; readonly status: string; readonly folder?: vscode.WorkspaceFolder; readonly records: readonly IndexedRecord[] }
  | { readonly type: 'group'; readonly by: 'folder' | 'kind'; readonly key: string; readonly folder?: vscode.WorkspaceFolder; readonly records: readonly IndexedRecord[] }
  | { readonly type: 'record'; readonly entry: IndexedRecord }
  | { readonly type: 'relation'; readonly from: IndexedRecord; readonly link: RelationLink<IndexedRecord>; readonly index: number };

const ICONS: Record<string, string> = {
  draft: 'edit', proposed: 'question', accepted: 'pass', deprecated: 'warning', superseded: 'history', rejected: 'circle-slash', unknown: 'circle-outline',
};

/** The key of the workspace folder holding a record: relations resolve among the records of one folder. */
const folderOf = (entry: IndexedRecord) => entry.folder?.uri.toString() ?? '';

/** The tree data provider of the `specFirst.decisions` view, with its grouping and filter. */
export class DecisionTreeProvider implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DecisionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private mode: GroupBy;
  private filterText = '';
  private query: RecordQuery = parseRecordQuery('');
  private graph: ReadonlyMap<IndexedRecord, readonly RelationLink<IndexedRecord>[]> | undefined;

  /** `state` (the workspace's memento) remembers the group-by choice; without it the choice lasts the session. */
  constructor(private readonly index: RecordIndex, private readonly state?: vscode.Memento) {
    const stored = state?.get<string>(GROUP_BY_STATE_KEY);
    this.mode = GROUP_BY.includes(stored as GroupBy) ? stored as GroupBy : 'status';
    this.subscription = index.onDidChange(() => {
      this.graph = undefined;
      this.changed.fire(undefined);
    });
  }

  /** How records are grouped now. */
  get groupBy(): GroupBy {
    return this.mode;
  }

  /** The filter as typed; empty when none. */
  get filter(): string {
    return this.filterText;
  }

  /** Groups records by `mode` and remembers it in the workspace state. */
  async setGroupBy(mode: GroupBy): Promise<void> {
    this.mode = mode;
    await this.state?.update(GROUP_BY_STATE_KEY, mode);
    this.changed.fire(undefined);
  }

  /** Shows only the records matching `text` (see {@link parseRecordQuery}); empty text shows all. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    this.query = parseRecordQuery(this.filterText);
    this.changed.fire(undefined);
  }

  /** True when a filter with at least one condition is on. */
  get filtered(): boolean {
    return !isEmptyQuery(this.query);
  }

  /** The records the view shows: all of them, or those matching the filter. */
  async visibleRecords(): Promise<IndexedRecord[]> {
    await this.index.ready();
    const all = this.index.all();
    return this.filtered ? all.filter(e => matchesQuery(e.record, this.query)) : all;
  }

  /** The view's description and message: the filter and how many records match, when one is on. */
  async summary(): Promise<{ description?: string; message?: string }> {
    if (!this.filtered) return {};
    const shown = (await this.visibleRecords()).length;
    const total = this.index.all().length;
    return {
      description: `${shown} of ${total}`,
      message: shown === 0
        ? `No record matches the filter "${this.filterText}".`
        : `Filtered by "${this.filterText}": ${shown} of ${total} records match.`,
    };
  }

  /** The relations of a record, both directions, resolved among the records of its workspace folder. */
  relationsOf(entry: IndexedRecord): readonly RelationLink<IndexedRecord>[] {
    this.graph ??= relationGraph(this.index.all(), folderOf);
    return this.graph.get(this.index.get(entry.uri) ?? entry) ?? [];
  }

  /** Children of a node; the roots when `node` is undefined. Waits for the index's first scan. */
  async getChildren(node?: DecisionNode): Promise<DecisionNode[]> {
    const records = await this.visibleRecords();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!node) {
      if (folders.length > 1) {
        const used = new Set(records.map(e => e.folder?.uri.toString()));
        return folders.filter(f => used.has(f.uri.toString())).map(folder => ({ type: 'folder', folder }));
      }
      return this.groups(records);
    }
    switch (node.type) {
      case 'folder': return this.groups(records.filter(e => e.folder?.uri.toString() === node.folder.uri.toString()), node.folder);
      case 'status':
      case 'group': return node.records.map(entry => ({ type: 'record', entry }));
      case 'record': return this.relationsOf(node.entry).map((link, index) => ({ type: 'relation', from: node.entry, link, index }));
      case 'relation': return [];
    }
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.folder.uri;
        item.contextValue = 'specFirst.folder';
        return item;
      }
      case 'status': {
        const item = new vscode.TreeItem(statusLabel(node.status), isSettledGroup(node.status) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `status:${node.folder?.uri.toString() ?? ''}:${node.status}`;
        item.description = String(node.records.length);
        item.iconPath = new vscode.ThemeIcon(ICONS[node.status] ?? 'tag');
        item.contextValue = 'specFirst.statusGroup';
        return item;
      }
      case 'group': {
        const label = node.by === 'kind' ? kindLabel(node.key) : node.key || '(workspace folder)';
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.by}:${node.folder?.uri.toString() ?? ''}:${node.key}`;
        item.description = String(node.records.length);
        item.iconPath = node.by === 'folder' ? vscode.ThemeIcon.Folder : new vscode.ThemeIcon('symbol-class');
        if (node.by === 'folder' && node.records[0]) item.tooltip = vscode.workspace.asRelativePath(vscode.Uri.joinPath(node.records[0].uri, '..'));
        item.contextValue = node.by === 'folder' ? 'specFirst.folderGroup' : 'specFirst.kindGroup';
        return item;
      }
      case 'record': return this.recordItem(node.entry);
      case 'relation': return this.relationItem(node);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private recordItem(entry: IndexedRecord): vscode.TreeItem {
    const { uri, record } = entry;
    const relations = this.relationsOf(entry);
    const item = new vscode.TreeItem(recordLabel(entry), relations.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `record:${uri.toString()}`;
    item.description = [record.date, entry.problems ? `⚠ ${entry.problems}` : undefined].filter(Boolean).join(' · ');
    item.resourceUri = uri;
    item.iconPath = new vscode.ThemeIcon(record.kind === 'rfc' || record.kind === 'rust-rfc' ? 'book' : 'law');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escape(record.title)}**\n\n`);
    tooltip.appendMarkdown(`Status: ${escape(record.statusText?.split('\n')[0] ?? 'none')}  \n`);
    if (record.date) tooltip.appendMarkdown(`Date: ${escape(record.date)}  \n`);
    tooltip.appendMarkdown(`Format: ${escape(kindLabel(record.kind))}  \n`);
    if (record.tags.length > 0) tooltip.appendMarkdown(`Tags: ${record.tags.map(escape).join(', ')}  \n`);
    if (entry.problems !== undefined) {
      tooltip.appendMarkdown(`Lint: ${entry.problems === 0 ? 'no warnings' : `$(warning) ${entry.problems} warning${entry.problems === 1 ? '' : 's'} or errors`} in the saved file `
        + '(checks across records, such as one-sided links, are not counted here)  \n');
    }
    tooltip.appendMarkdown(`\`${escape(vscode.workspace.asRelativePath(uri))}\``);
    item.tooltip = tooltip;
    item.command = { command: 'vscode.open', title: 'Open Record', arguments: [uri] };
    item.contextValue = 'specFirst.record';
    return item;
  }

  private relationItem(node: Extract<DecisionNode, { type: 'relation' }>): vscode.TreeItem {
    const { link, from } = node;
    const item = new vscode.TreeItem(relationLabel(link), vscode.TreeItemCollapsibleState.None);
    item.id = `relation:${from.uri.toString()}:${node.index}:${link.type}`;
    if (link.target) {
      item.iconPath = new vscode.ThemeIcon(link.incoming ? 'arrow-left' : 'arrow-right');
      item.description = link.target.record.status;
      item.tooltip = `${link.incoming ? `Written in ${recordLabel(link.target)}` : `Written in ${recordLabel(from)}`}: ${vscode.workspace.asRelativePath(link.target.uri)}`;
      item.command = { command: 'vscode.open', title: 'Open Record', arguments: [link.target.uri] };
      item.contextValue = 'specFirst.relation';
    } else {
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.description = 'not found';
      item.tooltip = `"${link.written}" does not name a record of this workspace folder.`;
      item.contextValue = 'specFirst.unresolvedRelation';
    }
    return item;
  }

  private groups(records: readonly IndexedRecord[], folder?: vscode.WorkspaceFolder): DecisionNode[] {
    const groups = groupRecords(records, this.mode);
    const by = this.mode;
    return by === 'status'
      ? groups.map(({ key, records }) => ({ type: 'status', status: key, folder, records }))
      : groups.map(({ key, records }) => ({ type: 'group', by, key, folder, records }));
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
