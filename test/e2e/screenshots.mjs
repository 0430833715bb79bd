/* global console, document, process, requestAnimationFrame */
// Takes the README's pictures of the decision preview in the real workbench: the provisioned VS Code
// Server (test/host) with this repo's extension, in headless Chromium, on a copy of samples/workspace.
// Opens docs/rfcs/0001-multi-region-failover.md, runs "Spec-First: Open Decision Preview to the Side"
// from the command palette (F1), moves the editor to the first diagram (the preview follows), waits
// until the webview has drawn both diagrams, and takes a picture; then switches the colour theme in
// "Preferences: Color Theme", waits until the diagrams are redrawn dark, and takes another.
// Usage: npm run build && node test/e2e/screenshots.mjs [--out docs/images]
//   writes preview-light.png and preview-dark.png (1400x850)
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, provision } from '../host/provision.mjs';
import { launchBrowser, startServer } from '../host/server.mjs';

const { values: options } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'docs/images') } } });
const OUT = resolve(options.out);
const RECORD = 'docs/rfcs/0001-multi-region-failover.md';
const VIEWPORT = { width: 1400, height: 850 };
const STEP_TIMEOUT_MS = 60000;
/** User settings for the pictures: test/host/server.mjs's quiet ones (no welcome page, tips, telemetry, updates, notifications). */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.enableExperiments': false, 'telemetry.telemetryLevel': 'off',
  'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
};

const temp = mkdtempSync(join(tmpdir(), 'spec-first-shots-'));
const folder = join(temp, 'workspace');
cpSync(join(ROOT, 'samples/workspace'), folder, { recursive: true });

let server, browser, page;
try {
  const host = await provision();
  server = await startServer(host, { folder });
  browser = await launchBrowser(host, { configDir: join(temp, 'browser-config') });
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(server.workbenchUrl({ folder, payload: [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']] }));
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.statusbar').waitFor({ timeout: STEP_TIMEOUT_MS });

  // Open the record (Quick Open), then the preview (command palette), as a person would.
  await setTheme(page, 'Default Light Modern');
  await runFromPalette(page, 'F1', '>Notifications: Clear All Notifications');
  await runFromPalette(page, 'workbench.action.quickOpen', null, RECORD.split('/').pop());
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Control+B'); // close the side bar: room for the editor and the preview
  await runFromPalette(page, 'F1', '>Spec-First: Open Decision Preview to the Side');
  // Reveal the first diagram's lines in the editor; the preview scrolls with it.
  await runFromPalette(page, 'Control+G', null, '52');

  const preview = await diagramsDrawn(page, 'default');
  mkdirSync(OUT, { recursive: true });
  await preview.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  await shoot(page, 'preview-light.png');

  // Dark: the preview redraws its diagrams in the new theme.
  await setTheme(page, 'Default Dark Modern');
  await diagramsDrawn(page, 'dark');
  await shoot(page, 'preview-dark.png');
} catch (error) {
  const picture = join(tmpdir(), 'spec-first-screenshots-failure.png');
  await page?.screenshot({ path: picture }).then(() => console.error(`screenshots: the workbench when it failed: ${picture}`), () => {});
  throw error;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(temp, { recursive: true, force: true });
}
process.exit(0); // Playwright keeps handles open

/** Opens the palette (a key or a command id bound to one), types `text`, or `arg` for the follow-up input, and presses Enter. */
async function runFromPalette(page, key, text, arg) {
  await page.keyboard.press(key === 'workbench.action.quickOpen' ? 'Control+P' : key);
  const input = page.locator('.quick-input-widget input[role="combobox"]');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if (text) await input.fill(text);
  if (arg) await input.fill(key === 'Control+G' ? `:${arg}` : arg);
  const wanted = text ? text.slice(1) : key === 'Control+G' ? undefined : arg;
  if (wanted) {
    // The list fills as it searches: Enter once the wanted entry is there (and selected, first).
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: wanted }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/**
 * Sets the colour theme in the user settings, as a person would: "Preferences: Open User Settings
 * (JSON)", replace the text, save, close. (The theme picker lists no theme in this offline web
 * workbench.) The rest of the user settings are the quiet ones test/host/server.mjs starts with.
 */
async function setTheme(page, id) {
  await runFromPalette(page, 'F1', '>Preferences: Open User Settings (JSON)');
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify({ ...QUIET_SETTINGS, 'workbench.colorTheme': id }));
  await page.keyboard.press('Control+S');
  // code-server asks to reload for some settings; the theme needs none.
  await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 1500 }).catch(() => {});
  await page.keyboard.press('Control+W');
}

/** The preview's frame once it shows both diagrams drawn in Mermaid's `theme`; fails after STEP_TIMEOUT_MS. */
async function diagramsDrawn(page, theme) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const ok = await frame.evaluate(expected => {
        const slots = document.querySelectorAll('#content .sf-mermaid-drawn svg');
        const dark = document.body.classList.contains('vscode-dark');
        return slots.length >= 2 && dark === (expected === 'dark') && !document.querySelector('.sf-mermaid-pending');
      }, theme).catch(() => false);
      if (ok) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the preview did not show both diagrams in the ${theme} theme within ${STEP_TIMEOUT_MS / 1000} s`);
}

async function shoot(page, name) {
  await runFromPalette(page, 'F1', '>Notifications: Clear All Notifications');
  await page.waitForTimeout(500); // the last diagram's paint and the theme's transition
  const file = join(OUT, name);
  await page.screenshot({ path: file });
  console.log(`screenshots: ${relative(process.cwd(), file)} (${(statSync(file).size / 1024).toFixed(0)} KB)`);
}
