/**
 * Decision references across the workspace's files: the core's scan (`core/referenceFiles.ts`) of
 * each Markdown file, each source file's comments (the languages of `core/codeComments.ts`) and each
 * file a project's `"references"."files"` names, read once through `vscode.workspace.fs` (or taken
 * from its open editor) and kept until the file changes, and each reference resolved to the records
 * of the editor's index. Files are listed with `vscode.workspace.findFiles`, bounded by
 * `files.exclude`, `search.exclude` and the `.gitignore` files. In a browser host (each read a network
 * round trip) only Markdown and the configured globs are listed. Files are scanned in slices of at
 * most {@link SLICE_MS} between yields, so that indexing never holds the extension host.
 */
import * as vscode from 'vscode';
import { CODE_EXTENSIONS } from '../core/codeComments';
import { globMatcher } from '../core/glob';
import { gitignoreFilter, maxReferenceBytes, MAX_IGNORE_TEXT, referenceReadingOf, scanFileReferences, type IgnoreFile, type ReferenceReading } from '../core/referenceFiles';
import { familyOf, referenceSchemes, renumberedIdentifier, resolveReference, type IdScheme, type Reference } from '../core/references';
import { movedLinkEdits, renumberedLabelEdits } from '../core/recordMove';
import { toRange } from '../util/convert';
import type { DecisionRecord } from '../core/record';
import { parentOf, relativeTo } from '../core/workspace';
import { isBrowserHost } from '../util/host';
import { errorMessage, log } from '../util/log';
import type { ProjectConfigService } from '../workspace/projectConfig';
import { readRecordText, type IndexedRecord, type RecordIndex } from '../workspace/recordIndex';

/** The Markdown files whose references are indexed. */
const MARKDOWN = '**/*.{md,MD,markdown}';
/** Markdown and every source file of the comment table: what a Node host lists. */
const MARKDOWN_AND_CODE = `**/*.{md,MD,markdown,${CODE_EXTENSIONS.map(e => e.slice(1)).join(',')}}`;
const PARALLEL_READS = 32;
/** Most milliseconds of scanning between two yields to the event loop. */
export const SLICE_MS = 20;
/** Most `.gitignore` files read per workspace folder. */
const MAX_IGNORE_FILES = 500;

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

/** True for a `.gitignore` file. */
const isIgnoreFile = (uri: vscode.Uri) => uri.path.endsWith('/.gitignore');

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
  /** Deleted paths that were no file of the index (perhaps folders), dropped together after a moment. */
  private readonly deletedPaths = new Set<string>();
  private deletedTimer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<void> = Promise.resolve();
  /** Counts {@link forget}s: what a reading took before one is not kept (the files it read are listed again). */
  private generation = 0;
  /** The globs of `files.exclude` and `search.exclude`, read again when either changes. */
  private excludes = excludeGlobs();
  private readonly schemesByFolder = new Map<string, { schemes: IdScheme[]; key: string }>();
  /** Per workspace folder (its URI string): what its `.gitignore` files leave out (paths relative to the folder). */
  private ignored = new Map<string, (path: string) => boolean>();
  /** Watchers of the configured `"references"."files"` globs, made again with each listing. */
  private globWatchers: vscode.Disposable[] = [];
  private handles: Map<DecisionRecord, IndexedRecord> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly index: RecordIndex, private readonly config: ProjectConfigService) {
    const watcher = vscode.workspace.createFileSystemWatcher(isBrowserHost() ? MARKDOWN : MARKDOWN_AND_CODE);
    const ignoreWatcher = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    // A folder deleted is reported as the folder alone, which the file pattern above does not match.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      deletions,
      deletions.onDidDelete(uri => this.deleted(uri)),
      { dispose: () => clearTimeout(this.deletedTimer) },
      watcher.onDidCreate(uri => this.changed(uri)),
      watcher.onDidChange(uri => this.changed(uri)),
      watcher.onDidDelete(uri => this.deleted(uri)),
      ignoreWatcher,
      ignoreWatcher.onDidCreate(uri => this.ignoreChanged(uri)),
      ignoreWatcher.onDidChange(uri => this.ignoreChanged(uri)),
      ignoreWatcher.onDidDelete(uri => this.ignoreChanged(uri)),
      vscode.workspace.onDidChangeTextDocument(e => { if (this.files.has(e.document.uri.toString())) this.stale.set(e.document.uri.toString(), e.document.uri); }),
      // A save is certain where a file watcher is not (a folder deleted and made again can lose its watch).
      vscode.workspace.onDidSaveTextDocument(d => {
        if (!this.listing || !vscode.workspace.getWorkspaceFolder(d.uri)) return;
        if (isIgnoreFile(d.uri)) this.ignoreChanged(d.uri);
        else this.changed(d.uri);
      }),
      // A file opened that the listing has not seen (a file watcher can miss a creation): read it too.
      vscode.workspace.onDidOpenTextDocument(d => { if (this.listing && !this.files.has(d.uri.toString()) && vscode.workspace.getWorkspaceFolder(d.uri)) this.changed(d.uri); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.forget()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration('files.exclude') && !e.affectsConfiguration('search.exclude')) return;
        this.excludes = excludeGlobs();
        this.forget();
      }),
      index.onDidChange(() => this.indexChanged()),
      // A file a command wrote (the index told to read it now): read again here too, watcher or not.
      index.onDidRefresh(uri => {
        if (!this.listing) return;
        if (isIgnoreFile(uri)) this.ignoreChanged(uri);
        else this.changed(uri);
      }),
      config.onDidChange(() => { this.indexChanged(); this.forget(); }),
    );
  }

  /** A file created or changed: read again on the next request, unless the listing would have left it out. */
  private changed(uri: vscode.Uri): void {
    if (!this.leftOut(uri) && this.readingOf(uri) !== undefined) this.stale.set(uri.toString(), uri);
  }

  /**
   * A `.gitignore` created, changed or deleted (seen by its watcher, a save, or a command's write,
   * whichever comes first): everything is listed again under the new rules on the next request. One
   * in a folder the listing leaves out (`files.exclude`, `search.exclude`: `node_modules/…`) is not
   * read, and changes nothing.
   */
  private ignoreChanged(uri: vscode.Uri): void {
    if (!excluded(this.relativePath(uri), this.excludes)) this.forget();
  }

  /**
   * A file deleted, or a folder: the files under a folder are read again on the next request (gone, they
   * are dropped; made again meanwhile, they are read anew), in one pass over the index for all the paths
   * deleted within 100 ms (a checkout or `rm -r` deletes thousands at once).
   */
  private deleted(uri: vscode.Uri): void {
    const key = uri.toString();
    const known = this.files.delete(key);
    if (this.stale.delete(key) || known) return;
    this.deletedPaths.add(key.endsWith('/') ? key.slice(0, -1) : key);
    this.deletedTimer ??= setTimeout(() => {
      this.deletedTimer = undefined;
      const gone = (k: string) => {
        for (let slash = k.lastIndexOf('/'); slash > 0; slash = k.lastIndexOf('/', slash - 1)) if (this.deletedPaths.has(k.slice(0, slash))) return true;
        return false;
      };
      for (const [k, file] of this.files) if (gone(k)) this.stale.set(k, file.uri);
      this.deletedPaths.clear();
    }, 100);
  }

  /** True when `files.exclude`, `search.exclude` or a `.gitignore` leaves the file out. */
  private leftOut(uri: vscode.Uri): boolean {
    const rel = this.relativePath(uri);
    return excluded(rel, this.excludes) || (this.ignored.get(folderKey(uri))?.(rel) ?? false);
  }

  /**
   * How the file at `uri` is read for references (see `referenceReadingOf`): by its open document's
   * language when it has one, else by its name; files of no known language only where its project's
   * `"references"."files"` globs (relative to the configuration's folder) name them.
   */
  readingOf(uri: vscode.Uri, languageId?: string): ReferenceReading | undefined {
    const loaded = this.config.configFor(uri);
    const globs = loaded.config.references?.files ?? [];
    const base = loaded.uri ? parentOf(loaded.uri.path) : vscode.workspace.getWorkspaceFolder(uri)?.uri.path;
    const fromConfig = base === undefined ? undefined : relativeTo(base, uri.path);
    const configured = fromConfig !== undefined && globs.some(g => globMatcher(g)(fromConfig));
    const reading = referenceReadingOf(this.relativePath(uri), languageId);
    if (reading?.kind === 'markdown') return reading;
    // In a browser host, a source file is read when configured, or open (its text is at hand).
    if (reading) return !isBrowserHost() || configured || languageId !== undefined ? reading : undefined;
    return configured ? { kind: 'text' } : undefined;
  }

  /** Whether RFC identifiers count in the file's comments (its project's `"references"."rfcInCode"`). */
  private rfcInCode(uri: vscode.Uri): boolean {
    return this.config.configFor(uri).config.references?.rfcInCode ?? false;
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

  /**
   * The references in an open document (scanned now: a document being edited is never stale): read
   * as its language says (Markdown, a source language of the table, or text where configured); none
   * for any other document, or one larger than its reading allows.
   */
  referencesIn(document: vscode.TextDocument): Reference[] {
    const reading = this.readingOf(document.uri, document.languageId === 'plaintext' ? undefined : document.languageId);
    const text = reading && document.getText();
    if (!reading || text === undefined || text.length > maxReferenceBytes(reading)) return [];
    return scanFileReferences(text, reading, this.schemesFor(document.uri), this.relativePath(document.uri), this.rfcInCode(document.uri));
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

  /**
   * The plain identifiers to rewrite when `entry` takes the number `next`: those naming it alone get
   * the new digits (`changes`, padding kept, see `renumberedIdentifier`); those naming other records
   * too (the number was duplicated) are listed in `ambiguous`, to be shown, never changed. The labels
   * of links to it that name its number follow too (`renumberedLabelEdits`: `[ADR-0005](0005-x.md)`).
   */
  async renumbering(entry: IndexedRecord, next: number, token?: vscode.CancellationToken): Promise<{ changes: { uri: vscode.Uri; range: vscode.Range; newText: string }[]; ambiguous: ReferenceLocation[] }> {
    const changes: { uri: vscode.Uri; range: vscode.Range; newText: string }[] = [];
    const ambiguous: ReferenceLocation[] = [];
    // Records compared by URI: the index may have made new objects for them since `entry` was read.
    const key = entry.uri.toString();
    const before = entry.record.number;
    for (const file of await this.all(token)) {
      const schemes = this.schemesFor(file.uri);
      const family = familyOf(entry.record, schemes);
      for (const reference of file.references) {
        if (reference.target.type === 'link') {
          if (before === undefined || !family || !this.resolve(file.uri, reference).some(e => e.uri.toString() === key)) continue;
          for (const e of renumberedLabelEdits(reference, family, schemes, this.relativePath(file.uri), before, next)) changes.push({ uri: file.uri, range: toRange(e.range), newText: e.newText });
          continue;
        }
        const renumbered = renumberedIdentifier(reference, next);
        if (!renumbered) continue;
        const names = this.resolve(file.uri, reference);
        if (!names.some(e => e.uri.toString() === key)) continue;
        if (names.length !== 1) ambiguous.push({ uri: file.uri, reference });
        else changes.push({ uri: file.uri, range: toRange(renumbered.range), newText: renumbered.newText });
      }
    }
    return { changes, ambiguous };
  }

  /**
   * The link destinations to rewrite once the files of `moves` (workspace-relative paths, old → new)
   * have moved: links to a moved file, and the relative links a moved file writes (see `movedLinkEdits`).
   */
  async linkMoves(moves: ReadonlyMap<string, string>, token?: vscode.CancellationToken): Promise<{ uri: vscode.Uri; range: vscode.Range; newText: string }[]> {
    const changes: { uri: vscode.Uri; range: vscode.Range; newText: string }[] = [];
    for (const file of await this.all(token)) {
      for (const e of movedLinkEdits(file.references, this.relativePath(file.uri), moves)) changes.push({ uri: file.uri, range: toRange(e.range), newText: e.newText });
    }
    return changes;
  }

  /** Resolves when the index of records has been scanned (the references' targets are known). */
  ready(): Promise<void> {
    return this.index.ready();
  }

  /** The references of every file of the workspace read for references (reading the files not read yet, or changed since). */
  async all(token?: vscode.CancellationToken): Promise<FileReferences[]> {
    await this.ready();
    // The index forgotten meanwhile (a .gitignore or a setting changed): listed and read again, a few times at most.
    for (let attempt = 0; ; attempt++) {
      const generation = this.generation;
      this.listing ??= this.list();
      await this.listing;
      // One reading at a time: a request made while another reads waits for it, then reads what is still stale.
      this.reading = this.reading.then(() => this.readStale(token));
      await this.reading;
      if (generation === this.generation || token?.isCancellationRequested) return [...this.files.values()];
      if (attempt === 2) {
        log().info('References: the workspace\'s .gitignore files or exclude settings kept changing while it was read; this answer may miss some files.');
        return [...this.files.values()];
      }
    }
  }

  /**
   * Reads the stale files, in parallel batches, then scans them one by one, yielding to the event
   * loop whenever a slice has taken {@link SLICE_MS}; those left when `token` is cancelled stay stale.
   */
  private async readStale(token?: vscode.CancellationToken): Promise<void> {
    let slice = Date.now();
    const generation = this.generation;
    while (this.stale.size > 0 && !token?.isCancellationRequested && generation === this.generation) {
      const batch: vscode.Uri[] = [];
      for (const uri of this.stale.values()) if (batch.push(uri) === PARALLEL_READS) break;
      for (const uri of batch) this.stale.delete(uri.toString());
      const texts = await Promise.all(batch.map(uri => this.textOf(uri)));
      slice = Date.now();
      for (const [i, uri] of batch.entries()) {
        if (Date.now() - slice >= SLICE_MS) {
          await new Promise(resolve => setTimeout(resolve, 0));
          slice = Date.now();
        }
        // Forgotten meanwhile: the rest of the batch is not kept (the new listing marks what it reads).
        if (generation !== this.generation) return;
        this.scan(uri, texts[i]);
      }
    }
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.globWatchers]) d.dispose();
  }

  /**
   * Lists the files to read: Markdown and source files (Markdown alone in a browser host), and the
   * files of each project's `"references"."files"` globs; each is read on the next request. Reads the
   * `.gitignore` files first, and leaves out what they ignore.
   */
  private async list(): Promise<void> {
    // Forgotten meanwhile (a .gitignore changed while listing): this listing's rules are old, and it keeps nothing.
    const generation = this.generation;
    const exclude = this.excludes.length ? `{${this.excludes.join(',')}}` : undefined;
    const ignored = await this.readIgnoreFiles(exclude);
    if (generation !== this.generation) return;
    this.ignored = ignored;
    const found: vscode.Uri[] = [];
    try {
      found.push(...await vscode.workspace.findFiles(isBrowserHost() ? MARKDOWN : MARKDOWN_AND_CODE, exclude));
    } catch (err) {
      log().error(`Could not list the workspace's files for references: ${errorMessage(err)}`);
    }
    if (generation !== this.generation) return;
    for (const d of this.globWatchers) d.dispose();
    this.globWatchers = [];
    for (const { base, glob } of this.configuredGlobs()) {
      const pattern = new vscode.RelativePattern(base, glob);
      try {
        found.push(...await vscode.workspace.findFiles(pattern, exclude));
      } catch (err) {
        log().warn(`Could not list the files of "references" glob ${glob}: ${errorMessage(err)}`);
      }
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.globWatchers.push(watcher, watcher.onDidCreate(uri => this.changed(uri)), watcher.onDidChange(uri => this.changed(uri)), watcher.onDidDelete(uri => this.deleted(uri)));
    }
    if (generation !== this.generation) return;
    for (const uri of found) if (!this.leftOut(uri) && this.readingOf(uri)) this.stale.set(uri.toString(), uri);
  }

  /** The `"references"."files"` globs of the workspace's configurations, each with the folder it is relative to. */
  private configuredGlobs(): { base: vscode.Uri; glob: string }[] {
    const out: { base: vscode.Uri; glob: string }[] = [];
    for (const { uri, config } of this.config.allConfigs()) {
      for (const glob of config.references?.files ?? []) out.push({ base: vscode.Uri.joinPath(uri, '..'), glob });
    }
    return out;
  }

  /** Reads each workspace folder's `.gitignore` files (at most {@link MAX_IGNORE_FILES}): what they leave out, per folder, for {@link ignored}. */
  private async readIgnoreFiles(exclude: string | undefined): Promise<Map<string, (path: string) => boolean>> {
    const ignored = new Map<string, (path: string) => boolean>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      let uris: vscode.Uri[] = [];
      try {
        uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), exclude, MAX_IGNORE_FILES);
      } catch (err) {
        log().warn(`${folder.name}: could not look for .gitignore files: ${errorMessage(err)}`);
      }
      const files: IgnoreFile[] = [];
      for (const uri of uris) {
        const text = await readRecordText(uri);
        const dir = relativeTo(folder.uri.path, parentOf(uri.path));
        if (text !== undefined && dir !== undefined) files.push({ folder: dir, text: text.slice(0, MAX_IGNORE_TEXT) });
      }
      const filter = gitignoreFilter(files);
      for (const line of filter.declined) log().warn(`${folder.name}: ${line}; the pattern is left out.`);
      ignored.set(folder.uri.toString(), filter.ignored);
    }
    return ignored;
  }

  /** A file's text for scanning: its unsaved document's, else the file as saved (undefined when it cannot be read). */
  private async textOf(uri: vscode.Uri): Promise<string | undefined> {
    // An unsaved document's text is the one being written; a saved one is the file's (a document
    // VS Code still holds may be behind a file written or deleted since, until it reloads).
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && d.isDirty);
    return open ? open.getText() : readRecordText(uri);
  }

  /** Scans one file's text; drops the file when it cannot be read, is no longer read for references, is left out, or is too large. */
  private scan(uri: vscode.Uri, text: string | undefined): void {
    const reading = this.readingOf(uri);
    // Left out checked again here: a file may have been marked before the `.gitignore` naming it was read.
    if (text === undefined || !reading || text.length > maxReferenceBytes(reading) || this.leftOut(uri)) {
      this.files.delete(uri.toString());
      return;
    }
    try {
      this.files.set(uri.toString(), { uri, references: scanFileReferences(text, reading, this.schemesFor(uri), this.relativePath(uri), this.rfcInCode(uri)) });
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
    this.generation++;
    this.files.clear();
    this.stale.clear();
    this.listing = undefined;
  }

  /** How many files are indexed, and how many wait to be read (for the log and the tests). */
  get size(): { readonly files: number; readonly stale: number } {
    return { files: this.files.size, stale: this.stale.size };
  }
}
