// Provisions a real VS Code to run the extension in, offline: VS Code Server 1.96.4 (the server and web
// workbench shipped in the `code-server` 4.96.4 npm package, the last line that runs on Node 20) and
// `playwright-core`, into the gitignored cache `.vscode-test/host`; and Debian's `chromium` (the browser
// that opens the workbench) and `ripgrep` (VS Code's file search, behind `workspace.findFiles`).
// Only the npm registry and Debian's packages are reachable, so nothing here downloads from elsewhere:
//   - `--ignore-scripts`: code-server's postinstall refuses root and would fetch a GitHub dependency;
//   - lib/vscode's shrinkwrap pins `@vscode/proxy-agent` to a git URL: re-pointed at the registry tarball;
//   - the native modules the server loads are rebuilt from source (g++, make, python3);
//   - `@vscode/ripgrep` downloads its binary from GitHub: Debian's `rg` takes its place.
// Idempotent: a finished cache carries a ready marker and is used as it is. The cache is built in a side
// folder and renamed into place once complete, so an interrupted run never leaves half a host behind.
// Usage: node test/host/provision.mjs [--force]   (run.mjs and start.mjs call provision() themselves)
// Env: SPEC_FIRST_HOST_CACHE (another cache folder), CHROMIUM_PATH (another browser).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.96.4';
export const VSCODE_VERSION = '1.96.4';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = process.env.SPEC_FIRST_HOST_CACHE ? resolve(process.env.SPEC_FIRST_HOST_CACHE) : join(ROOT, '.vscode-test/host');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const READY = '.ready';
const VSCODE_DIR = 'node_modules/code-server/lib/vscode';
/** Native modules VS Code's server loads, rebuilt in lib/vscode (their install scripts were skipped). */
const NATIVE = ['@vscode/spdlog', 'node-pty', 'native-watchdog'];

const say = line => console.log(`host: ${line}`);

/** Raised for a step that failed; the message says what to do. */
export class ProvisionError extends Error {}

/** The absolute path of `command` on PATH, or undefined. */
function which(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/**
 * Runs a command, its output going to `log` (shown when it fails, so a run reads as a few progress
 * lines). Returns its standard output.
 */
function run(command, args, { cwd, log, env } = {}) {
  const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
  const shown = `${command} ${args.join(' ')}`;
  if (log) appendFileSync(log, `\n$ ${shown}   (in ${cwd ?? process.cwd()})\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.error || r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new ProvisionError(`\`${shown}\` failed (${r.error?.message ?? `exit ${r.status}`})${cwd ? ` in ${cwd}` : ''}:\n${tail}${log ? `\nfull log: ${log}` : ''}`);
  }
  return r.stdout;
}

/** Installs the Debian packages the host needs and does not find: a browser, ripgrep, a C++ toolchain. */
function ensureSystemPackages() {
  const wanted = [
    [CHROMIUM, 'chromium', existsSync(CHROMIUM)],
    ['rg', 'ripgrep', which('rg')],
    ['g++', 'g++', which('g++')],
    ['make', 'make', which('make')],
    ['python3', 'python3', which('python3')],
  ];
  const missing = wanted.filter(([, , found]) => !found).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new ProvisionError(`missing ${missing.join(', ')}; install them and run again:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  if (!which('apt-get')) throw new ProvisionError(`missing ${missing.join(', ')}, and no apt-get to install them with: install them by hand`);
  say(`installing Debian packages: ${missing.join(', ')} (apt-get)`);
  const t = Date.now();
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
  say(`  done in ${seconds(t)}`);
  if (!existsSync(CHROMIUM)) throw new ProvisionError(`apt-get installed chromium but ${CHROMIUM} is not there; set CHROMIUM_PATH`);
}

/** Re-points every `git+` entry of an npm shrinkwrap at the registry tarball of the same version. */
function repinGitDependencies(shrinkwrap, log) {
  const data = JSON.parse(readFileSync(shrinkwrap, 'utf8'));
  let changed = 0;
  for (const [key, entry] of Object.entries(data.packages ?? {})) {
    if (typeof entry.resolved !== 'string' || !entry.resolved.startsWith('git+')) continue;
    const name = key.replace(/^.*node_modules\//, '');
    const spec = `${name}@${entry.version}`;
    const view = JSON.parse(run('npm', ['view', '--json', spec, 'dist'], { log }));
    if (!view?.tarball || !view?.integrity) throw new ProvisionError(`the npm registry has no tarball for ${spec} (pinned to ${entry.resolved})`);
    entry.resolved = view.tarball;
    entry.integrity = view.integrity;
    say(`  ${spec}: git dependency re-pointed at the registry`);
    changed++;
  }
  if (changed) writeFileSync(shrinkwrap, `${JSON.stringify(data, null, 2)}\n`);
}

/** Builds a complete host in `dir` (empty or absent). */
function build(dir) {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'provision.log');
  // Its own package.json, so that npm installs here and not into the project above.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'spec-first-vscode-host', private: true }, null, 2)}\n`);
  const npmQuiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];

  let t = Date.now();
  say(`[1/5] npm install code-server@${CODE_SERVER_VERSION} playwright-core@1 (scripts off)`);
  run('npm', ['install', ...npmQuiet, '--ignore-scripts', '--save-exact', `code-server@${CODE_SERVER_VERSION}`, 'playwright-core@1'], { cwd: dir, log });
  say(`  done in ${seconds(t)}`);

  t = Date.now();
  say('[2/5] npm rebuild argon2 (code-server loads it at start)');
  run('npm', ['rebuild', ...npmQuiet, 'argon2'], { cwd: dir, log });
  say(`  done in ${seconds(t)}`);

  const vscode = join(dir, VSCODE_DIR);
  if (!existsSync(join(vscode, 'package.json'))) throw new ProvisionError(`code-server@${CODE_SERVER_VERSION} has no ${VSCODE_DIR}: not the package this script was written for`);
  t = Date.now();
  say(`[3/5] VS Code ${VSCODE_VERSION} server dependencies: npm install --omit=dev (scripts off)`);
  repinGitDependencies(join(vscode, 'npm-shrinkwrap.json'), log);
  run('npm', ['install', ...npmQuiet, '--omit=dev', '--ignore-scripts'], { cwd: vscode, log });
  say(`  done in ${seconds(t)}`);

  t = Date.now();
  say(`[4/5] npm rebuild ${NATIVE.join(' ')} (native modules, from source)`);
  run('npm', ['rebuild', ...npmQuiet, ...NATIVE], { cwd: vscode, log });
  say(`  done in ${seconds(t)}`);

  say('[5/5] links: node_modules.asar, ripgrep');
  // VS Code looks its modules up under node_modules.asar, the name they have in a packaged build.
  symlinkSync('node_modules', join(vscode, 'node_modules.asar'));
  const rgDir = join(vscode, 'node_modules/@vscode/ripgrep/bin');
  mkdirSync(rgDir, { recursive: true });
  rmSync(join(rgDir, 'rg'), { force: true });
  symlinkSync(which('rg'), join(rgDir, 'rg'));

  // Fail here, not in the middle of a test run, if something did not come out right.
  const require = createRequire(join(dir, 'package.json'));
  const playwright = require('playwright-core/package.json').version;
  if (!existsSync(join(dir, 'node_modules/code-server/out/node/entry.js'))) throw new ProvisionError('code-server has no out/node/entry.js');
  run(process.execPath, ['-e', NATIVE.map(m => `require(${JSON.stringify(m)});`).join('')], { cwd: vscode, log });
  const rg = join(rgDir, 'rg');
  run(rg, ['--version'], { log });
  writeFileSync(join(dir, READY), `${JSON.stringify({ codeServer: CODE_SERVER_VERSION, vscode: VSCODE_VERSION, playwright, node: process.version, at: new Date().toISOString() }, null, 2)}\n`);
}

/** The ready marker of a finished host, or undefined. */
function readyMarker(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, READY), 'utf8'));
  } catch {
    return undefined;
  }
}

const seconds = t => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/**
 * Makes sure the host is there (building it on first use) and returns where things are:
 *   `cache`       the host folder
 *   `entry`       code-server's entry point (run it with this Node)
 *   `chromium`    the browser to launch
 *   `playwright`  the `playwright-core` module
 */
export async function provision({ force = false } = {}) {
  ensureSystemPackages();
  const marker = readyMarker(CACHE);
  if (force || marker?.codeServer !== CODE_SERVER_VERSION) {
    if (Number(process.versions.node.split('.')[0]) !== 20) {
      say(`warning: Node ${process.version}; code-server ${CODE_SERVER_VERSION} is built for Node 20 and its native modules may not load`);
    }
    const t = Date.now();
    say(`provisioning VS Code Server ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) into ${CACHE}${marker ? ` (replacing code-server ${marker.codeServer})` : ''}`);
    const side = `${CACHE}.partial-${process.pid}`;
    rmSync(side, { recursive: true, force: true });
    try {
      build(side);
      rmSync(CACHE, { recursive: true, force: true });
      renameSync(side, CACHE);
    } catch (error) {
      // Keep the log of a failed build where the message says it is; drop the rest.
      if (existsSync(join(side, 'provision.log'))) {
        mkdirSync(dirname(CACHE), { recursive: true });
        renameSync(join(side, 'provision.log'), `${CACHE}.failed.log`);
        error.message = error.message.replace(join(side, 'provision.log'), `${CACHE}.failed.log`);
      }
      rmSync(side, { recursive: true, force: true });
      throw error;
    }
    say(`provisioned in ${seconds(t)}`);
  } else {
    say(`VS Code Server ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}, playwright-core ${marker.playwright}) ready in ${relative(process.cwd(), CACHE) || '.'}`);
  }
  const require = createRequire(join(CACHE, 'package.json'));
  return {
    cache: CACHE,
    entry: join(CACHE, 'node_modules/code-server/out/node/entry.js'),
    chromium: CHROMIUM,
    playwright: require('playwright-core'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await provision({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`host: provisioning failed: ${error instanceof ProvisionError ? error.message : error.stack}`);
    process.exit(1);
  }
}
