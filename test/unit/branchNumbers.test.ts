/**
 * Branch-safe numbering (core/branchNumbers.ts): a new record skips numbers other branches hold, and
 * `spec-first lint --base REF` reports, as SF015, a record whose number another record holds at REF,
 * on a scratch git repository (git is needed; the test says so and skips without it).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collisionsAt, nextNumberAcrossBranches, numberFreeFrom, skippedMessage } from '../../src/core/branchNumbers';
import { lintText } from '../../src/core/lint';
import { scratchRepository, skipWithoutGit } from '../support/scratchGit';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const nygard = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;

describe('branch-safe numbering', () => {
  it('the next number skips the numbers other refs hold, naming the first ref that holds each', () => {
    const choice = nextNumberAcrossBranches(['0001-a.md', '0002-b.md', 'README.md'], [
      { ref: 'origin/main', names: ['0001-a.md', '0002-b.md', '0003-c.md', '0005-e.md'] },
      { ref: 'feature/x', names: ['0003-other-c.md', '0004-d.md', '20240101-dated.md'] },
    ]);
    assert.deepEqual(choice, {
      number: 5 + 1,
      skipped: [{ number: 3, ref: 'origin/main', name: '0003-c.md' }, { number: 4, ref: 'feature/x', name: '0004-d.md' }, { number: 5, ref: 'origin/main', name: '0005-e.md' }],
    });
    assert.equal(skippedMessage(choice.skipped.slice(0, 1)), '0003 is taken on origin/main by 0003-c.md');
  });

  it('from a given number on (a name taken meanwhile): the next one no other ref holds', () => {
    assert.deepEqual(numberFreeFrom(4, [{ ref: 'main', names: ['0004-a.md', '0005-b.md', '0007-c.md'] }]), {
      number: 6, skipped: [{ number: 4, ref: 'main', name: '0004-a.md' }, { number: 5, ref: 'main', name: '0005-b.md' }],
    });
  });

  it('nothing elsewhere, or only lower numbers: the working tree decides', () => {
    assert.deepEqual(nextNumberAcrossBranches(['0007-x.md'], []), { number: 8, skipped: [] });
    assert.deepEqual(nextNumberAcrossBranches(['0007-x.md'], [{ ref: 'main', names: ['0002-y.md', '0009-z.md'] }]), { number: 8, skipped: [] });
  });

  it('a collision at the base is another file with the same number (the same file is no collision)', () => {
    const base = { ref: 'origin/main', names: ['0006-use-kafka.md', '0006-use-kafka.md.orig', '0007-x.md', '0006-also.MD'] };
    assert.deepEqual(collisionsAt('0006-use-pulsar.md', base), ['0006-use-kafka.md', '0006-also.MD']);
    assert.deepEqual(collisionsAt('0006-use-kafka.md', base), ['0006-also.MD']);
    assert.deepEqual(collisionsAt('use-kafka.md', base), []);
  });

  it('SF015 reports the number taken at the base, at its level, and not when disabled', () => {
    const path = 'doc/adr/0006-use-pulsar.md';
    const text = nygard(6, 'Use Pulsar');
    const options = { folderHint: 'adr' as const, workspace: { records: [] }, base: { ref: 'origin/main', names: ['0006-use-kafka.md'] } };
    const found = lintText(path, text, options).filter(f => f.code === 'SF015');
    assert.deepEqual(found.map(f => [f.severity, f.message]), [['error', 'Number 0006 is also used by 0006-use-kafka.md on origin/main: renumber this record before merging.']]);
    assert.deepEqual(lintText(path, text, { ...options, rules: { SF015: 'warning' } }).filter(f => f.code === 'SF015').map(f => f.severity), ['warning']);
    assert.deepEqual(lintText(path, `<!-- spec-first-disable SF015 -->\n${text}`, options).filter(f => f.code === 'SF015'), []);
  });

  describe('spec-first lint --base (a scratch git repository)', function () {
    this.timeout(60000);
    let repo = '';
    let git: (...args: string[]) => void = () => undefined;
    let write: (relativePath: string, text: string) => void = () => undefined;
    before(function () {
      skipWithoutGit(this);
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-git-'));
      ({ git, write } = scratchRepository(repo));
      write('docs/adr/0001-use-a-queue.md', nygard(1, 'Use a queue'));
      git('add', '-A');
      git('commit', '-qm', 'first');
      // main moves on with 0002; the feature branch, made before, takes 0002 too.
      git('checkout', '-qb', 'feature');
      write('docs/adr/0002-use-pulsar.md', nygard(2, 'Use Pulsar'));
      write('docs/adr/0003-use-bees.md', nygard(3, 'Use bees'));
      // A record renamed on the branch: after the merge only the new name is left, no duplicate.
      git('mv', 'docs/adr/0001-use-a-queue.md', 'docs/adr/0001-use-a-message-queue.md');
      git('add', '-A');
      git('commit', '-qm', 'feature');
      git('checkout', '-q', 'main');
      write('docs/adr/0002-use-kafka.md', nygard(2, 'Use Kafka'));
      // A name git would quote (non-ASCII) must still be read.
      write('docs/adr/0003-use-café.md', nygard(3, 'Use café'));
      git('add', '-A');
      git('commit', '-qm', 'main');
      git('checkout', '-q', 'feature');
    });
    after(() => { if (repo) fs.rmSync(repo, { recursive: true, force: true }); });
    const lint = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, 'lint', '--no-mermaid', ...args], { cwd, encoding: 'utf8' });

    it('reports the record whose number main holds, from another folder too; without --base, nothing', () => {
      const withBase = lint(os.tmpdir(), '--base', 'main', path.join(repo, 'docs/adr'));
      assert.equal(withBase.status, 1, withBase.stderr);
      assert.match(withBase.stdout, /0002-use-pulsar\.md:1:3 error SF015 Number 0002 is also used by 0002-use-kafka\.md on main: renumber this record before merging\./);
      assert.match(withBase.stdout, /0003-use-bees\.md:1:3 error SF015 Number 0003 is also used by 0003-use-café\.md on main/);
      assert.ok(!/0001-use-a-message-queue\.md:\d+:\d+ error SF015/.test(withBase.stdout), `a record renamed on the branch is no duplicate:\n${withBase.stdout}`);
      const without = lint(repo, 'docs/adr');
      assert.ok(!/SF015/.test(without.stdout), without.stdout);
    });

    it('an unknown ref, or one that reads as an option, is one line and exit 2', () => {
      for (const ref of ['no-such-branch', '--output=/tmp/x']) {
        const r = lint(repo, `--base=${ref}`, 'docs/adr');
        assert.equal(r.status, 2, r.stdout);
        assert.match(r.stderr, /^spec-first: (git could not compare HEAD with no-such-branch|"--output=\/tmp\/x" is not a git ref)/m);
      }
    });
  });
});
