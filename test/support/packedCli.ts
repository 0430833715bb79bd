/**
 * The CLI's own npm package (`packages/cli`) as a user gets it, for the tests that run it: `npm pack`
 * there (its prepack builds `dist/` from the repository's sources), then the tarball installed with
 * `npm install -g --prefix <tmp> --offline` and an empty cache, so it can need nothing from a registry
 * and nothing of this checkout (the prefix is outside it). Packed and installed once per test run, on
 * first use; the temporary folder is removed when the process exits.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from './fixtures';

/** The repository's root. */
export const ROOT = path.resolve(FIXTURES, '../..');
const PACKAGE = path.join(ROOT, 'packages/cli');

/**
 * The environment without npm's `npm_*` variables: when a suite runs under `npm test`, they name the
 * repository's root as the prefix, which `npm pack` and `npm install` would otherwise follow.
 */
export const cleanEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

/** Runs npm in `cwd`: the one running the tests (`npm_execpath`) when there is one, else `npm` on the PATH. */
export function npm(args: readonly string[], cwd?: string) {
  const execPath = process.env.npm_execpath;
  const [command, prefix] = execPath && /\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], {
    cwd, encoding: 'utf8', env: cleanEnv, timeout: 180_000, shell: process.platform === 'win32' && command === 'npm',
  });
}

/** The packed and installed CLI. */
export interface PackedCli {
  /** A temporary folder the tests may write in (removed at exit). */
  readonly work: string;
  /** The tarball as `npm pack --json` describes it: its file name (in `work`) and the files it holds. */
  readonly tarball: { readonly filename: string; readonly files: readonly { readonly path: string }[] };
  /** The folder the installed `spec-first` command is in: put it first on the PATH to run it by name. */
  readonly binDir: string;
  /** The installed `spec-first` command's path. */
  readonly bin: string;
}

/** Where the first caller's result is kept: each unit test file is bundled with its own copy of this module. */
const INSTALLED = Symbol.for('spec-first.test.packedCli');
const shared = globalThis as { [INSTALLED]?: PackedCli | string };

/**
 * Packs `packages/cli` and installs the tarball into a temporary prefix, once per process. Returns
 * where it is, or a sentence saying why it cannot be had here (npm missing) for the caller to print
 * before it skips. Throws (an assertion message with npm's output) when packing or installing fails.
 */
export function packedCli(): PackedCli | string {
  const known = shared[INSTALLED];
  if (known) return known;
  const version = npm(['--version']);
  if (version.status !== 0) return (shared[INSTALLED] = `npm is not available here (${version.error?.message ?? version.stderr.trim()})`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-package-'));
  process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
  const pack = npm(['pack', '--json', '--pack-destination', work], PACKAGE);
  if (pack.status !== 0) throw new Error(`npm pack failed in ${PACKAGE}:\n${pack.stderr}`);
  const [tarball] = JSON.parse(pack.stdout);
  const prefix = path.join(work, 'prefix');
  const install = npm(['install', '--global', '--prefix', prefix, '--cache', path.join(work, 'cache'), '--offline', '--no-audit', '--no-fund',
    path.join(work, tarball.filename)], work);
  if (install.status !== 0) throw new Error(`npm install of the packed CLI failed:\n${install.stderr}`);
  const binDir = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
  const bin = path.join(binDir, process.platform === 'win32' ? 'spec-first.cmd' : 'spec-first');
  return (shared[INSTALLED] = { work, tarball, binDir, bin });
}
