/**
 * Completion of decision references in Markdown: after `ADR-`/`RFC-` (or a project kind's prefix)
 * and inside `[…](`, the records of the document's workspace folder, newest first, with title,
 * status and date. After a prefix, accepting inserts the canonical relative link
 * `[ADR-0005: Title](../adr/0005-title.md)` (`specFirst.references.insert`: `link`, the default) or
 * the identifier (`id`); inside `[…](`, the relative path.
 */
import * as vscode from 'vscode';
import { markdownRecordLink } from '../core/recordLink';
import { identifierBeforeCursor, linkDestinationBeforeCursor, recordIdentifier } from '../core/references';
import type { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { relativeLink } from '../core/paths';
import { newestFirst, statusAndDate } from './records';
import type { ReferenceIndex } from './referenceIndex';

/** What accepting a completion after `ADR-` inserts: `link` (a Markdown link) or `id` (the identifier). */
export type InsertStyle = 'link' | 'id';

/** `specFirst.references.insert` for a document. */
function insertStyle(uri: vscode.Uri): InsertStyle {
  return vscode.workspace.getConfiguration('specFirst', uri).get<string>('references.insert') === 'id' ? 'id' : 'link';
}

/** Completes record identifiers and record links in Markdown. */
export class ReferenceCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    await this.references.ready();
    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    const from = vscode.workspace.asRelativePath(document.uri, false);
    const near = this.recordsNear(document.uri);
    const destination = linkDestinationBeforeCursor(linePrefix);
    if (destination !== undefined) {
      const range = new vscode.Range(position.line, destination, position.line, position.character);
      return near.map((entry, i) => {
        const path = relativeLink(from, entry.record.path);
        const item = this.item(entry, i, path, range);
        item.insertText = path;
        item.filterText = `${path} ${entry.record.title}`;
        return item;
      });
    }
    const schemes = this.references.schemesFor(document.uri);
    const typed = identifierBeforeCursor(linePrefix, schemes);
    if (!typed) return undefined;
    const range = new vscode.Range(position.line, typed.start, position.line, position.character);
    const style = insertStyle(document.uri);
    const separator = typed.scheme.separated ? typed.typed.charAt(typed.scheme.prefix.length) || '-' : '';
    return near.flatMap((entry, i) => {
      const id = recordIdentifier(entry.record, schemes);
      if (!id || !id.toLowerCase().startsWith(typed.scheme.prefix.toLowerCase())) return [];
      const item = this.item(entry, i, id, range);
      item.insertText = style === 'link' ? markdownRecordLink(`${id}: ${entry.record.title}`, entry.record.path, from) : id;
      // Matched against what was typed: the prefix as typed (`adr `), then the number.
      item.filterText = `${typed.typed.slice(0, typed.scheme.prefix.length)}${separator}${id.slice(typed.scheme.prefix.length + (typed.scheme.separated ? 1 : 0))} ${entry.record.title}`;
      return [item];
    });
  }

  /** The records of the workspace folder holding `uri`, newest first. */
  private recordsNear(uri: vscode.Uri): IndexedRecord[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    return this.index.all().filter(e => e.folder?.uri.toString() === folder).sort(newestFirst);
  }

  /** An item for a record: its label, title, status and date, in newest-first order (`rank`). */
  private item(entry: IndexedRecord, rank: number, label: string, range: vscode.Range): vscode.CompletionItem {
    const item = new vscode.CompletionItem({ label, description: entry.record.title, detail: ` ${statusAndDate(entry)}` }, vscode.CompletionItemKind.Reference);
    item.range = range;
    item.sortText = String(rank).padStart(6, '0');
    item.documentation = new vscode.MarkdownString().appendText(`${entry.record.title}\n\n${statusAndDate(entry)}\n\n${vscode.workspace.asRelativePath(entry.uri)}`);
    return item;
  }
}
