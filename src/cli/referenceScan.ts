/**
 * The CLI's reading of decision references beyond the records: the files under a folder (Markdown,
 * source files' comments, files a project's `"references"."files"` names), each read with its own
 * project's records and identifier schemes, as the editor reads them (`core/referenceFiles.ts`).
 * Shared by `spec-first refs` and `spec-first lint --refs`.
 */
import { type Collection, type LoadedProject, collectRecords } from '../core/collect';
import type { WorkspaceSnapshot } from '../core/lint/workspace';
import { findProjectRoot } from '../core/project';
import { maxReferenceBytes, scanFileReferences, walkReferenceFiles, type ReferenceReading } from '../core/referenceFiles';
import { ADR_SCHEME, referenceSchemes, type IdScheme, type Reference } from '../core/references';
import { globBase, globMatcher } from '../core/glob';
import type { Finding } from '../core/lint/types';
import { checkReferences } from '../core/referenceChecks';
import { joinPath, parentOf, relativeTo, type DecisionWorkspace } from '../core/workspace';

/** A project as reference checks need it: its configuration, its records' snapshot and its schemes. */
export interface ReferenceProject {
  readonly project: LoadedProject;
  readonly snapshot: WorkspaceSnapshot;
  readonly schemes: readonly IdScheme[];
}

/** The references of one file, with the project they are resolved in. */
export interface FileReferences {
  /** Absolute POSIX path. */
  readonly file: string;
  readonly reading: ReferenceReading;
  readonly references: readonly Reference[];
  readonly project: ReferenceProject;
}

/**
 * Resolves projects for reference reading: each folder's project root (cached per folder), and each
 * root's records (from `collection` when it read some of them, else collected once from the root).
 */
export class ReferenceProjects {
  private readonly roots = new Map<string, Promise<string>>();
  private readonly projects = new Map<string, Promise<ReferenceProject | undefined>>();

  constructor(private readonly workspace: DecisionWorkspace, private readonly collection: Collection) {}

  /** The project root of the folder `folder` (absolute POSIX). */
  rootOf(folder: string): Promise<string> {
    let root = this.roots.get(folder);
    if (!root) this.roots.set(folder, root = findProjectRoot(this.workspace, folder));
    return root;
  }

  /** The project whose root is `root`, with its records; undefined when it cannot be loaded. */
  at(root: string): Promise<ReferenceProject | undefined> {
    let p = this.projects.get(root);
    if (!p) this.projects.set(root, p = this.load(root));
    return p;
  }

  private async load(root: string): Promise<ReferenceProject | undefined> {
    let collection = this.collection;
    let any = collection.records.find(r => r.project.root === root);
    if (!any) {
      // No record of this project was read for the run: its records, to resolve references against.
      collection = await collectRecords(this.workspace, [root]);
      any = collection.records.find(r => r.project.root === root);
    }
    const project = any?.project ?? collection.projects.get(root);
    if (!project) return undefined;
    const snapshot = any ? collection.snapshot(any) : undefined;
    if (!snapshot) return undefined;
    const schemes = referenceSchemes(snapshot.records, project.kinds);
    return { project, snapshot, schemes: schemes.length > 0 ? schemes : [ADR_SCHEME] };
  }
}

/**
 * The references of every file to read under `folder` (absolute POSIX, a file or a folder), walked
 * with the `.gitignore` files of its project root down (see `walkReferenceFiles`); `keep` (given the
 * path) narrows the files (the `--refs` globs); with `textGlobs`, every file `keep` keeps is read (as
 * text when of no known language). A file larger than its reading allows, unreadable, or
 * outside every project with records is skipped. `notice` hears the ignore patterns left out.
 */
export async function referencesUnder(workspace: DecisionWorkspace, projects: ReferenceProjects, folder: string, keep: (path: string) => boolean = () => true, notice: (line: string) => void = () => undefined, textGlobs?: readonly string[]): Promise<FileReferences[]> {
  const isFile = await workspace.stat(folder) === 'file';
  const walkRoot = await projects.rootOf(isFile ? parentOf(folder) : folder);
  const walkProject = await projects.at(walkRoot);
  // Files of no known language are read as text where the project's globs, or the caller's, name them.
  const walk = await walkReferenceFiles(workspace, folder, walkRoot, textGlobs ? ['**'] : walkProject?.project.config.references?.files ?? []);
  for (const line of walk.declined) notice(`${line}; the pattern is left out`);
  const out: FileReferences[] = [];
  for (const { path, reading } of walk.files) {
    if (!keep(path)) continue;
    const root = await projects.rootOf(parentOf(path));
    const project = await projects.at(root);
    const from = relativeTo(root, path);
    if (!project || from === undefined) continue;
    const text = await workspace.readText(path);
    if (text === undefined || text.length > maxReferenceBytes(reading)) continue;
    const references = scanFileReferences(text, reading, project.schemes, from, project.project.config.references?.rfcInCode);
    if (references.length > 0) out.push({ file: path, reading, references, project });
  }
  return out;
}

/** A file whose references were checked, with its findings (for the lint's output). */
export interface CheckedFile {
  readonly file: string;
  readonly findings: readonly Finding[];
}

/**
 * `spec-first lint`'s reference check: the files `globs` name (relative to `cwd`), else the files each
 * project of `collection` names in its `"references"."files"` (relative to its root), walked only
 * under each glob's fixed folder ({@link globBase}), their references checked against their project's
 * records (`checkReferences`: SF016 for one that names no record). The records `collection` read are
 * left out: the rules check them. Files in path order.
 */
export async function checkReferenceFiles(workspace: DecisionWorkspace, collection: Collection, cwd: string, globs: readonly string[] | undefined, notice: (line: string) => void): Promise<CheckedFile[]> {
  const projects = new ReferenceProjects(workspace, collection);
  const asked: { base: string; globs: string[] }[] = globs
    ? [{ base: cwd, globs: [...globs] }]
    : [...collection.projects.values()].map(p => ({ base: p.root, globs: [...(p.config.references?.files ?? [])] })).filter(a => a.globs.length > 0);
  const records = new Set(collection.records.map(r => r.file));
  const seen = new Set<string>();
  const out: CheckedFile[] = [];
  for (const { base, globs: wanted } of asked) {
    const folders = [...new Set(wanted.map(g => joinPath(base, globBase(g))))]
      .filter((f, _, all) => !all.some(other => other !== f && relativeTo(other, f) !== undefined));
    const keep = (path: string) => {
      const rel = relativeTo(base, path);
      return rel !== undefined && !records.has(path) && wanted.some(g => globMatcher(g)(rel));
    };
    for (const folder of folders) {
      if (await workspace.stat(folder) === undefined) continue;
      for (const file of await referencesUnder(workspace, projects, folder, keep, notice, wanted)) {
        if (seen.has(file.file)) continue;
        seen.add(file.file);
        const findings = checkReferences(file.references, file.project.snapshot, file.project.schemes, file.project.project.config.rules);
        if (findings.length > 0) out.push({ file: file.file, findings });
      }
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
