/**
 * The Decisions view: the tree view over a {@link DecisionTreeProvider}, with its description
 * (counts), its message (filter), and the context keys its title bar's menus read.
 */
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';
import type { RecordIndex } from '../workspace/recordIndex';
import { DecisionDragController } from './decisionDrag';
import { DecisionTreeProvider, GroupBy } from './decisionTree';

/** The Decisions view and its provider. Dispose it to remove both. */
export class DecisionsView extends Disposable {
  readonly provider: DecisionTreeProvider;
  private readonly view: vscode.TreeView<unknown>;

  constructor(index: RecordIndex, workspaceState: vscode.Memento) {
    super();
    this.provider = this._register(new DecisionTreeProvider(index, workspaceState));
    this.view = this._register(vscode.window.createTreeView('specFirst.decisions', { treeDataProvider: this.provider, showCollapseAll: true, dragAndDropController: new DecisionDragController() }));
    this._register(this.provider.onDidChangeTreeData(() => void this.update()));
    void this.update();
  }

  /** Groups the records by `mode`; refreshes the view. */
  async groupBy(mode: GroupBy): Promise<void> {
    await this.provider.setGroupBy(mode);
    await this.update();
  }

  /** Filters the records by `text` (empty shows all); refreshes the view. Returns the filter as kept. */
  async filter(text: string): Promise<string> {
    this.provider.setFilter(text);
    await this.update();
    return this.provider.filter;
  }

  /** Refreshes the description, the message and the context keys. Never throws. */
  async update(): Promise<void> {
    try {
      const { description, message } = await this.provider.summary();
      this.view.description = description;
      this.view.message = message;
      await vscode.commands.executeCommand('setContext', 'specFirst.decisionsGroupBy', this.provider.groupBy);
      await vscode.commands.executeCommand('setContext', 'specFirst.decisionsFiltered', this.provider.filtered);
    } catch (err) {
      log().error(`Could not update the Decisions view: ${errorMessage(err)}`);
    }
  }
}
