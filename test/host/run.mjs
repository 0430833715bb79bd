// Runs the integration suite (out/test/integration/index.js, built by `npm run build`) inside a real
// VS Code extension host, offline: provisions VS Code Server + Chromium (provision.mjs), starts the
// server, and opens its web workbench in headless Chromium with the repo as extensionDevelopmentPath
// and the suite as extensionTestsPath. The workbench reports every log line of the suite through
// window.codeAutomationLog and its exit code through window.codeAutomationExit, which Playwright exposes.
// The workspace is a fresh copy of test/fixtures/workspace in a temp folder, so that tests that write
// files never dirty the repo and every run starts from the same files.
// Usage: node test/host/run.mjs [--grep PATTERN] [--timeout SECONDS] [--keep] [--verbose]
//   --grep     run only the tests whose full title matches PATTERN (a regular expression, as mocha's)
//   --timeout  give up after SECONDS (default 600, or $SPEC_FIRST_TEST_TIMEOUT) with exit code 124
//   --keep     keep the workspace copy and the server's temp folder, and print where they are
//   --verbose  print every workbench log line and the server's output, not only the suite's
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { format, parseArgs } from 'node:util';
import { ProvisionError, ROOT, provision } from './provision.mjs';
import { launchBrowser, startServer } from './server.mjs';

const TESTS = join(ROOT, 'out/test/integration/index.js');
const EXTENSION = join(ROOT, 'dist/extension.js');
const FIXTURE = join(ROOT, 'test/fixtures/workspace');
/** Left behind in the fixture folder by other runners (@vscode/test-cli opens it in place): not copied. */
const NOT_COPIED = new Set(['scratch', '.vscode']);

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
    timeout: { type: 'string', default: process.env.SPEC_FIRST_TEST_TIMEOUT ?? '600' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log('Usage: node test/host/run.mjs [--grep PATTERN] [--timeout SECONDS] [--keep] [--verbose]');
  process.exit(0);
}
const timeoutS = Number(options.timeout);
if (!(timeoutS > 0)) fail(`--timeout wants a number of seconds, not "${options.timeout}"`);
for (const built of [EXTENSION, TESTS]) {
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
const folder = join(temp, 'workspace');
process.once('exit', () => { if (!options.keep) rmSync(temp, { recursive: true, force: true }); });
cpSync(FIXTURE, folder, { recursive: true, filter: src => !NOT_COPIED.has(relative(FIXTURE, src).split(sep)[0]) });

let server, browser, tally, code = 1, interrupted = false;
const cleanUp = async () => {
  await browser?.close().catch(() => {});
  await server?.stop({ keepTemp: options.keep });
  if (options.keep) console.log(`integration: kept the workspace ${folder}${server ? ` and the server's folder ${server.temp}` : ''}`);
  else rmSync(temp, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`integration: ${signal}, stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  server = await startServer(host, {
    folder,
    env: options.grep ? { SPEC_FIRST_TEST_GREP: options.grep } : {},
  });
  const url = server.workbenchUrl({
    folder,
    payload: [
      ['extensionDevelopmentPath', server.remote(ROOT)],
      ['extensionTestsPath', server.remote(TESTS)],
      ['skipWelcome', 'true'],
    ],
  });
  if (options.verbose) console.log(`integration: ${url}`);
  browser = await launchBrowser(host, { configDir: join(temp, 'browser-config') });
  const page = await browser.newPage();
  let reportExit;
  const exit = new Promise(res => { reportExit = res; });
  await page.exposeFunction('codeAutomationExit', c => reportExit(Number(c)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    const count = /^\d+ passed, \d+ failed(, \d+ skipped)?$/.exec(line.trim());
    if (count) tally = count[0];
    if (options.verbose) console.log(`[${type}] ${line}`);
    else if (/^(log|info|warn|error)$/.test(type) && !NOISE.some(re => re.test(line))) console.log(line);
  });
  const failure = new Promise(res => {
    page.once('crash', () => res('the workbench page crashed'));
    void server.exited.then(c => res(`VS Code Server exited (${c}) during the run`));
    setTimeout(() => res(`no result after ${timeoutS} s (--timeout or SPEC_FIRST_TEST_TIMEOUT to change it)`), timeoutS * 1000).unref();
  });
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
  if (!interrupted) {
    if (options.verbose && server) console.log(`integration: server output:\n${server.output()}`);
    await cleanUp();
  }
}
if (!interrupted) {
  console.log(`integration: ${code === 0 ? 'passed' : `failed (exit code ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // The suite's count again, last, as the closing line CI reads.
  if (tally) console.log(`integration: ${tally}`);
  process.exit(code); // Playwright keeps handles open
}
