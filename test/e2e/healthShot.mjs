/* global console, document, process */
// Takes the README's picture of the decision health report, in the real workbench: the provisioned
// VS Code Server (test/host) with this repo's extension, in headless Chromium, on a copy of
// samples/workspace. Runs "Spec-First: Show Decision Health" from the command palette, waits until
// the report's webview has drawn both charts (status and quarter), opens the Decisions container
// (the Needs Attention view beside it), and takes a picture.
// Usage: npm run build && node test/e2e/healthShot.mjs [--out docs/images]
//   writes decision-health.png (1400x850)
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../host/provision.mjs';
import { frameWhere, openWorkbench, runFromPalette, setTheme, shoot } from './workbench.mjs';

const { values: options } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'docs/images') } } });
const OUT = resolve(options.out);

/** Whether the report shows both charts, each with its bars (for frameWhere). */
function chartsDrawn() {
  const charts = [...document.querySelectorAll('svg.chart')];
  return charts.length === 2 && charts.every(c => c.querySelectorAll('rect').length > 0);
}

let workbench, page;
try {
  workbench = await openWorkbench();
  page = workbench.page;
  await setTheme(page, 'Default Light Modern');
  await runFromPalette(page, 'F1', '>Decisions: Focus on Decision Records View');
  await runFromPalette(page, 'F1', '>Spec-First: Show Decision Health');
  await frameWhere(page, chartsDrawn, undefined, 'both charts of the health report');
  await shoot(page, join(OUT, 'decision-health.png'));
} catch (error) {
  const picture = join(tmpdir(), 'spec-first-health-shot-failure.png');
  await page?.screenshot({ path: picture }).then(() => console.error(`healthShot: the workbench when it failed: ${picture}`), () => {});
  console.error(error);
  process.exitCode = 1;
} finally {
  await workbench?.close();
}
