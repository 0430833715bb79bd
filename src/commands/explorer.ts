/**
 * The Decisions view's commands: refresh, group by, filter and clear the filter, copy a record's
 * link, and the context menu's preview and reveal; and Show Log.
 */
import type { RecordLocator } from '../workspace/locator';
import * as vscode from 'vscode';
import { markdownRecordLink } from '../core/recordLink';
import { relativeTo } from '../core/workspace';
import type { DecisionsView } from '../explorer/decisionsView';
import { GROUP_BY, GroupBy, recordLabel } from '../explorer/decisionTree';
import { log } from '../util/log';
import { RecordArg, uriOfRecordArg } from '../util/recordArg';
import type { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import type { Command } from './commandManager';

/** The path of `uri` relative to the workspace folder `root` (POSIX), or undefined outside it. */
function folderRelative(uri: vscode.Uri, root: vscode.Uri): string | undefined {
  return uri.scheme === root.scheme && uri.authority === root.authority ? relativeTo(root.path.replace(/(?<=.)\/$/, ''), uri.path) || undefined : undefined;
}

/**
 * The Markdown link "Copy Record Link" writes for a record: relative to the active editor's file
 * when that is another Markdown file of the same workspace folder (where the link is likely pasted),
 * else relative to the workspace folder.
 */
export function recordLinkFor(entry: IndexedRecord | undefined, uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const target = (folder && folderRelative(uri, folder.uri)) ?? vscode.workspace.asRelativePath(uri, false);
  const label = entry ? recordLabel(entry) : target.slice(target.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  const active = vscode.window.activeTextEditor?.document;
  const from = active && active.languageId === 'markdown' && active.uri.toString() !== uri.toString() && folder
    ? folderRelative(active.uri, folder.uri) : undefined;
  return markdownRecordLink(label, target, from);
}

/** `specFirst.refreshExplorer`: reads every record again. */
export class RefreshDecisionsCommand implements Command {
  readonly id = 'specFirst.refreshExplorer';
  readonly title = 'Refresh Decisions';
  constructor(private readonly index: RecordIndex, private readonly locator: RecordLocator) {}
  /** Reads the project configurations and the record folders again, then every record. */
  async execute(): Promise<void> {
    await this.locator.config.reload();
    await this.locator.ready();
    return this.index.rescan();
  }
}

/** `specFirst.groupDecisionsBy [status|folder|kind]`: asks when no mode is given. Returns the mode chosen. */
export class GroupDecisionsByCommand implements Command {
  readonly id = 'specFirst.groupDecisionsBy';
  readonly title = 'Group Decisions By';
  constructor(private readonly view: DecisionsView) {}

  async execute(mode?: unknown): Promise<GroupBy | undefined> {
    if (mode !== undefined && !GROUP_BY.includes(mode as GroupBy)) {
      log().warn(`${this.id}: "${String(mode)}" is not one of ${GROUP_BY.join(', ')}.`);
      void vscode.window.showErrorMessage(`Spec-First: records can be grouped by ${GROUP_BY.join(', ')}, not "${String(mode)}".`);
      return undefined;
    }
    let chosen = mode as GroupBy | undefined;
    if (!chosen) {
      const current = this.view.provider.groupBy;
      const names: Record<GroupBy, string> = { status: 'Status', folder: 'Folder', kind: 'Kind (format)' };
      const picked = await vscode.window.showQuickPick(GROUP_BY.map(m => ({
        label: `${m === current ? '$(check) ' : ''}${names[m]}`, description: m === current ? 'current' : undefined, mode: m,
      })), { title: 'Group Decision Records By' });
      chosen = picked?.mode;
    }
    if (!chosen) return undefined;
    await this.view.groupBy(chosen);
    return chosen;
  }
}

/** `specFirst.filterDecisions [text]`: asks when no text is given. Returns the filter as kept. */
export class FilterDecisionsCommand implements Command {
  readonly id = 'specFirst.filterDecisions';
  readonly title = 'Filter Decisions';
  constructor(private readonly view: DecisionsView) {}

  async execute(text?: unknown): Promise<string | undefined> {
    const typed = typeof text === 'string' ? text : await vscode.window.showInputBox({
      title: 'Filter Decision Records',
      value: this.view.provider.filter,
      prompt: 'Words match the number, title or path; status:accepted, tag:security, kind:madr filter by field (a,b for either). Empty shows all.',
      placeHolder: 'queue status:accepted,proposed tag:security',
    });
    return typed === undefined ? undefined : this.view.filter(typed);
  }
}

/** `specFirst.clearDecisionsFilter`. */
export class ClearDecisionsFilterCommand implements Command {
  readonly id = 'specFirst.clearDecisionsFilter';
  readonly title = 'Clear Decisions Filter';
  constructor(private readonly view: DecisionsView) {}
  execute(): Promise<string> {
    return this.view.filter('');
  }
}

/** `specFirst.copyRecordLink [record]`: the view's record, else the active editor's. Returns the link copied. */
export class CopyRecordLinkCommand implements Command {
  readonly id = 'specFirst.copyRecordLink';
  readonly title = 'Copy Record Link';
  constructor(private readonly index: RecordIndex) {}

  async execute(arg?: RecordArg): Promise<string | undefined> {
    const uri = uriOfRecordArg(arg) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Spec-First: open a record or pick one in the Decisions view to copy its link.');
      return undefined;
    }
    await this.index.ready();
    const link = recordLinkFor(this.index.get(uri), uri);
    await vscode.env.clipboard.writeText(link);
    vscode.window.setStatusBarMessage(`Copied ${link}`, 3000);
    return link;
  }
}

/** A context-menu command that runs another command on the record of the view's node. */
export class OnRecordCommand implements Command {
  /** `id`: the internal command (`_specFirst.…`); `target`: the command it runs with the record's URI. */
  constructor(readonly id: string, private readonly target: string) {}
  execute(arg?: RecordArg): Thenable<unknown> | undefined {
    const uri = uriOfRecordArg(arg);
    return uri ? vscode.commands.executeCommand(this.target, uri) : undefined;
  }
}

/** `specFirst.showLog`: shows the Spec-First log. */
export class ShowLogCommand implements Command {
  readonly id = 'specFirst.showLog';
  execute(): void {
    log().show();
  }
}
