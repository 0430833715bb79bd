/**
 * Git in the real host (Node only: the scratch repositories are made with the git CLI), read through
 * VS Code's Git extension: New ADR skips a number another branch of the repository holds, and says why
 * in the log (outside a repository the working tree alone decides: every other New ADR test); a
 * proposal without a date is stale counted from its first commit; the health report gives the time
 * from a record's first commit to the commit that accepted it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scratchRepository, skipWithoutGit } from '../support/scratchGit';
import { activate, fixture, remove } from './helpers';

const nygard = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;

describe('Branch-safe numbering (a scratch git repository in the workspace)', function () {
  this.timeout(60000);
  const repo = fixture('branches');

  before(async function () {
    skipWithoutGit(this);
    await activate();
    const { git, write } = scratchRepository(repo.fsPath);
    write('doc/adr/0001-record-architecture-decisions.md', nygard(1, 'Record architecture decisions'));
    git('add', '-A');
    git('commit', '-qm', 'first');
    // Another branch takes 0002; main, checked out again, does not have it.
    git('checkout', '-qb', 'payments');
    write('doc/adr/0002-use-stripe.md', nygard(2, 'Use Stripe'));
    git('add', '-A');
    git('commit', '-qm', 'payments');
    git('checkout', '-q', 'main');
  });
  after(() => remove(repo));

  it('New ADR takes 0003: 0002 is taken on the branch "payments"', async () => {
    assert.equal(fs.existsSync(path.join(repo.fsPath, 'doc/adr/0002-use-stripe.md')), false, 'not in the working tree');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'Use Kafka', template: 'nygard', directory: vscode.Uri.joinPath(repo, 'doc/adr') });
    assert.ok(uri);
    assert.equal(path.posix.basename(uri.path), '0003-use-kafka.md');
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /^# 3\. Use Kafka\n/);
  });
});

describe('Decision health from git history (a scratch git repository in the workspace)', function () {
  this.timeout(60000);
  const repo = fixture('healthgit');
  const ACCEPTED = 'docs/adr/0001-use-kafka.md';
  const UNDATED = 'docs/adr/0002-split-the-monolith.md';
  const record = (n: number, title: string, status: string, date?: string) =>
    `# ${n}. ${title}\n\n${date ? `Date: ${date}\n\n` : ''}## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;

  before(async function () {
    skipWithoutGit(this);
    const api = await activate();
    const { git, write } = scratchRepository(repo.fsPath);
    write(ACCEPTED, record(1, 'Use Kafka', 'Proposed', '2026-01-01'));
    write(UNDATED, record(2, 'Split the monolith', 'Proposed'));
    git('add', '-A');
    git('commit', '-qm', 'proposals', '--date', '2026-01-01T12:00:00');
    write(ACCEPTED, record(1, 'Use Kafka', 'Accepted', '2026-01-01'));
    git('commit', '-qam', 'accept', '--date', '2026-01-11T12:00:00');
    for (const file of [ACCEPTED, UNDATED]) await api.index.refresh(vscode.Uri.joinPath(repo, file));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(repo);
    const api = await activate();
    for (const file of [ACCEPTED, UNDATED]) await api.index.refresh(vscode.Uri.joinPath(repo, file));
  });

  it('a proposal without a date is stale from the day its file was first committed', async () => {
    const api = await activate();
    const until = Date.now() + 20000;
    for (;;) {
      const groups = await api.attention.provider.getChildren();
      const stale = groups.find(g => String(api.attention.provider.getTreeItem(g).label) === 'Stale proposals');
      const items = stale ? await api.attention.provider.getChildren(stale) : [];
      const ours = items.map(i => api.attention.provider.getTreeItem(i)).find(i => String(i.label).includes('Split the monolith'));
      if (ours) {
        assert.equal(ours.description, 'proposed since 2026-01-01');
        return;
      }
      assert.ok(Date.now() < until, `the undated proposal is never listed as stale: ${JSON.stringify(items.map(i => api.attention.provider.getTreeItem(i).label))}`);
      await new Promise(resolve => setTimeout(resolve, 300));
    }
  });

  it('the Problems panel reports the undated proposal as stale from its first commit (SF021), once git has answered', async () => {
    await activate();
    const uri = vscode.Uri.joinPath(repo, UNDATED);
    await vscode.window.showTextDocument(uri);
    const until = Date.now() + 20000;
    for (;;) {
      const stale = vscode.languages.getDiagnostics(uri).filter(d => d.source === 'spec-first' && (d.code as { value: string } | undefined)?.value === 'SF021');
      if (stale.length > 0) {
        assert.match(stale[0].message, /since 2026-01-01 \(first committed; the record has no date\)/);
        return;
      }
      assert.ok(Date.now() < until, `no SF021 on the undated proposal: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(d => d.message))}`);
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  });

  it('the report gives the time from a record\'s first commit to the commit that accepted it', async () => {
    const api = await activate();
    const exported = await api.health.export();
    assert.match(exported.getText(), /## Time to decide\n\nmedian 10 days from a record's first commit to the commit that accepted or rejected it, over 1 record\./);
  });
});
