/**
 * Which files are read for decision references, and how: the one policy the editor (in Node and in
 * the browser) and the CLI share. Markdown files are read as Markdown; source files of a language in
 * the comment table (`codeComments.ts`) for their comments and docstrings; any other file only when a
 * project's `"references"."files"` globs name it, as plain text. `.gitignore` files bound the set, read
 * with the `ignore` package (git's own rules: negation, anchoring, folders), each pattern first
 * checked for the backtracking globs `glob.ts` declines.
 */
import ignore, { type Ignore } from 'ignore';
import { COMMENT_SYNTAX, codeLanguageOf, type CommentSyntax } from './codeComments';
import { globMatcher, globProblem } from './glob';
import { walkFiles } from './project';
import { findCodeReferences, findReferences, type IdScheme, type Reference } from './references';
import { joinPath, parentOf, relativeTo, type DecisionWorkspace } from './workspace';

/** How a file's references are read. */
export type ReferenceReading =
  | { readonly kind: 'markdown' }
  | { readonly kind: 'code'; readonly language: string; readonly syntax: CommentSyntax }
  | { readonly kind: 'text' };

/** A Markdown file larger than this is not read for references (4 MB: a generated log, a data dump). */
export const MAX_MARKDOWN_BYTES = 4_000_000;
/**
 * A source or text file larger than this is not read for references (512 KB): generated and minified
 * code, whose scan would hold the extension host for more than 50 ms (the comment scan runs at about
 * 60 ns a character).
 */
export const MAX_CODE_BYTES = 512 * 1024;

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/** Folders never read for references, whatever the ignore files say: version control and installed packages. */
export const NEVER_READ_FOLDERS: readonly string[] = ['.git', 'node_modules', '.hg', '.svn'];

/**
 * How the file at `path` (workspace-relative, POSIX) is read for references: Markdown for `.md` and
 * `.markdown` (any case); code for an extension of the comment table, or for `languageId` when the
 * editor knows the document's language (a VS Code language id such as `python`); plain text when
 * `textGlobs` (a project's `"references"."files"`, relative to the same root as `path`) match it;
 * otherwise undefined: not read.
 */
export function referenceReadingOf(path: string, languageId?: string, textGlobs: readonly string[] = []): ReferenceReading | undefined {
  const dot = path.lastIndexOf('.');
  if (languageId === 'markdown' || (dot > path.lastIndexOf('/') + 1 && MARKDOWN_EXTENSIONS.has(path.slice(dot).toLowerCase()))) return { kind: 'markdown' };
  const language = languageId && COMMENT_SYNTAX[languageId] ? languageId : codeLanguageOf(path);
  if (language) return { kind: 'code', language, syntax: COMMENT_SYNTAX[language] };
  if (textGlobs.some(g => globMatcher(g)(path))) return { kind: 'text' };
  return undefined;
}

/** The most bytes a file read as `reading` may have to be read for references. */
export function maxReferenceBytes(reading: ReferenceReading): number {
  return reading.kind === 'markdown' ? MAX_MARKDOWN_BYTES : MAX_CODE_BYTES;
}

/**
 * The schemes that count outside Markdown: RFC identifiers only when `rfcInCode` (a project's
 * `"references"."rfcInCode"`), so that "RFC 7231" in a comment is never taken for a record.
 */
export function codeSchemes(schemes: readonly IdScheme[], rfcInCode = false): IdScheme[] {
  return rfcInCode ? [...schemes] : schemes.filter(s => s.family !== 'rfc');
}

/**
 * The references of one file's text, read as `reading` says, resolved against `from` (the file's path
 * relative to its project root). `schemes` are the project's (see `referenceSchemes`); outside
 * Markdown only {@link codeSchemes} count. Linear in the text's length; never throws.
 */
export function scanFileReferences(text: string, reading: ReferenceReading, schemes: readonly IdScheme[], from: string, rfcInCode = false): Reference[] {
  if (reading.kind === 'markdown') return findReferences(text, schemes, from);
  return findCodeReferences(text, reading.kind === 'code' ? reading.syntax : undefined, codeSchemes(schemes, rfcInCode), from);
}

/** Most patterns read from one ignore file; the rest are left out. */
export const MAX_IGNORE_PATTERNS = 2_000;
/** Largest ignore file read, in characters. */
export const MAX_IGNORE_TEXT = 128 * 1024;

/** One `.gitignore`: the folder holding it (relative to the root the paths are given from, `` for the root) and its text. */
export interface IgnoreFile {
  readonly folder: string;
  readonly text: string;
}

/**
 * A filter built from `.gitignore` files: `ignored(path)` says whether git ignores the file at `path`
 * (relative to the same root as each file's `folder`), applying each ignore file to the paths under
 * its folder, as git does (a deeper file's patterns are read after, so its `!negation` wins), and
 * {@link NEVER_READ_FOLDERS} always. Patterns {@link globProblem} declines (more than three `*` in a
 * segment: a backtracking expression) are left out and listed in `declined` with their file's folder;
 * files over {@link MAX_IGNORE_TEXT} characters are read up to that size, at most
 * {@link MAX_IGNORE_PATTERNS} patterns each. Never throws.
 */
export function gitignoreFilter(files: readonly IgnoreFile[]): { ignored: (path: string) => boolean; declined: string[] } {
  const declined: string[] = [];
  const byFolder = new Map<string, Ignore>();
  for (const file of [...files].sort((a, b) => a.folder.length - b.folder.length)) {
    const patterns = file.text.slice(0, MAX_IGNORE_TEXT).split(/\r?\n/).filter(line => {
      const pattern = line.trim();
      if (!pattern || pattern.startsWith('#')) return false;
      const why = globProblem(pattern.replace(/^!/, ''));
      if (why) declined.push(`${file.folder || '.'}/.gitignore: "${pattern.slice(0, 60)}": ${why}`);
      return !why;
    }).slice(0, MAX_IGNORE_PATTERNS);
    try {
      const matcher = byFolder.get(file.folder) ?? ignore({ allowRelativePaths: true });
      matcher.add(patterns);
      byFolder.set(file.folder, matcher);
    } catch {
      declined.push(`${file.folder || '.'}/.gitignore: could not be read`);
    }
  }
  const folders = [...byFolder.keys()];
  const ignored = (path: string): boolean => {
    const segments = path.split('/');
    if (segments.some(s => NEVER_READ_FOLDERS.includes(s))) return true;
    let out = false;
    for (const folder of folders) {
      if (folder !== '' && !path.startsWith(`${folder}/`)) continue;
      const inner = folder === '' ? path : path.slice(folder.length + 1);
      try {
        const result = byFolder.get(folder)?.test(inner);
        if (result?.ignored) out = true;
        else if (result?.unignored) out = false;
      } catch {
        // A path `ignore` refuses (absolute, `..`) is not one the ignore file speaks of.
      }
    }
    return out;
  };
  return { ignored, declined };
}

/** A file to read for references: its absolute POSIX path and how it is read. */
export interface ReferenceFile {
  readonly path: string;
  readonly reading: ReferenceReading;
}

/**
 * The files under `folder` (absolute POSIX, inside `root`) to read for references, as the CLI reads
 * them: Markdown, source files of the comment table, and files `textGlobs` name (relative to `root`);
 * bounded by the `.gitignore` files of `root`, of the folders between it and `folder`, and of every
 * folder walked (see {@link gitignoreFilter}), and walked as `walkFiles` walks. `declined` lists the
 * ignore patterns left out. Never throws.
 */
export async function walkReferenceFiles(workspace: DecisionWorkspace, folder: string, root: string, textGlobs: readonly string[] = []): Promise<{ files: ReferenceFile[]; tooDeep: readonly string[]; declined: string[] }> {
  const ignoreFiles: IgnoreFile[] = [];
  let filter = gitignoreFilter([]);
  const readIgnore = async (dir: string) => {
    const rel = relativeTo(root, dir);
    const text = rel === undefined ? undefined : await workspace.readText(joinPath(dir, '.gitignore'));
    if (rel === undefined || text === undefined) return;
    ignoreFiles.push({ folder: rel, text });
    filter = gitignoreFilter(ignoreFiles);
  };
  // The ignore files above the folder walked, from the root down.
  const above: string[] = [];
  for (let dir = parentOf(folder); relativeTo(root, dir) !== undefined; dir = parentOf(dir)) {
    above.unshift(dir);
    if (dir === root || dir === '/') break;
  }
  for (const dir of above) await readIgnore(dir);
  const readings = new Map<string, ReferenceReading>();
  const ignored = (path: string, suffix = '') => {
    const rel = relativeTo(root, path);
    return rel === undefined || filter.ignored(rel + suffix);
  };
  const walk = await walkFiles(workspace, folder, {
    accept: path => {
      const rel = relativeTo(root, path);
      const reading = rel === undefined || ignored(path) ? undefined : referenceReadingOf(rel, undefined, textGlobs);
      if (reading) readings.set(path, reading);
      return reading !== undefined;
    },
    enter: path => !ignored(path, '/'),
    visit: async (path, entries) => { if (entries.some(e => e.name === '.gitignore' && e.type === 'file')) await readIgnore(path); },
  });
  return {
    files: walk.files.map(path => ({ path, reading: readings.get(path) as ReferenceReading })),
    tooDeep: walk.tooDeep,
    declined: gitignoreFilter(ignoreFiles).declined,
  };
}
