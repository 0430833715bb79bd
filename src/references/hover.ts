/**
 * Hover on a decision reference in Markdown: for each record it names, its identifier and title, its
 * status (with "superseded by …" and "amended by …" from the relation graph), date, decision makers,
 * the first sentence of its decision, and commands to open the record or its preview.
 */
import * as vscode from 'vscode';
import { decisionMakers, decisionSentence } from '../core/recordSummary';
import { referenceAt } from '../core/references';
import { relationGraph, relationLabel, type RelationLink } from '../core/relationGraph';
import { toRange } from '../util/convert';
import { readRecordText, type IndexedRecord, type RecordIndex } from '../workspace/recordIndex';
import { citedName } from './records';
import type { ReferenceIndex } from './referenceIndex';

/** Relations a hover names under the status: the ones that say a record no longer stands alone. */
const SHOWN_RELATIONS = new Set(['superseded by', 'amended by']);
/** At most this many records are described in one hover (an unqualified identifier may name many). */
const MAX_RECORDS = 5;

/** Text from a record, escaped so that Markdown shows it as written (backslash before each punctuation character that could start markup). */
const text = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');

/** A command link for a hover, with its arguments. */
const commandLink = (command: string, args: unknown[]) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;

/** Hovers on record identifiers and record links in Markdown. */
export class ReferenceHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  /** The relation graph of the index, built on the first hover after the index changed. */
  private graph: ReadonlyMap<IndexedRecord, readonly RelationLink<IndexedRecord>[]> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: RecordIndex, private readonly references: ReferenceIndex) {
    this.subscription = index.onDidChange(() => { this.graph = undefined; });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    await this.references.ready();
    const reference = referenceAt(this.references.referencesIn(document), position.line, position.character);
    if (!reference) return undefined;
    const records = this.references.resolve(document.uri, reference);
    if (records.length === 0) return undefined;
    const schemes = this.references.schemesFor(document.uri);
    const parts = await Promise.all(records.slice(0, MAX_RECORDS).map(entry => this.describe(entry, citedName(entry, schemes))));
    if (records.length > MAX_RECORDS) parts.push(`… and ${records.length - MAX_RECORDS} more records.`);
    const markdown = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    markdown.isTrusted = { enabledCommands: ['vscode.open', '_specFirst.openRecordPreview'] };
    return new vscode.Hover(markdown, toRange(reference.range));
  }

  /** One record's part of the hover, as Markdown (the record's own text escaped). */
  private async describe(entry: IndexedRecord, name: string): Promise<string> {
    const r = entry.record;
    this.graph ??= relationGraph(this.index.all(), e => e.folder?.uri.toString() ?? '');
    const relations = (this.graph.get(entry) ?? []).filter(l => SHOWN_RELATIONS.has(l.type)).map(l => text(relationLabel(l)));
    const lines = [`**${text(name)}: ${text(r.title)}**`, `Status: ${text(r.status)}${relations.length ? ` (${relations.join('; ')})` : ''}`];
    if (r.date) lines.push(`Date: ${text(r.date)}`);
    const makers = decisionMakers(r);
    if (makers) lines.push(`Decision makers: ${text(makers)}`);
    const source = await readRecordText(entry.uri);
    const sentence = source === undefined ? undefined : decisionSentence(r, source);
    if (sentence) lines.push(`Decision: ${text(sentence)}`);
    lines.push(`[Open](${commandLink('vscode.open', [entry.uri])}) · [Open Preview](${commandLink('_specFirst.openRecordPreview', [entry.uri.toString()])})`);
    return lines.join('  \n');
  }
}
