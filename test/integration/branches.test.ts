/**
 * Branch-safe numbering in the real host (Node only: the scratch repository is made with the git CLI):
 * New ADR skips a number another branch of the repository holds, read through VS Code's Git extension,
 * and says why in the log; outside a repository the working tree alone decides (every other New ADR test).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { gitMissing, scratchRepository } from '../support/scratchGit';
import { activate, fixture, remove } from './helpers';

const nygard = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;

describe('Branch-safe numbering (a scratch git repository in the workspace)', function () {
  this.timeout(60000);
  const repo = fixture('branches');

  before(async function () {
    const missing = gitMissing();
    if (missing) {
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
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
