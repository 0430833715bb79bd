/**
 * Drag and drop of records into Markdown: a record dragged from the Decisions view or the Explorer
 * and dropped into a Markdown document inserts a decision link, `[ADR-0005: Title](../adr/0005-title.md)`
 * relative to the document, as completion writes it. The Decisions view gives its records as
 * `text/uri-list` (`explorer/decisionDrag.ts`), the Explorer does the same; {@link RecordDropProvider}
 * turns the records among the URIs into links. Both are in the 1.90 API (the paste-edit API arrives
 * only in VS Code 1.97).
 */
import * as vscode from 'vscode';
import { markdownRecordLink } from '../core/recordLink';
import type { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { citedName } from './records';
import type { ReferenceIndex } from './referenceIndex';

const URI_LIST = 'text/uri-list';
/** Most records one drop turns into links. */
const MAX_DROPPED = 50;

/** The URIs of a `text/uri-list` (RFC 2483: one a line, `#` lines are comments). */
function urisOf(list: string): vscode.Uri[] {
  const out: vscode.Uri[] = [];
  for (const line of list.split(/\r?\n/)) {
    const text = line.trim();
    if (!text || text.startsWith('#')) continue;
    try {
      out.push(vscode.Uri.parse(text, true));
    } catch {
      // Not a URI: nothing to link.
    }
    if (out.length >= MAX_DROPPED) break;
  }
  return out;
}

/**
 * Inserts decision links for the records dropped into a Markdown document (one per line when there
 * are several); declines a drop that holds anything but records, so that VS Code's own Markdown drop
 * (a plain link to any file) handles it.
 */
export class RecordDropProvider implements vscode.DocumentDropEditProvider {
  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex) {}

  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const list = await dataTransfer.get(URI_LIST)?.asString();
    if (!list || token.isCancellationRequested) return undefined;
    const uris = urisOf(list);
    const records = uris.map(uri => this.index.get(uri));
    if (records.length === 0 || records.some(r => r === undefined)) return undefined;
    return new vscode.DocumentDropEdit((records as IndexedRecord[]).map(entry => this.linkTo(entry, document)).join('\n'));
  }

  /** The link to `entry` written in `document`: relative to it when both are in one workspace folder, else the identifier alone. */
  private linkTo(entry: IndexedRecord, document: vscode.TextDocument): string {
    const name = citedName(entry, this.references.schemesFor(entry.uri));
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder || folder.uri.toString() !== entry.folder?.uri.toString()) return name;
    const from = vscode.workspace.asRelativePath(document.uri, false);
    return markdownRecordLink(name === entry.record.title ? name : `${name}: ${entry.record.title}`, entry.record.path, from);
  }
}
