/**
 * Decided once, for every host: where a record's project starts, which configuration applies to it,
 * which of its folders hold records, and which files are records at all. The editor, the CLI and the
 * tests reach files only through a {@link DecisionWorkspace} and ask this module the rest, so that
 * the same folder gives the same records (and so the same findings) from any host and any working
 * directory.
 */
import { CONFIG_FILE_NAMES } from './config';
import { CONVENTIONAL_ADR_FOLDERS } from './folders';
import type { ProjectKind } from './kinds';
import { isNonRecordFileName, parseRecordFileName, projectKindOf } from './record';
import { DecisionWorkspace, joinPath, parentOf, relativeTo } from './workspace';

/** Files whose folder is a project root: a configuration, adr-tools' and log4brains' markers, a Git repository. */
export const PROJECT_MARKERS: readonly string[] = [...CONFIG_FILE_NAMES, '.adr-dir', '.log4brains.yml', '.git'];

/** Conventional RFC folders (Spec-First's own default), tried at any depth like {@link CONVENTIONAL_ADR_FOLDERS}. */
export const CONVENTIONAL_RFC_FOLDERS: readonly string[] = ['docs/rfcs'];

/** Folders never walked when looking for records: dependencies, build output, version control. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor', '.vscode-test']);

/** How deep a walk goes below the folder it was given; deeper folders are not read (and the walk says so). */
export const MAX_WALK_DEPTH = 24;

/**
 * The project root of a folder: the nearest ancestor (the folder itself included) holding one of
 * {@link PROJECT_MARKERS}; when none holds one, the folder itself. `boundary` (the editor's workspace
 * folder) is never climbed above. `holdsMarker` says whether a folder holds a marker. Paths absolute
 * POSIX. This is the one definition; {@link findProjectRoot} asks a workspace, the editor a set of
 * folders its file search found.
 */
export function projectRootOf(folder: string, holdsMarker: (dir: string) => boolean, boundary?: string): string {
  if (boundary !== undefined && relativeTo(boundary, folder) === undefined) return folder;
  for (let dir = folder; ; dir = parentOf(dir)) {
    if (holdsMarker(dir)) return dir;
    if (dir === boundary || dir === '/') return folder;
  }
}

/** {@link projectRootOf}, asking `workspace` for the markers. Never throws. */
export async function findProjectRoot(workspace: DecisionWorkspace, folder: string, boundary?: string): Promise<string> {
  const marked = new Set<string>();
  if (boundary === undefined || relativeTo(boundary, folder) !== undefined) {
    for (let dir = folder; ; dir = parentOf(dir)) {
      if (await holdsMarker(workspace, dir)) { marked.add(dir); break; }
      if (dir === boundary || dir === '/') break;
    }
  }
  return projectRootOf(folder, dir => marked.has(dir), boundary);
}

async function holdsMarker(workspace: DecisionWorkspace, dir: string): Promise<boolean> {
  for (const marker of PROJECT_MARKERS) if (await workspace.stat(joinPath(dir, marker)) !== undefined) return true;
  return false;
}

/**
 * The configuration file of a folder: the nearest `.spec-first.json` / `.yaml` / `.yml` from the
 * folder up to its project root (the nearest wins; files are not merged). Returns its absolute path
 * and text, or undefined. Never throws.
 */
export async function findConfigFile(workspace: DecisionWorkspace, folder: string, projectRoot: string): Promise<{ path: string; text: string } | undefined> {
  if (relativeTo(projectRoot, folder) === undefined) return undefined;
  for (let dir = folder; ; dir = parentOf(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = joinPath(dir, name);
      const text = await workspace.readText(path);
      if (text !== undefined) return { path, text };
    }
    if (dir === projectRoot || dir === '/') return undefined;
  }
}

/** The record folders a project names, relative to its root (POSIX, no leading or trailing `/`). */
export interface RecordFolders {
  /** ADR folders: a setting, `.adr-dir`, `.log4brains.yml`'s `adrFolder`, a configuration's `adr.directory`. */
  readonly adr: readonly string[];
  /** RFC folders: a setting or a configuration's `rfc.directory`. */
  readonly rfc: readonly string[];
}

/** What {@link classifyRecordFile} says of a file that may be a record. */
export interface RecordFileClass {
  /** The kind to assume when the content shows none: the file lies in an ADR or an RFC folder. */
  readonly folderHint?: 'adr' | 'rfc';
  /** The project kind whose `files` name it. */
  readonly projectKind?: ProjectKind;
}

/**
 * The record-file rule: whether a file may be a decision record, before its content is read (which
 * `parseRecord` then decides). A Markdown file is a candidate when a project kind's `files` name it
 * (README included, as KEPs are); else never when it is a README, index or template; else when its
 * name is numbered (`0007-…md`, adr-tools, MADR) or dated (`20240115-…md`, log4brains); else when it
 * lies directly in a record folder the project names ({@link RecordFolders}) or in a conventional one
 * at any depth ({@link CONVENTIONAL_ADR_FOLDERS}, {@link CONVENTIONAL_RFC_FOLDERS}).
 * `path` is relative to the project root (POSIX); `absolutePath`, when given, is the same file's
 * absolute path, for the conventional folders. Returns undefined for files that are not candidates.
 */
export function classifyRecordFile(path: string, folders: RecordFolders = { adr: [], rfc: [] }, kinds: readonly ProjectKind[] = [], absolutePath?: string): RecordFileClass | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (!/\.md$/i.test(name)) return undefined;
  const projectKind = projectKindOf(path, kinds);
  if (projectKind) return { projectKind };
  if (isNonRecordFileName(name)) return undefined;
  const dir = slash < 0 ? '' : path.slice(0, slash);
  // Conventional folders count at any depth, above the project root too (a root that is the records' own folder).
  const anyDepth = absolutePath === undefined ? dir : absolutePath.slice(0, absolutePath.lastIndexOf('/'));
  const inFolder = (named: readonly string[], conventional: readonly string[]) =>
    named.includes(dir) || conventional.some(c => anyDepth === c || anyDepth.endsWith(`/${c}`));
  const folderHint = inFolder(folders.adr, CONVENTIONAL_ADR_FOLDERS) ? 'adr' : inFolder(folders.rfc, CONVENTIONAL_RFC_FOLDERS) ? 'rfc' : undefined;
  if (folderHint) return { folderHint };
  return parseRecordFileName(name) ? {} : undefined;
}

/** What {@link walkMarkdownFiles} found. */
export interface MarkdownWalk {
  /** Markdown files (absolute POSIX paths), sorted. */
  readonly files: readonly string[];
  /** Folders not walked because they lie deeper than {@link MAX_WALK_DEPTH}. Unreadable ones are the host's to report. */
  readonly tooDeep: readonly string[];
}

/**
 * The Markdown files under `folder` (a Markdown file gives itself), walking only that folder: hidden
 * folders and {@link SKIPPED_FOLDERS} are not entered, nor anything deeper than {@link MAX_WALK_DEPTH}
 * (which also ends symbolic-link loops). Which of them are records is for {@link classifyRecordFile}
 * to say, relative to each file's project root. Never throws.
 */
export async function walkMarkdownFiles(workspace: DecisionWorkspace, folder: string): Promise<MarkdownWalk> {
  return walkFiles(workspace, folder, { accept: path => /\.md$/i.test(path) });
}

/** What {@link walkFiles} asks of its caller: which files it keeps and which folders it enters. */
export interface WalkFilter {
  /** Whether the file at `path` (absolute POSIX) is kept. */
  accept(path: string): boolean;
  /** Whether the folder at `path` is entered (after the walk's own rules: hidden and {@link SKIPPED_FOLDERS} never are). Default: yes. */
  enter?(path: string): boolean;
  /** Called with each folder walked and its entries, before they are filtered (to read an ignore file there). */
  visit?(path: string, entries: readonly { readonly name: string; readonly type: string }[]): Promise<void>;
}

/**
 * The files under `folder` that `filter` accepts (a file given alone is kept when accepted), walking
 * as {@link walkMarkdownFiles} does: breadth first, hidden folders and {@link SKIPPED_FOLDERS} not
 * entered, nor folders `filter.enter` refuses, nor anything deeper than {@link MAX_WALK_DEPTH}; each
 * real folder and file once where the host resolves links. Files sorted. Never throws.
 */
export async function walkFiles(workspace: DecisionWorkspace, folder: string, filter: WalkFilter): Promise<MarkdownWalk> {
  const files: string[] = [];
  const tooDeep: string[] = [];
  if (await workspace.stat(folder) === 'file') return { files: filter.accept(folder) ? [folder] : [], tooDeep };
  // Each real folder and file once, when the host has links: a link to a folder already walked (a loop) adds nothing.
  const seen = new Set<string>();
  const firstTime = async (path: string) => {
    if (!workspace.realPath) return true;
    const real = await workspace.realPath(path);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  await firstTime(folder);
  const queue: { path: string; depth: number }[] = [{ path: folder, depth: 0 }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const entries = await workspace.list(next.path);
    if (!entries) continue;
    await filter.visit?.(next.path, entries);
    for (const entry of entries) {
      const path = joinPath(next.path, entry.name);
      if (entry.type === 'file') { if (filter.accept(path) && await firstTime(path)) files.push(path); }
      else if (entry.type === 'directory' && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && (filter.enter?.(path) ?? true) && await firstTime(path)) {
        if (next.depth + 1 > MAX_WALK_DEPTH) tooDeep.push(path);
        else queue.push({ path, depth: next.depth + 1 });
      }
    }
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, tooDeep };
}
