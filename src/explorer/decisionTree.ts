/**
 * The Decisions view: every record of the workspace, grouped by status (one root per workspace
 * folder in a multi-root workspace). Reads the {@link RecordIndex} and refreshes when it changes.
 */
import * as vscode from 'vscode';
import { IndexedRecord, RecordIndex } from '../workspace/recordIndex';

/** Status groups in lifecycle order; `missing` and statuses outside the vocabulary go to `unknown`. */
export const STATUS_GROUPS: readonly string[] = ['draft', 'proposed', 'accepted', 'deprecated', 'superseded', 'rejected', 'unknown'];

/** A node of the tree: a workspace folder, a status group, or a record. */
export type DecisionNode =
  | { readonly type: 'folder'; readonly folder: vscode.WorkspaceFolder }
  | { readonly type: 'status'; readonly status: string; readonly folder?: vscode.WorkspaceFolder; readonly records: readonly IndexedRecord[] }
  | { readonly type: 'record'; readonly entry: IndexedRecord };

const ICONS: Record<string, string> = {
  draft: 'edit', proposed: 'question', accepted: 'pass', deprecated: 'warning', superseded: 'history', rejected: 'circle-slash', unknown: 'circle-outline',
};

/** The group a record belongs to. */
export function groupOf(status: string): string {
  return STATUS_GROUPS.includes(status) && status !== 'unknown' ? status : 'unknown';
}

/** "0007 Use PostgreSQL" for numbered records, the title alone for date-prefixed ones. */
export function recordLabel(entry: IndexedRecord): string {
  const r = entry.record;
  return r.number !== undefined ? `${r.id} ${r.title}` : r.title;
}

/** Orders records by number, then date, then title. */
function compareRecords(a: IndexedRecord, b: IndexedRecord): number {
  const x = a.record, y = b.record;
  return (x.number ?? Infinity) - (y.number ?? Infinity)
    || (x.date ?? '').localeCompare(y.date ?? '')
    || x.title.localeCompare(y.title)
    || a.uri.toString().localeCompare(b.uri.toString());
}

/** The tree data provider of the `specFirst.decisions` view. */
export class DecisionTreeProvider implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DecisionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: RecordIndex) {
    this.subscription = index.onDidChange(() => this.changed.fire(undefined));
  }

  /** Children of a node; the roots when `node` is undefined. Waits for the index's first scan. */
  async getChildren(node?: DecisionNode): Promise<DecisionNode[]> {
    await this.index.ready();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!node) {
      if (folders.length > 1) {
        const used = new Set(this.index.all().map(e => e.folder?.uri.toString()));
        return folders.filter(f => used.has(f.uri.toString())).map(folder => ({ type: 'folder', folder }));
      }
      return this.groups(this.index.all());
    }
    if (node.type === 'folder') {
      return this.groups(this.index.all().filter(e => e.folder?.uri.toString() === node.folder.uri.toString()), node.folder);
    }
    if (node.type === 'status') return [...node.records].sort(compareRecords).map(entry => ({ type: 'record', entry }));
    return [];
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
        const label = node.status[0].toUpperCase() + node.status.slice(1);
        const collapsed = node.status === 'superseded' || node.status === 'rejected' || node.status === 'deprecated';
        const item = new vscode.TreeItem(label, collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `status:${node.folder?.uri.toString() ?? ''}:${node.status}`;
        item.description = String(node.records.length);
        item.iconPath = new vscode.ThemeIcon(ICONS[node.status] ?? 'circle-outline');
        item.contextValue = 'specFirst.statusGroup';
        return item;
      }
      case 'record': {
        const { uri, record } = node.entry;
        const item = new vscode.TreeItem(recordLabel(node.entry), vscode.TreeItemCollapsibleState.None);
        item.id = `record:${uri.toString()}`;
        item.description = record.date ?? '';
        item.resourceUri = uri;
        item.iconPath = new vscode.ThemeIcon(record.kind === 'rfc' || record.kind === 'rust-rfc' ? 'book' : 'law');
        const tooltip = new vscode.MarkdownString(undefined, true);
        tooltip.appendMarkdown(`**${escape(record.title)}**\n\n`);
        tooltip.appendMarkdown(`Status: ${escape(record.statusText?.split('\n')[0] ?? 'none')}  \n`);
        if (record.date) tooltip.appendMarkdown(`Date: ${escape(record.date)}  \n`);
        tooltip.appendMarkdown(`Format: ${escape(kindLabel(record.kind))}  \n`);
        tooltip.appendMarkdown(`\`${escape(vscode.workspace.asRelativePath(uri))}\``);
        item.tooltip = tooltip;
        item.command = { command: 'vscode.open', title: 'Open Record', arguments: [uri] };
        item.contextValue = 'specFirst.record';
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private groups(records: readonly IndexedRecord[], folder?: vscode.WorkspaceFolder): DecisionNode[] {
    const by = new Map<string, IndexedRecord[]>();
    for (const r of records) {
      const g = groupOf(r.record.status);
      by.set(g, [...(by.get(g) ?? []), r]);
    }
    return STATUS_GROUPS.filter(g => by.has(g)).map(status => ({ type: 'status', status, folder, records: by.get(status)! }));
  }
}

function kindLabel(kind: string): string {
  return ({ nygard: 'Nygard (adr-tools)', madr: 'MADR', log4brains: 'log4brains', rfc: 'RFC', 'rust-rfc': 'Rust RFC' } as Record<string, string>)[kind] ?? kind;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * Registers the Decisions view and its refresh command; everything goes into
 * `context.subscriptions`. Returns the provider (the extension's test API exposes it).
 */
export function registerDecisionExplorer(context: vscode.ExtensionContext, index: RecordIndex): DecisionTreeProvider {
  const provider = new DecisionTreeProvider(index);
  const view = vscode.window.createTreeView('specFirst.decisions', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider, view,
    vscode.commands.registerCommand('specFirst.refreshExplorer', () => index.rescan()),
  );
  return provider;
}
