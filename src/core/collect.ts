/**
 * Reads the records a command-line run (or a test) names, through a {@link DecisionWorkspace}, with
 * the decisions of `project.ts`: each record's project root and configuration, the record-file rule,
 * and the cross-record snapshot it is linted against. Only the folders given are walked; beyond them,
 * a record's own folder is listed (duplicate numbers are per folder) and the files its links name are
 * looked up one by one (so that a link out of the given folder is not reported broken).
 */
import { ConfigError, ProjectConfig, parseConfig, resolveKinds } from './config';
import { FolderProbe, findAdrFolder } from './folders';
import type { ProjectKind } from './kinds';
import type { WorkspaceRecord } from './lint/types';
import { WorkspaceSnapshot } from './lint/workspace';
import { basename, resolveLink } from './paths';
import { RecordFolders, classifyRecordFile, findConfigFile, findProjectRoot, walkMarkdownFiles } from './project';
import { DecisionRecord, parseRecord, parseRecordFileName } from './record';
import { DecisionWorkspace, joinPath, parentOf, relativeTo } from './workspace';

/** A project as a run sees it: its root, configuration, kinds and record folders. */
export interface LoadedProject {
  /** Absolute POSIX path of the project root. */
  readonly root: string;
  /** The configuration file, when there is one (absolute path). */
  readonly configFile?: string;
  readonly config: ProjectConfig;
  /** Problems of the configuration file (validation, templates that cannot be read). */
  readonly configErrors: readonly ConfigError[];
  readonly kinds: readonly ProjectKind[];
  readonly folders: RecordFolders;
}

/** A record read by a run. */
export interface CollectedRecord {
  /** Absolute POSIX path. */
  readonly file: string;
  readonly project: LoadedProject;
  readonly text: string;
  /** Parsed with its project's options; its `path` is relative to the project root. */
  readonly record: DecisionRecord;
}

/** What {@link collectRecords} returns. */
export interface Collection {
  /** The records under the given paths, in path order: what the run lints. */
  readonly records: readonly CollectedRecord[];
  /** Every project met, by root. */
  readonly projects: ReadonlyMap<string, LoadedProject>;
  /** Folders deeper than the walk goes (unreadable ones are the host's to report). */
  readonly tooDeep: readonly string[];
  /** The cross-record snapshot of a record's project (the record itself included). */
  snapshot(record: CollectedRecord): WorkspaceSnapshot;
}

const EMPTY_CONFIG: ProjectConfig = { rules: {}, kinds: [] };

/** A {@link FolderProbe} over a workspace, rooted at `root`. */
function probeAt(workspace: DecisionWorkspace, root: string): FolderProbe {
  return {
    isDirectory: async p => (await workspace.stat(joinPath(root, p))) === 'directory',
    readText: p => workspace.readText(joinPath(root, p)),
  };
}

/**
 * Loads the project whose root is `root`: the configuration nearest to `folder` up to the root
 * (`configFile` overrides it: an absolute path, as `--config` names it), its kinds (with their
 * templates, read only inside the root) and its record folders (`.adr-dir`, `.log4brains.yml`).
 * Never throws: problems are in `configErrors`.
 */
export async function loadProject(workspace: DecisionWorkspace, root: string, folder = root, configFile?: string): Promise<LoadedProject> {
  const found = configFile !== undefined
    ? await workspace.readText(configFile).then(text => text === undefined ? undefined : { path: configFile, text })
    : await findConfigFile(workspace, folder, root);
  const errors: ConfigError[] = [];
  let config = EMPTY_CONFIG;
  let kinds: ProjectKind[] = [];
  if (configFile !== undefined && !found) {
    errors.push({ message: `Could not read ${configFile}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  } else if (found) {
    const parsed = parseConfig(found.text);
    config = parsed.config;
    errors.push(...parsed.errors);
    const base = parentOf(found.path);
    const templates = new Map<string, string | undefined>();
    // Template paths are contained by parseConfig (relative, no `..`); the host refuses a link leading out.
    for (const k of config.kinds) {
      if (k.template && !templates.has(k.template)) templates.set(k.template, await workspace.readText(joinPath(base, k.template)));
    }
    const resolvedKinds = resolveKinds(config, templates, relativeTo(root, base) ?? '');
    kinds = resolvedKinds.kinds;
    errors.push(...resolvedKinds.errors.map(message => ({ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })));
  }
  // The configuration's folders are relative to its own folder: made relative to the root here.
  const configFolder = found ? relativeTo(root, parentOf(found.path)) ?? '' : '';
  const fromConfig = (dir: string | undefined) => (dir === undefined ? undefined : [configFolder, dir].filter(Boolean).join('/'));
  const adr = await findAdrFolder('', probeAt(workspace, root), undefined, fromConfig(config.adrDirectory));
  const rfc = fromConfig(config.rfcDirectory);
  const folders: RecordFolders = { adr: adr.source === 'default' || adr.source === 'existing' ? [] : [adr.folder], rfc: rfc === undefined ? [] : [rfc] };
  return { root, configFile: found?.path, config, configErrors: errors, kinds, folders };
}

/**
 * Reads the records under `paths` (absolute POSIX files or folders; a folder is walked, a file is
 * read when it is a record candidate). `configFile` (absolute) replaces every project's own
 * configuration. Never throws; a path that does not exist is simply empty (the caller checks first).
 */
export async function collectRecords(workspace: DecisionWorkspace, paths: readonly string[], configFile?: string): Promise<Collection> {
  const roots = new Map<string, Promise<string>>();
  const projects = new Map<string, Promise<LoadedProject>>();
  const rootOf = (folder: string) => {
    let r = roots.get(folder);
    if (!r) roots.set(folder, r = findProjectRoot(workspace, folder));
    return r;
  };
  const projectOf = async (folder: string) => {
    const root = await rootOf(folder);
    let p = projects.get(root);
    if (!p) projects.set(root, p = loadProject(workspace, root, folder, configFile));
    return p;
  };
  const byFile = new Map<string, CollectedRecord | undefined>();
  /** Reads a candidate record file once. */
  const read = async (file: string): Promise<CollectedRecord | undefined> => {
    if (byFile.has(file)) return byFile.get(file);
    byFile.set(file, undefined);
    const project = await projectOf(parentOf(file));
    const rel = relativeTo(project.root, file);
    const cls = rel === undefined ? undefined : classifyRecordFile(rel, project.folders, project.kinds, file);
    if (rel === undefined || !cls) return undefined;
    const text = await workspace.readText(file);
    const record = text === undefined ? undefined : parseRecord(rel, text, { statuses: project.config.statuses, kinds: project.kinds, folderHint: cls.folderHint });
    const collected = record && text !== undefined ? { file, project, text, record } : undefined;
    byFile.set(file, collected);
    return collected;
  };

  const tooDeep: string[] = [];
  const linted: CollectedRecord[] = [];
  for (const path of paths) {
    const walk = await walkMarkdownFiles(workspace, path);
    tooDeep.push(...walk.tooDeep);
    for (const file of walk.files) {
      const r = await read(file);
      if (r && !linted.includes(r)) linted.push(r);
    }
  }
  linted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // The snapshot: the linted records, their folders' other records, and the records and files their links name.
  const existing = new Map<string, Set<string>>();
  const exists = (project: LoadedProject, rel: string) => {
    let set = existing.get(project.root);
    if (!set) existing.set(project.root, set = new Set());
    set.add(rel);
  };
  const listed = new Set<string>();
  for (const r of linted) {
    const folder = parentOf(r.file);
    if (!listed.has(folder)) {
      listed.add(folder);
      for (const entry of (await workspace.list(folder)) ?? []) {
        if (entry.type === 'file') await read(joinPath(folder, entry.name));
      }
    }
    for (const target of linkTargets(r)) {
      const file = joinPath(r.project.root, target);
      if (await workspace.stat(file) === 'file') {
        exists(r.project, target);
        await read(file);
      }
    }
  }
  const all = [...byFile.values()].filter((r): r is CollectedRecord => r !== undefined);
  for (const r of all) if (parseRecordFileName(basename(r.record.path))) exists(r.project, r.record.path);
  const snapshots = new Map<string, WorkspaceSnapshot>();
  const loaded = new Map<string, LoadedProject>();
  for (const [root, p] of projects) loaded.set(root, await p);
  return {
    records: linted,
    projects: loaded,
    tooDeep,
    snapshot(record) {
      let s = snapshots.get(record.project.root);
      if (!s) {
        const records: WorkspaceRecord[] = all.filter(r => r.project.root === record.project.root).map(r => ({ path: r.record.path, record: r.record }));
        snapshots.set(record.project.root, s = new WorkspaceSnapshot({ records, files: existing.get(record.project.root) ?? new Set() }));
      }
      return s;
    },
  };
}

/**
 * The project-relative paths of the record-like files a record links to (`[…](0007-x.md)`, relation
 * targets): what the snapshot must know exists. Scanned by hand, linear in the text.
 */
function linkTargets(r: CollectedRecord): string[] {
  const out = new Set<string>();
  const add = (target: string) => {
    const resolved = resolveLink(r.record.path, target.trim().replace(/^<|>$/g, ''));
    if (resolved !== undefined && /\.md$/i.test(resolved) && parseRecordFileName(basename(resolved))) out.add(resolved);
  };
  for (const rel of r.record.relations) add(rel.target);
  const text = r.text;
  for (let i = text.indexOf(']('); i >= 0; i = text.indexOf('](', i + 2)) {
    let end = i + 2;
    while (end < text.length && end - i < 512 && !' \t\n\r)#?'.includes(text[end])) end++;
    add(text.slice(i + 2, end));
  }
  return [...out];
}
