// Runs the integration suites inside a real VS Code extension host, offline: provisions VS Code Server +
// Chromium (provision.mjs), starts the server, and opens its web workbench in headless Chromium with the
// repo as extensionDevelopmentPath. Three suites run, each in a server of its own:
//   - main   out/test/integration/index.js, as extensionTestsPath, Workspace Trust off (every folder
//            trusted). The workbench reports every log line of the suite through window.codeAutomationLog
//            and its exit code through window.codeAutomationExit, which Playwright exposes.
//   - trust  out/test/integration/trust/index.js, Workspace Trust on and the folder untrusted (Restricted
//            Mode). It needs modal dialogs, which VS Code refuses to show while extensionTestsPath is set,
//            so it runs through an extension installed for the run, suite-runner/, which writes the
//            suite's lines and exit code to a file this script follows. This script answers Spec-First's modal
//            confirmations as a user would: Cancel when the message names a file containing "declined",
//            else Continue; each one is printed.
//   - web    out/test/integration/web/index.js (one bundle), in the browser's web worker extension host,
//            as vscode.dev and github.dev run Spec-First: the user setting `remote.extensionKind` puts
//            the extension there (it then loads its `browser` entry), and the suite checks that it runs
//            without Node. Its logs and exit code come as the main suite's; --grep reaches it as the
//            user setting `specFirstTests.grep`, since a web worker has no environment.
// Each suite's workspace is a fresh copy of test/fixtures/workspace in a temp folder, so that tests that
// write files never dirty the repo and every run starts from the same files.
// Usage: node test/host/run.mjs [--grep PATTERN] [--suite main|trust|web] [--timeout SECONDS] [--keep] [--verbose]
//   --grep     run only the tests whose full title matches PATTERN (a regular expression, as mocha's)
//   --suite    run one suite only (default: all three, in this order)
//   --timeout  give up on a suite after SECONDS (default 600, or $SPEC_FIRST_TEST_TIMEOUT) with exit code 124
//   --keep     keep the workspace copies and the servers' temp folders, and print where they are
//   --verbose  print every workbench log line and the server's output, not only the suite's
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { format, parseArgs } from 'node:util';
import { ProvisionError, ROOT, provision } from './provision.mjs';
import { launchBrowser, startServer, webWorkerSettings } from './server.mjs';

/** The suites, in the order they run. */
const SUITES = [
  { name: 'main', tests: join(ROOT, 'out/test/integration/index.js'), workspaceTrust: false, viaRunner: false },
  { name: 'trust', tests: join(ROOT, 'out/test/integration/trust/index.js'), workspaceTrust: true, viaRunner: true },
  {
    name: 'web', tests: join(ROOT, 'out/test/integration/web/index.js'), workspaceTrust: false, viaRunner: false,
    settings: webWorkerSettings(ROOT), grepSetting: 'specFirstTests.grep',
  },
];
/** The development extension that runs a suite without extensionTestsPath (see suite-runner/extension.js). */
const SUITE_RUNNER = join(ROOT, 'test/host/suite-runner');
const SUITE_EXIT = /^spec-first-suite-exit: (\d+)$/;
const EXTENSIONS = [join(ROOT, 'dist/extension.js'), join(ROOT, 'dist/web/extension.js')];
const FIXTURE = join(ROOT, 'test/fixtures/workspace');
/** Left behind in the fixture folder by other runners (@vscode/test-cli opens it in place): not copied. */
const NOT_COPIED = new Set(['scratch', '.vscode']);
// "Today" for the date rules (review due, stale proposal), pinned in the extension host's environment
// (SPEC_FIRST_TODAY) so that the suites' findings do not change from day to day. The web worker has none.
const TODAY = '2026-06-01';

/**
 * Workbench log lines that are not the suite's: its connection, its service worker, the gallery it has
 * no access to. Anchored, so that no test's own output is ever hidden.
 */
const NOISE = [
  /^(Resolving|Resolved) connection token \(/,
  /^Creating a socket \(/,
  /^\[Service Worker\]/,
  /^(Ignoring fetching|Updating) additional builtin extensions/,
  /^An error occurred while fetching|extensionquery|getaddrinfo ENOTFOUND/,
  /^Refused to show dialog/,
];

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    suite: { type: 'string' },
    timeout: { type: 'string', default: process.env.SPEC_FIRST_TEST_TIMEOUT ?? '600' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log('Usage: node test/host/run.mjs [--grep PATTERN] [--suite main|trust|web] [--timeout SECONDS] [--keep] [--verbose]');
  process.exit(0);
}
const timeoutS = Number(options.timeout);
if (!(timeoutS > 0)) fail(`--timeout wants a number of seconds, not "${options.timeout}"`);
const suites = SUITES.filter(suite => !options.suite || suite.name === options.suite);
if (suites.length === 0) fail(`--suite wants one of ${SUITES.map(suite => suite.name).join(', ')}, not "${options.suite}"`);
for (const built of [...EXTENSIONS, ...suites.map(suite => suite.tests)]) {
  if (!existsSync(built)) fail(`${relative(ROOT, built)} is missing: run \`npm run build\` first`);
}

function fail(message, code = 1) {
  console.error(`integration: ${message}`);
  process.exit(code);
}

const started = Date.now();
let host;
try {
  host = await provision();
} catch (error) {
  fail(`cannot provision VS Code: ${error instanceof ProvisionError ? error.message : error.stack}`);
}

const temp = mkdtempSync(join(tmpdir(), 'spec-first-it-'));
process.once('exit', () => { if (!options.keep) rmSync(temp, { recursive: true, force: true }); });

let server, browser, interrupted = false;
const cleanUp = async () => {
  await browser?.close().catch(() => {});
  browser = undefined;
  await server?.stop({ keepTemp: options.keep });
  if (options.keep && server) console.log(`integration: kept the server's folder ${server.temp}`);
  server = undefined;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`integration: ${signal}, stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/**
 * Answers Spec-First's modal confirmations in the workbench (HTML dialogs: .monaco-dialog-box) until
 * the page closes: Cancel when the message names a file containing "declined", else Continue (OK to
 * VS Code's question before applying a rename participant's edit).
 */
async function answerDialogs(page) {
  const box = page.locator('.monaco-dialog-box');
  for (;;) {
    try {
      await box.waitFor({ state: 'visible', timeout: 0 });
      const message = (await box.locator('.dialog-message-text').innerText()).trim();
      const buttons = box.locator('.dialog-buttons .monaco-button');
      const labels = (await buttons.allInnerTexts()).map(label => label.trim());
      // VS Code's own question before a rename participant's edit ("Extension '…' wants to make
      // refactoring changes with this file move") is answered OK, as a user who wants them would.
      const wanted = /declined/.test(message) ? 'Cancel' : /wants to make refactoring changes/.test(message) ? 'OK' : 'Continue';
      // A dialog that is not Spec-First's (no such button) is dismissed with its last button, its Cancel.
      const index = labels.includes(wanted) ? labels.indexOf(wanted) : labels.length - 1;
      console.log(`integration: dialog "${message}" [${labels.join(' | ')}] → ${labels[index]}`);
      await buttons.nth(index).click();
      await box.waitFor({ state: 'hidden' });
    } catch {
      return; // the page or the browser closed
    }
  }
}

/** Runs one suite in a server of its own; resolves with its exit code and its `N passed, N failed` line. */
async function runSuite(suite) {
  const folder = join(temp, `workspace-${suite.name}`);
  cpSync(FIXTURE, folder, { recursive: true, filter: src => !NOT_COPIED.has(relative(FIXTURE, src).split(sep)[0]) });
  const suiteLog = join(temp, `${suite.name}-suite.log`);
  let tally, code = 1, following;
  const show = (type, line) => {
    const count = /^\d+ passed, \d+ failed(, \d+ skipped)?$/.exec(line.trim());
    if (count) tally = count[0];
    if (options.verbose) console.log(`[${type}] ${line}`);
    else if (/^(log|info|warn|error)$/.test(type) && !NOISE.some(re => re.test(line))) console.log(line);
  };
  try {
    const env = { SPEC_FIRST_TODAY: TODAY, ...(options.grep ? { SPEC_FIRST_TEST_GREP: options.grep } : {}), ...(suite.viaRunner ? { SPEC_FIRST_SUITE: suite.tests, SPEC_FIRST_SUITE_LOG: suiteLog } : {}) };
    // The runner is installed, not a second development extension: the workbench keeps one extensionDevelopmentPath.
    const settings = { ...suite.settings, ...(options.grep && suite.grepSetting ? { [suite.grepSetting]: options.grep } : {}) };
    server = await startServer(host, { folder, workspaceTrust: suite.workspaceTrust, env, settings, extensions: suite.viaRunner ? [SUITE_RUNNER] : [] });
    const url = server.workbenchUrl({
      folder,
      payload: [
        ['extensionDevelopmentPath', server.remote(ROOT)],
        ...(suite.viaRunner ? [] : [['extensionTestsPath', server.remote(suite.tests)]]),
        ['skipWelcome', 'true'],
      ],
    });
    if (options.verbose) console.log(`integration: ${url}`);
    browser = await launchBrowser(host, { configDir: join(temp, `browser-config-${suite.name}`) });
    const page = await browser.newPage();
    let reportExit;
    const exit = new Promise(res => { reportExit = res; });
    if (suite.viaRunner) {
      // Follow the runner's file: print new lines as they come, until its exit line.
      let shown = 0;
      following = setInterval(() => {
        const lines = existsSync(suiteLog) ? readFileSync(suiteLog, 'utf8').split('\n').slice(0, -1) : [];
        for (const line of lines.slice(shown)) {
          const end = SUITE_EXIT.exec(line);
          if (end) reportExit(Number(end[1]));
          else show('log', line);
        }
        shown = lines.length;
      }, 250);
    } else {
      await page.exposeFunction('codeAutomationExit', c => reportExit(Number(c)));
      await page.exposeFunction('codeAutomationLog', (type, args) => show(type, format(...(Array.isArray(args) ? args : [args]))));
    }
    const failure = new Promise(res => {
      page.once('crash', () => res('the workbench page crashed'));
      void server.exited.then(c => res(`VS Code Server exited (${c}) during the run`));
      setTimeout(() => res(`no result after ${timeoutS} s (--timeout or SPEC_FIRST_TEST_TIMEOUT to change it)`), timeoutS * 1000).unref();
    });
    if (suite.workspaceTrust) void answerDialogs(page);
    await page.goto(url);
    const result = await Promise.race([exit, failure]);
    if (interrupted) await new Promise(() => {}); // the signal handler cleans up and exits
    if (typeof result === 'number') {
      code = result;
    } else {
      code = result.startsWith('no result') ? 124 : 1;
      console.error(`integration: ${result}`);
      console.error(`integration: the server's last output:\n${server.output().trim().split('\n').slice(-30).join('\n')}`);
    }
  } catch (error) {
    if (!interrupted) console.error(`integration: ${error.stack ?? error}`);
    code = 1;
  } finally {
    clearInterval(following);
    if (!interrupted) {
      if (options.verbose && server) console.log(`integration: server output:\n${server.output()}`);
      await cleanUp();
      if (options.keep) console.log(`integration: kept the workspace ${folder}`);
    }
  }
  return { code, tally };
}

const tallies = [];
let code = 0;
for (const suite of suites) {
  console.log(`integration: ${suite.name} suite${suite.workspaceTrust ? ' (Workspace Trust on, the folder untrusted)' : ''}${suite.name === 'web' ? ' (the web worker extension host)' : ''}`);
  const result = await runSuite(suite);
  if (result.tally) tallies.push(`${suite.name}: ${result.tally}`);
  if (code === 0) code = result.code;
}
const passed = tallies.reduce((sum, tally) => sum + Number(/(\d+) passed/.exec(tally)?.[1] ?? 0), 0);
if (code === 0 && passed === 0) {
  console.error(`integration: no test ran${options.grep ? ` (none matches --grep ${options.grep})` : ''}`);
  code = 1;
}
console.log(`integration: ${code === 0 ? 'passed' : `failed (exit code ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
// Each suite's count again, last, as the closing lines CI reads.
for (const tally of tallies) console.log(`integration: ${tally}`);
process.exit(code); // Playwright keeps handles open
