// `npm run bench:activation`: Spec-First's activation time in a documentation workspace of 3,000
// Markdown files and no decision records, as VS Code's "Developer: Show Running Extensions" reports it
// (code loading plus the `activate` call), next to VS Code's own Markdown Language Features' in the
// same window, and the ratio. Runs the provisioned VS Code Server's web workbench in headless Chromium
// (test/host), opens a Markdown file (both extensions activate on `onLanguage:markdown`), then reads
// the Running Extensions editor. Prints, never asserts; takes a minute or two.
// Usage: node bench/activation.mjs [--files N] [--runs N]
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import console from 'node:console';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { ROOT, provision } from '../test/host/provision.mjs';
import { launchBrowser, startServer } from '../test/host/server.mjs';

const { values: options } = parseArgs({ options: { files: { type: 'string', default: '3000' }, runs: { type: 'string', default: '3' } } });
const FILES = Number(options.files);
const RUNS = Number(options.runs);
const OURS = ['Spec-First: ADRs & RFCs', 'spec-first.spec-first']; // a development extension shows by its id
const MARKDOWN = 'Markdown Language Features';

/** A documentation tree: `FILES` guides in 30 folders, prose and headings, no numbered or dated names, no record folders. */
function writeDocsWorkspace(root) {
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, 'docs', `area-${i % 30}`, `topic-${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const body = `# Guide ${i}\n\n${'How the service is configured and run, with examples. '.repeat(12)}\n\n## Setup\n\n- Install\n- Configure\n\n## Usage\n\n\`\`\`sh\nrun --guide ${i}\n\`\`\`\n`;
    writeFileSync(join(dir, `guide-${i}.md`), body);
  }
  writeFileSync(join(root, 'README.md'), '# Documentation\n\nSee docs/.\n');
}

/** The activation times the Running Extensions editor shows, by extension name, in ms (code loading + activate call). */
async function runningExtensions(page) {
  await page.keyboard.press('F1');
  await page.keyboard.type('Developer: Show Running Extensions');
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
  const rows = page.locator('.runtime-extensions-editor .extension');
  await rows.first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  const times = {};
  for (const row of await rows.all()) {
    const name = (await row.locator('.name').first().innerText().catch(() => '')).trim();
    const time = (await row.locator('.activation-time').first().innerText().catch(() => '')).trim();
    const ms = /([\d.]+)\s*ms/.exec(time);
    if (name && ms) times[name] = Number(ms[1]);
  }
  return times;
}

/** What Spec-First's log says it indexed (how many candidate files it read), from the server's log folder. */
function indexedLines(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && /spec-first/i.test(e.name) && e.name.endsWith('.log'))
    .flatMap(e => readFileSync(join(e.parentPath, e.name), 'utf8').split('\n').filter(l => /Indexed \d+ decision records/.test(l)))
    .map(l => l.replace(/^.*?(Indexed)/, '$1'));
}

async function oneRun(host, folder, run) {
  const server = await startServer(host, { folder });
  const browser = await launchBrowser(host, { configDir: join(folder, '..', `browser-${run}`) });
  try {
    const page = await browser.newPage();
    const url = server.workbenchUrl({ folder, payload: [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']] });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.waitForTimeout(3000);
    // Quick Open the README: a Markdown editor activates both extensions.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('README.md');
    // Enter once the search lists it (in a 3,000-file workspace, that can take seconds).
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'README.md' }).first().waitFor({ timeout: 60000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor({ timeout: 60000 });
    await page.waitForTimeout(5000);
    const times = await runningExtensions(page);
    return { times, indexed: indexedLines(server.temp) };
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

const temp = mkdtempSync(join(tmpdir(), 'spec-first-activation-'));
try {
  const folder = join(temp, 'workspace');
  writeDocsWorkspace(folder);
  const host = await provision();
  console.log(`Activation in a documentation workspace: ${FILES} Markdown files, no records ("Show Running Extensions": code loading + activate call)`);
  for (let run = 1; run <= RUNS; run++) {
    const { times, indexed } = await oneRun(host, folder, run);
    const ours = OURS.map(name => times[name]).find(ms => ms !== undefined);
    const markdown = times[MARKDOWN];
    const ratio = ours !== undefined && markdown ? `${(ours / markdown).toFixed(2)}× Markdown Language Features' (target ≤ 0.25×)` : `(not found: ${JSON.stringify(times)})`;
    console.log(`  run ${run}: Spec-First ${ours ?? '?'} ms, Markdown Language Features ${markdown ?? '?'} ms: ${ratio}`);
    const others = Object.entries(times).filter(([name]) => name !== MARKDOWN && !OURS.includes(name)).map(([name, ms]) => `${name} ${ms} ms`);
    console.log(`         Spec-First's log: ${indexed.join('; ') || 'no "Indexed" line (no scan ran: the Decisions view was not shown)'}`);
    console.log(`         the other extensions activated in the same window: ${others.join(', ')}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exit(0); // Playwright keeps handles open
