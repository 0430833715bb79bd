/**
 * The Decisions view's registration and its commands: refresh, group by, filter and clear the filter,
 * copy a record's link, and the context menu's preview and reveal.
 */
import * as vscode from 'vscode';
import { markdownRecordLink } from '../core/recordLink';
import { errorMessage, log } from '../util/log';
import { RecordArg, uriOfRecordArg } from '../util/recordArg';
import { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { DecisionTreeProvider, GROUP_BY, GroupBy, recordLabel } from './decisionTree';

/** The path of `uri` relative to its workspace folder (POSIX), or undefined outside every folder. */
function folderRelative(uri: vscode.Uri, folder: vscode.WorkspaceFolder): string | undefined {
  const root = folder.uri.path.replace(/\/$/, '');
  return uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority && uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
}

/**
 * The Markdown link "Copy Link" writes for a record: relative to the active editor's file when that
 * is another Markdown file of the same workspace folder (where the link is likely pasted), else
 * relative to the workspace folder.
 */
export function recordLinkFor(entry: IndexedRecord | undefined, uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const target = (folder && folderRelative(uri, folder)) ?? vscode.workspace.asRelativePath(uri, false);
  const label = entry ? recordLabel(entry) : target.slice(target.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  const active = vscode.window.activeTextEditor?.document;
  const from = active && active.languageId === 'markdown' && active.uri.toString() !== uri.toString() && folder
    ? folderRelative(active.uri, folder) : undefined;
  return markdownRecordLink(label, target, from);
}

/**
 * Registers the Decisions view and its commands (refresh, group by, filter, clear the filter, copy a
 * record's link, and the context menu's preview and reveal); everything goes into
 * `context.subscriptions`. Returns the provider (the extension's test API exposes it).
 */
export function registerDecisionExplorer(context: vscode.ExtensionContext, index: RecordIndex): DecisionTreeProvider {
  const provider = new DecisionTreeProvider(index, context.workspaceState);
  const view = vscode.window.createTreeView('specFirst.decisions', { treeDataProvider: provider, showCollapseAll: true });
  const updateView = async () => {
    try {
      const { description, message } = await provider.summary();
      view.description = description;
      view.message = message;
      await vscode.commands.executeCommand('setContext', 'specFirst.decisionsGroupBy', provider.groupBy);
      await vscode.commands.executeCommand('setContext', 'specFirst.decisionsFiltered', provider.filtered);
    } catch (err) {
      log().error(`Could not update the Decisions view: ${errorMessage(err)}`);
    }
  };
  void updateView();

  const groupDecisionsBy = async (mode?: unknown): Promise<GroupBy | undefined> => {
    if (mode !== undefined && !GROUP_BY.includes(mode as GroupBy)) {
      log().warn(`specFirst.groupDecisionsBy: "${String(mode)}" is not one of ${GROUP_BY.join(', ')}.`);
      void vscode.window.showErrorMessage(`Spec-First: records can be grouped by ${GROUP_BY.join(', ')}, not "${String(mode)}".`);
      return undefined;
    }
    let chosen = mode as GroupBy | undefined;
    if (!chosen) {
      const names: Record<GroupBy, string> = { status: 'Status', folder: 'Folder', kind: 'Kind (format)' };
      const picked = await vscode.window.showQuickPick(GROUP_BY.map(m => ({
        label: `${m === provider.groupBy ? '$(check) ' : ''}${names[m]}`, description: m === provider.groupBy ? 'current' : undefined, mode: m,
      })), { title: 'Group Decision Records By' });
      chosen = picked?.mode;
    }
    if (!chosen) return undefined;
    await provider.setGroupBy(chosen);
    await updateView();
    return chosen;
  };

  const filterDecisions = async (text?: unknown): Promise<string | undefined> => {
    const typed = typeof text === 'string' ? text : await vscode.window.showInputBox({
      title: 'Filter Decision Records',
      value: provider.filter,
      prompt: 'Words match the number, title or path; status:accepted, tag:security, kind:madr filter by field (a,b for either). Empty shows all.',
      placeHolder: 'queue status:accepted,proposed tag:security',
    });
    if (typed === undefined) return undefined;
    provider.setFilter(typed);
    await updateView();
    return provider.filter;
  };

  const copyRecordLink = async (arg?: RecordArg): Promise<string | undefined> => {
    const uri = uriOfRecordArg(arg) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Spec-First: open a record or pick one in the Decisions view to copy its link.');
      return undefined;
    }
    await index.ready();
    const link = recordLinkFor(index.get(uri), uri);
    await vscode.env.clipboard.writeText(link);
    vscode.window.setStatusBarMessage(`Copied ${link}`, 3000);
    return link;
  };

  const withRecord = (command: string) => (arg?: RecordArg) => {
    const uri = uriOfRecordArg(arg);
    return uri ? vscode.commands.executeCommand(command, uri) : undefined;
  };

  context.subscriptions.push(
    provider, view,
    provider.onDidChangeTreeData(() => void updateView()),
    vscode.commands.registerCommand('specFirst.refreshExplorer', () => index.rescan()),
    vscode.commands.registerCommand('specFirst.groupDecisionsBy', groupDecisionsBy),
    vscode.commands.registerCommand('specFirst.filterDecisions', filterDecisions),
    vscode.commands.registerCommand('specFirst.clearDecisionsFilter', () => filterDecisions('')),
    vscode.commands.registerCommand('specFirst.copyRecordLink', copyRecordLink),
    vscode.commands.registerCommand('_specFirst.openRecordPreview', withRecord('specFirst.showPreview')),
    vscode.commands.registerCommand('_specFirst.revealRecordInExplorer', withRecord('revealInExplorer')),
  );
  return provider;
}
