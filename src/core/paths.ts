/**
 * POSIX path helpers for workspace-relative paths (`docs/adr/0002-use-x.md`), which is how the core
 * names files: no file system, no platform separators. Also the one containment policy of every
 * host: a path that a repository's file or a setting names is normalized, and refused when it would
 * leave the workspace folder (the project root for the CLI) — see {@link containedPath}.
 */

/** The folder of a path (`docs/adr/0002-x.md` → `docs/adr`; a bare name → ``). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The last segment of a path. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Resolves a link target written in a Markdown file at `from` (a relative path, `./` and `../`
 * allowed, percent-encoding decoded, `#fragment` and `?query` dropped) to a workspace-relative path.
 * Returns undefined for URLs (`https:`, `mailto:`…), fragments alone, absolute paths and targets
 * that climb above the workspace root.
 */
export function resolveLink(from: string, target: string): string | undefined {
  const bare = target.split('#')[0].split('?')[0];
  if (!bare || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/') || bare.startsWith('//')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  return joinInside(dirname(from), decoded);
}

/**
 * `path`'s segments joined onto the folder `base` (both POSIX, relative to a root), `.` and empty
 * segments dropped and `..` resolved. Undefined when a `..` would climb above the root.
 */
function joinInside(base: string, path: string): string | undefined {
  const parts = base.split('/').filter(Boolean);
  // A run of slashes is one separator: no empty segment is made for each slash of the run.
  for (const segment of path.split(/\/+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return parts.join('/');
}

/**
 * An absolute POSIX path, such as a URI's path (`/ws/docs/../adr/./x.md`), with `.` and empty
 * segments dropped and `..` resolved (`/ws/adr/x.md`; no trailing `/`). Undefined when a `..` would
 * climb above `/`. What Node's `path.posix.normalize` does for absolute paths, without Node.
 */
export function normalizeAbsolutePath(path: string): string | undefined {
  const joined = joinInside('', path);
  return joined === undefined ? undefined : `/${joined}`;
}

/** Why {@link containedPath} refused a path. */
export type PathRefusal = 'absolute' | 'outside' | 'control-character';

/** A path that {@link containedPath} accepted (normalized, relative to the root), or why it refused it. */
export type ContainedPath = { readonly path: string; readonly refused?: undefined } | { readonly path?: undefined; readonly refused: PathRefusal };

/**
 * Normalizes a path that a repository's file or a setting names — `.adr-dir`, `.log4brains.yml`'s
 * `adrFolder`, `specFirst.adr.directory` / `specFirst.rfc.directory`, a kind's `template` in
 * `.spec-first.*` — relative to the root it is read against (the workspace folder; for the CLI, the
 * project root): trimmed, `\` read as `/`, `.` and empty segments dropped, `..` resolved.
 * Returns `{ path }` (`''` for the root itself), or `{ refused }` when the path is absolute (a
 * leading `/` or `\`, a drive `C:` or any `:` in the first segment, such as `file:`), climbs above
 * the root, or holds a control character. Absolute paths are refused even when they would fall
 * inside the root: a repository's files are shared, and an absolute path names one machine's folders.
 * Never throws; linear in the path's length.
 */
export function containedPath(written: string): ContainedPath {
  const path = written.trim().replaceAll('\\', '/');
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return { refused: 'control-character' };
  }
  const first = path.split('/', 1)[0];
  if (path.startsWith('/') || first.includes(':')) return { refused: 'absolute' };
  const joined = joinInside('', path);
  return joined === undefined ? { refused: 'outside' } : { path: joined };
}

/**
 * The message for a path {@link containedPath} refused, naming who asked (`origin`: a file such as
 * `.adr-dir`, or a setting) and the root it had to stay in. The path is quoted, escaped and cut to 80
 * characters.
 */
export function refusalMessage(origin: string, written: string, refused: PathRefusal, root = 'the workspace folder'): string {
  const trimmed = written.trim();
  const shown = JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed);
  switch (refused) {
    case 'absolute': return `${origin} names the absolute path ${shown}: refused; name a folder relative to ${root}.`;
    case 'outside': return `${origin} names ${shown}, which is outside ${root}: refused.`;
    case 'control-character': return `${origin} names ${shown}, which holds a control character: refused.`;
  }
}

/** The relative link from the file at `from` to the file at `to`, both workspace-relative (`../rfcs/0001-x.md`). */
export function relativeLink(from: string, to: string): string {
  const a = dirname(from).split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
