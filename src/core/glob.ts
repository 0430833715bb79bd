/**
 * Glob patterns for workspace-relative POSIX paths, as `.spec-first.json` and VS Code's settings
 * write them (`*`, `**`, `?`, `{a,b}`, `[abc]`, `[!abc]`): picomatch's syntax, which runs in Node and
 * in the browser alike. Matching is case-sensitive, like git, and `*` matches dot files too.
 */
import picomatch from 'picomatch';

/** Longest glob accepted; a longer one (only a hostile configuration writes one) matches nothing. */
export const MAX_GLOB_LENGTH = 1000;

const cache = new Map<string, (path: string) => boolean>();
const NOTHING = () => false;

/**
 * The matcher of a glob: a function of a relative POSIX path that says whether the glob matches
 * it whole. Never throws: a glob picomatch cannot compile matches itself literally; an over-long
 * one matches nothing. Matchers are cached by glob.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  let matcher = cache.get(glob);
  if (matcher) return matcher;
  if (glob.length > MAX_GLOB_LENGTH) matcher = NOTHING;
  else {
    try {
      matcher = picomatch(glob, { dot: true, posix: true });
    } catch {
      matcher = (path: string) => path === glob;
    }
  }
  cache.set(glob, matcher);
  return matcher;
}
