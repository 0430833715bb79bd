/* global console, process */
// Takes the README's picture of decision references in source code, in the real workbench: the
// provisioned VS Code Server (test/host) with this repo's extension, in headless Chromium, on a copy
// of samples/workspace. Opens src/orders/outbox.ts (Quick Open), puts the cursor on the `ADR-0003` of
// its doc comment (Go to Line, then the editor's own find), shows the hover ("Show or Focus Hover"),
// waits for Spec-First's part of it (the record's title), and takes a picture.
// Usage: npm run build && node test/e2e/referencesShot.mjs [--out docs/images]
//   writes references-in-code.png (1400x850)
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../host/provision.mjs';
import { openWorkbench, runFromPalette, setTheme, shoot } from './workbench.mjs';

const { values: options } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'docs/images') } } });
const OUT = resolve(options.out);

let workbench, page;
try {
  workbench = await openWorkbench();
  page = workbench.page;
  await setTheme(page, 'Default Light Modern');
  await runFromPalette(page, 'workbench.action.quickOpen', null, 'outbox.ts');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60000 });
  // The doc comment's second line holds ADR-0003: Go to Line 3, then Find moves the cursor onto it.
  await runFromPalette(page, 'Control+G', null, '3');
  await page.keyboard.press('Control+F');
  await page.keyboard.insertText('ADR-0003');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  // The index reads the workspace's files on the first request: ask until the hover holds the record.
  const hover = page.locator('.monaco-hover', { hasText: 'Publish domain events through a transactional outbox' });
  for (let attempt = 0; attempt < 20 && !(await hover.isVisible()); attempt++) {
    await runFromPalette(page, 'F1', '>Show or Focus Hover');
    await hover.waitFor({ timeout: 3000 }).catch(() => {});
  }
  await hover.waitFor({ timeout: 5000 });
  await shoot(page, join(OUT, 'references-in-code.png'), { clear: false });
} catch (error) {
  const picture = join(tmpdir(), 'spec-first-references-shot-failure.png');
  await page?.screenshot({ path: picture }).then(() => console.error(`referencesShot: the workbench when it failed: ${picture}`), () => {});
  console.error(error);
  process.exitCode = 1;
} finally {
  await workbench?.close();
}
