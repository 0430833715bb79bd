/**
 * A command-line tool from Debian's packages for a test that runs it: found on the PATH, or installed
 * with `apt-get` when the tests run as root on a Debian-like machine (as CI does), the way
 * test/host/provision.mjs installs the browser.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The absolute path of `command` on the PATH, or undefined. */
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, command))) return path.join(dir, command);
  }
  return undefined;
}

/**
 * The path of `command`, installing Debian's package `pkg` first when it is missing (`apt-get install`,
 * then `apt-get update` and again when the package lists are stale). Returns `{ path }`, or
 * `{ reason }`: a sentence saying why it cannot be had here (not root, no apt-get, apt-get failed), for
 * the test to print before it skips. Prints a line when it installs, which can take a minute.
 */
export function debianTool(command: string, pkg: string): { path: string } | { reason: string } {
  const found = which(command);
  if (found) return { path: found };
  if (process.getuid?.() !== 0) return { reason: `${command} is not installed and the tests do not run as root to install it (apt-get install ${pkg})` };
  if (!which('apt-get')) return { reason: `${command} is not installed and there is no apt-get to install Debian's ${pkg} with` };
  console.log(`      installing Debian's ${pkg} for this test (apt-get install ${pkg})`);
  const apt = (...args: string[]) => spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
  let install = apt('install', '-y', '-qq', pkg);
  if (install.status !== 0) {
    apt('update', '-qq');
    install = apt('install', '-y', '-qq', pkg);
  }
  const installed = which(command);
  if (installed) return { path: installed };
  const tail = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
  return { reason: `apt-get install ${pkg} failed (${install.error?.message ?? `exit ${install.status}`}):\n${tail}` };
}
