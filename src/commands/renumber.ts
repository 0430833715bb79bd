/**
 * Renumber Record and F2 on a decision identifier: a record moves to another number (the next free in
 * its folder and on the repository's other branches, or the one given), its file renamed and its
 * title, the links to it, the labels naming its number and the plain identifiers naming it alone
 * rewritten, in one `WorkspaceEdit` that one undo restores. In Restricted Mode the command asks first
 * unless its last argument is `{ "confirmed": true }`.
 */
import * as vscode from 'vscode';
import { nextNumberAcrossBranches } from '../core/branchNumbers';
import { RecordText, renumberEdits } from '../core/lifecycle';
import { dirname } from '../core/paths';
import { parseRecordFileName } from '../core/record';
import { renumberedIdentifier } from '../core/references';
import { toTextEdits } from '../util/convert';
import { log } from '../util/log';
import { RecordArg } from '../util/recordArg';
import { expectOwnRename, updatesLinksItself } from '../references/recordRenames';
import type { ReferenceIndex, ReferenceLocation } from '../references/referenceIndex';
import { namesOnOtherBranches } from '../workspace/gitBranches';
import { RecordLocator } from '../workspace/locator';
import { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { RecordEditor } from './recordEditor';
import { WriteOptions, confirmInRestrictedMode } from './writeGuard';

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
  private readonly renumbering: Renumbering;

  constructor(locator: RecordLocator, index: RecordIndex, references: ReferenceIndex) {
    this.renumbering = new Renumbering(locator, index, references);
  }

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: vscode.Range; placeholder: string }> {
    const { range, digits } = await this.renumbering.identifierAt(document, position);
    return { range, placeholder: digits };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
    const { entry } = await this.renumbering.identifierAt(document, position);
    const typed = /(\d{1,9})\s*$/.exec(newName.trim());
    const number = typed ? Number(typed[1]) : NaN;
    if (!Number.isInteger(number) || number < 1) throw new Error(`"${newName}" is not a record number: type one, such as 12.`);
    if (number === entry.record.number) return new vscode.WorkspaceEdit();
    if (await this.renumbering.numberTaken(entry, number)) throw new Error(`Number ${number} is taken in ${vscode.workspace.asRelativePath(vscode.Uri.joinPath(entry.uri, '..'))}.`);
    const plan = await this.renumbering.renumberPlan(entry, number, true);
    expectOwnRename(entry.uri, plan.newUri); // the plan updates the references: the rename participant leaves it
    return plan.edit;
  }
}

/** Renumber's logic, for the command and for F2; one instance each. */
export class Renumbering extends RecordEditor {
  constructor(locator: RecordLocator, index: RecordIndex, private readonly references?: ReferenceIndex) {
    super(locator, index);
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
}
