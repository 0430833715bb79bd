// Starts and stops the provisioned VS Code Server, and builds workbench URLs for it: shared by run.mjs
// (the integration suite) and start.mjs (a person trying the extension).
// The server listens on loopback only, with no auth, and with a user-data-dir, an extensions-dir and
// XDG folders of its own in a temp folder, so it touches nothing in $HOME and forgets everything on
// stop. It runs in a process group of its own (code-server forks itself, and forks extension hosts),
// which stop() ends as a whole.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Settings for a quiet, offline workbench: no welcome page, no telemetry, no update or marketplace checks. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.colorTheme': 'Default Light Modern', // else a notification offers it
  'git.openRepositoryInParentFolders': 'never', // else a notification asks, for the repo around the workspace
};

/**
 * With `workspaceTrust`: Workspace Trust on, as in a user's VS Code. VS Code 1.96 decides a folder's
 * trust at startup: trust is enabled unless the server runs with `--disable-workspace-trust` or the
 * user setting `security.workspace.trust.enabled` is false; then a folder is trusted only when it (or
 * a parent) is in the trusted-folders list, which the web workbench keeps in the browser's storage
 * (empty in a fresh browser profile), or when the remote authority's resolver says so (code-server's
 * does not). `startupPrompt: never` keeps the trust dialog from opening at startup, so the folder stays
 * untrusted (Restricted Mode) without anyone answering; `untrustedFiles: open` opens files from outside
 * the folder without another prompt; the banner is hidden to keep the workbench quiet.
 */
const TRUST_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.banner': 'never',
};

/**
 * User settings that run the extension in `folder` (its package.json's `publisher.name`) in the
 * browser's web worker extension host, as vscode.dev and github.dev do, instead of the server's Node
 * host. The extension then loads its `browser` entry. VS Code reads the setting at startup only.
 */
export function webWorkerSettings(folder) {
  const { publisher, name } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return { 'remote.extensionKind': { [`${publisher}.${name}`]: ['web'] } };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const probe = net.createServer().once('error', rej).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => res(port));
    });
  });
}

/** Whether `port` on 127.0.0.1 can be listened on. */
export function portIsFree(port) {
  return new Promise(res => {
    const probe = net.createServer().once('error', () => res(false)).listen(port, '127.0.0.1', () => probe.close(() => res(true)));
  });
}

/**
 * Starts the server on `port` (a free one when absent) opening `folder`, and resolves once it listens.
 * `env` is added to the server's environment, which its extension hosts inherit. Workspace Trust is
 * off (`--disable-workspace-trust`: every folder trusted) unless `workspaceTrust` is true, which opens
 * `folder` untrusted, in Restricted Mode (see TRUST_SETTINGS). `extensions`: extension folders installed
 * (copied into the server's extensions folder, which it scans on its first start) besides the one in development.
 * `settings` are added to the user settings, written before the server starts (some, such as
 * `remote.extensionKind`, are read only at startup).
 * Returns { port, origin, remote(path), workbenchUrl({folder, payload}), output(), exited, stop() }.
 */
export async function startServer(host, { folder, port, env = {}, startTimeoutMs = 60000, workspaceTrust = false, extensions = [], settings: extra = {} } = {}) {
  port ??= await freePort();
  const temp = mkdtempSync(join(tmpdir(), 'spec-first-host-'));
  const dirs = { user: join(temp, 'user-data'), extensions: join(temp, 'extensions'), xdgConfig: join(temp, 'xdg-config'), xdgData: join(temp, 'xdg-data') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  for (const extension of extensions) {
    const { publisher, name, version } = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
    cpSync(extension, join(dirs.extensions, `${publisher}.${name}-${version}`), { recursive: true });
  }
  const settings = { ...USER_SETTINGS, ...(workspaceTrust ? TRUST_SETTINGS : {}), ...extra };
  writeFileSync(join(dirs.user, 'User/settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  // An explicit config file: without one code-server writes a default (with a password) into ~/.config.
  const config = join(temp, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');

  const args = [
    host.entry, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions,
    ...(folder ? [resolve(folder)] : []),
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{"serviceUrl":""}', // no marketplace look-ups
      XDG_CONFIG_HOME: dirs.xdgConfig,
      XDG_DATA_HOME: dirs.xdgData,
      ...env,
    },
  });
  let output = '';
  const onData = d => { output = (output + d).slice(-1_000_000); }; // the tail is enough, and npm start runs for hours
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise(res => child.once('exit', (code, signal) => res(signal ?? code)));
  let alive = true;
  void exited.then(() => { alive = false; });

  // Never leave the server behind, whatever way this process ends.
  const killGroup = (signal, evenIfLeaderExited = false) => {
    if (!alive && !evenIfLeaderExited) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  let keepTemp = false;
  const onExit = () => {
    killGroup('SIGKILL');
    if (!keepTemp) rmSync(temp, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  let stopped;
  const stop = ({ keepTemp: keep = false } = {}) => stopped ??= (async () => {
    keepTemp = keep;
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup('SIGKILL', true); // extension hosts that outlived their parent (the group is ours alone)
    process.removeListener('exit', onExit);
    if (!keepTemp) rmSync(temp, { recursive: true, force: true });
  })();

  try {
    await new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`VS Code Server did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
      const check = () => { if (/HTTP server listening/.test(output)) { clearTimeout(timer); res(); } };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      child.once('error', e => { clearTimeout(timer); rej(e); });
      void exited.then(code => { clearTimeout(timer); rej(new Error(`VS Code Server exited (${code}) before it listened`)); });
    });
  } catch (error) {
    await stop();
    error.message += `; its output:\n${output.trim()}`;
    throw error;
  }

  const authority = `127.0.0.1:${port}`;
  const remote = path => `vscode-remote://${authority}${resolve(path)}`;
  return {
    port,
    origin: `http://${authority}`,
    temp,
    remote,
    /** The workbench URL opening `folder`, with `payload` ([[key, value], ...], paths turned into remote URIs by the caller). */
    workbenchUrl: ({ folder: open, payload = [] }) => {
      const query = [];
      if (open) query.push(`folder=${encodeURIComponent(resolve(open))}`);
      if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `http://${authority}/${query.length ? `?${query.join('&')}` : ''}`;
    },
    output: () => output,
    exited,
    stop,
  };
}

/**
 * Launches the host's headless Chromium (Debian's, through playwright-core). `configDir` stands in for
 * ~/.config, where Chromium would otherwise create its crash-report folder.
 */
export function launchBrowser(host, { headless = true, configDir } = {}) {
  return host.playwright.chromium.launch({
    executablePath: host.chromium,
    headless,
    ...(configDir ? { env: { ...process.env, XDG_CONFIG_HOME: configDir } } : {}),
    // The caller closes the browser on a signal, after its own clean-up; Playwright's handlers would exit first.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
