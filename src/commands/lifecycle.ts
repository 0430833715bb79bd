/**
 * The lifecycle commands adr-tools offers on the command line, in the editor: supersede a record,
 * link two records, change a status, renumber a record, generate the table of contents, and export
 * the decision graph. Each reads the records through the workspace index, computes its edits with
 * the core (`core/lifecycle.ts`) on the documents' current text, and applies them as one
 * `WorkspaceEdit`, so one undo restores every record; nothing is ever overwritten, nothing is written
 * outside the workspace folder or through a symbolic link, and in Restricted Mode the commands that
 * create or rename files (Supersede, Renumber, Generate Table of Contents) ask first unless their
 * last argument — or, from a keybinding, their only one — is `{ "confirmed": true }`.
 */
import * as vscode from 'vscode';
import { FileEdits, LINK_TYPES, RecordText, changeStatusEdits, lifecycleRefusal, linkEdits, renumberEdits, tableOfContents } from '../core/lifecycle';
import { relationPhraseProblem } from '../core/formats';
import { nextNumberAcrossBranches } from '../core/branchNumbers';
import { isoDate } from '../core/numbering';
import { dirname } from '../core/paths';
import { parseRecord, statusVocabulary } from '../core/record';
import { stripBom } from '../core/text';
import { toTextEdits } from '../util/convert';
import { log } from '../util/log';
import { RecordArg, uriOfRecordArg } from '../util/recordArg';
import { namesOnOtherBranches } from '../workspace/gitBranches';
import { buildGraph } from '../workspace/graph';
import { RecordLocator } from '../workspace/locator';
import { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { parseOptionsFor } from '../workspace/recordOptions';
import { newRecord } from './newRecord';
import type { Command } from './commandManager';
import { WriteOptions, confirmInRestrictedMode, isWriteOptions, writeRefusal } from './writeGuard';

/** The record a command argument names, else the active editor's. */
function uriOf(arg: RecordArg): vscode.Uri | undefined {
  return uriOfRecordArg(arg) ?? vscode.window.activeTextEditor?.document.uri;
}

/**
 * The lifecycle commands, as objects for the {@link CommandManager} (which reports their errors).
 * Arguments (for the Decisions view, keybindings, other extensions and tests): a record (see
 * {@link RecordArg}) and what the command would otherwise ask for; `{ confirmed: true }` last skips
 * the Restricted Mode confirmation of the commands that create or rename files.
 */
export function lifecycleCommands(locator: RecordLocator, index: RecordIndex): Command[] {
  const lifecycle = new Lifecycle(locator, index);
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
        (isWriteOptions(arg) ? lifecycle.renumber(undefined, undefined, arg) : lifecycle.renumber(arg, number, options)),
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
class Lifecycle {
  constructor(private readonly locator: RecordLocator, private readonly index: RecordIndex) {}

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

  /** True, after an error message saying why, when the record's format cannot take a lifecycle edit (a Rust RFC keeps no status). */
  private refused(entry: IndexedRecord): boolean {
    const refusal = lifecycleRefusal(entry.record);
    if (refusal) void vscode.window.showErrorMessage(`Spec-First: ${refusal}`);
    return refusal !== undefined;
  }

  /** Moves a record to the next number free in its folder and on the repository's other branches (or `number`), renaming it and every link to it. */
  async renumber(arg: RecordArg, number?: number, options?: WriteOptions): Promise<vscode.Uri | undefined> {
    const entry = await this.pickRecord(arg, 'Record to renumber', e => e.record.number !== undefined);
    if (!entry) return undefined;
    const folderUri = vscode.Uri.joinPath(entry.uri, '..');
    const names = (await vscode.workspace.fs.readDirectory(folderUri)).map(([n]) => n);
    // Free in the folder and on the repository's other branches (see workspace/gitBranches.ts).
    const next = number ?? nextNumberAcrossBranches(names, await namesOnOtherBranches(folderUri) ?? []).number;
    const siblings = await Promise.all(this.index.all().filter(e => e.folder?.uri.toString() === entry.folder?.uri.toString() && e.uri.toString() !== entry.uri.toString()).map(e => this.textOf(e)));
    const target = await this.textOf(entry);
    const { newPath, files } = renumberEdits(target, next, siblings);
    const newUri = vscode.Uri.joinPath(folderUri, newPath.slice(newPath.lastIndexOf('/') + 1));
    const others = files.map(f => this.uriOfPath(entry, f.path)).filter(u => u.toString() !== entry.uri.toString());
    if (!(await this.mayWrite(entry, [entry.uri, newUri, ...others]))) return undefined;
    const linking = others.length ? ` and update the links in ${others.length} other record${others.length === 1 ? '' : 's'}` : '';
    if (!(await confirmInRestrictedMode(`rename ${vscode.workspace.asRelativePath(entry.uri)} to ${vscode.workspace.asRelativePath(newUri)}${linking}`, options))) return undefined;
    const edit = new vscode.WorkspaceEdit();
    for (const f of files) edit.set(this.uriOfPath(entry, f.path), toTextEdits(f.edits));
    // After the text edits (they address the old name), the rename; it fails rather than overwrite.
    edit.renameFile(entry.uri, newUri, { overwrite: false });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Spec-First: could not renumber ${vscode.workspace.asRelativePath(entry.uri)}: ${vscode.workspace.asRelativePath(newUri)} exists or a record changed meanwhile.`);
      return undefined;
    }
    await this.saveAll([newUri, ...files.map(f => this.uriOfPath(entry, f.path))]);
    log().info(`Renumbered ${vscode.workspace.asRelativePath(entry.uri)} to ${vscode.workspace.asRelativePath(newUri)} (${files.length} files edited).`);
    return newUri;
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

  /** The record named by `arg`, else one the user picks (filtered), in `folder` when given. */
  private async pickRecord(arg: RecordArg | null, title: string, filter: (e: IndexedRecord) => boolean = () => true, folder?: vscode.WorkspaceFolder): Promise<IndexedRecord | undefined> {
    await this.index.ready();
    const uri = arg === null ? undefined : uriOf(arg);
    if (uri) {
      const entry = this.index.get(uri) ?? await this.readRecord(uri);
      if (entry) return entry;
      if (arg !== undefined) {
        void vscode.window.showErrorMessage(`Spec-First: ${vscode.workspace.asRelativePath(uri)} is not a decision record.`);
        return undefined;
      }
    }
    const candidates = this.index.all().filter(e => filter(e) && (!folder || e.folder?.uri.toString() === folder.uri.toString()))
      .sort((a, b) => a.record.path.localeCompare(b.record.path));
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage('Spec-First: no decision record to choose from.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(candidates.map(e => ({
      label: e.record.number !== undefined ? `${e.record.id} ${e.record.title}` : e.record.title,
      description: e.record.status, detail: vscode.workspace.asRelativePath(e.uri), entry: e,
    })), { title, matchOnDetail: true, placeHolder: 'Type to filter by number, title or path' });
    return picked?.entry;
  }

  /** An open or unsaved record the index does not hold yet (a new file, an edit not saved). */
  private async readRecord(uri: vscode.Uri): Promise<IndexedRecord | undefined> {
    const where = this.locator.classify(uri);
    if (!where) return undefined;
    const document = await vscode.workspace.openTextDocument(uri);
    const record = parseRecord(where.relativePath, document.getText(), parseOptionsFor(uri, where.hint, this.locator.config));
    return record && { uri, folder: vscode.workspace.getWorkspaceFolder(uri), record };
  }

  /** A record's current text (its open editor's, unsaved changes included) and parse. */
  /**
   * A record's text as the user sees it: the open document's (unsaved edits included), else the
   * file's. Files are not opened as documents: a renumber reads every record of the folder.
   */
  private async textOf(entry: IndexedRecord): Promise<RecordText> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === entry.uri.toString());
    const text = open ? open.getText() : stripBom(new TextDecoder().decode(await vscode.workspace.fs.readFile(entry.uri)));
    const where = this.locator.classify(entry.uri);
    const record = parseRecord(entry.record.path, text, parseOptionsFor(entry.uri, where?.hint, this.locator.config)) ?? entry.record;
    return { path: entry.record.path, text, record };
  }

  private uriOfPath(near: IndexedRecord, path: string): vscode.Uri {
    return near.folder ? vscode.Uri.joinPath(near.folder.uri, ...path.split('/')) : vscode.Uri.parse(path);
  }

  /** Whether the command may write `targets` (see {@link writeRefusal}); when not, the user is told why. */
  private async mayWrite(near: IndexedRecord, targets: readonly vscode.Uri[]): Promise<boolean> {
    const refusal = near.folder ? await writeRefusal(near.folder, targets) : `${vscode.workspace.asRelativePath(near.uri)} is not in a workspace folder.`;
    if (refusal) {
      log().warn(refusal);
      void vscode.window.showErrorMessage(`Spec-First: ${refusal} Nothing was changed.`);
    }
    return refusal === undefined;
  }

  /** Applies edits to several records (paths relative to `near`'s workspace folder) as one `WorkspaceEdit`, then saves them. */
  private async apply(files: readonly FileEdits[], what: string, near: IndexedRecord): Promise<boolean> {
    const entries = files.map(f => ({ uri: this.uriOfPath(near, f.path), edits: f.edits }));
    if (!(await this.mayWrite(near, entries.map(f => f.uri)))) return false;
    const edit = new vscode.WorkspaceEdit();
    for (const f of entries) edit.set(f.uri, toTextEdits(f.edits));
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`Spec-First: could not apply ${what}.`);
      return false;
    }
    await this.saveAll(entries.map(f => f.uri));
    log().info(`Applied ${what} (${entries.length} records).`);
    return true;
  }

  private async saveAll(uris: readonly vscode.Uri[]): Promise<void> {
    for (const uri of uris) {
      const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (document?.isDirty) await document.save();
    }
    for (const uri of uris) await this.index.refresh(uri);
  }
}
