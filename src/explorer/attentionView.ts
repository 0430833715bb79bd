/**
 * The "Needs attention" view of the Decisions container: the core's `attentionGroups` (reviews due,
 * stale proposals, drift, open questions, number collisions) as a tree, each item opening its record
 * at the finding's line, and the count as the view's badge (which the container shows). Refreshed
 * when {@link DecisionHealth} changes (the index, or Spec-First's diagnostics on a record).
 */
import * as vscode from 'vscode';
import { AttentionGroup, AttentionItem, AttentionKind, attentionCount, attentionGroups } from '../core/attention';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';
import type { DecisionHealth } from '../workspace/decisionHealth';

/** A node: a group, or one of its items. */
export type AttentionNode =
  | { readonly type: 'group'; readonly group: AttentionGroup<vscode.Uri> }
  | { readonly type: 'item'; readonly kind: AttentionKind; readonly item: AttentionItem<vscode.Uri> };

const ICONS: Record<AttentionKind, string> = {
  'review-due': 'calendar', stale: 'watch', drift: 'git-compare', 'open-questions': 'question', collision: 'symbol-number',
};

/** The tree data provider of `specFirst.attention`. */
export class AttentionTreeProvider extends Disposable implements vscode.TreeDataProvider<AttentionNode> {
  private readonly changed = this._register(new vscode.EventEmitter<AttentionNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private latest: AttentionGroup<vscode.Uri>[] | undefined;
  private readonly counted = this._register(new vscode.EventEmitter<number>());
  /** Fires with the number of items each time the groups are computed. */
  readonly onDidCount = this.counted.event;

  constructor(private readonly health: DecisionHealth) {
    super();
    this._register(health.onDidChange(() => this.changed.fire(undefined)));
  }

  /** The groups as the view shows them now (computed from the health entries). Never throws. */
  async groups(): Promise<AttentionGroup<vscode.Uri>[]> {
    try {
      this.latest = attentionGroups(await this.health.entries());
    } catch (err) {
      log().error(`Could not compute what needs attention: ${errorMessage(err)}`);
      this.latest ??= [];
    }
    this.counted.fire(attentionCount(this.latest));
    return this.latest;
  }

  async getChildren(node?: AttentionNode): Promise<AttentionNode[]> {
    if (!node) return (await this.groups()).map(group => ({ type: 'group', group }));
    return node.type === 'group' ? node.group.items.map(item => ({ type: 'item', kind: node.group.kind, item })) : [];
  }

  getTreeItem(node: AttentionNode): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `attention:${node.group.kind}`;
      item.description = String(node.group.items.length);
      item.iconPath = new vscode.ThemeIcon(ICONS[node.group.kind]);
      item.contextValue = 'specFirst.attentionGroup';
      return item;
    }
    const { item: found } = node;
    const item = new vscode.TreeItem(found.label, vscode.TreeItemCollapsibleState.None);
    item.id = `attention:${node.kind}:${found.key.toString()}:${found.line}:${found.character}`;
    item.description = found.detail;
    item.tooltip = `${found.message}\n${found.file}:${found.line + 1}`;
    item.iconPath = new vscode.ThemeIcon('law');
    const at = new vscode.Position(found.line, found.character);
    item.command = { command: 'vscode.open', title: 'Open Record', arguments: [found.key, { selection: new vscode.Range(at, at) }] };
    item.contextValue = 'specFirst.attentionItem';
    return item;
  }
}

/** The view and its provider; the badge follows the count. Dispose it to remove both. */
export class AttentionView extends Disposable {
  readonly provider: AttentionTreeProvider;
  private readonly view: vscode.TreeView<AttentionNode>;

  constructor(health: DecisionHealth) {
    super();
    this.provider = this._register(new AttentionTreeProvider(health));
    this.view = this._register(vscode.window.createTreeView('specFirst.attention', { treeDataProvider: this.provider }));
    this._register(this.provider.onDidCount(count => {
      this.view.badge = count > 0 ? { value: count, tooltip: `${count} finding${count === 1 ? '' : 's'} in the decision log need${count === 1 ? 's' : ''} attention` } : undefined;
    }));
    // The badge shows even while the view is collapsed or hidden: count once the index has records.
    this._register(health.onDidChange(() => { if (!this.view.visible) void this.provider.groups(); }));
  }

  /** The badge as shown now. */
  get badge(): vscode.ViewBadge | undefined {
    return this.view.badge;
  }
}
