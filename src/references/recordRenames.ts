/**
 * A record renamed or moved by the user (the Explorer, a drag between folders, another extension's
 * `WorkspaceEdit`) keeps its citations: a participant in VS Code's file renames (`onWillRenameFiles`,
 * whose edit VS Code applies with the rename, as one undo, after asking the user) rewrites the plain
 * identifiers of a record whose number changed, the labels of links to it that name the number
 * (`[ADR-0005](…)`), and its adr-tools title (`# 5. Title`); and, when VS
 * Code's own Markdown link update is off (`markdown.updateLinksOnFileMove.enabled` is `never`, its
 * default), the Markdown links to the moved records and those a moved record writes from its new
 * folder. When that setting is on, VS Code's Markdown support updates the links: no edit is made twice.
 * Spec-First's own renames (Renumber Record, F2) carry their edits already and are left alone.
 */
import * as vscode from 'vscode';
import { renumberedTitle } from '../core/lifecycle';
import { basename, dirname } from '../core/paths';
import { parseRecordFileName } from '../core/record';
import { toRange } from '../util/convert';
import { errorMessage, log } from '../util/log';
import type { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import type { ReferenceIndex } from './referenceIndex';

/** How long a rename Spec-First announced (see {@link expectOwnRename}) is waited for before it is forgotten. */
const OWN_RENAME_MS = 60_000;
/** Renames Spec-First is about to make, `from → to` by URI, with when they were announced. */
const ownRenames = new Map<string, number>();
const renameKey = (from: vscode.Uri, to: vscode.Uri) => `${from.toString()}\n${to.toString()}`;

/**
 * Announces a rename Spec-First is about to apply (its edit already updates the references), so that
 * the participant leaves it alone. Forgotten once seen, or after a minute (a refactor preview the user
 * cancelled).
 */
export function expectOwnRename(from: vscode.Uri, to: vscode.Uri): void {
  const now = Date.now();
  for (const [key, at] of ownRenames) if (now - at > OWN_RENAME_MS) ownRenames.delete(key);
  ownRenames.set(renameKey(from, to), now);
}

/** True, once, when Spec-First announced this rename. */
function isOwnRename(from: vscode.Uri, to: vscode.Uri): boolean {
  const key = renameKey(from, to);
  const at = ownRenames.get(key);
  ownRenames.delete(key);
  return at !== undefined && Date.now() - at <= OWN_RENAME_MS;
}

/** A record about to move: its entry, and its URI after the move. */
interface RecordMove {
  readonly entry: IndexedRecord;
  readonly to: vscode.Uri;
}

/** The participant. Create once per activation; dispose with the extension. */
export class RecordRenameFollower implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex) {
    this.subscription = vscode.workspace.onWillRenameFiles(event => {
      const moves = this.recordMoves(event.files);
      if (moves.length > 0) event.waitUntil(this.editFor(moves, event.token));
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** The records the renames move: a renamed record file, or the records under a renamed folder; none for Spec-First's own renames. */
  private recordMoves(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): RecordMove[] {
    const moves: RecordMove[] = [];
    for (const { oldUri, newUri } of files) {
      if (isOwnRename(oldUri, newUri)) continue;
      const entry = this.index.get(oldUri);
      if (entry) {
        moves.push({ entry, to: newUri });
        continue;
      }
      const prefix = `${oldUri.toString()}/`;
      for (const e of this.index.all()) {
        const key = e.uri.toString();
        if (key.startsWith(prefix)) moves.push({ entry: e, to: vscode.Uri.parse(`${newUri.toString()}/${key.slice(prefix.length)}`) });
      }
    }
    return moves;
  }

  /**
   * The edit that keeps the references to the moved records (see the module's comment), addressing the
   * files as they are before the renames. Never rejects: a failure is logged and makes no edit.
   */
  private async editFor(moves: readonly RecordMove[], token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    try {
      const byUri = new Map<string, { uri: vscode.Uri; edits: vscode.TextEdit[] }>();
      const add = (uri: vscode.Uri, range: vscode.Range, newText: string) => {
        let file = byUri.get(uri.toString());
        if (!file) byUri.set(uri.toString(), file = { uri, edits: [] });
        if (!file.edits.some(e => e.range.intersection(range) !== undefined)) file.edits.push(new vscode.TextEdit(range, newText));
      };
      const ambiguous: string[] = [];
      for (const { entry, to } of moves) {
        const before = entry.record.number;
        const after = parseRecordFileName(basename(to.path))?.number;
        // A new number in the same folder: the record's identifiers follow. (In another folder, an
        // identifier's meaning depends on the folders around it: left as written.)
        if (before === undefined || after === undefined || after === before || dirname(to.path) !== dirname(entry.uri.path)) continue;
        const title = renumberedTitle(entry.record, after);
        if (title) add(entry.uri, toRange(title.range), title.newText);
        const found = await this.references.renumbering(entry, after, token);
        for (const change of found.changes) add(change.uri, change.range, change.newText);
        ambiguous.push(...found.ambiguous.map(l => `${vscode.workspace.asRelativePath(l.uri)}:${l.reference.range.start.line + 1} ${l.reference.text}`));
      }
      if (updatesLinksItself()) {
        const paths = new Map(moves.map(m => [vscode.workspace.asRelativePath(m.entry.uri, false), vscode.workspace.asRelativePath(m.to, false)]));
        for (const change of await this.references.linkMoves(paths, token)) add(change.uri, change.range, change.newText);
      }
      for (const { uri, edits } of byUri.values()) if (edits.length > 0) edit.set(uri, edits);
      const files = byUri.size;
      if (files > 0) log().info(`Renamed ${moves.map(m => `${vscode.workspace.asRelativePath(m.entry.uri)} → ${vscode.workspace.asRelativePath(m.to)}`).join(', ')}: references updated in ${files} file${files === 1 ? '' : 's'}.`);
      if (ambiguous.length > 0) log().info(`Rename: ${ambiguous.length} identifier${ambiguous.length === 1 ? '' : 's'} also name another record, left unchanged: ${ambiguous.join(', ')}`);
    } catch (err) {
      log().error(`Could not update the references to a renamed record: ${errorMessage(err)}`);
    }
    return edit;
  }
}

/**
 * True when Spec-First updates the links to a record it or the user moves: VS Code's own Markdown
 * link update is off (`markdown.updateLinksOnFileMove.enabled` is `never`, its default, or there is
 * no Markdown support); otherwise that update does the links, and no edit is made twice.
 */
export function updatesLinksItself(): boolean {
  return vscode.workspace.getConfiguration('markdown').get<string>('updateLinksOnFileMove.enabled', 'never') === 'never';
}
