/**
 * A CodeLens on a record's title: "referenced by 3 records · 5 files" (records, and other Markdown
 * files, that cite it; the record itself not counted). Clicking lists the references
 * (`editor.action.showReferences`).
 */
import * as vscode from 'vscode';
import { toRange } from '../util/convert';
import type { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { recordRange } from './records';
import type { ReferenceIndex, ReferenceLocation } from './referenceIndex';

/** "3 records", "1 file". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The lens's title for the references to a record: `referenced by 3 records · 5 files`, or `no references`. */
export function referencedByTitle(locations: readonly ReferenceLocation[], index: RecordIndex): string {
  const files = new Map(locations.map(l => [l.uri.toString(), l.uri]));
  const records = [...files.values()].filter(uri => index.get(uri) !== undefined).length;
  const others = files.size - records;
  if (files.size === 0) return 'no references';
  return `referenced by ${[records ? count(records, 'record') : '', others ? count(others, 'file') : ''].filter(Boolean).join(' · ')}`;
}

/** A lens for the record it stands on. */
class RecordLens extends vscode.CodeLens {
  constructor(readonly entry: IndexedRecord) {
    super(recordRange(entry));
  }
}

/** CodeLens on a record's title counting the references to it. */
export class ReferenceCodeLensProvider implements vscode.CodeLensProvider<RecordLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex) {
    this.subscriptions = [this.changed, index.onDidChange(() => this.changed.fire())];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<RecordLens[]> {
    await this.references.ready();
    const entry = this.index.get(document.uri);
    return entry ? [new RecordLens(entry)] : [];
  }

  async resolveCodeLens(lens: RecordLens, token: vscode.CancellationToken): Promise<RecordLens> {
    const found = (await this.references.referencesTo([lens.entry], token)).filter(l => l.uri.toString() !== lens.entry.uri.toString());
    const locations = found.map(l => new vscode.Location(l.uri, toRange(l.reference.range)));
    lens.command = {
      title: referencedByTitle(found, this.index),
      command: locations.length ? 'editor.action.showReferences' : '',
      arguments: locations.length ? [lens.entry.uri, lens.range.start, locations] : undefined,
    };
    return lens;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
