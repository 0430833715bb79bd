/**
 * What the CLI reads from git: a record folder's file names at a ref (`git ls-tree`), for
 * `--base REF` (see `core/branchNumbers.ts`). Node only; the editor reads git through VS Code's Git
 * extension instead.
 */
import { execFile } from 'node:child_process';

/** A folder's listing at a ref, or why it could not be read (one line). */
export type RefListing = { readonly names: string[]; readonly error?: undefined } | { readonly names?: undefined; readonly error: string };

/**
 * The file names directly in `folder` (an absolute path inside a git working tree) at `ref`, as
 * `git ls-tree --name-only REF -- .` run in that folder lists them (a folder that does not exist at the
 * ref lists nothing). A ref that starts with `-` is refused (it would read as an option). Never
 * rejects: git missing, not a repository or an unknown ref give `error`. At most 16 MB of output, 30 s.
 */
export function namesAtRef(folder: string, ref: string): Promise<RefListing> {
  if (!ref || ref.startsWith('-')) return Promise.resolve({ error: `"${ref}" is not a git ref` });
  return new Promise(resolve => {
    execFile('git', ['ls-tree', '--name-only', '--end-of-options', ref, '--', '.'], { cwd: folder, maxBuffer: 16 << 20, timeout: 30_000, windowsHide: true },
      (err, stdout, stderr) => {
        if (err) {
          const why = String(stderr).trim().split('\n')[0] || (err as NodeJS.ErrnoException).code || err.message;
          resolve({ error: `git could not list ${ref}: ${why}` });
        } else resolve({ names: stdout.split('\n').filter(Boolean).map(n => n.slice(n.lastIndexOf('/') + 1)) });
      });
  });
}
