/**
 * The decision log's health in the editor: every indexed record with its text's lines and its lint
 * findings (cross-record rules included, against the index's snapshot of its workspace folder), as
 * the core's `attentionGroups` and `healthReport` take them. A record open in an editor is read from
 * the editor (unsaved edits, a quick fix just applied); the others from the file. Only the rules the
 * views read run (`attentionRules`). Kept current: the
 * index changing redoes every record (cross-record findings may change), Spec-First's diagnostics
 * changing on a record redoes that record. Nothing runs before the index has scanned. Where git
 * tells (`GitHistory`), a proposal without a date counts from its first commit, and the report gets
 * each decided record's time to decide.
 */
import * as vscode from 'vscode';
import { type AttentionEntry, attentionRules } from '../core/attention';
import { localToday } from '../core/calendar';
import { recordsToTime } from '../core/health';
import { lintRecord } from '../core/lint';
import { parseRecord } from '../core/record';
import { healthSettings, needsFirstCommit } from '../core/reviewDates';
import { splitLines } from '../core/text';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';
import { settings } from '../util/settings';
import { GitHistory } from './gitHistory';
import type { RecordLocator } from './locator';
import { lintOptionsFor, parseOptionsFor, pinnedToday } from './recordOptions';
import { type IndexedRecord, readRecordText, type RecordIndex } from './recordIndex';

/** A record as the health views take it; `key` is its URI. */
export type HealthEntry = AttentionEntry<vscode.Uri>;

/** A record as the report takes it: for a decided record, the days of its first commit and of its decision, when git tells. */
export type ReportEntry = HealthEntry & { readonly decided?: { readonly first?: string; readonly decided?: string } };

/** "Today" for the health views: `SPEC_FIRST_TODAY` when the environment pins it (tests), else the local date. */
export function healthToday(): string {
  return pinnedToday() ?? localToday();
}

/** The records' health entries, computed on demand and cached until a record or the index changes. */
export class DecisionHealth extends Disposable {
  private readonly cache = new Map<string, HealthEntry | null>();
  /** The saved text of each index entry read (an entry is replaced when its file changes): a change of the index re-lints, and re-reads only what changed. */
  private readonly texts = new WeakMap<IndexedRecord, string>();
  private computing: Promise<HealthEntry[]> | undefined;
  /** Counts the index's changes: a computation that sees one starts again once the index is quiet. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires (debounced) when the entries may have changed: ask {@link entries} again. */
  readonly onDidChange = this.changed.event;

  /** `git`: the records' history, shared with the lint controller (one cache). */
  constructor(private readonly index: RecordIndex, private readonly locator: RecordLocator, private readonly git = new GitHistory()) {
    super();
    this._register(index.onDidChange(() => {
      this.generation++;
      this.cache.clear();
      this.schedule(1000);
    }));
    this._register(vscode.languages.onDidChangeDiagnostics(e => {
      let ours = false;
      for (const uri of e.uris) {
        if (!this.index.get(uri)) continue;
        this.cache.delete(uri.toString());
        ours = true;
      }
      if (ours) this.schedule(200);
    }));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Every record with its lines and findings (lint off for a record: no findings). Waits for the index's scan. Never throws. */
  async entries(): Promise<HealthEntry[]> {
    await this.index.ready();
    // One computation at a time; a change meanwhile leaves the cache partly empty, and the next call fills it.
    while (this.computing) await this.computing.catch(() => undefined);
    this.computing = this.compute();
    try {
      return await this.computing;
    } finally {
      this.computing = undefined;
    }
  }

  /**
   * The entries with, for the decided (accepted or rejected) records, the days git gives for their
   * first commit and their decision (see `GitHistory.decision`; the records the core's `recordsToTime`
   * chooses), for the report's time to decide. Without git, the entries alone. Never throws.
   */
  async reportEntries(): Promise<ReportEntry[]> {
    const entries = await this.entries();
    const decided = recordsToTime(entries);
    const read = new Map<HealthEntry, { first?: string; decided?: string }>();
    for (const entry of decided) {
      const where = this.locator.classify(entry.key);
      const options = parseOptionsFor(entry.key, where?.hint, this.locator.config);
      const statusOf = (text: string) => parseRecord(entry.file, text, options)?.status;
      const decision = await this.git.decision(entry.key, entry.record.status, statusOf).catch(() => undefined);
      if (decision) read.set(entry, decision);
    }
    return entries.map(e => (read.has(e) ? { ...e, decided: read.get(e) } : e));
  }

  /**
   * Every record's entry. When the index changes meanwhile (a checkout, a tool writing many files), the
   * pass stops, waits for the index to be quiet for half a second, and starts again: each change
   * rebuilds the cross-record snapshot, which a pass going on would do once per record.
   */
  private async compute(): Promise<HealthEntry[]> {
    for (;;) {
      const generation = this.generation;
      const out: HealthEntry[] = [];
      let done = 0;
      for (const indexed of this.index.all()) {
        if (this.generation !== generation) break;
        const key = indexed.uri.toString();
        if (!this.cache.has(key)) {
          const read = await this.read(indexed);
          if (this.generation !== generation) break; // read against a snapshot now gone
          this.cache.set(key, read);
        }
        const entry = this.cache.get(key);
        if (entry) out.push(entry);
        // Lint is synchronous: let the host breathe between batches of a large log.
        if (++done % 25 === 0) await new Promise(resolve => setTimeout(resolve, 0));
      }
      if (this.generation === generation) return out;
      for (let seen = -1; seen !== this.generation;) {
        seen = this.generation;
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    }
  }

  /** One record's entry, or null when it cannot be read or is no record. Never throws. */
  private async read(indexed: IndexedRecord): Promise<HealthEntry | null> {
    const { uri } = indexed;
    const where = this.locator.classify(uri);
    if (!where) return null;
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : this.texts.get(indexed) ?? await readRecordText(uri);
    if (text === undefined || text.includes('\0')) return null;
    if (!open) this.texts.set(indexed, text);
    try {
      // A closed file is the index's record (parsed from the saved text); an open one is parsed from the editor's.
      const record = open ? parseRecord(where.relativePath, text, parseOptionsFor(uri, where.hint, this.locator.config)) : indexed.record;
      if (!record) return null;
      const project = this.locator.config.configFor(uri).config;
      const options = lintOptionsFor(uri, where.hint, this.locator.config);
      // A proposal without a date is stale counted from its first commit, when git tells.
      const firstCommitted = needsFirstCommit(record) ? await this.git.firstCommitted(uri) : undefined;
      const findings = settings(uri).lintEnabled
        ? lintRecord(record, text, { ...options, rules: attentionRules(options.rules), workspace: this.index.recordsNear(uri), firstCommitted })
        : [];
      return { key: uri, file: where.relativePath, record, lines: splitLines(text), findings, settings: healthSettings(project), firstCommitted };
    } catch (err) {
      log().error(`Could not read the health of ${where.relativePath}: ${errorMessage(err)}`);
      return null;
    }
  }

  /** Fires `onDidChange` after `ms` without another change (records change in bursts: a save, a supersede, a checkout). */
  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), ms);
  }
}
