/**
 * A record folder's file names on other branches, read through VS Code's built-in Git extension (its
 * API, version 1), for branch-safe numbering (`core/branchNumbers.ts`): the default branch's tip
 * (`origin/main`, else `origin/master`, else another remote's `main` / `master`) and the other local
 * branches. For each ref, the files changed on it since it left the current branch
 * (`git diff HEAD...REF`, the Git extension's `diffBetween`) are the names it may have taken; the
 * working tree holds the rest. Undefined where there is no Git extension (the browser's web worker
 * host) or no repository: then the working tree alone decides, and the log says so.
 */
import * as vscode from 'vscode';
import type { NamesAtRef } from '../core/branchNumbers';
import { parentOf } from '../core/workspace';
import { errorMessage, log } from '../util/log';

/** The part of the Git extension's API (`vscode.git`, `getAPI(1)`) Spec-First reads. */
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}
export interface GitRepository {
  readonly rootUri: vscode.Uri;
  /** The commits touching `path` (a file system path), newest first (`git log`). */
  log(options: { readonly path?: string; readonly maxEntries?: number }): Promise<readonly GitCommit[]>;
  /** The text of `path` (a file system path) at commit `ref` (`git show REF:PATH`). */
  show(ref: string, path: string): Promise<string>;
  readonly state: { readonly HEAD?: { readonly name?: string }; readonly refs: readonly GitRef[] };
  diffBetween(ref1: string, ref2: string): Promise<readonly { readonly uri: vscode.Uri }[]>;
  /** Reads the repository's state (HEAD, refs) now: a repository just opened has none yet. */
  status(): Promise<void>;
  /** The refs, read now (API versions that have it). */
  getRefs?(query: Record<string, never>): Promise<readonly GitRef[]>;
}
/** A commit as the Git extension's `log` lists it. */
export interface GitCommit { readonly hash: string; readonly authorDate?: Date; readonly commitDate?: Date }
/** `type`: 0 a local branch, 1 a remote branch, 2 a tag. */
interface GitRef { readonly type: number; readonly name?: string; readonly remote?: string }

/** At most this many refs are read (each is one `git diff`). */
const MAX_REFS = 20;

/** The Git extension's API, activated if need be; undefined where it is not available. */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports?.getAPI(1);
  } catch (err) {
    log().debug(`The Git extension is not available: ${errorMessage(err)}`);
    return undefined;
  }
}

/**
 * The repository holding `folder`: the nearest folder at or above it, inside its workspace folder,
 * with a `.git` (a folder, or a file in a worktree); undefined when there is none. Reads through
 * `vscode.workspace.fs`, so it costs no git process where there is no repository.
 */
async function repositoryRoot(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
  const top = vscode.workspace.getWorkspaceFolder(folder)?.uri.path;
  if (top === undefined) return undefined;
  for (let path = withoutTrailingSlash(folder.path); ; path = parentOf(path)) {
    const candidate = folder.with({ path });
    if (await vscode.workspace.fs.stat(vscode.Uri.joinPath(candidate, '.git')).then(() => true, () => false)) return candidate;
    if (path === withoutTrailingSlash(top) || path === '/' || !path.startsWith(withoutTrailingSlash(top))) return undefined;
  }
}

/**
 * The repository holding `uri` (a file or folder) through the Git extension, opened if need be;
 * undefined where there is no Git extension (the browser's web worker host) or no repository. Never throws.
 */
export async function repositoryOf(uri: vscode.Uri): Promise<GitRepository | undefined> {
  const root = await repositoryRoot(uri);
  if (!root) return undefined;
  const api = await gitApi();
  if (!api) return undefined;
  return api.getRepository(uri) ?? (await api.openRepository?.(root).then(undefined, () => null)) ?? undefined;
}

/** A URI path without its trailing slashes (`/a/b/` → `/a/b`; `/` stays). */
function withoutTrailingSlash(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

/** The refs whose copy of the records may hold numbers: the default branch's tip first, then the other local branches. */
function refsToRead(refs: readonly GitRef[], current: string | undefined): string[] {
  const remote = refs.filter(r => r.type === 1 && r.name).map(r => r.name!);
  const local = refs.filter(r => r.type === 0 && r.name && r.name !== current).map(r => r.name!);
  const defaultBranch = ['origin/main', 'origin/master'].find(r => remote.includes(r)) ?? remote.find(r => r.endsWith('/main') || r.endsWith('/master'));
  return [...new Set([defaultBranch, ...local].filter((r): r is string => r !== undefined))].slice(0, MAX_REFS);
}

/**
 * The names `folder` (a record folder's URI) may hold on the other branches of its repository, by
 * ref (see the module's comment), or undefined when git cannot tell (no Git extension, no repository:
 * the caller logs that the working tree alone decides). Never throws; a ref that cannot be read is logged and skipped.
 */
export async function namesOnOtherBranches(folder: vscode.Uri): Promise<NamesAtRef[] | undefined> {
  const repository = await repositoryOf(folder);
  if (!repository) return undefined;
  const dir = withoutTrailingSlash(folder.path);
  const out: NamesAtRef[] = [];
  if (!repository.state.HEAD) await repository.status().then(undefined, err => log().debug(`git status: ${errorMessage(err)}`));
  const refs = (await repository.getRefs?.({}).then(undefined, () => undefined)) ?? repository.state.refs;
  for (const ref of refsToRead(refs, repository.state.HEAD?.name)) {
    try {
      const changes = await repository.diffBetween('HEAD', ref);
      const names = changes.map(c => c.uri.path).filter(p => p.slice(0, p.lastIndexOf('/')) === dir).map(p => p.slice(p.lastIndexOf('/') + 1));
      out.push({ ref, names });
    } catch (err) {
      log().warn(`Could not read ${ref} for branch-safe numbering: ${errorMessage(err)}`);
    }
  }
  return out;
}
