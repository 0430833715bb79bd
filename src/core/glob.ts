/**
 * Glob patterns for workspace-relative POSIX paths, as `.spec-first.json` and VS Code's settings
 * write them (`*`, `**`, `?`, `{a,b}`, `[abc]`, `[!abc]`): zeptomatch's syntax, which runs in Node and
 * in the browser alike (and weighs a third of picomatch in the extension-host bundles). Matching is
 * case-sensitive, like git, and `*` matches dot files too.
 *
 * A glob comes from a repository's configuration, so it is hostile: every glob library compiles to a
 * backtracking regular expression, and `*a*a*a*a*a*a*b` takes seconds on a 40-character name (the
 * time grows as the name's length to the power of the stars). A glob with more than
 * {@link MAX_STARS_PER_SEGMENT} single stars in one path segment, or longer than
 * {@link MAX_GLOB_LENGTH}, matches nothing; {@link globProblem} says why, for the configuration's
 * diagnostics.
 */
import zeptomatch from 'zeptomatch';

/** Longest glob accepted; a longer one (only a hostile configuration writes one) matches nothing. */
export const MAX_GLOB_LENGTH = 1000;
/** Most single `*` in one path segment of a glob (`docs/*-*.md` has two); a `**` segment is not counted. */
export const MAX_STARS_PER_SEGMENT = 3;
/** Most `{…}` groups in a glob: each multiplies the alternatives the compiled expression tries. */
export const MAX_BRACE_GROUPS = 4;

const cache = new Map<string, (path: string) => boolean>();
const NOTHING = () => false;

/**
 * Why a glob is declined (matches nothing), as a sentence for a diagnostic; `undefined` for a glob
 * that is matched. Linear in the glob's length.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `the glob is longer than ${MAX_GLOB_LENGTH} characters`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    let stars = 0;
    for (const ch of segment) if (ch === '*') stars++;
    if (stars > MAX_STARS_PER_SEGMENT) return `the glob has more than ${MAX_STARS_PER_SEGMENT} "*" in one path segment ("${segment.slice(0, 40)}")`;
  }
  let braces = 0;
  for (const ch of glob) if (ch === '{') braces++;
  if (braces > MAX_BRACE_GROUPS) return `the glob has more than ${MAX_BRACE_GROUPS} "{…}" groups`;
  return undefined;
}

/**
 * The matcher of a glob: a function of a relative POSIX path that says whether the glob matches
 * it whole. Never throws: a glob zeptomatch cannot compile matches itself literally; a glob
 * {@link globProblem} declines matches nothing. Matchers are cached by glob.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  let matcher = cache.get(glob);
  if (matcher) return matcher;
  if (globProblem(glob) !== undefined) matcher = NOTHING;
  else {
    try {
      const re = zeptomatch.compile(glob);
      matcher = (path: string) => re.test(path);
    } catch {
      matcher = (path: string) => path === glob;
    }
  }
  cache.set(glob, matcher);
  return matcher;
}

/**
 * The folder a glob can only match under: its leading path segments free of glob syntax (`*`, `?`,
 * `[`, `{`, `\`, `!`), joined with `/` (`src/**\/*.ts` → `src`; `**\/*.py` → ``; `docs/a.md` → `docs`).
 * A walk for the glob need not start higher.
 */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[{\\!]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.filter(s => s !== '.' && s !== '').join('/');
}
