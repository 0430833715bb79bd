/**
 * Where records live: the ADR folder of a workspace folder, found as adr-tools and log4brains find
 * it, and the RFC folder. Paths are POSIX and relative to the workspace folder's root; every folder
 * a file or a setting names goes through the containment policy ({@link containedPath}).
 */
import { isMap, isScalar } from 'yaml';
import { containedPath, refusalMessage } from './paths';
import { parseYamlWithin } from './safeYaml';

/** Read access to a workspace folder, by relative POSIX path. Implementations must not throw. */
export interface FolderProbe {
  /** True when a directory exists at `relativePath`. */
  isDirectory(relativePath: string): Promise<boolean>;
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readText(relativePath: string): Promise<string | undefined>;
}

/** Where an ADR folder came from, for messages and logs. */
export type AdrFolderSource = 'setting' | 'configuration' | '.adr-dir' | '.log4brains.yml' | 'existing' | 'default';

/** The ADR folder found, where it came from, and the folder hints refused on the way (messages naming who asked). */
export interface FoundAdrFolder {
  readonly folder: string;
  readonly source: AdrFolderSource;
  /** One message per hint that named a folder outside the workspace folder (or an absolute one): it was skipped. */
  readonly refused: readonly string[];
}

/** Folders adr-tools, MADR and others use, in the order they are tried. */
export const CONVENTIONAL_ADR_FOLDERS: readonly string[] = ['doc/adr', 'docs/adr', 'docs/decisions', 'docs/architecture/decisions'];

/**
 * A folder hint as the workspace-relative folder it names: `{ folder }` (`''` when it names nothing,
 * or the root), or `{ refused }` with a message naming `origin` when it leaves the workspace folder
 * or is absolute (see {@link containedPath}).
 */
export function folderHint(written: string, origin: string): { folder: string; refused?: undefined } | { folder?: undefined; refused: string } {
  const contained = containedPath(written);
  return contained.refused ? { refused: refusalMessage(origin, written, contained.refused) } : { folder: contained.path };
}

/**
 * Finds the ADR folder of a workspace folder. In order: the `specFirst.adr.directory` setting
 * (`settingOrigin` names it in messages); `configured`, the project configuration's `adr.directory`
 * (relative to the root, already contained: see config.ts); the folder named in adr-tools' `.adr-dir` file at the root
 * (its first line, relative to the file); the `project.adrFolder` of `.log4brains.yml`; the first
 * existing conventional folder ({@link CONVENTIONAL_ADR_FOLDERS}); else `docs/adr` (which the caller
 * creates). A hint that names the root, nothing, or a folder outside the workspace folder is
 * skipped; the refused ones are listed in `refused`. Never throws; linear in the files' sizes.
 */
export async function findAdrFolder(setting: string, probe: FolderProbe, settingOrigin = 'The setting specFirst.adr.directory', configured?: string): Promise<FoundAdrFolder> {
  const refused: string[] = [];
  const hint = (written: string | undefined, origin: string) => {
    if (written === undefined) return undefined;
    const found = folderHint(written, origin);
    if (found.refused) refused.push(found.refused);
    return found.folder || undefined;
  };
  const fromSetting = hint(setting, settingOrigin);
  if (fromSetting) return { folder: fromSetting, source: 'setting', refused };
  if (configured) return { folder: configured, source: 'configuration', refused };
  const adrDir = await probe.readText('.adr-dir');
  const fromAdrDir = hint(adrDir === undefined ? undefined : firstLine(adrDir), '.adr-dir');
  if (fromAdrDir) return { folder: fromAdrDir, source: '.adr-dir', refused };
  const log4brains = await probe.readText('.log4brains.yml');
  const fromLog4brains = hint(log4brains === undefined ? undefined : log4brainsAdrFolder(log4brains), '.log4brains.yml');
  if (fromLog4brains) return { folder: fromLog4brains, source: '.log4brains.yml', refused };
  for (const folder of CONVENTIONAL_ADR_FOLDERS) {
    if (await probe.isDirectory(folder)) return { folder, source: 'existing', refused };
  }
  return { folder: 'docs/adr', source: 'default', refused };
}

/** The text before the first line break (`\n`, `\r\n` or a lone `\r`). */
function firstLine(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return text.slice(0, i);
  }
  return text;
}

/**
 * `project.adrFolder` of a `.log4brains.yml` (log4brains' own key, relative to the file), read with
 * the YAML parser behind the size and depth limits; undefined when absent, not a string, or when the
 * file cannot be read as YAML.
 */
export function log4brainsAdrFolder(text: string): string | undefined {
  const { doc } = parseYamlWithin(text);
  const project = doc && isMap(doc.contents) ? doc.contents.get('project', true) : undefined;
  const folder = isMap(project) ? project.get('adrFolder', true) : undefined;
  return isScalar(folder) && typeof folder.value === 'string' ? folder.value : undefined;
}
