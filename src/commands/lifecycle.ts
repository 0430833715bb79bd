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
import { parseRecord, parseRecordFileName, statusVocabulary } from '../core/record';
import { renumberedIdentifier } from '../core/references';
import { stripBom } from '../core/text';
import { toTextEdits } from '../util/convert';
import { log } from '../util/log';
import { RecordArg, uriOfRecordArg } from '../util/recordArg';
import { expectOwnRename, updatesLinksItself } from '../references/recordRenames';
import type { ReferenceIndex, ReferenceLocation } from '../references/referenceIndex';
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
export function lifecycleCommands(locator: RecordLocator, index: RecordIndex, references?: ReferenceIndex): Command[] {
  const lifecycle = new Lifecycle(locator, index, references);
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

/** A renumber as one `WorkspaceEdit`, before it is applied. */
interface RenumberPlan {
  readonly edit: vscode.WorkspaceEdit;
  readonly newUri: vscode.Uri;
  /** Every file the edit changes (the record under its old name included). */
  readonly touched: readonly vscode.Uri[];
  /** Plain identifiers of the old number that name other records too (after a duplicate number): listed, not changed. */
  readonly ambiguous: readonly ReferenceLocation[];
}

/** `path:line` (1-based) of a reference, for messages. */
const placeOf = (l: ReferenceLocation) => `${vscode.workspace.asRelativePath(l.uri, false)}:${l.reference.range.start.line + 1}`;

/**
 * F2 on a plain identifier (`ADR-0005`) renumbers the record it names, to the number typed: the same
 * `WorkspaceEdit` as Renumber Record (file, title, links, identifiers). Refused, with a message, on
 * anything but an identifier naming one numbered record, and for a number taken in its folder.
 */
export class RenumberRenameProvider implements vscode.RenameProvider {
  private readonly lifecycle: Lifecycle;

  constructor(locator: RecordLocator, index: RecordIndex, references: ReferenceIndex) {
    this.lifecycle = new Lifecycle(locator, index, references);
  }

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: vscode.Range; placeholder: string }> {
    const { range, digits } = await this.lifecycle.identifierAt(document, position);
    return { range, placeholder: digits };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const { entry } = await this.lifecycle.identifierAt(document, position);
    const typed = /(\d{1,9})\s*$/.exec(newName.trim());
    const number = typed ? Number(typed[1]) : NaN;
    if (!Number.isInteger(number) || number < 1) throw new Error(`"${newName}" is not a record number: type one, such as 12.`);
    if (number === entry.record.number) return new vscode.WorkspaceEdit();
    if (await this.lifecycle.numberTaken(entry, number)) throw new Error(`Number ${number} is taken in ${vscode.workspace.asRelativePath(vscode.Uri.joinPath(entry.uri, '..'))}.`);
    const plan = await this.lifecycle.renumberPlan(entry, number, true);
    expectOwnRename(entry.uri, plan.newUri); // the plan updates the references: the rename participant leaves it
    return plan.edit;
  }
}

/** The commands' logic; one instance per activation. */
class Lifecycle {
  constructor(private readonly locator: RecordLocator, private readonly index: RecordIndex, private readonly references?: ReferenceIndex) {}

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

  /**
   * Moves a record to the next number free in its folder and on the repository's other branches (or
   * `number`), renaming it and updating every link to it and every plain identifier that names it
   * alone (`ADR-0005` in records and Markdown documents), in one `WorkspaceEdit`. Identifiers that name
   * other records too (the number was duplicated) are listed in the log and a message, not changed.
   */
  async renumber(arg: RecordArg, number?: number, options?: WriteOptions): Promise<vscode.Uri | undefined> {
    const entry = await this.pickRecord(arg, 'Record to renumber', e => e.record.number !== undefined);
    if (!entry) return undefined;
    const folderUri = vscode.Uri.joinPath(entry.uri, '..');
    const names = (await vscode.workspace.fs.readDirectory(folderUri)).map(([n]) => n);
    // Free in the folder and on the repository's other branches (see workspace/gitBranches.ts).
    const next = number ?? nextNumberAcrossBranches(names, await namesOnOtherBranches(folderUri) ?? []).number;
    const plan = await this.renumberPlan(entry, next);
    const others = plan.touched.filter(u => u.toString() !== entry.uri.toString());
    if (!(await this.mayWrite(entry, [entry.uri, plan.newUri, ...others]))) return undefined;
    const linking = others.length ? ` and update the references in ${others.length} other file${others.length === 1 ? '' : 's'}` : '';
    if (!(await confirmInRestrictedMode(`rename ${vscode.workspace.asRelativePath(entry.uri)} to ${vscode.workspace.asRelativePath(plan.newUri)}${linking}`, options))) return undefined;
    expectOwnRename(entry.uri, plan.newUri);
    if (!(await vscode.workspace.applyEdit(plan.edit))) {
      void vscode.window.showErrorMessage(`Spec-First: could not renumber ${vscode.workspace.asRelativePath(entry.uri)}: ${vscode.workspace.asRelativePath(plan.newUri)} exists or a record changed meanwhile.`);
      return undefined;
    }
    await this.saveAll([plan.newUri, ...others]);
    log().info(`Renumbered ${vscode.workspace.asRelativePath(entry.uri)} to ${vscode.workspace.asRelativePath(plan.newUri)} (${plan.touched.length} files edited).`);
    this.reportAmbiguous(plan);
    return plan.newUri;
  }

  /**
   * The `WorkspaceEdit` of renumbering `entry` to `next` (see {@link renumber}), without applying it:
   * the core's edits of its title and of the links and MADR ids in its folder's records, then the
   * plain identifiers naming it alone wherever the reference index found them, and the links to it
   * from anywhere unless VS Code's own Markdown update does them (an edit the core already makes is
   * not made twice), and the rename (first when `renameFirst`, for F2).
   */
  async renumberPlan(entry: IndexedRecord, next: number, renameFirst = false): Promise<RenumberPlan> {
    const folderUri = vscode.Uri.joinPath(entry.uri, '..');
    // A record deleted since the index saw it (its watcher event not come yet) has nothing to update.
    const siblings = (await Promise.all(this.index.all().filter(e => e.folder?.uri.toString() === entry.folder?.uri.toString() && e.uri.toString() !== entry.uri.toString())
      .map(e => this.textOf(e).catch(() => undefined)))).filter((r): r is RecordText => r !== undefined);
    const target = await this.textOf(entry);
    const { newPath, files } = renumberEdits(target, next, siblings);
    const newUri = vscode.Uri.joinPath(folderUri, newPath.slice(newPath.lastIndexOf('/') + 1));
    const byUri = new Map<string, { uri: vscode.Uri; edits: vscode.TextEdit[] }>();
    const editsOf = (uri: vscode.Uri) => {
      let found = byUri.get(uri.toString());
      if (!found) byUri.set(uri.toString(), found = { uri, edits: [] });
      return found.edits;
    };
    for (const f of files) editsOf(this.uriOfPath(entry, f.path)).push(...toTextEdits(f.edits));
    // An edit the core already makes (a MADR id in a status line, a link in the folder) is not made twice.
    const addChange = (change: { uri: vscode.Uri; range: vscode.Range; newText: string }) => {
      const edits = editsOf(change.uri);
      if (!edits.some(e => e.range.intersection(change.range) !== undefined)) edits.push(new vscode.TextEdit(change.range, change.newText));
    };
    const ambiguous: ReferenceLocation[] = [];
    if (this.references) {
      const found = await this.references.renumbering(entry, next);
      ambiguous.push(...found.ambiguous);
      found.changes.forEach(addChange);
      // Links from anywhere (the core did those of the folder's records), unless VS Code's own update does them.
      if (updatesLinksItself()) {
        const from = vscode.workspace.asRelativePath(entry.uri, false);
        const to = `${dirname(from) ? `${dirname(from)}/` : ''}${newPath.slice(newPath.lastIndexOf('/') + 1)}`;
        (await this.references.linkMoves(new Map([[from, to]]))).forEach(addChange);
      }
    }
    const edit = new vscode.WorkspaceEdit();
    // The rename fails rather than overwrite. A command applies it after the text edits (they address the
    // old name); a rename provider's edit, which VS Code applies file operations first, renames first and
    // edits the record under its new name.
    if (renameFirst) edit.renameFile(entry.uri, newUri, { overwrite: false });
    for (const { uri, edits } of byUri.values()) if (edits.length > 0) edit.set(renameFirst && uri.toString() === entry.uri.toString() ? newUri : uri, edits);
    if (!renameFirst) edit.renameFile(entry.uri, newUri, { overwrite: false });
    return { edit, newUri, touched: [...byUri.values()].filter(f => f.edits.length > 0).map(f => f.uri), ambiguous };
  }

  /** Lists, in the log and a message, the identifiers a renumber left alone because they name other records too. */
  private reportAmbiguous(plan: RenumberPlan): void {
    if (plan.ambiguous.length === 0) return;
    const places = plan.ambiguous.map(placeOf);
    log().info(`Renumber: ${places.length} identifier${places.length === 1 ? '' : 's'} also name another record, left unchanged: ${places.join(', ')}`);
    void vscode.window.showInformationMessage(`Spec-First: ${places.length} identifier${places.length === 1 ? '' : 's'} of the old number also name another record and were not changed: ${places.slice(0, 5).join(', ')}${places.length > 5 ? ', …' : ''}.`);
  }

  /**
   * The record a plain identifier at `position` names alone, for F2; throws an error whose message VS
   * Code shows when there is none, or several.
   */
  async identifierAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ entry: IndexedRecord; range: vscode.Range; digits: string }> {
    if (!this.references) throw new Error('Decision references are not available.');
    await this.references.ready();
    const reference = this.references.referencesIn(document).find(r => r.target.type === 'id' && r.range.start.line === position.line && r.range.start.character <= position.character && position.character <= r.range.end.character);
    const renumbered = reference && renumberedIdentifier(reference, 0);
    if (!reference || !renumbered) throw new Error('Put the cursor on a decision identifier (ADR-0005) to renumber its record.');
    const targets = this.references.resolve(document.uri, reference).filter(e => e.record.number !== undefined);
    if (targets.length !== 1) throw new Error(targets.length === 0 ? `${reference.text} names no record.` : `${reference.text} names ${targets.length} records: renumber one with Spec-First: Renumber Record.`);
    const range = new vscode.Range(renumbered.range.start.line, renumbered.range.start.character, renumbered.range.end.line, renumbered.range.end.character);
    return { entry: targets[0], range, digits: document.getText(range) };
  }

  /** True when the folder of `entry` has another file numbered `number`. */
  async numberTaken(entry: IndexedRecord, number: number): Promise<boolean> {
    const names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(entry.uri, '..'))).map(([n]) => n);
    return names.some(n => parseRecordFileName(n)?.number === number && vscode.Uri.joinPath(entry.uri, '..', n).toString() !== entry.uri.toString());
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
