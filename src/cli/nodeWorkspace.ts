/**
 * The CLI's {@link DecisionWorkspace}: Node's file system, read-only, made safe for any repository.
 * Only regular files are read (a FIFO would block forever); a symbolic link is followed only when its
 * real path is inside a project root the CLI allowed ({@link NodeWorkspace.allow}); every failure
 * becomes one line — a problem (the CLI exits 2) or a notice — never an exception.
 * Paths are absolute POSIX; {@link toWorkspacePath} converts a command-line argument.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksBinary, stripBom } from '../core/text';
import { findProjectRoot } from '../core/project';
import { parentOf, type DecisionWorkspace, type DirectoryEntry } from '../core/workspace';

/** An absolute POSIX path for a command-line path, resolved against `cwd`. */
export function toWorkspacePath(arg: string, cwd = process.cwd()): string {
  return path.resolve(cwd, arg).split(path.sep).join('/');
}

/**
 * A path as the CLI prints it: relative to `cwd` when inside it (as paths on a command line are
 * usually written; `.` for `cwd` itself), else absolute.
 */
export function displayPath(p: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? path.normalize(p) : rel;
}

/** A one-line reason for a file-system error: its code and system call, without the path repeated. */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ? `${e.code} (${e.syscall ?? 'access'})` : err instanceof Error ? err.message : String(err);
}

/** Whether `real` is `root` or below it (both absolute). */
function isInside(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of `p`, or `p` when it has none (it does not exist). */
function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Node's file system as a {@link DecisionWorkspace}, with what went wrong collected for the CLI to print. */
export class NodeWorkspace implements DecisionWorkspace {
  /** Failures to read what was asked (an unreadable folder or file, a FIFO, a link leading out): exit code 2. */
  readonly problems = new Set<string>();
  /** What was left out on purpose (a link leading outside the project root): shown, exit code unchanged. */
  readonly notices = new Set<string>();
  private readonly roots: { path: string; real: string }[] = [];

  /** `cwd`: the folder messages are relative to. */
  constructor(private readonly cwd = process.cwd()) {}

  /** Allows links into `root` (a project root, absolute): a link whose real path is inside an allowed root is followed. */
  allow(root: string): void {
    if (!this.roots.some(r => r.path === root)) this.roots.push({ path: root, real: realpathOr(root) });
  }

  async list(dir: string): Promise<readonly DirectoryEntry[] | undefined> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
      this.problems.add(`could not read the folder ${this.shown(dir)}: ${reason(err)}`);
      return undefined;
    }
    const out: DirectoryEntry[] = [];
    for (const e of entries) {
      if (!e.isSymbolicLink()) {
        out.push({ name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' });
        continue;
      }
      const link = path.posix.join(dir, e.name);
      const target = this.follow(link);
      if (target?.outside && (target.type === 'directory' || /\.md$/i.test(e.name)) && !e.name.startsWith('.')) {
        this.notices.add(`${this.shown(link)} is a symbolic link to ${target.real}, outside the project root ${target.outside}: not followed`);
      }
      out.push({ name: e.name, type: target && !target.outside ? target.type : 'other', symlink: true });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async readText(file: string): Promise<string | undefined> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problems.add(`could not read ${this.shown(file)}: ${reason(err)}`);
      return undefined;
    }
    if (!stat.isFile()) {
      this.problems.add(`${this.shown(file)} is not a regular file: not read`);
      return undefined;
    }
    const link = this.follow(file);
    if (link?.outside) {
      this.problems.add(`${this.shown(file)} leads to ${link.real}, outside the project root ${link.outside} (a symbolic link): refused`);
      return undefined;
    }
    try {
      const bytes = await fs.promises.readFile(file);
      return looksBinary(bytes) ? undefined : stripBom(bytes.toString('utf8'));
    } catch (err) {
      this.problems.add(`could not read ${this.shown(file)}: ${reason(err)}`);
      return undefined;
    }
  }

  async stat(p: string): Promise<DirectoryEntry['type'] | undefined> {
    try {
      const s = await fs.promises.stat(p);
      return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
    } catch {
      return undefined;
    }
  }

  async realPath(p: string): Promise<string> {
    return realpathOr(p);
  }

  /** A path as messages show it. */
  shown(p: string): string {
    return displayPath(p, this.cwd);
  }

  /**
   * Where a path leads once its links are resolved: its type, real path, and — when it lies outside
   * every allowed root while its own path is inside one — that root's path. Undefined when it leads
   * nowhere (dangling, a loop of links).
   */
  private follow(p: string): { type: DirectoryEntry['type']; real: string; outside?: string } | undefined {
    try {
      const real = fs.realpathSync(p);
      const s = fs.statSync(real);
      const type = s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
      const home = this.roots.find(r => isInside(r.path, p) || isInside(r.real, p));
      const outside = home && !this.roots.some(r => isInside(r.real, real)) ? home.path : undefined;
      return { type, real, outside };
    } catch {
      return undefined;
    }
  }
}

/**
 * The files and folders a command was given (`paths`, as typed, relative to `cwd`), as absolute
 * workspace paths, each project root allowed for links (see {@link NodeWorkspace.allow}); or, after
 * one line on stderr through `say`, undefined when one does not exist or is neither a file nor a folder.
 */
export async function givenPaths(workspace: NodeWorkspace, paths: readonly string[], cwd: string, say: (line: string) => void): Promise<string[] | undefined> {
  const targets: string[] = [];
  for (const arg of paths) {
    const target = toWorkspacePath(arg, cwd);
    const type = await workspace.stat(target);
    if (type === undefined) { say(`no such file or folder: ${arg}`); return undefined; }
    if (type === 'other') { say(`${arg} is neither a file nor a folder (a FIFO, a socket or a device): not read`); return undefined; }
    // A link is followed only into the project root of a folder the user named.
    workspace.allow(await findProjectRoot(workspace, type === 'file' ? parentOf(target) : target));
    targets.push(target);
  }
  return targets;
}
