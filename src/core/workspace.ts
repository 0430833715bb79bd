/**
 * The one interface through which the core reaches a host's files, so that every host (VS Code in
 * Node and in the browser, the CLI, the tests) answers the same questions the same way — the model
 * is vscode-markdown-languageservice's `IWorkspace`. A host implements only listing and reading;
 * which files are records, where a project starts and what configures it are decided in the core
 * (`project.ts`).
 *
 * Paths are absolute and POSIX (`/home/me/repo/docs/adr/0001-x.md`): the CLI converts its platform's
 * paths, VS Code uses `Uri.path` within one workspace folder's scheme and authority.
 */

/** What a directory entry is. A symbolic link reports what it points to, and `symlink: true`. */
export interface DirectoryEntry {
  readonly name: string;
  readonly type: 'file' | 'directory' | 'other';
  /** True when the entry is a symbolic link (its `type` is its target's, `other` when broken). */
  readonly symlink?: boolean;
}

/** Read access to a host's files. Implementations never throw: what cannot be read is `undefined`. */
export interface DecisionWorkspace {
  /** The entries of a directory, or undefined when `path` is not a readable directory. */
  list(path: string): Promise<readonly DirectoryEntry[] | undefined>;
  /** A file's text (UTF-8, byte-order mark removed), or undefined when it is missing, unreadable, binary or not a file. */
  readText(path: string): Promise<string | undefined>;
  /** What `path` is, or undefined when nothing is there. */
  stat(path: string): Promise<DirectoryEntry['type'] | undefined>;
  /**
   * For hosts with symbolic links: the path with every link resolved, so that a walk reads each real
   * folder and file once (and link loops end). Hosts without links (or that cannot tell) omit it.
   */
  realPath?(path: string): Promise<string>;
}

/** The folder of an absolute POSIX path (`/a/b/c.md` → `/a/b`; `/a` → `/`). */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** `child` joined to `folder` (`/a` + `b/c` → `/a/b/c`). `child` is relative and POSIX. */
export function joinPath(folder: string, child: string): string {
  return child ? (folder === '/' ? `/${child}` : `${folder}/${child}`) : folder;
}

/** `path` relative to `folder` (POSIX, no leading `/`), or undefined when it is not inside it. `folder` itself gives ''. */
export function relativeTo(folder: string, path: string): string | undefined {
  if (path === folder) return '';
  const prefix = folder === '/' ? '/' : `${folder}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/**
 * A workspace held in memory, for tests and for hosts that hand the core a set of texts: files by
 * absolute POSIX path; the directories are those that hold a file (and `/`).
 */
export class InMemoryWorkspace implements DecisionWorkspace {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Map<string, Map<string, DirectoryEntry['type']>>([['/', new Map()]]);

  /** `files`: text by absolute POSIX path. */
  constructor(files: Readonly<Record<string, string>> = {}) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  /** Adds or replaces a file, creating its folders. */
  write(path: string, text: string): void {
    this.files.set(path, text);
    let child = path;
    let type: DirectoryEntry['type'] = 'file';
    for (let dir = parentOf(path); ; dir = parentOf(dir)) {
      const entries = this.dirs.get(dir) ?? new Map();
      entries.set(child.slice(child.lastIndexOf('/') + 1), type);
      this.dirs.set(dir, entries);
      if (dir === '/') break;
      child = dir;
      type = 'directory';
    }
  }

  async list(path: string): Promise<readonly DirectoryEntry[] | undefined> {
    const entries = this.dirs.get(path);
    return entries && [...entries].map(([name, type]) => ({ name, type })).sort((a, b) => a.name.localeCompare(b.name));
  }

  async readText(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }

  async stat(path: string): Promise<DirectoryEntry['type'] | undefined> {
    return this.files.has(path) ? 'file' : this.dirs.has(path) ? 'directory' : undefined;
  }
}
