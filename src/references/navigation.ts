/**
 * Going from a decision reference to its record and back, in Markdown: Go to Definition (every
 * record an identifier names), Find All References (from a reference, or from a record's own title),
 * document links that make a plain `ADR-0005` Ctrl+clickable, and workspace symbols
 * (`ADR-0005 Title [status]`, so that Ctrl+T finds a record by number, title word or status).
 */
import * as vscode from 'vscode';
import { dirname } from '../core/paths';
import { referenceAt } from '../core/references';
import { toRange } from '../util/convert';
import type { IndexedRecord, RecordIndex } from '../workspace/recordIndex';
import { citedName, recordLocation, recordRange } from './records';
import type { ReferenceIndex } from './referenceIndex';

/** Go to Definition on a reference: the records it names (each at its title). */
export class ReferenceDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly references: ReferenceIndex) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.LocationLink[] | undefined> {
    await this.references.ready();
    const reference = referenceAt(this.references.referencesIn(document), position.line, position.character);
    if (!reference) return undefined;
    return this.references.resolve(document.uri, reference).map(entry => ({
      originSelectionRange: toRange(reference.range), targetUri: entry.uri, targetRange: recordRange(entry), targetSelectionRange: recordRange(entry),
    }));
  }
}

/**
 * The records Find All References looks for at a position: those a reference there names, else the
 * record itself when the position is on a record's title line.
 */
export function recordsAt(references: ReferenceIndex, index: RecordIndex, document: vscode.TextDocument, position: vscode.Position): IndexedRecord[] {
  const reference = referenceAt(references.referencesIn(document), position.line, position.character);
  if (reference) return references.resolve(document.uri, reference);
  const own = index.get(document.uri);
  return own && recordRange(own).start.line === position.line ? [own] : [];
}

/** Find All References: every reference to the records at the position, in the workspace's Markdown files. */
export class ReferenceReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[]> {
    await this.references.ready();
    const targets = recordsAt(this.references, this.index, document, position);
    if (targets.length === 0) return [];
    const found = (await this.references.referencesTo(targets, token)).map(l => new vscode.Location(l.uri, toRange(l.reference.range)));
    return context.includeDeclaration ? [...targets.map(recordLocation), ...found] : found;
  }
}

/**
 * Document links on plain identifiers, to the record (the first when several match); and, outside
 * Markdown (which makes its own links clickable), on links to records in comments.
 */
export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly references: ReferenceIndex) {}

  async provideDocumentLinks(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    await this.references.ready();
    const links: vscode.DocumentLink[] = [];
    for (const reference of this.references.referencesIn(document)) {
      if (reference.target.type !== 'id' && document.languageId === 'markdown') continue;
      const records = this.references.resolve(document.uri, reference);
      if (records.length === 0) continue;
      const link = new vscode.DocumentLink(toRange(reference.range), records[0].uri);
      link.tooltip = records.length === 1 ? `Open ${records[0].record.title}` : `Open ${records[0].record.title} (${records.length} records match: Go to Definition lists them)`;
      links.push(link);
    }
    return links;
  }
}

/** Workspace symbols: each record as `ADR-0005 Title [status]`, in its folder. */
export class RecordSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex) {}

  async provideWorkspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
    await this.references.ready();
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const symbols: vscode.SymbolInformation[] = [];
    for (const entry of this.index.all()) {
      const id = citedName(entry, this.references.schemesFor(entry.uri));
      const name = `${id === entry.record.title ? '' : `${id} `}${entry.record.title} [${entry.record.status}]`;
      const lower = name.toLowerCase();
      if (!words.every(w => fuzzyIncludes(lower, w))) continue;
      symbols.push(new vscode.SymbolInformation(name, vscode.SymbolKind.File, dirname(entry.record.path), recordLocation(entry)));
    }
    return symbols;
  }
}

/** True when the characters of `word` appear in `text` in order (the workbench's own filter is fuzzy too). */
function fuzzyIncludes(text: string, word: string): boolean {
  let at = 0;
  for (const c of word) {
    at = text.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
