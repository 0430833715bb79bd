/**
 * Where records live: the ADR folder of a workspace folder, found as adr-tools and log4brains find
 * it, and the RFC folder. Paths are POSIX and relative to the workspace folder's root.
 */

/** Read access to a workspace folder, by relative POSIX path. Implementations must not throw. */
export interface FolderProbe {
  /** True when a directory exists at `relativePath`. */
  isDirectory(relativePath: string): Promise<boolean>;
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readText(relativePath: string): Promise<string | undefined>;
}

/** Where an ADR folder came from, for messages and logs. */
export type AdrFolderSource = 'setting' | '.adr-dir' | '.log4brains.yml' | 'existing' | 'default';

/** Folders adr-tools, MADR and others use, in the order they are tried. */
export const CONVENTIONAL_ADR_FOLDERS: readonly string[] = ['doc/adr', 'docs/adr', 'docs/decisions', 'docs/architecture/decisions'];

/** Cleans a user-written relative folder: trims, uses `/`, drops `./`, leading and trailing slashes. */
export function cleanRelativePath(path: string): string {
  return path.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+|\/+$/g, '');
}

/**
 * Finds the ADR folder of a workspace folder. In order: the `specFirst.adr.directory` setting; the
 * folder named in adr-tools' `.adr-dir` file at the root (its content, relative to the file); the
 * `project.adrFolder` of `.log4brains.yml`; the first existing conventional folder
 * ({@link CONVENTIONAL_ADR_FOLDERS}); else `docs/adr` (which the caller creates). Never throws.
 */
export async function findAdrFolder(setting: string, probe: FolderProbe): Promise<{ folder: string; source: AdrFolderSource }> {
  if (cleanRelativePath(setting)) return { folder: cleanRelativePath(setting), source: 'setting' };
  const adrDir = await probe.readText('.adr-dir');
  if (adrDir !== undefined && cleanRelativePath(adrDir.split(/\r?\n/)[0] ?? '')) {
    return { folder: cleanRelativePath(adrDir.split(/\r?\n/)[0]), source: '.adr-dir' };
  }
  const log4brains = await probe.readText('.log4brains.yml');
  const l4bFolder = log4brains && /^\s+adrFolder:\s*["']?([^"'\n#]+?)["']?\s*(#.*)?$/m.exec(log4brains)?.[1];
  if (l4bFolder && cleanRelativePath(l4bFolder)) return { folder: cleanRelativePath(l4bFolder), source: '.log4brains.yml' };
  for (const folder of CONVENTIONAL_ADR_FOLDERS) {
    if (await probe.isDirectory(folder)) return { folder, source: 'existing' };
  }
  return { folder: 'docs/adr', source: 'default' };
}
