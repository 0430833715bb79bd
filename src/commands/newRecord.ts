/**
 * "New ADR" and "New RFC": ask for a title, find the folder, number the record as adr-tools does,
 * fill the template and open the new file with the cursor on the first placeholder. A file is only
 * ever created, never overwritten: when the name is taken by the time it is written, the next number
 * is tried.
 */
import * as vscode from 'vscode';
import { nextNumberAcrossBranches, numberFreeFrom, skippedMessage } from '../core/branchNumbers';
import { isoDate, datedFileName, recordFileName } from '../core/numbering';
import { namesOnOtherBranches } from '../workspace/gitBranches';
import { parseRecord, parseRecordFileName } from '../core/record';
import { supersedeEdits } from '../core/lifecycle';
import { RenderedRecord, TemplateId, chooseTemplate, renderTemplate } from '../core/templates';
import { Range, applyTextEdits, range, splitLines } from '../core/text';
import { toTextEdits } from '../util/convert';
import { parseOptionsFor } from '../workspace/recordOptions';
import { errorMessage, log } from '../util/log';
import { settings } from '../util/settings';
import { RecordLocator } from '../workspace/locator';
import { RecordIndex } from '../workspace/recordIndex';
import type { Command } from './commandManager';
import { WriteOptions, confirmInRestrictedMode, writeRefusal } from './writeGuard';

/**
 * Optional arguments (for keybindings, other extensions and tests); the user is asked for what is
 * missing. `confirmed: true` skips the Restricted Mode confirmation.
 */
export interface NewRecordArgs extends WriteOptions {
  readonly title?: string;
  /** The workspace folder (its URI or URI string) to create the record in. */
  readonly folder?: vscode.Uri | string;
  /** Overrides the `specFirst.adr.template` setting for this call. */
  readonly template?: TemplateId | 'auto';
  /** Overrides the date (`YYYY-MM-DD`), e.g. to compare with adr-tools' expected outputs. */
  readonly date?: string;
  /** The folder to create the record in (default: the workspace folder's ADR or RFC folder); it must be inside the workspace folder. */
  readonly directory?: vscode.Uri;
  /**
   * Records the new one supersedes (adr-tools' `adr new -s`): both sides are written in the same
   * `WorkspaceEdit` as the new file, so one undo restores every record.
   */
  readonly supersedes?: readonly vscode.Uri[];
}

const MAX_ATTEMPTS = 50;

/** "New ADR" (`specFirst.newAdr`) or "New RFC" (`specFirst.newRfc`), with optional {@link NewRecordArgs}. Returns the new file's URI. */
export class NewRecordCommand implements Command {
  readonly id: string;
  readonly title: string;
  constructor(private readonly type: 'adr' | 'rfc', private readonly locator: RecordLocator, private readonly index: RecordIndex) {
    this.id = type === 'adr' ? 'specFirst.newAdr' : 'specFirst.newRfc';
    this.title = type === 'adr' ? 'New ADR' : 'New RFC';
  }
  execute(args?: NewRecordArgs): Promise<vscode.Uri | undefined> {
    return newRecord(this.type, this.locator, this.index, args);
  }
}

/**
 * Creates a record of the given type. Returns the new file's URI, or undefined when the user
 * cancelled or it could not be created (the user is told why).
 */
export async function newRecord(type: 'adr' | 'rfc', locator: RecordLocator, index: RecordIndex, args: NewRecordArgs = {}): Promise<vscode.Uri | undefined> {
  const noun = type === 'adr' ? 'ADR' : 'RFC';
  try {
    const folder = await pickFolder(args.folder);
    if (!folder) {
      if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showErrorMessage(`Spec-First: open a folder first; a new ${noun} is created in it.`);
      return undefined;
    }
    const title = args.title?.trim() || (await askTitle(noun));
    if (!title) return undefined;

    const created = await oneAtATime(() => createRecord(type, folder, title, locator, args));
    if (!created) return undefined;
    await index.refresh(created.uri);
    const editor = await vscode.window.showTextDocument(created.uri, { preview: false });
    const s = created.selection;
    editor.selection = new vscode.Selection(s.start.line, s.start.character, s.end.line, s.end.character);
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return created.uri;
  } catch (err) {
    log().error(`New ${noun} failed: ${errorMessage(err)}`);
    void vscode.window.showErrorMessage(`Spec-First: could not create the ${noun}: ${errorMessage(err)}`);
  }
  return undefined;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs record creations one after another, so that two "New ADR" started at once (two clicks, a
 * keybinding and the palette) read the folder in turn and get two numbers.
 */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Numbers, renders and writes the record: inside the workspace folder only, never through a
 * symbolic link, and in Restricted Mode only once the user agreed. Returns its URI and the
 * selection, or undefined (the user was told why).
 */
async function createRecord(type: 'adr' | 'rfc', folder: vscode.WorkspaceFolder, title: string, locator: RecordLocator, args: NewRecordArgs): Promise<{ uri: vscode.Uri; selection: Range } | undefined> {
  const noun = type === 'adr' ? 'ADR' : 'RFC';
  const where = await recordFolder(type, folder, locator, args.directory);
  if ('refused' in where) {
    log().warn(`New ${noun}: ${where.refused}`);
    void vscode.window.showErrorMessage(`Spec-First: ${where.refused} No ${noun} was created.`);
    return undefined;
  }
  const { dir, dirPath } = where;
  const refusal = await writeRefusal(folder, [dir, ...(args.supersedes ?? [])]);
  if (refusal) {
    log().warn(`New ${noun}: ${refusal}`);
    void vscode.window.showErrorMessage(`Spec-First: ${refusal} No ${noun} was created.`);
    return undefined;
  }
  const names = await namesIn(dir);

  const date = args.date ?? isoDate();
  let template: TemplateId = 'rfc';
  let projectTemplate: string | undefined;
  if (type === 'adr') {
    projectTemplate = await readOptional(vscode.Uri.joinPath(dir, 'templates', 'template.md'));
    const kinds = await kindsOf(dir, names);
    template = chooseTemplate(args.template ?? settings(folder).adrTemplate, projectTemplate !== undefined, kinds);
  }
  const status = template === 'nygard' || template === 'project' ? 'Accepted' : 'proposed';

  const numbering = await branchSafeNumber(names, dir, dirPath, noun, template);
  let number = numbering.number;
  const nameOf = (n: number) => (template === 'log4brains' ? datedFileName(date, title) : recordFileName(n, title));
  const edited = (args.supersedes ?? []).map(u => vscode.workspace.asRelativePath(u, false));
  if (!(await confirmInRestrictedMode(`create ${dirPath}/${nameOf(number)}${edited.length ? ` and edit ${edited.join(', ')}` : ''}`, args))) return undefined;
  await vscode.workspace.fs.createDirectory(dir);
  // A name taken meanwhile moves on to the next number, past those other branches hold too.
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, number = numbering.after(number)) {
    const name = nameOf(number);
    const uri = vscode.Uri.joinPath(dir, name);
    const rendered = renderTemplate(template, { number, title, date, status }, projectTemplate);
    const related = await relate(`${dirPath}/${name}`, rendered, args.supersedes ?? [], locator);
    const created = await createExclusive(uri, related.text, related.edit);
    if (created === 'refused') {
      log().warn(`New ${noun}: the edit creating ${dirPath}/${name} was refused.`);
      void vscode.window.showErrorMessage(`Spec-First: could not create ${dirPath}/${name}: the edit was refused (the file system refused it, or a record it changes was edited meanwhile). Nothing was written.`);
      return undefined;
    }
    if (created === 'exists') {
      if (template === 'log4brains') {
        void vscode.window.showErrorMessage(`Spec-First: ${dirPath}/${name} already exists. Choose another title: a log4brains record is named by its date and title.`);
        return undefined;
      }
      log().info(`${dirPath}/${name} exists; trying the next number.`);
      continue;
    }
    log().info(`Created ${dirPath}/${name} (${template} template)${args.supersedes?.length ? `, superseding ${args.supersedes.map(u => vscode.workspace.asRelativePath(u)).join(', ')}` : ''}.`);
    for (const other of args.supersedes ?? []) await saveIfOpen(other);
    return { uri, selection: related.selection };
  }
  void vscode.window.showErrorMessage(`Spec-First: could not find a free number for the new ${noun} in ${dirPath} after ${MAX_ATTEMPTS} tries.`);
  return undefined;
}

/**
 * The folder a new record goes in: `directory` when given (Supersede: the older record's folder),
 * else the workspace folder's ADR or RFC folder — refused while a hint naming it was refused (it
 * left the workspace folder), so that the record never lands in a fallback the user did not choose.
 */
async function recordFolder(type: 'adr' | 'rfc', folder: vscode.WorkspaceFolder, locator: RecordLocator, directory?: vscode.Uri): Promise<{ dir: vscode.Uri; dirPath: string } | { refused: string }> {
  if (directory) return { dir: directory, dirPath: vscode.workspace.asRelativePath(directory, false) };
  const folders = await locator.resolve(folder);
  if (folders.refused[type].length > 0) return { refused: folders.refused[type][0] };
  const dirPath = type === 'adr' ? folders.adr : folders.rfc;
  return { dir: vscode.Uri.joinPath(folder.uri, ...dirPath.split('/')), dirPath };
}

/** The names in a folder; none when it does not exist yet (asked with stat first: a failed listing is logged as an error). */
async function namesIn(dir: vscode.Uri): Promise<string[]> {
  try {
    await vscode.workspace.fs.stat(dir);
  } catch {
    return [];
  }
  return (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name);
}

async function askTitle(noun: string): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: `New ${noun}`,
    prompt: noun === 'ADR' ? 'Title of the decision, e.g. "Use PostgreSQL for persistence"' : 'Title of the proposal',
    placeHolder: 'Title',
    ignoreFocusOut: true,
    validateInput: value => (value.trim() ? undefined : `A title is required: it names the ${noun} and its file.`),
  });
  return title?.trim() || undefined;
}

/** The workspace folder to write into: the given one, the active editor's, the only one, or the user's pick. */
async function pickFolder(given?: vscode.Uri | string): Promise<vscode.WorkspaceFolder | undefined> {
  if (given) return vscode.workspace.getWorkspaceFolder(typeof given === 'string' ? vscode.Uri.parse(given) : given);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = active && vscode.workspace.getWorkspaceFolder(active);
  return current ?? vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new record' });
}

/**
 * The number for a new record in `dir` (whose file names are `names`): free in the working tree and
 * on the repository's other branches (see `workspace/gitBranches.ts`), saying in a notification which
 * numbers were skipped and why. Where git cannot tell (no repository, the browser), the working tree
 * alone decides and the log says so. A log4brains record is named by its date: no number to choose.
 * Returns the number, and `after(n)`: the next number after `n` free on the other branches too.
 */
async function branchSafeNumber(names: readonly string[], dir: vscode.Uri, dirPath: string, noun: string, template: TemplateId): Promise<{ number: number; after(n: number): number }> {
  const elsewhere = template === 'log4brains' ? [] : await namesOnOtherBranches(dir);
  if (elsewhere === undefined) log().info(`New ${noun}: no git repository to read other branches from; ${dirPath}'s working tree alone decides the number.`);
  const choice = nextNumberAcrossBranches(names, elsewhere ?? []);
  // The next number after `n` that no other branch holds.
  const after = (n: number) => numberFreeFrom(n + 1, elsewhere ?? []).number;
  if (choice.skipped.length > 0) {
    const message = `${skippedMessage(choice.skipped)}: the new ${noun} takes ${String(choice.number).padStart(4, '0')}.`;
    log().info(`New ${noun}: ${message}`);
    void vscode.window.showInformationMessage(`Spec-First: ${message}`);
  }
  return { number: choice.number, after };
}

/**
 * Creates `uri` with `text` only if no file is there, together with `others` (edits to other
 * records) in one `WorkspaceEdit`. Returns `created`; `exists`, changing nothing, when the file
 * exists (or was written meanwhile); `refused`, changing nothing, when the edit failed otherwise.
 */
async function createExclusive(uri: vscode.Uri, text: string, others?: vscode.WorkspaceEdit): Promise<'created' | 'exists' | 'refused'> {
  try {
    await vscode.workspace.fs.stat(uri);
    return 'exists';
  } catch {
    // Free: create it. The edit fails rather than overwrite if someone wrote it meanwhile.
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  for (const [target, edits] of others?.entries() ?? []) edit.set(target, edits);
  if (await vscode.workspace.applyEdit(edit)) return 'created';
  // Taken meanwhile (the next number is tried), or refused for another reason (reported).
  return (await vscode.workspace.fs.stat(uri).then(() => true, () => false)) ? 'exists' : 'refused';
}

/**
 * The new record's text with its relations written in, and the edits to the records it supersedes
 * (computed on their current text, open editors included). The selection follows the text it selected.
 */
async function relate(path: string, rendered: RenderedRecord, supersedes: readonly vscode.Uri[], locator: RecordLocator): Promise<{ text: string; selection: Range; edit?: vscode.WorkspaceEdit }> {
  if (supersedes.length === 0) return rendered;
  const parse = (p: string, text: string, uri?: vscode.Uri) => parseRecord(p, text, uri ? parseOptionsFor(uri, locator.classify(uri)?.hint, locator.config) : { folderHint: 'adr' });
  let text = rendered.text;
  const edit = new vscode.WorkspaceEdit();
  for (const target of supersedes) {
    const document = await vscode.workspace.openTextDocument(target);
    const olderPath = vscode.workspace.asRelativePath(target, false);
    const older = parse(olderPath, document.getText(), target);
    const newer = parse(path, text);
    if (!older || !newer) throw new Error(`${olderPath} is not a decision record.`);
    const [olderEdits, newerEdits] = supersedeEdits({ path: olderPath, text: document.getText(), record: older }, { path, text, record: newer });
    text = applyTextEdits(text, newerEdits.edits);
    edit.set(target, toTextEdits(olderEdits.edits));
  }
  const selected = splitLines(rendered.text)[rendered.selection.start.line];
  const line = splitLines(text).indexOf(selected);
  const selection = line < 0 ? rendered.selection : range(line, rendered.selection.start.character, line + rendered.selection.end.line - rendered.selection.start.line, rendered.selection.end.character);
  return { text, selection, edit };
}

/** Saves a document changed by a command, so that the index and adr-tools see it. */
async function saveIfOpen(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (document?.isDirty) await document.save();
}

async function readOptional(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The formats of the records already in a folder (numbered or dated names, as the core reads them), for choosing the template. Reads at most 20. */
async function kindsOf(dir: vscode.Uri, names: readonly string[]): Promise<string[]> {
  const records = names.filter(n => parseRecordFileName(n) !== undefined).slice(-20);
  const kinds = await Promise.all(records.map(async name => {
    const text = await readOptional(vscode.Uri.joinPath(dir, name));
    return text === undefined ? undefined : parseRecord(name, text, { folderHint: 'adr' })?.format;
  }));
  return kinds.filter((k): k is NonNullable<typeof k> => k !== undefined);
}
