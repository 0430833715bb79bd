/**
 * What the CLI reads from git: the record files a ref added to a folder since the current branch
 * left it (`git diff HEAD...REF`), for `--base REF` (see `core/branchNumbers.ts`); and the day a
 * record without a date was first committed, for stale proposals (SF021). Node only; the editor reads git through VS Code's Git
 * extension instead.
 */
import { execFile } from 'node:child_process';
import { isIsoDate } from '../core/calendar';

/** A folder's listing at a ref, or why it could not be read (one line). */
export type RefListing = { readonly names: string[]; readonly error?: undefined } | { readonly names?: undefined; readonly error: string };

/**
 * The file names that `ref` added to `folder` (an absolute path inside a git working tree) since it and
 * `HEAD` parted (`git diff --name-only --diff-filter=A HEAD...REF -- .` in that folder, NUL-separated,
 * so that no name is quoted): the records a merge into `ref` would meet. A record this branch renamed
 * is not among them, nor is one both sides already had. Names in sub-folders are left out. A ref that
 * starts with `-` is refused (it would read as an option). Never rejects: git missing, not a
 * repository, an unknown ref give `error`. At most 16 MB of output, 30 s.
 */
export function namesAtRef(folder: string, ref: string): Promise<RefListing> {
  if (!ref || ref.startsWith('-')) return Promise.resolve({ error: `"${ref}" is not a git ref` });
  const args = ['diff', '--name-only', '-z', '--relative', '--diff-filter=A', '--no-renames', '--end-of-options', `HEAD...${ref}`, '--', '.'];
  return new Promise(resolve => {
    execFile('git', args, { cwd: folder, maxBuffer: 16 << 20, timeout: 30_000, windowsHide: true },
      (err, stdout, stderr) => {
        if (err) {
          const why = String(stderr).trim().split('\n')[0] || (err as NodeJS.ErrnoException).code || err.message;
          resolve({ error: `git could not compare HEAD with ${ref}: ${why}` });
        } else resolve({ names: stdout.split('\0').filter(n => n && !n.includes('/')) });
      });
  });
}

/**
 * The day git first saw `file` (an absolute path in a working tree), as `YYYY-MM-DD` (its author date,
 * `git log --diff-filter=A --follow --format=%as`), or undefined when git cannot tell (no repository,
 * a file never committed, git missing). Never rejects; 30 s at most.
 */
export function firstCommitDate(file: string): Promise<string | undefined> {
  const slash = file.lastIndexOf('/');
  return new Promise(resolve => {
    execFile('git', ['log', '--diff-filter=A', '--follow', '--format=%as', '--', file.slice(slash + 1)], { cwd: file.slice(0, slash) || '/', maxBuffer: 1 << 20, timeout: 30_000, windowsHide: true },
      (err, stdout) => {
        const days = err ? [] : stdout.split('\n').filter(isIsoDate);
        resolve(days.at(-1));
      });
  });
}

/** `accepted` as a POSIX bracket pattern that ignores case (`git log -G` has no case-insensitive flag of its own). */
const anyCase = (word: string) => [...word].map(c => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('');

/**
 * The day of the oldest commit whose change to `file` (an absolute path in a working tree, followed
 * across renames) adds or removes a line holding `status` in any case (`git log --follow -G`): the
 * commit that set the record to that status, or the one that created it so. Undefined when git cannot
 * tell. `status` is a word of letters (`accepted`, `rejected`); anything else gives undefined. Never
 * rejects; 30 s at most.
 */
export function statusCommitDate(file: string, status: string): Promise<string | undefined> {
  if (!/^[a-z]+$/i.test(status)) return Promise.resolve(undefined);
  const slash = file.lastIndexOf('/');
  return new Promise(resolve => {
    execFile('git', ['log', '--follow', '--format=%as', '-G', anyCase(status), '--', file.slice(slash + 1)], { cwd: file.slice(0, slash) || '/', maxBuffer: 1 << 20, timeout: 30_000, windowsHide: true },
      (err, stdout) => {
        const days = err ? [] : stdout.split('\n').filter(isIsoDate);
        resolve(days.at(-1));
      });
  });
}
