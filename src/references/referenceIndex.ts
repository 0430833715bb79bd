/**
 * Decision references across the workspace's Markdown files: the core's scan (`core/references.ts`)
 * of each file, read once through `vscode.workspace.fs` (or taken from its open editor) and kept
 * until the file changes, and each reference resolved to the records of the editor's index. Files
 * are listed with `vscode.workspace.findFiles`, bounded by `files.exclude` and `search.exclude`.
 */
import * as vscode from 'vscode';
import { globMatcher } from '../core/glob';
import { findReferences, referenceSchemes, resolveReference, type IdScheme, type Reference } from '../core/references';
import type { DecisionRecord } from '../core/record';
import { errorMessage, log } from '../util/log';
import type { ProjectConfigService } from '../workspace/projectConfig';
import { readRecordText, type IndexedRecord, type RecordIndex } from '../workspace/recordIndex';

/** The Markdown files whose references are indexed. */
const MARKDOWN = '**/*.{md,MD,markdown}';
/** Files larger than this are not scanned (a generated log, a data dump). */
const MAX_TEXT = 4_000_000;
const PARALLEL_READS = 32;

/** The references of one file. */
export interface FileReferences {
  readonly uri: vscode.Uri;
  readonly references: readonly Reference[];
}

/** A reference in a file, with the records it names. */
export interface ReferenceLocation {
  readonly uri: vscode.Uri;
  readonly reference: Reference;
}

/** The key of the workspace folder holding `uri`: its URI, or `` outside every folder. */
const folderKey = (uri: vscode.Uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';

/**
 * The globs of `files.exclude` and `search.exclude` set to `true`. `findFiles` applies
 * `files.exclude` only when given no exclude, and never `search.exclude`: both are passed to it.
 * Globs with braces or commas are left out (VS Code's globs do not nest braces).
 */
function excludeGlobs(): string[] {
  const globs = new Set<string>();
  for (const section of ['files', 'search']) {
    const value = vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude') ?? {};
    for (const [glob, on] of Object.entries(value)) if (on === true && !glob.includes('{') && !glob.includes(',')) globs.add(glob);
  }
  return [...globs];
}

/** True when `path` (workspace-relative) or one of its folders matches one of `globs`. */
function excluded(path: string, globs: readonly string[]): boolean {
  const segments = path.split('/');
  for (let n = 1; n <= segments.length; n++) {
    const prefix = segments.slice(0, n).join('/');
    if (globs.some(g => globMatcher(g)(prefix))) return true;
  }
  return false;
}

/** The references of the workspace: per file, scanned on demand and kept until the file changes. */
export class ReferenceIndex implements vscode.Disposable {
  private readonly files = new Map<string, FileReferences>();
  /** Files changed since they were scanned (re-read on the next request). */
  private readonly stale = new Map<string, vscode.Uri>();
  private listing: Promise<void> | undefined;
  private reading: Promise<void> = Promise.resolve();
  /** The globs of `files.exclude` and `search.exclude`, read again when either changes. */
  private excludes = excludeGlobs();
  private readonly schemesByFolder = new Map<string, { schemes: IdScheme[]; key: string }>();
  private handles: Map<DecisionRecord, IndexedRecord> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly index: RecordIndex, private readonly config: ProjectConfigService) {
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN);
    // A file the listing would have left out (an excluded folder) is not read when it changes either.
    const changed = (uri: vscode.Uri) => { if (!excluded(this.relativePath(uri), this.excludes)) this.stale.set(uri.toString(), uri); };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(uri => { this.files.delete(uri.toString()); this.stale.delete(uri.toString()); }),
      vscode.workspace.onDidChangeTextDocument(e => { if (this.files.has(e.document.uri.toString())) this.stale.set(e.document.uri.toString(), e.document.uri); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.forget()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration('files.exclude') && !e.affectsConfiguration('search.exclude')) return;
        this.excludes = excludeGlobs();
        this.forget();
      }),
      index.onDidChange(() => this.indexChanged()),
      config.onDidChange(() => this.indexChanged()),
    );
  }

  /**
   * The identifier schemes of the workspace folder holding `uri`: ADR, RFC when the folder has RFC
   * records, and its project kinds' `"idPattern"` prefixes.
   */
  schemesFor(uri: vscode.Uri): IdScheme[] {
    const key = folderKey(uri);
    let found = this.schemesByFolder.get(key);
    if (!found) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const schemes = referenceSchemes(this.index.recordsNear(uri).records, folder ? this.config.rootConfigOf(folder).kinds : []);
      found = { schemes, key: schemes.map(s => s.prefix).join('\n') };
      this.schemesByFolder.set(key, found);
    }
    return found.schemes;
  }

  /** The references in an open document (scanned now: a document being edited is never stale). */
  referencesIn(document: vscode.TextDocument): Reference[] {
    return findReferences(document.getText(), this.schemesFor(document.uri), this.relativePath(document.uri));
  }

  /** The records a reference written in the file at `uri` names (several for an unqualified identifier with several candidates). */
  resolve(uri: vscode.Uri, reference: Reference): IndexedRecord[] {
    this.handles ??= new Map(this.index.all().map(e => [e.record, e]));
    const handles = this.handles;
    return resolveReference(reference, this.index.recordsNear(uri), this.schemesFor(uri))
      .map(w => handles.get(w.record)).filter((e): e is IndexedRecord => e !== undefined);
  }

  /** Every reference of the workspace's Markdown files to one of `targets`, in file order. */
  async referencesTo(targets: readonly IndexedRecord[], token?: vscode.CancellationToken): Promise<ReferenceLocation[]> {
    const wanted = new Set(targets);
    const out: ReferenceLocation[] = [];
    for (const file of await this.all(token)) {
      for (const reference of file.references) {
        if (this.resolve(file.uri, reference).some(e => wanted.has(e))) out.push({ uri: file.uri, reference });
      }
    }
    return out;
  }

  /** Resolves when the index of records has been scanned (the references' targets are known). */
  ready(): Promise<void> {
    return this.index.ready();
  }

  /** The references of every Markdown file of the workspace (reading the files not read yet, or changed since). */
  async all(token?: vscode.CancellationToken): Promise<FileReferences[]> {
    await this.ready();
    this.listing ??= this.list();
    await this.listing;
    // One reading at a time: a request made while another reads waits for it, then reads what is still stale.
    this.reading = this.reading.then(() => this.readStale(token));
    await this.reading;
    return [...this.files.values()];
  }

  /** Reads the stale files, in parallel batches; those left when `token` is cancelled stay stale. */
  private async readStale(token?: vscode.CancellationToken): Promise<void> {
    while (this.stale.size > 0 && !token?.isCancellationRequested) {
      const batch: vscode.Uri[] = [];
      for (const uri of this.stale.values()) if (batch.push(uri) === PARALLEL_READS) break;
      for (const uri of batch) this.stale.delete(uri.toString());
      await Promise.all(batch.map(uri => this.read(uri)));
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Lists the workspace's Markdown files; each is read on the next request. */
  private async list(): Promise<void> {
    let uris: vscode.Uri[] = [];
    try {
      uris = await vscode.workspace.findFiles(MARKDOWN, this.excludes.length ? `{${this.excludes.join(',')}}` : undefined);
    } catch (err) {
      log().error(`Could not list the workspace's Markdown files for references: ${errorMessage(err)}`);
    }
    for (const uri of uris) this.stale.set(uri.toString(), uri);
  }

  /** Scans one file (its open editor's text, else the file as saved); drops it when it cannot be read. */
  private async read(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : await readRecordText(uri);
    if (text === undefined || text.length > MAX_TEXT) {
      this.files.delete(uri.toString());
      return;
    }
    try {
      this.files.set(uri.toString(), { uri, references: findReferences(text, this.schemesFor(uri), this.relativePath(uri)) });
    } catch (err) {
      log().warn(`Could not read the references of ${vscode.workspace.asRelativePath(uri)}: ${errorMessage(err)}`);
      this.files.delete(uri.toString());
    }
  }

  /** The path of `uri` relative to its workspace folder, as the index's records' paths are. */
  private relativePath(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false);
  }

  /** After the records changed: new handles; and every file scanned again when a folder's schemes changed. */
  private indexChanged(): void {
    this.handles = undefined;
    const before = new Map([...this.schemesByFolder].map(([k, v]) => [k, v.key]));
    this.schemesByFolder.clear();
    for (const file of this.files.values()) {
      const key = folderKey(file.uri);
      if (before.has(key) && this.schemesFor(file.uri).map(s => s.prefix).join('\n') !== before.get(key)) this.stale.set(file.uri.toString(), file.uri);
    }
  }

  /** Forgets every file: the next request lists the workspace again. */
  private forget(): void {
    this.files.clear();
    this.stale.clear();
    this.listing = undefined;
  }
}
