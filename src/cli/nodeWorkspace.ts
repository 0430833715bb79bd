/**
 * The CLI's {@link DecisionWorkspace}: Node's file system, read-only. Paths are absolute POSIX
 * (`toWorkspacePath` converts a command-line argument). Never throws: what cannot be read is
 * `undefined`, and each problem is remembered in {@link NodeWorkspace.problems} for the CLI to print.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksBinary, stripBom } from '../core/text';
import type { DecisionWorkspace, DirectoryEntry } from '../core/workspace';

/** An absolute POSIX path for a command-line path, resolved against `cwd`. */
export function toWorkspacePath(arg: string, cwd = process.cwd()): string {
  return path.resolve(cwd, arg).split(path.sep).join('/');
}

/** A path as the CLI prints it: relative to `cwd` when inside it, else absolute, in the platform's separators. */
export function displayPath(workspacePath: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, workspacePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.normalize(workspacePath);
}

/** Node's file system as a {@link DecisionWorkspace}. */
export class NodeWorkspace implements DecisionWorkspace {
  /** Paths that could not be read, with the reason (`EACCES`, not a regular file…), in the order met. */
  readonly problems: { path: string; reason: string }[] = [];

  async list(dir: string): Promise<readonly DirectoryEntry[] | undefined> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (err) {
      this.problem(dir, err);
      return undefined;
    }
    const out: DirectoryEntry[] = [];
    for (const e of entries) {
      if (e.isSymbolicLink()) out.push({ name: e.name, type: await this.typeOf(path.posix.join(dir, e.name)) ?? 'other', symlink: true });
      else out.push({ name: e.name, type: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other' });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async readText(file: string): Promise<string | undefined> {
    try {
      const stat = await fs.promises.stat(file);
      // A FIFO or a device would block or never end: only regular files are read.
      if (!stat.isFile()) { this.problems.push({ path: file, reason: 'not a regular file' }); return undefined; }
      const bytes = await fs.promises.readFile(file);
      return looksBinary(bytes) ? undefined : stripBom(bytes.toString('utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem(file, err);
      return undefined;
    }
  }

  async stat(p: string): Promise<DirectoryEntry['type'] | undefined> {
    return this.typeOf(p);
  }

  private async typeOf(p: string): Promise<DirectoryEntry['type'] | undefined> {
    try {
      const s = await fs.promises.stat(p);
      return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
    } catch {
      return undefined;
    }
  }

  private problem(p: string, err: unknown): void {
    this.problems.push({ path: p, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}
