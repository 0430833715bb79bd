/**
 * POSIX path helpers for workspace-relative paths (`docs/adr/0002-use-x.md`), which is how the core
 * names files: no file system, no platform separators.
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
  const parts = dirname(from).split('/').filter(Boolean);
  for (const segment of decoded.split('/')) {
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

/** The relative link from the file at `from` to the file at `to`, both workspace-relative (`../rfcs/0001-x.md`). */
export function relativeLink(from: string, to: string): string {
  const a = dirname(from).split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
