/**
 * What the commands that edit records share (the lifecycle commands, Renumber): the record a command
 * names or the user picks, a record's text as the user sees it, and edits over several records applied
 * as one `WorkspaceEdit`, only inside the workspace folder (see `writeGuard.ts`), then saved and read
 * again by the index.
 */
import * as vscode from 'vscode';
import { FileEdits, RecordText, lifecycleRefusal } from '../core/lifecycle';
import { parseRecord } from '../core/record';
import { stripBom } from '../core/text';
import { toTextEdits } from '../util/convert';
import { log } from '../util/log';
import { RecordArg, uriOfRecordArg } from '../util/recordArg';
import { RecordLocator } from '../workspace/locator';
import { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { parseOptionsFor } from '../workspace/recordOptions';
import { writeRefusal } from './writeGuard';

/** The record a command argument names, else the active editor's. */
function uriOf(arg: RecordArg): vscode.Uri | undefined {
  return uriOfRecordArg(arg) ?? vscode.window.activeTextEditor?.document.uri;
}

/** The base of the commands that edit records. */
export abstract class RecordEditor {
  constructor(protected readonly locator: RecordLocator, protected readonly index: RecordIndex) {}

  /** True, after an error message saying why, when the record's format cannot take a lifecycle edit (a Rust RFC keeps no status). */
  protected refused(entry: IndexedRecord): boolean {
    const refusal = lifecycleRefusal(entry.record);
    if (refusal) void vscode.window.showErrorMessage(`Spec-First: ${refusal}`);
    return refusal !== undefined;
  }

  /** The record named by `arg`, else one the user picks (filtered), in `folder` when given. */
  protected async pickRecord(arg: RecordArg | null, title: string, filter: (e: IndexedRecord) => boolean = () => true, folder?: vscode.WorkspaceFolder): Promise<IndexedRecord | undefined> {
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
  protected async readRecord(uri: vscode.Uri): Promise<IndexedRecord | undefined> {
    const where = this.locator.classify(uri);
    if (!where) return undefined;
    const document = await vscode.workspace.openTextDocument(uri);
    const record = parseRecord(where.relativePath, document.getText(), parseOptionsFor(uri, where.hint, this.locator.config));
    return record && { uri, folder: vscode.workspace.getWorkspaceFolder(uri), record };
  }

  /**
   * A record's text as the user sees it: the open document's (unsaved edits included), else the
   * file's. Files are not opened as documents: a renumber reads every record of the folder.
   */
  protected async textOf(entry: IndexedRecord): Promise<RecordText> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === entry.uri.toString());
    const text = open ? open.getText() : stripBom(new TextDecoder().decode(await vscode.workspace.fs.readFile(entry.uri)));
    const where = this.locator.classify(entry.uri);
    const record = parseRecord(entry.record.path, text, parseOptionsFor(entry.uri, where?.hint, this.locator.config)) ?? entry.record;
    return { path: entry.record.path, text, record };
  }

  protected uriOfPath(near: IndexedRecord, path: string): vscode.Uri {
    return near.folder ? vscode.Uri.joinPath(near.folder.uri, ...path.split('/')) : vscode.Uri.parse(path);
  }

  /** Whether the command may write `targets` (see {@link writeRefusal}); when not, the user is told why. */
  protected async mayWrite(near: IndexedRecord, targets: readonly vscode.Uri[]): Promise<boolean> {
    const refusal = near.folder ? await writeRefusal(near.folder, targets) : `${vscode.workspace.asRelativePath(near.uri)} is not in a workspace folder.`;
    if (refusal) {
      log().warn(refusal);
      void vscode.window.showErrorMessage(`Spec-First: ${refusal} Nothing was changed.`);
    }
    return refusal === undefined;
  }

  /** Applies edits to several records (paths relative to `near`'s workspace folder) as one `WorkspaceEdit`, then saves them. */
  protected async apply(files: readonly FileEdits[], what: string, near: IndexedRecord): Promise<boolean> {
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

  protected async saveAll(uris: readonly vscode.Uri[]): Promise<void> {
    for (const uri of uris) {
      const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (document?.isDirty) await document.save();
    }
    for (const uri of uris) await this.index.refresh(uri);
  }
}
