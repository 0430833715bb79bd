/* global console, process, requestAnimationFrame */
// Takes the README's pictures of the decision preview in the real workbench: the provisioned VS Code
// Server (test/host) with this repo's extension, in headless Chromium, on a copy of samples/workspace.
// Opens docs/rfcs/0001-multi-region-failover.md, runs "Spec-First: Open Decision Preview to the Side"
// from the command palette (F1), moves the editor to the first diagram (the preview follows), waits
// until the webview has drawn both diagrams, and takes a picture; then switches the colour theme in
// "Preferences: Color Theme", waits until the diagrams are redrawn dark, and takes another.
// Usage: npm run build && node test/e2e/screenshots.mjs [--out docs/images]
//   writes preview-light.png and preview-dark.png (1400x850)
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../host/provision.mjs';
import { diagramsDrawnIn, frameWhere, openWorkbench, runFromPalette, setTheme, shoot } from './workbench.mjs';

const { values: options } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'docs/images') } } });
const OUT = resolve(options.out);
const RECORD = 'docs/rfcs/0001-multi-region-failover.md';

let workbench, page;
try {
  workbench = await openWorkbench();
  page = workbench.page;

  // Open the record (Quick Open), then the preview (command palette), as a person would.
  await setTheme(page, 'Default Light Modern');
  await runFromPalette(page, 'F1', '>Notifications: Clear All Notifications');
  await runFromPalette(page, 'workbench.action.quickOpen', null, RECORD.split('/').pop());
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Control+B'); // close the side bar: room for the editor and the preview
  await runFromPalette(page, 'F1', '>Spec-First: Open Decision Preview to the Side');
  // Reveal the first diagram's lines in the editor; the preview scrolls with it.
  await runFromPalette(page, 'Control+G', null, '30');

  const preview = await frameWhere(page, diagramsDrawnIn, { count: 2, theme: 'default' }, 'both diagrams, light');
  await preview.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  await shoot(page, join(OUT, 'preview-light.png'));

  // Dark: the preview redraws its diagrams in the new theme.
  await setTheme(page, 'Default Dark Modern');
  await frameWhere(page, diagramsDrawnIn, { count: 2, theme: 'dark' }, 'both diagrams, dark');
  await shoot(page, join(OUT, 'preview-dark.png'));
} catch (error) {
  const picture = join(tmpdir(), 'spec-first-screenshots-failure.png');
  await page?.screenshot({ path: picture }).then(() => console.error(`screenshots: the workbench when it failed: ${picture}`), () => {});
  throw error;
} finally {
  await workbench?.close();
}
process.exit(0); // Playwright keeps handles open
