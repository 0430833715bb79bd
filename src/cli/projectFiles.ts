/**
 * The CLI's reads of a project, so that no repository can crash, hang or lead it astray: only
 * regular files are read (a FIFO would block forever), a symbolic link is followed only when its
 * real path is inside the project root (and each folder is walked once, so link loops end), and
 * every failure becomes one line — a problem (exit code 2) or a notice — never an exception.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders never walked. Hidden files and folders (`.git`, `.vscode`…) are skipped too. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);

/** Reads files under a project root and collects what went wrong. */
export class ProjectFiles {
  /** Failures to read what was asked (an unreadable folder or file, a FIFO): each makes the CLI exit 2. */
  readonly problems = new Set<string>();
  /** What was left out on purpose (a link leading outside the project root): shown, exit code unchanged. */
  readonly notices = new Set<string>();
  private readonly realRoot: string;

  /** `root`: the project root (the configuration's folder, else the current one). */
  constructor(readonly root: string) {
    this.realRoot = realpathOr(root);
  }

  /**
   * The files under `target` (a file or a folder, as named on the command line) that `accept`
   * takes (`file`: the path to read, `name`: its last segment), sorted. A file named directly is
   * returned as it is, unless it is not a regular file.
   */
  candidates(target: string, accept: (file: string, name: string) => boolean): string[] {
    const kind = this.kindOf(target);
    if (kind === 'file') return [target];
    if (kind === 'other') this.problems.add(`${shown(target)} is neither a file nor a folder (a FIFO, a socket or a device): not read`);
    const out: string[] = [];
    if (kind === 'dir') this.walk(target, accept, out, new Set());
    return out.sort();
  }

  /** The bytes of a regular file; undefined, with a problem, when it is not one or cannot be read. */
  read(file: string): Buffer | undefined {
    try {
      if (!fs.statSync(file).isFile()) {
        this.problems.add(`${shown(file)} is not a regular file: not read`);
        return undefined;
      }
      return fs.readFileSync(file);
    } catch (err) {
      this.problems.add(`could not read ${shown(file)}: ${reason(err)}`);
      return undefined;
    }
  }

  /**
   * A file the configuration names (`relativePath`, already contained by the core's policy),
   * read as UTF-8: undefined, with a problem naming `origin`, when its real path leaves the project
   * root (through a symbolic link) or it cannot be read.
   */
  readInside(relativePath: string, origin: string): string | undefined {
    const file = path.join(this.root, ...relativePath.split('/'));
    const real = realpathOr(file);
    if (!isInside(this.realRoot, real)) {
      this.problems.add(`${origin}: ${relativePath} leads to ${real}, outside the project root ${this.root} (a symbolic link): refused`);
      return undefined;
    }
    return this.read(file)?.toString('utf8');
  }

  private walk(dir: string, accept: (file: string, name: string) => boolean, out: string[], seen: Set<string>): void {
    const real = realpathOr(dir);
    if (seen.has(real)) return; // a folder already walked, through a link (or a link loop)
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      this.problems.add(`could not read the folder ${shown(dir)}: ${reason(err)}`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      const p = path.join(dir, entry.name);
      const link = entry.isSymbolicLink() ? this.followLink(p) : undefined;
      const kind = link ? link.kind : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
      const wanted = kind === 'dir' || (kind === 'file' && accept(p, entry.name));
      if (!wanted) continue;
      if (link?.outside) this.notices.add(`${shown(p)} is a symbolic link to ${link.real}, outside the project root ${this.root}: not followed`);
      else if (kind === 'dir') this.walk(p, accept, out, seen);
      else if (!seen.has(link?.real ?? path.join(real, entry.name))) {
        seen.add(link?.real ?? path.join(real, entry.name)); // a file and a link to it are one record
        out.push(p);
      }
    }
  }

  /** What a symbolic link leads to and whether that is outside the project root; undefined when it leads nowhere (dangling, a loop of links). */
  private followLink(link: string): { kind: 'file' | 'dir' | 'other'; real: string; outside: boolean } | undefined {
    try {
      const real = fs.realpathSync(link);
      const stat = fs.statSync(real);
      return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other', real, outside: !isInside(this.realRoot, real) };
    } catch {
      return undefined;
    }
  }

  private kindOf(p: string): 'file' | 'dir' | 'other' | undefined {
    try {
      const stat = fs.statSync(p);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other';
    } catch (err) {
      this.problems.add(`could not read ${shown(p)}: ${reason(err)}`);
      return undefined;
    }
  }
}

/** A path as messages show it: relative to the current folder, as paths on the command line are written. */
function shown(p: string): string {
  return path.relative(process.cwd(), p) || '.';
}

/** Whether `real` is `root` or below it (both real, absolute paths). */
function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The real path of `p`, or its absolute path when it has none (it does not exist). */
function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** A one-line reason for a file-system error: its code and message without the path repeated. */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e?.code ? `${e.code} (${e.syscall ?? 'access'})` : err instanceof Error ? err.message : String(err);
}
