/* global console, document, process */
// Tries Spec-First as a new user would, in the real workbench on a copy of samples/workspace, and
// fails at the first step that does not show what it should:
//   1. the Decisions view (activity bar) lists the sample's records by status;
//   2. "Spec-First: New ADR" from the command palette asks for a title and opens the new record;
//   3. the record with problems shows its warnings in the Problems panel, and the quick fix (Ctrl+.)
//      adds the missing "Considered Options" section;
//   4. "Spec-First: Show Decision Graph" (no editor open: the whole log) draws the graph; clicking a
//      record's node opens the record;
//   5. the "Get Started with Spec-First" walkthrough: each step's button does what the step says, and
//      the step is checked off.
// Each step prints what it saw and can take a picture for the README (--pictures DIR).
// With --web, the extension runs in the browser's web worker extension host, as in vscode.dev and github.dev.
// Usage: npm run build && node test/e2e/tour.mjs [--pictures docs/images] [--web]
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STEP_TIMEOUT_MS, diagramsDrawnIn, frameWhere, openWorkbench, runFromPalette, setTheme, shoot } from './workbench.mjs';

const { values: options } = parseArgs({ options: { pictures: { type: 'string' }, web: { type: 'boolean', default: false } } });
const PICTURES = options.pictures && resolve(options.pictures);
const picture = async (page, name, how) => { if (PICTURES) await shoot(page, join(PICTURES, name), how); };
const step = title => console.log(`\n${title}`);
const saw = text => console.log(`  saw: ${text}`);

let workbench, page;
try {
  workbench = await openWorkbench({ web: options.web });
  page = workbench.page;
  await setTheme(page, 'Default Light Modern');

  step('1. The Decisions view lists the records by status');
  await page.locator('.activitybar .action-item a[aria-label^="Decisions"]').click({ timeout: STEP_TIMEOUT_MS });
  const tree = page.locator('.pane-body .monaco-list[aria-label*="Decision Records"], .pane-body .monaco-tl-contents').first();
  await tree.waitFor({ timeout: STEP_TIMEOUT_MS });
  const rows = page.locator('.pane-body .monaco-list-row');
  await page.locator('.pane-body .monaco-list-row', { hasText: 'Accepted' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.pane-body .monaco-list-row', { hasText: '0003 Publish' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  // Widen the side bar (drag its edge), so that titles show whole.
  const sash = await page.locator('.part.sidebar').boundingBox();
  if (sash) {
    await page.mouse.move(sash.x + sash.width + 1, sash.y + 300);
    await page.mouse.down();
    await page.mouse.move(sash.x + 480, sash.y + 300, { steps: 5 });
    await page.mouse.up();
  }
  const labels = await rows.allInnerTexts();
  saw(labels.map(l => l.replace(/\s+/g, ' ').trim()).join(' | '));
  for (const expected of ['Proposed', 'Accepted', 'Superseded', 'Unknown', '0001 Record architecture decisions', '0005 Cache sessions in Redis']) {
    if (!labels.some(l => l.includes(expected))) throw new Error(`the Decisions view does not show "${expected}"`);
  }
  await picture(page, 'explorer.png');

  step('2. New ADR from the command palette');
  await runFromPalette(page, 'F1', '>Spec-First: New ADR');
  const title = page.locator('.quick-input-widget input[role="combobox"]');
  await title.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter'); // an empty title is refused, and says why
  const refusal = await page.locator('.quick-input-message').innerText({ timeout: STEP_TIMEOUT_MS });
  saw(`empty title refused: "${refusal.trim()}"`);
  await title.fill('Use feature flags for risky rollouts');
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab.active', { hasText: '0006-use-feature-flags-for-risky-rollouts.md' });
  await tab.waitFor({ timeout: STEP_TIMEOUT_MS });
  saw(`the new record opened: ${(await tab.innerText()).trim()}`);
  await page.locator('.pane-body .monaco-list-row', { hasText: '0006 Use feature flags for risky rollouts' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  saw('the Decisions view lists it');
  await picture(page, 'new-adr.png');

  step('3. Problems panel and quick fix on the record with problems');
  await runFromPalette(page, 'workbench.action.quickOpen', null, '0005-cache-sessions-in-redis.md');
  await page.locator('.tabs-container .tab.active', { hasText: '0005-cache-sessions-in-redis.md' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Control+Shift+M'); // the Problems panel
  const problems = page.locator('.markers-panel .monaco-list-row');
  await problems.filter({ hasText: 'No alternatives considered' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const listed = (await problems.allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
  saw(listed.join(' | '));
  if (!listed.some(t => t.includes('Unknown status "maybe"'))) throw new Error('the unknown status is not in the Problems panel');
  await picture(page, 'problems.png');
  await problems.filter({ hasText: 'No alternatives considered' }).first().click();
  await page.keyboard.press('Enter'); // to the warning in the editor
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add section "Considered Options"' });
  await fix.waitFor({ timeout: STEP_TIMEOUT_MS });
  saw(`quick fixes: ${(await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map(t => t.trim()).join(' | ')}`);
  await picture(page, 'quick-fix.png', { clear: false });
  // The preferred fix is the focused row: Enter applies it, as a person would.
  const focused = await page.locator('.action-widget .monaco-list-row.focused').innerText();
  if (!focused.includes('Add section "Considered Options"')) throw new Error(`the focused quick fix is "${focused}"`);
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: '## Considered Options' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await problems.filter({ hasText: 'No alternatives considered' }).first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  saw('"## Considered Options" inserted; the warning is gone from the Problems panel');
  await page.keyboard.press('Control+S');

  step('4. The decision graph, and a record opened from it');
  // With a record open, the graph shows that record's neighbourhood; with none, the whole log.
  await runFromPalette(page, 'F1', '>View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await runFromPalette(page, 'F1', '>Spec-First: Show Decision Graph');
  const graph = await frameWhere(page, diagramsDrawnIn, { count: 1 }, 'the decision graph');
  const nodes = await graph.evaluate(() => Array.from(document.querySelectorAll('#content .sf-mermaid g.node')).map(n => n.textContent?.trim()));
  saw(`${nodes.length} nodes: ${nodes.join(' | ')}`);
  await picture(page, 'graph.png');
  await graph.locator('#content .sf-mermaid g.node', { hasText: '2. Use PostgreSQL for persistence' }).click({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.tabs-container .tab.active', { hasText: '0002-use-postgresql-for-persistence.md' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  saw('clicking the node of 0002 opened 0002-use-postgresql-for-persistence.md');

  step('5. The "Get Started with Spec-First" walkthrough, each step run from its button');
  await runFromPalette(page, 'F1', '>View: Close All Editors');
  await runFromPalette(page, 'F1', '>Welcome: Open Walkthrough...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Spec-First' }).first().click({ timeout: STEP_TIMEOUT_MS });
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.locator('.getting-started-step', { hasText: 'Find or create the decision folder' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  saw(`steps: ${(await walkthrough.locator('.getting-started-step .step-title').allInnerTexts()).map(t => t.trim()).join(' | ')}`);
  await picture(page, 'walkthrough.png');
  /** Opens the walkthrough's step `title`, clicks its button `label`, and waits until the step is checked off. */
  const runStep = async (title, label, then) => {
    const stepButton = walkthrough.locator('.getting-started-step', { hasText: title });
    await stepButton.click({ timeout: STEP_TIMEOUT_MS });
    await walkthrough.locator('.getting-started-step.expanded', { hasText: title }).locator('.button-link, .monaco-button', { hasText: label }).first().click({ timeout: STEP_TIMEOUT_MS });
    await then();
    await page.locator('.tabs-container .tab', { hasText: /Walkthrough|Welcome/ }).first().click({ timeout: STEP_TIMEOUT_MS }).catch(() => {});
    await walkthrough.locator('.getting-started-step[aria-checked="true"]', { hasText: title }).waitFor({ timeout: STEP_TIMEOUT_MS });
    saw(`"${title}": ${label} done, the step is checked off`);
  };
  await runStep('Find or create the decision folder', 'Open the Decisions View', async () => {
    await page.locator('.pane-body .monaco-list-row', { hasText: '0003 Publish' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  });
  await runStep('Write your first ADR', 'New ADR', async () => {
    await title.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await title.fill('Adopt the walkthrough');
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: '0007-adopt-the-walkthrough.md' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  });
  await runStep('See the lint', 'Show the Problems Panel', async () => {
    await page.locator('.markers-panel').waitFor({ timeout: STEP_TIMEOUT_MS });
  });
  await runStep('Open the preview', 'Open the Preview to the Side', async () => {
    await frameWhere(page, () => document.querySelector('#content h1')?.textContent?.includes('Adopt the walkthrough'), undefined, 'the preview of 0007');
  });
  await runStep('See the decision graph', 'Show the Decision Graph', async () => {
    await frameWhere(page, diagramsDrawnIn, { count: 1 }, 'the decision graph');
  });

  console.log('\ntour: every step showed what it should');
} catch (error) {
  const file = join(tmpdir(), 'spec-first-tour-failure.png');
  await page?.screenshot({ path: file }).then(() => console.error(`tour: the workbench when it failed: ${file}`), () => {});
  throw error;
} finally {
  await workbench?.close();
}
process.exit(0); // Playwright keeps handles open
