/**
 * Decision health in the real host: the "Needs attention" view's groups, their order and the
 * container's badge on the fixture workspace (plus records this test writes: reviews long overdue, an
 * old proposal, an open question), an item opening its record at the finding's line, the view
 * following an unsaved edit; the "Show Decision Health" report drawn in its webview with both charts
 * and no error box; "Export Decision Health as Markdown" opening the report as Markdown.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localToday } from '../../src/core/calendar';
import type { AttentionNode } from '../../src/explorer/attentionView';
import type { SpecFirstApi } from '../../src/extension';
import type { HealthDrawn } from '../../src/preview/healthReport';
import { removeFiles, writeFiles } from './helpers';

const FOLDER = 'attention/docs/adr';
const OVERDUE = `${FOLDER}/0001-review-the-queue.md`;
const OLDEST = `${FOLDER}/0002-review-the-cache.md`;
const PROPOSAL = `${FOLDER}/0003-use-a-monorepo.md`;

const madr = (front: string, title: string, tail = '') =>
  `---\n${front}---\n\n# ${title}\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* A\n* B\n\n## Decision Outcome\n\nChosen option: "A", because it is cheap.\n\n### Consequences\n\n* Good, because cheap.\n* Bad, because slow.\n${tail}`;
const FILES: Record<string, string> = {
  [OVERDUE]: madr('status: accepted\ndate: 2024-01-10\nreview-by: 2025-01-01\n', 'Review the queue', '\n## Unresolved questions\n\n- Who pays for it?\n'),
  [OLDEST]: madr('status: accepted\ndate: 2023-01-10\nreview-by: 2024-06-01\n', 'Review the cache'),
  [PROPOSAL]: madr('status: proposed\ndate: 2023-01-01\n', 'Use a monorepo'),
};

const rel = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

/** The view's groups: label → items as `path` (in order), read through the tree data provider. */
async function view(api: SpecFirstApi): Promise<Map<string, { path: string; node: AttentionNode }[]>> {
  const out = new Map<string, { path: string; node: AttentionNode }[]>();
  const provider = api.attention.provider;
  for (const group of await provider.getChildren()) {
    const items = await provider.getChildren(group);
    assert.ok(items.length > 0, 'no empty group');
    assert.equal(provider.getTreeItem(group).description, String(items.length));
    out.set(String(provider.getTreeItem(group).label), items.map(node => {
      assert.equal(node.type, 'item');
      return { path: rel((node as Extract<AttentionNode, { type: 'item' }>).item.key), node };
    }));
  }
  return out;
}

/** Resolves with the view's groups once `predicate` holds for them (checked now and each time the health changes). */
async function viewWhere(api: SpecFirstApi, predicate: (groups: Map<string, { path: string }[]>) => boolean, ms = 20000): Promise<Map<string, { path: string; node: AttentionNode }[]>> {
  const until = Date.now() + ms;
  let last = await view(api);
  while (!predicate(last)) {
    if (Date.now() > until) assert.fail(`the view never matched; last: ${JSON.stringify([...last].map(([k, v]) => [k, v.map(i => i.path)]))}`);
    await new Promise(resolve => setTimeout(resolve, 200));
    last = await view(api);
  }
  return last;
}

const paths = (groups: Map<string, { path: string }[]>, label: string) => (groups.get(label) ?? []).map(i => i.path);

describe('Decision health: the Needs attention view and the report', function () {
  this.timeout(60000);
  let api: SpecFirstApi;
  before(async () => { api = await writeFiles(FILES); });
  after(() => removeFiles('attention', Object.keys(FILES)));

  it('groups reviews due (oldest due first), stale proposals (oldest first), drift, open questions and collisions; the badge counts them', async () => {
    const groups = await viewWhere(api, g => paths(g, 'Reviews due').includes(OVERDUE) && paths(g, 'Stale proposals').includes(PROPOSAL));
    assert.deepEqual([...groups.keys()], ['Reviews due', 'Stale proposals', 'Drift', 'Open questions', 'Number collisions']);
    const reviews = paths(groups, 'Reviews due');
    assert.ok(reviews.indexOf(OLDEST) < reviews.indexOf(OVERDUE), reviews.join(', '));
    const stale = paths(groups, 'Stale proposals');
    assert.ok(stale.indexOf(PROPOSAL) >= 0 && stale.indexOf(PROPOSAL) < stale.indexOf('parity/docs/adr/0002-use-nats.md'), stale.join(', '));
    assert.ok(paths(groups, 'Drift').includes('parity/docs/adr/0003-use-postgres.md'));
    assert.deepEqual(paths(groups, 'Open questions').filter(p => p.startsWith('attention/')), [OVERDUE]);
    assert.deepEqual(paths(groups, 'Number collisions').filter(p => p.startsWith('parity/docs/adr/')).sort(), ['parity/docs/adr/0002-use-kafka.md', 'parity/docs/adr/0002-use-nats.md']);
    const overdue = groups.get('Reviews due')!.find(i => i.path === OVERDUE)!;
    assert.equal(api.attention.provider.getTreeItem(overdue.node).description, 'due on 2025-01-01');
    // The badge: every item, set once the view has counted (asynchronously).
    const count = [...groups.values()].reduce((n, items) => n + items.length, 0);
    const until = Date.now() + 10000;
    while (api.attention.badge?.value !== count && Date.now() < until) await new Promise(resolve => setTimeout(resolve, 100));
    assert.equal(api.attention.badge?.value, count);
  });

  it('an item opens its record at the finding\'s line; an unsaved edit that moves the review date on takes it out of the view', async () => {
    const groups = await viewWhere(api, g => paths(g, 'Reviews due').includes(OLDEST));
    const item = api.attention.provider.getTreeItem(groups.get('Reviews due')!.find(i => i.path === OLDEST)!.node);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && rel(editor.document.uri) === OLDEST, 'the record is open');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^review-by: 2024-06-01$/);
    const before = api.attention.badge?.value ?? 0;
    const line = editor.selection.active.line;
    assert.ok(await editor.edit(b => b.replace(editor.document.lineAt(line).range, 'review-by: 2999-01-01')));
    const after = await viewWhere(api, g => !paths(g, 'Reviews due').includes(OLDEST));
    assert.ok(paths(after, 'Reviews due').includes(OVERDUE));
    const until = Date.now() + 10000;
    while (api.attention.badge?.value !== before - 1 && Date.now() < until) await new Promise(resolve => setTimeout(resolve, 100));
    assert.equal(api.attention.badge?.value, before - 1);
    await editor.document.save();
  });

  it('Show Decision Health draws both charts and no error box; Export as Markdown opens the report', async () => {
    const drawn = new Promise<HealthDrawn>((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error('the report was never drawn')); }, 30000);
      const sub = api.health.onDidDraw(d => { clearTimeout(timer); sub.dispose(); resolve(d); });
    });
    await vscode.commands.executeCommand('specFirst.showHealth');
    const page = await drawn;
    assert.equal(page.errors, 0, 'no error box');
    assert.deepEqual(page.charts.map(c => c.chart), ['status', 'quarter']);
    const report = api.health.current;
    assert.ok(report);
    const status = page.charts[0], quarter = page.charts[1];
    assert.equal(status.marks, report.byStatus.length, 'a bar per status');
    assert.equal(quarter.marks, report.byQuarter.length, 'a column per quarter with records');
    assert.ok(status.width > 100 && quarter.width > 100, `drawn: ${JSON.stringify(page.charts)}`);
    // The Node host pins today (test/host/run.mjs); a web worker has no environment: the clock decides there.
    const today = typeof process === 'undefined' ? localToday() : process.env.SPEC_FIRST_TODAY;
    assert.equal(report.today, today);
    assert.ok(report.reviewsDue.some(r => r.file === OVERDUE && r.overdue));

    const document = await vscode.commands.executeCommand<vscode.TextDocument>('specFirst.exportHealth');
    assert.ok(document?.isUntitled);
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.ok(text.startsWith(`# Decision health, ${today}\n`), text.slice(0, 80));
    assert.match(text, /\n## Reviews due in the next 90 days\n\n(?:- .*\n)*- \*\*overdue\*\*, due on 2025-01-01: 0001 Review the queue \(`attention\/docs\/adr\/0001-review-the-queue\.md`\)\n/);
    assert.match(text, /\n## By status\n\n\| status \| records \|\n/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
