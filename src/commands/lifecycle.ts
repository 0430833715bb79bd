/**
 * The lifecycle commands adr-tools offers on the command line, in the editor: supersede a record,
 * link two records, change a status, renumber a record (`renumber.ts`), generate the table of
 * contents, and export the decision graph. Each reads the records through the workspace index, computes its edits with
 * the core (`core/lifecycle.ts`) on the documents' current text, and applies them as one
 * `WorkspaceEdit`, so one undo restores every record; nothing is ever overwritten, nothing is written
 * outside the workspace folder or through a symbolic link, and in Restricted Mode the commands that
 * create or rename files (Supersede, Renumber, Generate Table of Contents) ask first unless their
 * last argument — or, from a keybinding, their only one — is `{ "confirmed": true }`.
 */
import * as vscode from 'vscode';
import { LINK_TYPES, changeStatusEdits, lifecycleRefusal, linkEdits, tableOfContents } from '../core/lifecycle';
import { relationPhraseProblem } from '../core/formats';
import { isoDate } from '../core/numbering';
import { dirname } from '../core/paths';
import { statusVocabulary } from '../core/record';
import { log } from '../util/log';
import { RecordArg } from '../util/recordArg';
import type { ReferenceIndex } from '../references/referenceIndex';
import { buildGraph } from '../workspace/graph';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import { parseOptionsFor } from '../workspace/recordOptions';
import { newRecord } from './newRecord';
import type { Command } from './commandManager';
import { RecordEditor } from './recordEditor';
import { Renumbering } from './renumber';
import { WriteOptions, confirmInRestrictedMode, isWriteOptions, writeRefusal } from './writeGuard';

/**
 * The lifecycle commands, as objects for the {@link CommandManager} (which reports their errors).
 * Arguments (for the Decisions view, keybindings, other extensions and tests): a record (see
 * {@link RecordArg}) and what the command would otherwise ask for; `{ confirmed: true }` last skips
 * the Restricted Mode confirmation of the commands that create or rename files.
 */
export function lifecycleCommands(locator: RecordLocator, index: RecordIndex, references?: ReferenceIndex): Command[] {
  const lifecycle = new Lifecycle(locator, index);
  const renumbering = new Renumbering(locator, index, references);
  return [
    {
      id: 'specFirst.supersedeRecord', title: 'Supersede',
      execute: (arg?: RecordArg | WriteOptions, title?: string, options?: WriteOptions) =>
        (isWriteOptions(arg) ? lifecycle.supersede(undefined, undefined, arg) : lifecycle.supersede(arg, title, options)),
    },
    {
      id: 'specFirst.linkRecords', title: 'Link Records',
      execute: (arg?: RecordArg, relation?: string, target?: RecordArg, reverse?: string) => lifecycle.link(arg, relation, target, reverse),
    },
    { id: 'specFirst.changeStatus', title: 'Change Status', execute: (arg?: RecordArg, status?: string) => lifecycle.changeStatus(arg, status) },
    {
      id: 'specFirst.renumberRecord', title: 'Renumber',
      execute: (arg?: RecordArg | WriteOptions, number?: number, options?: WriteOptions) =>
        (isWriteOptions(arg) ? renumbering.renumber(undefined, undefined, arg) : renumbering.renumber(arg, number, options)),
    },
    {
      id: 'specFirst.generateIndex', title: 'Generate Table of Contents',
      execute: (folder?: vscode.Uri | WriteOptions, options?: WriteOptions) =>
        (isWriteOptions(folder) ? lifecycle.generateIndex(undefined, folder) : lifecycle.generateIndex(folder, options)),
    },
    { id: 'specFirst.exportGraph', title: 'Export Decision Graph', execute: () => lifecycle.exportGraph() },
  ];
}

/** The commands' logic; one instance per activation. */
class Lifecycle extends RecordEditor {
  /** Supersedes a record by a new one (adr-tools' `adr new -s`). Returns the new record's URI. */
  async supersede(arg: RecordArg, title?: string, options?: WriteOptions): Promise<vscode.Uri | undefined> {
    const older = await this.pickRecord(arg, 'Record to supersede', e => e.record.status !== 'superseded' && !lifecycleRefusal(e.record));
    if (!older || this.refused(older)) return undefined;
    const format = older.record.format;
    const template = format === 'nygard' || format === 'log4brains' || format === 'madr' ? format : 'auto';
    return newRecord(older.record.kind === 'rfc' || older.record.kind === 'rust-rfc' ? 'rfc' : 'adr', this.locator, this.index, {
      title, template, folder: older.folder?.uri, directory: vscode.Uri.joinPath(older.uri, '..'), supersedes: [older.uri], confirmed: options?.confirmed,
    });
  }

  /** Links two records with a relation and its reverse (adr-tools' `adr link`). Returns true when applied. */
  async link(arg: RecordArg, relation?: string, targetArg?: RecordArg, reverse?: string): Promise<boolean> {
    const source = await this.pickRecord(arg, 'Record to link from', e => !lifecycleRefusal(e.record));
    if (!source || this.refused(source)) return false;
    if (!relation) {
      const picked = await vscode.window.showQuickPick(
        [...LINK_TYPES.map(([r, rev]) => ({ label: r, description: `the other record: "${rev}"`, pair: [r, rev] as const })), { label: 'Other…', description: 'name the relation and its reverse', pair: undefined }],
        { title: `Link ${source.record.id} ${source.record.title}`, placeHolder: 'Relation' });
      if (!picked) return false;
      if (picked.pair) [relation, reverse] = picked.pair;
      else {
        relation = (await vscode.window.showInputBox({ title: 'Relation', prompt: 'As this record will say it, e.g. "Refines"', validateInput: relationPhraseProblem }))?.trim();
        if (!relation) return false;
        reverse = (await vscode.window.showInputBox({ title: 'Reverse relation', prompt: 'As the other record will say it, e.g. "Refined by"', validateInput: relationPhraseProblem }))?.trim();
        if (!reverse) return false;
      }
    }
    reverse ??= LINK_TYPES.find(([r]) => r.toLowerCase() === relation!.toLowerCase())?.[1] ?? relation;
    const problem = relationPhraseProblem(relation) ?? relationPhraseProblem(reverse);
    if (problem) {
      void vscode.window.showErrorMessage(`Spec-First: "${relation}" / "${reverse}" cannot be linked: ${problem}`);
      return false;
    }
    const target = await this.pickRecord(targetArg ?? null, `${relation}…`, e => e.uri.toString() !== source.uri.toString() && !lifecycleRefusal(e.record), source.folder);
    if (!target || this.refused(target)) return false;
    const [a, b] = await Promise.all([this.textOf(source), this.textOf(target)]);
    return this.apply(linkEdits(a, relation, b, reverse), `${source.record.id} ${relation} ${target.record.id}`, source);
  }

  /** Sets a record's status from the vocabulary, with today's date where the format records one. */
  async changeStatus(arg: RecordArg, status?: string): Promise<boolean> {
    const entry = await this.pickRecord(arg, 'Record whose status changes', e => !lifecycleRefusal(e.record));
    if (!entry || this.refused(entry)) return false;
    const vocabulary = statusVocabulary({ project: parseOptionsFor(entry.uri, undefined, this.locator.config).statuses });
    status ??= (await vscode.window.showQuickPick(vocabulary.map(s => ({ label: s, description: s === entry.record.status ? 'current' : undefined })), {
      title: `Status of ${entry.record.id} ${entry.record.title}`, placeHolder: `Now: ${entry.record.statusText?.split('\n')[0] ?? 'none'}`,
    }))?.label;
    if (!status) return false;
    const r = await this.textOf(entry);
    return this.apply([{ path: r.path, edits: changeStatusEdits(r, status, isoDate(), vocabulary) }], `${entry.record.id} → ${status}`, entry);
  }

  /**
   * Writes the ADR folder's table of contents as adr-tools' `generate toc` does, to `README.md` in
   * the folder: created when absent, brought up to date when it is one Spec-First or adr-tools wrote
   * (it starts with `# Architecture Decision Records`); any other README is left alone and the table
   * opens in a new editor instead. Returns the file written, if any.
   */
  async generateIndex(folderArg?: vscode.Uri, options?: WriteOptions): Promise<vscode.Uri | undefined> {
    const folder = folderArg ? vscode.workspace.getWorkspaceFolder(folderArg) : vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : await vscode.window.showWorkspaceFolderPick();
    if (!folder) return undefined;
    await this.index.ready();
    const folders = await this.locator.resolve(folder);
    if (folders.refused.adr.length > 0) {
      void vscode.window.showErrorMessage(`Spec-First: ${folders.refused.adr[0]} The table of contents was not written.`);
      return undefined;
    }
    const adr = folders.adr;
    const records = this.index.all().filter(e => e.folder?.uri.toString() === folder.uri.toString() && dirname(e.record.path) === adr);
    const text = tableOfContents(records.map(e => ({ path: e.record.path, record: e.record })));
    const uri = vscode.Uri.joinPath(folder.uri, ...adr.split('/'), 'README.md');
    let existing: string | undefined;
    try {
      existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      existing = undefined;
    }
    if (existing !== undefined && !existing.startsWith('# Architecture Decision Records')) {
      void vscode.window.showWarningMessage(`Spec-First: ${adr}/README.md was not written by Spec-First or adr-tools; the table of contents opens in a new editor instead.`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: text }));
      return undefined;
    }
    if (existing === text) return uri;
    const refusal = await writeRefusal(folder, [uri]);
    if (refusal) {
      void vscode.window.showErrorMessage(`Spec-First: ${refusal} The table of contents was not written.`);
      return undefined;
    }
    if (!(await confirmInRestrictedMode(`${existing === undefined ? 'create' : 'rewrite'} ${adr}/README.md`, options))) return undefined;
    const edit = new vscode.WorkspaceEdit();
    if (existing === undefined) edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(text) });
    else {
      const document = await vscode.workspace.openTextDocument(uri);
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`${adr}/README.md could not be written`);
    await this.saveAll([uri]);
    log().info(`Wrote ${adr}/README.md (${records.length} records).`);
    return uri;
  }

  /** Opens the decision graph as a new Markdown document with one Mermaid block (save it where you like). */
  async exportGraph(): Promise<vscode.TextDocument> {
    await this.index.ready();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: buildGraph(this.index).markdown });
    await vscode.window.showTextDocument(document);
    return document;
  }


}
