/* global console, document, process */
// Drives the real workbench as a person would, for the end-to-end scripts in this folder: the
// provisioned VS Code Server (test/host) with this repo's extension, on a fresh copy of a workspace,
// in headless Chromium through playwright-core. The command palette, Quick Open, settings and
// screenshots, with every wait bounded.
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ROOT, provision } from '../host/provision.mjs';
import { launchBrowser, startServer, webWorkerSettings } from '../host/server.mjs';

export const STEP_TIMEOUT_MS = 60000;

/** User settings for the pictures: test/host/server.mjs's quiet ones (no welcome page, tips, telemetry, updates, notifications). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.enableExperiments': false, 'telemetry.telemetryLevel': 'off',
  'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Opens the workbench on a temporary copy of `workspace` (a folder of the repository) with the
 * extension loaded (in the browser's web worker extension host when `web`), and waits for the editor
 * area and the status bar. Returns the page, the copy's path, and `close()`, which stops everything
 * and removes the copy.
 */
export async function openWorkbench({ workspace = 'samples/workspace', viewport = { width: 1400, height: 850 }, web = false } = {}) {
  const temp = mkdtempSync(join(tmpdir(), 'spec-first-e2e-'));
  const folder = join(temp, 'workspace');
  cpSync(join(ROOT, workspace), folder, { recursive: true });
  let server, browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(temp, { recursive: true, force: true });
  };
  try {
    const host = await provision();
    server = await startServer(host, { folder, settings: web ? webWorkerSettings(ROOT) : {} });
    browser = await launchBrowser(host, { configDir: join(temp, 'browser-config') });
    const page = await browser.newPage({ viewport });
    await page.goto(server.workbenchUrl({ folder, payload: [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']] }));
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator('.statusbar').waitFor({ timeout: STEP_TIMEOUT_MS });
    return { page, folder, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens the palette (a key or a command id bound to one), types `text`, or `arg` for the follow-up input, and presses Enter. */
export async function runFromPalette(page, key, text, arg) {
  await page.keyboard.press(key === 'workbench.action.quickOpen' ? 'Control+P' : key);
  const input = page.locator('.quick-input-widget input[role="combobox"]');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const typed = arg ? (key === 'Control+G' ? `:${arg}` : arg) : text ?? '';
  if (text) await input.fill(text);
  if (arg) await input.fill(typed);
  const wanted = text ? text.slice(1) : key === 'Control+G' ? undefined : arg;
  if (wanted) {
    // The list fills as it searches: Enter once the wanted entry is there (and selected, first).
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: wanted }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  await page.keyboard.press('Enter');
  // The palette closes, or a command's own input takes its place (in the web worker extension host,
  // at once: the palette is never seen hidden in between).
  await page.waitForFunction(value => {
    const box = document.querySelector('.quick-input-widget input[role="combobox"]');
    return !box || box.offsetParent === null || box.value !== value;
  }, typed, { timeout: STEP_TIMEOUT_MS });
}

/**
 * Sets the colour theme in the user settings, as a person would: "Preferences: Open User Settings
 * (JSON)", replace the text, save, close. (The theme picker lists no theme in this offline web
 * workbench.) The rest of the user settings are the quiet ones test/host/server.mjs starts with.
 */
export async function setTheme(page, id) {
  await runFromPalette(page, 'F1', '>Preferences: Open User Settings (JSON)');
  // The settings editor, not the one that was active before it: wait for its tab, then its text.
  await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify({ ...QUIET_SETTINGS, 'workbench.colorTheme': id }));
  await page.keyboard.press('Control+S');
  // code-server asks to reload for some settings; the theme needs none.
  await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 1500 }).catch(() => {});
  await page.keyboard.press('Control+W');
}

/** The first frame (the webviews are nested iframes) where `predicate(arg)` holds in the page; fails after STEP_TIMEOUT_MS. */
export async function frameWhere(page, predicate, arg, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.evaluate(predicate, arg).catch(() => false)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: not seen within ${STEP_TIMEOUT_MS / 1000} s`);
}

/**
 * Clears notifications (unless `clear` is false: a menu is open that the palette would close), lets
 * the last paint settle, and writes a screenshot to `file`.
 */
export async function shoot(page, file, { clear = true } = {}) {
  if (clear) await runFromPalette(page, 'F1', '>Notifications: Clear All Notifications');
  await page.waitForTimeout(500); // the last diagram's paint and the theme's transition
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`  picture: ${relative(process.cwd(), file)} (${(statSync(file).size / 1024).toFixed(0)} KB)`);
}

/** Whether a drawn preview shows at least `count` diagrams in Mermaid's `theme` (for frameWhere). */
export function diagramsDrawnIn({ count, theme }) {
  const slots = document.querySelectorAll('#content .sf-mermaid-drawn svg');
  const dark = document.body.classList.contains('vscode-dark');
  return slots.length >= count && (theme === undefined || dark === (theme === 'dark')) && !document.querySelector('.sf-mermaid-pending');
}
