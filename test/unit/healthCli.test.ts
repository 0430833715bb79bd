/**
 * `spec-first health` as a user runs it (the built CLI, from another folder, the day pinned): the
 * report's counts and lists in text, Markdown and JSON, and `--fail-on`'s exit codes; a proposal
 * without a date counted from the day git first saw its file. Needs
 * `npm run build` (dist/cli.js).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scratchRepository, skipWithoutGit } from '../support/scratchGit';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const nygard = (n: number, title: string, status: string, date = '2024-01-01') =>
  `# ${n}. ${title}\n\nDate: ${date}\n\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;
const madr = (front: string) =>
  `---\n${front}---\n\n# Use NATS\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* A\n* B\n\n## Decision Outcome\n\nChosen option: "A", because cheap.\n\n## Unresolved questions\n\n- Who runs it?\n`;

describe('spec-first health', function () {
  this.timeout(30000);
  let root = '';
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-health-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('repo/.spec-first.json', '{ "reviewAfter": "P24M" }');
    write('repo/docs/adr/0001-use-kafka.md', nygard(1, 'Use Kafka', 'Accepted', '2024-05-10'));
    write('repo/docs/adr/0002-use-pulsar.md', nygard(2, 'Use Pulsar', 'Accepted\n\nSupercedes [1. Use Kafka](0001-use-kafka.md)', '2024-08-01'));
    write('repo/docs/adr/0003-use-nats.md', madr('status: proposed\ndate: 2026-01-10\nreview-by: 2026-05-01\n'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'health', '--today', '2026-06-01', ...args], { cwd: root, encoding: 'utf8' });

  it('reports statuses, quarters, reviews due (overdue first), stale proposals, drift and open questions', () => {
    const r = run(path.join(root, 'repo'), '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.byStatus, [{ status: 'proposed', count: 1 }, { status: 'accepted', count: 2 }]);
    assert.deepEqual(report.byQuarter, [{ quarter: '2024-Q2', count: 1 }, { quarter: '2024-Q3', count: 1 }, { quarter: '2026-Q1', count: 1 }]);
    // 0003's written date is overdue; 0001 (still "accepted", its drift) and 0002 are due 24 months after their dates.
    assert.deepEqual(report.reviewsDue.map((d: { id: string; due: string; overdue: boolean }) => [d.id, d.due, d.overdue]),
      [['0003', '2026-05-01', true], ['0001', '2026-05-10', true], ['0002', '2026-08-01', false]]);
    assert.deepEqual(report.staleProposals.map((s: { id: string; since: string }) => [s.id, s.since]), [['0003', '2026-01-10']]);
    assert.deepEqual(report.drift.map((d: { id: string; message: string }) => [d.id, d.message]), [['0001', '0002-use-pulsar.md supersedes this record, but its status is still "accepted".']]);
    assert.deepEqual(report.openQuestions.map((q: { id: string }) => q.id), ['0003']);
  });

  it('prints text and Markdown; --fail-on exits 1 only for a check that finds something', () => {
    const text = run('repo');
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^Decision health on 2026-06-01: 3 records\n/);
    assert.match(text.stdout, /\n {2}repo\/docs\/adr\/0003-use-nats\.md {2}overdue, due on 2026-05-01: Use NATS\n/);
    assert.match(run('repo', '--format', 'markdown').stdout, /\n## Drift\n\n- 0001 Use Kafka \(`repo\/docs\/adr\/0001-use-kafka\.md`\): 0002-use-pulsar\.md supersedes/);
    assert.equal(run('repo', '--fail-on', 'drift').status, 1);
    assert.equal(run('repo', '--fail-on', 'review-due,stale').status, 1);
    assert.equal(spawnSync(process.execPath, [CLI, 'health', '--today', '2026-04-01', '--fail-on', 'review-due', 'repo'], { cwd: root }).status, 0, 'not yet overdue on 2026-04-01');
    const bad = run('repo', '--fail-on', 'typos');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--fail-on takes review-due, stale, drift, open-questions, not "typos"/);
  });
});

describe('stale proposals counted from git (a record without a date)', function () {
  this.timeout(30000);
  let repo = '';
  before(function () {
    skipWithoutGit(this);
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-health-git-'));
    const { git, write } = scratchRepository(repo);
    write('docs/adr/0001-use-nats.md', madr('status: proposed\n'));
    git('add', '-A');
    git('commit', '-qm', 'proposal', '--date=2025-03-01T12:00:00');
  });
  after(() => { if (repo) fs.rmSync(repo, { recursive: true, force: true }); });

  it('lint and health count from the day the file was first committed, and say so', () => {
    const lint = spawnSync(process.execPath, [CLI, 'lint', '--today', '2026-06-01', '--no-mermaid', 'docs/adr'], { cwd: repo, encoding: 'utf8' });
    assert.match(lint.stdout, /information SF021 Still proposed since 2025-03-01 \(first committed; the record has no date\), undecided past 2025-04-30/);
    const health = JSON.parse(spawnSync(process.execPath, [CLI, 'health', '--today', '2026-06-01', '--format', 'json', 'docs/adr'], { cwd: repo, encoding: 'utf8' }).stdout);
    assert.deepEqual(health.staleProposals.map((s: { since: string; fromGit?: boolean }) => [s.since, s.fromGit]), [['2025-03-01', true]]);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-health-nogit-'));
    fs.cpSync(path.join(repo, 'docs'), path.join(outside, 'docs'), { recursive: true });
    const plain = spawnSync(process.execPath, [CLI, 'lint', '--today', '2026-06-01', '--no-mermaid', 'docs/adr'], { cwd: outside, encoding: 'utf8' });
    fs.rmSync(outside, { recursive: true, force: true });
    assert.ok(!/SF021/.test(plain.stdout), `outside a repository nothing tells how old it is:\n${plain.stdout}`);
  });
});

describe('the time to decide, read from git', function () {
  this.timeout(30000);
  let repo = '';
  before(function () {
    skipWithoutGit(this);
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-health-decided-'));
    const { git, write } = scratchRepository(repo);
    const commit = (message: string, day: string) => {
      git('add', '-A');
      git('commit', '-qm', message, `--date=${day}T12:00:00`);
    };
    // 0002: proposed on 2025-01-10, accepted 12 days later; 0003: created accepted (0 days);
    // 0004: proposed 2025-03-01, rejected 30 days later; 0005: still proposed (not counted).
    write('docs/adr/0002-use-kafka.md', madr('status: proposed\ndate: 2025-01-10\n'));
    write('docs/adr/0004-use-soap.md', madr('status: proposed\ndate: 2025-03-01\n'));
    write('docs/adr/0005-use-grpc.md', madr('status: proposed\ndate: 2025-03-01\n'));
    commit('proposals', '2025-01-10');
    write('docs/adr/0002-use-kafka.md', madr('status: accepted\ndate: 2025-01-10\n'));
    commit('accept 2', '2025-01-22');
    write('docs/adr/0003-use-avro.md', madr('status: accepted\ndate: 2025-02-01\n'));
    commit('add 3', '2025-02-01');
    write('docs/adr/0004-use-soap.md', madr('status: rejected\ndate: 2025-03-01\n'));
    commit('reject 4', '2025-02-09');
  });
  after(() => { if (repo) fs.rmSync(repo, { recursive: true, force: true }); });

  it('health reports the median days from first commit to the commit that accepted or rejected each record', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'health', '--today', '2026-06-01', ...args, 'docs/adr'], { cwd: repo, encoding: 'utf8' });
    const json = JSON.parse(run('--format', 'json').stdout);
    // 0 (0003), 12 (0002), 30 (0004: first committed 2025-01-10, rejected 2025-02-09).
    assert.deepEqual(json.decisionTime, { medianDays: 12, records: 3 });
    assert.match(run().stdout, /^Time to decide: median 12 days from a record's first commit to the commit that accepted or rejected it, over 3 records$/m);
    assert.match(run('--format', 'markdown').stdout, /## Time to decide\n\nmedian 12 days/);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-health-decided-nogit-'));
    fs.cpSync(path.join(repo, 'docs'), path.join(outside, 'docs'), { recursive: true });
    const plain = JSON.parse(spawnSync(process.execPath, [CLI, 'health', '--today', '2026-06-01', '--format', 'json', 'docs/adr'], { cwd: outside, encoding: 'utf8' }).stdout);
    fs.rmSync(outside, { recursive: true, force: true });
    assert.equal(plain.decisionTime, undefined, 'without git history the figure is left out');
  });
});
