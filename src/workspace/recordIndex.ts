/**
 * The workspace index: every decision record in every workspace folder, read with the core's fast
 * outline scan (no Markdown parse), kept current file by file from a file-system watcher. The
 * explorer and the commands read it; it never throws on a strange file, and logs what it skipped.
 */
import * as vscode from 'vscode';
import { lintRecord, type WorkspaceRecord } from '../core/lint';
import { WorkspaceSnapshot } from '../core/lint/workspace';
import { DecisionRecord, parseRecord } from '../core/record';
import { looksBinary, stripBom } from '../core/text';
import { errorMessage, log } from '../util/log';
import { settings } from '../util/settings';
import { lintOptionsFor, parseOptionsFor } from './recordOptions';
import { RecordLocator } from './locator';

/** A record and where it lives. */
export interface IndexedRecord {
  readonly uri: vscode.Uri;
  readonly folder: vscode.WorkspaceFolder | undefined;
  readonly record: DecisionRecord;
  /**
   * Warnings and errors the record's own lint rules find in the file as saved (cross-record rules
   * not included); undefined when lint is off for it or the entry was not made by the index. The
   * index counts them when this is first read (the Decisions view showing the record), not while it
   * scans: a scan reads and parses, and lints nothing.
   */
  readonly problems?: number;
}

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**,**/out/**,**/dist/**}';
const PARALLEL_READS = 32;
const EMPTY = new WorkspaceSnapshot({ records: [] });

/** The key of the workspace folder holding `uri`: its URI, or `` outside every folder. */
const folderKey = (uri: vscode.Uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';

/**
 * Reads a file as UTF-8 text for the index. Returns undefined (and logs why) for binary files and
 * files that cannot be read, such as one deleted while being read.
 */
export async function readRecordText(uri: vscode.Uri): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    log().info(`Skipped ${vscode.workspace.asRelativePath(uri)}: ${errorMessage(err)}`);
    return undefined;
  }
  if (looksBinary(bytes)) {
    log().warn(`Skipped ${vscode.workspace.asRelativePath(uri)}: it is a binary file, not Markdown text.`);
    return undefined;
  }
  return stripBom(new TextDecoder('utf-8').decode(bytes));
}

/**
 * `entry` with `problems` counted by `count` on its first read, then kept (the entry is replaced
 * when its file changes, so the count is that of the version read).
 */
function withLazyProblems(entry: Omit<IndexedRecord, 'problems'>, count: () => number | undefined): IndexedRecord {
  let pending: (() => number | undefined) | undefined = count;
  let problems: number | undefined;
  return Object.defineProperty(entry, 'problems', {
    enumerable: true,
    get: () => {
      if (pending) {
        problems = pending();
        pending = undefined; // the text it holds is released
      }
      return problems;
    },
  });
}

/** The index. Create once per activation; dispose with the extension. */
export class RecordIndex implements vscode.Disposable {
  private readonly records = new Map<string, IndexedRecord>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private scanning: Promise<void> | undefined;
  private generation = 0;
  /** The cross-record lint's snapshot of each workspace folder; undefined after a change until asked for again. */
  private snapshots: Map<string, WorkspaceSnapshot> | undefined;
  /**
   * Files created, changed or deleted while a scan runs, by URI: the scan's listing may predate them,
   * so they are read again (or dropped) once its results are in, rather than lost.
   */
  private eventsDuringScan: Map<string, { uri: vscode.Uri; deleted: boolean }> | undefined;
  /** Every candidate file seen (records, and record-like files that are not: a "Moved to …" stub), by URI. */
  private readonly candidates = new Map<string, vscode.Uri>();

  /** Fires after the index changed (a scan finished, a record was added, changed or removed). */
  readonly onDidChange = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with each file {@link refresh} was asked to read (a command wrote it), record or not. */
  readonly onDidRefresh = this.refreshed.event;

  constructor(private readonly locator: RecordLocator) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,MD,markdown}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(uri => this.schedule(uri)),
      watcher.onDidChange(uri => this.schedule(uri)),
      watcher.onDidDelete(uri => this.remove(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
      locator.onDidChange(() => this.rescan()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('specFirst.status.vocabulary') || e.affectsConfiguration('specFirst.lint.enabled') || e.affectsConfiguration('specFirst.lint.rules')) this.rescan();
      }),
    );
  }

  /** Every record, in no particular order. */
  all(): IndexedRecord[] {
    return [...this.records.values()];
  }

  /**
   * The records of the workspace folder holding `uri`, as the core's cross-record lint rules see
   * them (paths relative to that folder), with their lookups: one snapshot per folder, built on the
   * first request after the index changed and shared by every lint until it changes again (typing
   * in an editor never rebuilds it).
   */
  recordsNear(uri: vscode.Uri): WorkspaceSnapshot {
    this.snapshots ??= this.buildSnapshots();
    return this.snapshots.get(folderKey(uri)) ?? EMPTY;
  }

  /** One snapshot per workspace folder (key: its URI, `` outside any): its records and record-like files. */
  private buildSnapshots(): Map<string, WorkspaceSnapshot> {
    const files = new Map<string, Set<string>>();
    for (const uri of this.candidates.values()) {
      const key = folderKey(uri);
      if (!files.has(key)) files.set(key, new Set());
      files.get(key)!.add(vscode.workspace.asRelativePath(uri, false));
    }
    const records = new Map<string, WorkspaceRecord[]>();
    for (const e of this.records.values()) {
      const key = e.folder?.uri.toString() ?? '';
      if (!records.has(key)) records.set(key, []);
      records.get(key)!.push({ path: e.record.path, record: e.record });
    }
    const snapshots = new Map<string, WorkspaceSnapshot>();
    for (const key of new Set([...files.keys(), ...records.keys()])) {
      snapshots.set(key, new WorkspaceSnapshot({ records: records.get(key) ?? [], files: files.get(key) }));
    }
    return snapshots;
  }

  /** The record of a file, if it is one. */
  get(uri: vscode.Uri): IndexedRecord | undefined {
    return this.records.get(uri.toString());
  }

  /** Resolves when the current scan (started by the first call, or by a change of folders) is over. */
  ready(): Promise<void> {
    this.scanning ??= this.scan();
    return this.scanning;
  }

  /** Forgets everything and scans the workspace again. */
  rescan(): Promise<void> {
    this.scanning = this.scan();
    return this.scanning;
  }

  /** Re-reads one file now (after a command wrote it), rather than waiting for the watcher. */
  async refresh(uri: vscode.Uri): Promise<void> {
    this.refreshed.fire(uri);
    if (await this.update(uri)) this.changed.fire();
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.refreshed.dispose();
  }

  private async scan(): Promise<void> {
    const generation = ++this.generation;
    this.eventsDuringScan ??= new Map();
    await this.locator.ready();
    const started = Date.now();
    let stale: vscode.Uri[] = [];
    await vscode.window.withProgress({ location: { viewId: 'specFirst.decisions' }, title: 'Indexing decision records' }, async () => {
      const found: IndexedRecord[] = [];
      let files: vscode.Uri[] = [];
      try {
        files = (await vscode.workspace.findFiles('**/*.{md,MD,markdown}', EXCLUDE)).filter(uri => this.locator.classify(uri));
      } catch (err) {
        log().error(`Could not list the workspace's Markdown files: ${errorMessage(err)}`);
      }
      for (let i = 0; i < files.length; i += PARALLEL_READS) {
        const batch = await Promise.all(files.slice(i, i + PARALLEL_READS).map(uri => this.read(uri)));
        for (const r of batch) if (r) found.push(r);
      }
      if (generation !== this.generation) return; // a newer scan started meanwhile
      // Merged, not replaced: a file the listing missed (it was created a moment ago, the search
      // index had not seen it yet) must not vanish. Entries the scan did not find are read again below.
      const foundKeys = new Set(found.map(r => r.uri.toString()));
      stale = [...this.records.values()].filter(r => !foundKeys.has(r.uri.toString())).map(r => r.uri);
      for (const uri of files) this.candidates.set(uri.toString(), uri);
      this.snapshots = undefined;
      for (const r of found) this.records.set(r.uri.toString(), r);
      log().info(`Indexed ${found.length} decision records in ${files.length} candidate files (${Date.now() - started} ms).`);
    });
    if (generation !== this.generation) return;
    // What changed while the scan listed and read the workspace, and what it did not find: read again
    // (a record that is gone, or no longer a candidate, is dropped by the read).
    const events = this.eventsDuringScan;
    this.eventsDuringScan = undefined;
    for (const { uri, deleted } of events?.values() ?? []) {
      if (deleted) this.remove(uri, false);
      else await this.update(uri);
    }
    for (const uri of stale) if (!events?.has(uri.toString())) await this.update(uri);
    this.changed.fire();
  }

  /** Reads one candidate file into a record, or undefined. Never throws. */
  private async read(uri: vscode.Uri): Promise<IndexedRecord | undefined> {
    const where = this.locator.classify(uri);
    if (!where) return undefined;
    const text = await readRecordText(uri);
    if (text === undefined) return undefined;
    try {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const record = parseRecord(where.relativePath, text, parseOptionsFor(uri, where.hint, this.locator.config));
      if (record?.frontMatter?.error) {
        log().warn(`${where.relativePath}:${record.frontMatter.error.range.start.line + 1}: invalid front matter: ${record.frontMatter.error.message}`);
      }
      return record && withLazyProblems({ uri, folder, record }, () => this.countProblems(uri, where.hint, record, text));
    } catch (err) {
      log().error(`Could not read ${where.relativePath} as a record: ${errorMessage(err)}`);
      return undefined;
    }
  }

  /** The record's own warnings and errors (lint on the outline: cheap); undefined when lint is off or fails. */
  private countProblems(uri: vscode.Uri, hint: 'adr' | 'rfc' | undefined, record: DecisionRecord, text: string): number | undefined {
    if (!settings(uri).lintEnabled) return undefined;
    try {
      return lintRecord(record, text, lintOptionsFor(uri, hint, this.locator.config)).filter(f => f.severity === 'error' || f.severity === 'warning').length;
    } catch (err) {
      log().warn(`Could not lint ${vscode.workspace.asRelativePath(uri)} for the Decisions view: ${errorMessage(err)}`);
      return undefined;
    }
  }

  /** Updates one file's entry; true when the index changed. */
  private async update(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const next = await this.read(uri);
    const had = this.records.has(key);
    if (next) this.records.set(key, next);
    else this.records.delete(key);
    if (this.locator.classify(uri)) this.candidates.set(key, uri);
    this.snapshots = undefined;
    return had || next !== undefined;
  }

  /** Coalesces bursts of watcher events for one file (save, format on save…) into one read. */
  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    this.eventsDuringScan?.set(key, { uri, deleted: false });
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      void this.update(uri).then(changed => { if (changed) this.changed.fire(); });
    }, 50));
  }

  /** Drops a deleted file (or folder: every record under it); fires `onDidChange` when `notify` and something went. */
  private remove(uri: vscode.Uri, notify = true): void {
    const key = uri.toString();
    this.eventsDuringScan?.set(key, { uri, deleted: true });
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.snapshots = undefined;
    const wasFile = this.candidates.delete(key);
    let changed = this.records.delete(key);
    // A folder deleted at once: drop every record under it. A file the index knew is no folder, and
    // looking for one costs a pass over the index for each file of a deleted batch.
    if (wasFile || changed) {
      if (changed && notify) this.changed.fire();
      return;
    }
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const k of [...this.candidates.keys()]) if (k.startsWith(prefix)) this.candidates.delete(k);
    for (const k of [...this.records.keys()]) if (k.startsWith(prefix)) changed = this.records.delete(k) || changed;
    if (changed && notify) this.changed.fire();
  }
}
