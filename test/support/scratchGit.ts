/**
 * A scratch git repository for tests of branch-safe numbering: the git CLI run in a folder with no
 * system or user configuration, and files written into it. Node only.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why git cannot be used here, or undefined when it can. */
export function gitMissing(): string | undefined {
  return spawnSync('git', ['--version']).status === 0 ? undefined : 'git is not installed here';
}

/** Skips the suite whose hook calls it (`this` of a mocha hook), saying why, where git cannot be used. */
export function skipWithoutGit(context: Mocha.Context): void {
  const missing = gitMissing();
  if (!missing) return;
  console.log(`      skipped: ${missing}`);
  context.skip();
}

/** A repository in `dir` (created), on branch `main`, with an author set: `git(…args)` runs git there (failing the test on an error), `write(path, text)` writes a file. */
export function scratchRepository(dir: string): { git(...args: string[]): void; write(relativePath: string, text: string): void } {
  fs.mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  };
  const write = (relativePath: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, relativePath)), { recursive: true });
    fs.writeFileSync(path.join(dir, relativePath), text);
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  return { git, write };
}
