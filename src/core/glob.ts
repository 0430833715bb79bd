/**
 * Glob patterns for workspace-relative POSIX paths, as `.spec-first.json` and VS Code's settings
 * write them: `*` (any characters but `/`), `**` (any number of folders), `?`, `{a,b}` alternatives,
 * and `[abc]` classes. Matching is case-sensitive, like git.
 */

const cache = new Map<string, RegExp>();

/** The regular expression a glob stands for, anchored at both ends. Never throws: bad syntax matches literally. */
export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '{') { out += '(?:'; depth++; }
    else if (c === '}' && depth > 0) { out += ')'; depth--; }
    else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close > i + 1) { out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`; i = close; } else out += '\\[';
    } else out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  out += ')'.repeat(depth);
  try {
    re = new RegExp(`^${out}$`);
  } catch {
    re = new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
  cache.set(glob, re);
  return re;
}
