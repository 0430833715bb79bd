/**
 * The CLI as CI runs it: `node dist/cli.js lint` in a temporary folder of records. Output formats
 * (text lines `file:line:col severity code message`, JSON, SARIF 2.1.0), exit codes 0 / 1 / 2,
 * `--max-warnings`, a bad `.spec-first.json`, and cross-record findings across files.
 * Needs `npm run build` (dist/cli.js).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

const nygard = (n: number, title: string, consequences: string) =>
  `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nMail is slow.\n\n## Decision\n\nPublish a message.\n\n## Consequences\n\n${consequences}\n`;
const CLEAN = nygard(1, 'Use a queue', 'We must run a queue.');
const WARNS = nygard(2, 'Use Kafka', 'Everything is easy.');

/** A temporary folder with these files (relative path → content). */
function folder(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
const run = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(l => /^\S+:\d+:\d+ /.test(l)) };
};

describe('CLI (dist/cli.js)', function () {
  this.timeout(30000);
  const roots: string[] = [];
  const make = (files: Record<string, string>) => { const r = folder(files); roots.push(r); return r; };
  after(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

  it('dist/cli.js is built', () => assert.ok(fs.existsSync(CLI), `${CLI} missing: run npm run build`));

  it('a clean folder: no finding, exit 0', () => {
    const r = run(make({ 'doc/adr/0001-use-a-queue.md': CLEAN }));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(r.lines, []);
  });

  it('text output: file:line:col severity code message; warnings alone exit 0', () => {
    const r = run(make({ 'doc/adr/0001-use-a-queue.md': CLEAN, 'doc/adr/0002-use-kafka.md': WARNS }));
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(r.lines, ['doc/adr/0002-use-kafka.md:17:4 warning SF012 "Consequences" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").']);
  });

  it('--max-warnings 0 fails on a warning; --max-warnings 1 does not', () => {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN, 'doc/adr/0002-use-kafka.md': WARNS });
    assert.equal(run(root, '--max-warnings', '0').status, 1);
    assert.equal(run(root, '--max-warnings=1').status, 0);
  });

  it('checks Mermaid diagrams with Mermaid\'s parser (SF019 on the broken block\'s fence); --no-mermaid skips it', () => {
    const drawn = nygard(1, 'Draw it', 'It costs a diagram.')
      .replace('Mail is slow.', 'Mail is slow.\n\n```mermaid\nflowchart LR\n  A --> B\n```')
      .replace('Publish a message.', 'Publish a message.\n\n```mermaid\nflowchart LR\n  A -->> B -- oops\n```');
    const root = make({ 'doc/adr/0001-draw-it.md': drawn });
    const r = run(root);
    assert.equal(r.lines.length, 1, r.stdout + r.stderr);
    assert.match(r.lines[0], /^doc\/adr\/0001-draw-it\.md:22:1 warning SF019 Mermaid cannot draw this diagram: Parse error on line 2/);
    assert.deepEqual(run(root, '--no-mermaid').lines, []);
  });

  it('cross-record: a duplicate number is an error on both files, exit 1', () => {
    const r = run(make({ 'doc/adr/0001-use-a-queue.md': CLEAN, 'doc/adr/0001-use-kafka.md': nygard(1, 'Use Kafka', 'We must run Kafka.') }));
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.deepEqual(r.lines.sort(), [
      'doc/adr/0001-use-a-queue.md:1:3 error SF015 Number 0001 is also used by 0001-use-kafka.md: renumber one of them.',
      'doc/adr/0001-use-kafka.md:1:3 error SF015 Number 0001 is also used by 0001-use-a-queue.md: renumber one of them.',
    ]);
  });

  it('--format json: one object per finding, with its fields', () => {
    const r = run(make({ 'doc/adr/0002-use-kafka.md': WARNS }), '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [{
      file: 'doc/adr/0002-use-kafka.md', line: 17, column: 4, endLine: 17, endColumn: 16, severity: 'warning', code: 'SF012', rule: 'no-downside',
      message: '"Consequences" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").',
    }]);
  });

  it('--format sarif: version 2.1.0, results with ruleId and location', () => {
    const r = run(make({ 'doc/adr/0002-use-kafka.md': WARNS }), '--format=sarif');
    assert.equal(r.status, 0, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'spec-first');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'SF012'));
    assert.equal(run0.results.length, 1);
    assert.equal(run0.results[0].ruleId, 'SF012');
    assert.equal(run0.results[0].level, 'warning');
    const location = run0.results[0].locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'doc/adr/0002-use-kafka.md');
    assert.equal(location.region.startLine, 17);
  });

  it('--format github: one workflow command per finding, nothing else on stdout', () => {
    const r = run(make({ 'doc/adr/0001-use-kafka.md': nygard(1, 'Use Kafka', 'Everything is easy.'), 'doc/adr/0001-use-nats.md': CLEAN }), '--format', 'github');
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n').sort(), [
      '::error file=doc/adr/0001-use-kafka.md,line=1,endLine=1,col=3,endColumn=15,title=SF015 duplicate-number::Number 0001 is also used by 0001-use-nats.md: renumber one of them.',
      '::error file=doc/adr/0001-use-nats.md,line=1,endLine=1,col=3,endColumn=17,title=SF015 duplicate-number::Number 0001 is also used by 0001-use-kafka.md: renumber one of them.',
      '::warning file=doc/adr/0001-use-kafka.md,line=17,endLine=17,col=4,endColumn=16,title=SF012 no-downside::"Consequences" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").',
    ]);
  });

  it('--format gitlab: a code quality report GitLab reads', () => {
    const r = run(make({ 'doc/adr/0002-use-kafka.md': WARNS }), '--format=gitlab');
    assert.equal(r.status, 0, r.stderr);
    const [issue, ...rest] = JSON.parse(r.stdout);
    assert.deepEqual(rest, []);
    assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual({ ...issue, fingerprint: '' }, {
      description: '"Consequences" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").',
      check_name: 'SF012 no-downside', fingerprint: '', severity: 'minor', location: { path: 'doc/adr/0002-use-kafka.md', lines: { begin: 17 } },
    });
  });

  it('--format xml: exit 2, naming the format; --help lists every format', () => {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN });
    const r = run(root, '--format', 'xml');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^spec-first: unknown format "xml"$/m);
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    for (const format of ['text', 'json', 'sarif', 'github', 'gitlab']) assert.match(help.stdout, new RegExp(`^  ${format} `, 'm'), format);
  });

  it('.spec-first.json rules apply: SF012 off', () => {
    const r = run(make({ 'doc/adr/0002-use-kafka.md': WARNS, '.spec-first.json': '{ "rules": { "no-downside": "off" } }' }));
    assert.equal(r.status, 0);
    assert.deepEqual(r.lines, []);
  });

  it('.spec-first.json raising a warning to error: exit 1', () => {
    const r = run(make({ 'doc/adr/0002-use-kafka.md': WARNS, '.spec-first.json': '{ "rules": { "SF012": "error" } }' }));
    assert.equal(r.status, 1);
    assert.match(r.lines[0], / error SF012 /);
  });

  it('--today (else SPEC_FIRST_TODAY) is the day .spec-first.json\'s reviewAfter counts to: due the day after, not on the day; a bad date exits 2', () => {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN, '.spec-first.json': '{ "reviewAfter": "P12M" }' });
    const due = 'doc/adr/0001-use-a-queue.md:3:7 warning SF020 Review was due on 2025-01-01: dated 2024-01-01, reviewed every P12M (reviewAfter): review the decision, then mark it reviewed or set a new date.';
    assert.deepEqual(run(root, '--today', '2025-01-01').lines, []);
    assert.deepEqual(run(root, '--today=2025-01-02').lines, [due]);
    const withEnv = (today: string) => spawnSync(process.execPath, [CLI, 'lint'], { cwd: root, encoding: 'utf8', env: { ...process.env, SPEC_FIRST_TODAY: today } });
    assert.deepEqual(withEnv('2025-01-02').stdout.split('\n').filter(l => l.includes(' SF020 ')), [due]);
    assert.equal(withEnv('2025-01-01').stdout.includes(' SF020 '), false);
    const bad = run(root, '--today', '01/02/2025');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--today takes a calendar date, YYYY-MM-DD/);
  });

  it('exit 2: unknown option, missing path, invalid .spec-first.json', () => {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN });
    const unknown = run(root, '--bogus');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option --bogus/);
    const missing = run(root, 'nope');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or folder: nope/);
    const bad = make({ 'doc/adr/0001-use-a-queue.md': CLEAN, '.spec-first.json': '{\n  "rulez": 1\n}\n' });
    const r = run(bad);
    assert.equal(r.status, 2);
    const line = (r.stdout + r.stderr).split('\n').find(l => l.includes(' error config '));
    assert.ok(line, r.stdout + r.stderr);
    assert.match(line, /\.spec-first\.json:2:3 error config Unknown key "rulez": the configuration takes "adr", "rfc", "statuses", "rules", "kinds", "references", "reviewAfter" and "staleAfter"\.$/);
  });
});

/**
 * Runs the CLI unable to read past file permissions. As root (CI containers), permissions are not
 * checked at all, so the CLI runs without the capabilities that skip them (util-linux's setpriv);
 * undefined when that is not possible here.
 */
function runWithPermissions(cwd: string, ...args: string[]): ReturnType<typeof run> | undefined {
  if (process.getuid?.() !== 0) return run(cwd, ...args);
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find(p => fs.existsSync(p));
  if (!setpriv) return undefined;
  const r = spawnSync(setpriv, ['--bounding-set=-dac_override,-dac_read_search', process.execPath, CLI, 'lint', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(l => /^\S+:\d+:\d+ /.test(l)) };
}

/**
 * A maker of temporary folders for a suite (see {@link folder}), removed after it — read and write
 * permissions restored first, for the tests that take them away.
 */
function tempFolders(): (files: Record<string, string>) => string {
  const roots: string[] = [];
  after(() => {
    for (const r of roots) {
      spawnSync('chmod', ['-R', 'u+rwx', r]);
      fs.rmSync(r, { recursive: true, force: true });
    }
  });
  return files => { const r = folder(files); roots.push(r); return r; };
}

/** The stderr lines that are not the closing count. */
const complaints = (stderr: string) => stderr.split('\n').filter(l => l && !/^\d+ files, \d+ errors, \d+ warnings$/.test(l));

describe('CLI on hostile projects: one line and exit 2, never a stack trace, an abort or a hang', function () {
  this.timeout(60_000);
  const make = tempFolders();
  const oneLine = (r: ReturnType<typeof run>, pattern: RegExp) => {
    const lines = complaints(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], pattern);
    assert.doesNotMatch(r.stderr + r.stdout, /^\s+at /m, 'a stack trace');
  };

  for (const [name, file, text] of [
    ['a 600-byte .spec-first.json of nested maps as keys (aborted V8)', '.spec-first.json', `${'{'.repeat(300)}${'}'.repeat(300)}`],
    ['a 12 KB nested .spec-first.json', '.spec-first.json', `${'{"a":'.repeat(2400)}1${'}'.repeat(2400)}`],
    ['a 62-byte .spec-first.yaml of nested complex keys', '.spec-first.yaml', `${'? '.repeat(30)}x\n`],
  ]) {
    it(`${name}: exit 2, one line naming the file`, () => {
      const r = run(make({ 'doc/adr/0001-use-a-queue.md': CLEAN, [file]: text }));
      assert.equal(r.status, 2, r.stderr.slice(0, 2000));
      oneLine(r, new RegExp(`${file.replace('.', '\\.')}:1:\\d+ error config The file nests more than 20 levels deep`));
    });
  }

  it('a FIFO named on the command line: exit 2, one line', function () {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN });
    if (spawnSync('mkfifo', [path.join(root, 'pipe.md')]).status !== 0) this.skip();
    const r = run(root, 'pipe.md');
    assert.equal(r.status, 2);
    oneLine(r, /^spec-first: pipe\.md is neither a file nor a folder \(a FIFO, a socket or a device\): not read$/);
  });

  it('a FIFO as .spec-first.json: exit 2, one line, no hang', function () {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN });
    if (spawnSync('mkfifo', [path.join(root, '.spec-first.json')]).status !== 0) this.skip();
    const r = spawnSync(process.execPath, [CLI, 'lint'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2, `status ${r.status} signal ${r.signal}`);
    oneLine({ ...r, lines: [] }, /\.spec-first\.json is not a regular file: not read$/);
  });

  it('a FIFO named like a record inside a folder is skipped, never opened', function () {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN });
    if (spawnSync('mkfifo', [path.join(root, 'doc/adr/0002-pipe.md')]).status !== 0) this.skip();
    const r = run(root);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^1 files, 0 errors, 0 warnings$/m);
  });

  it('an unreadable folder: exit 2, one line (not a stack trace)', function () {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN, 'doc/locked/0002-use-kafka.md': WARNS });
    fs.chmodSync(path.join(root, 'doc/locked'), 0o000);
    const r = runWithPermissions(root);
    if (!r) this.skip();
    assert.equal(r.status, 2, r.stderr);
    oneLine(r, /^spec-first: could not read the folder doc\/locked: EACCES \(scandir\)$/);
  });

  it('an unreadable file named on the command line: exit 2 (was 0)', function () {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN });
    fs.chmodSync(path.join(root, 'doc/adr/0001-use-a-queue.md'), 0o000);
    const r = runWithPermissions(root, 'doc/adr/0001-use-a-queue.md');
    if (!r) this.skip();
    assert.equal(r.status, 2, r.stderr);
    const lines = complaints(r.stderr);
    assert.ok(lines.length >= 1 && lines.every(l => l === 'spec-first: could not read doc/adr/0001-use-a-queue.md: EACCES (open)'), r.stderr);
  });

  it('a records folder that is a symbolic link inside the project root is followed (linted "0 files" before)', () => {
    const root = make({ 'records/0002-use-kafka.md': WARNS, '.spec-first.json': '{}' });
    fs.mkdirSync(path.join(root, 'doc'));
    fs.symlinkSync('../records', path.join(root, 'doc/adr'));
    const r = run(root, 'doc');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.lines.map(l => l.split(' ').slice(0, 3).join(' ')), ['doc/adr/0002-use-kafka.md:17:4 warning SF012']);
    assert.match(r.stderr, /^1 files, 0 errors, 1 warnings$/m);
  });

  it('a symbolic link leading outside the project root is not followed, and says so', () => {
    const outside = make({ '0002-use-kafka.md': WARNS });
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN, '.spec-first.json': '{}' });
    fs.symlinkSync(outside, path.join(root, 'doc/shared'));
    fs.symlinkSync(path.join(outside, '0002-use-kafka.md'), path.join(root, 'doc/adr/0002-use-kafka.md'));
    const r = run(root);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.lines, []);
    assert.match(r.stderr, /^1 files, 0 errors, 0 warnings$/m);
    const notices = complaints(r.stderr).sort();
    assert.equal(notices.length, 2, r.stderr);
    assert.match(notices[0], /^spec-first: doc\/adr\/0002-use-kafka\.md is a symbolic link to .*, outside the project root .*: not followed$/);
    assert.match(notices[1], /^spec-first: doc\/shared is a symbolic link to .*, outside the project root .*: not followed$/);
  });

  it('a link loop ends', () => {
    const root = make({ 'doc/adr/0001-use-a-queue.md': CLEAN });
    fs.symlinkSync('..', path.join(root, 'doc/adr/up'));
    fs.symlinkSync('b', path.join(root, 'doc/a'));
    fs.symlinkSync('a', path.join(root, 'doc/b'));
    const r = run(root);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^1 files, 0 errors, 0 warnings$/m);
  });

  it('a kind\'s template outside the project root: refused, exit 2, naming the configuration', () => {
    const outside = make({ 'template.md': '# T\n\n## Summary\n\nSay it.\n' });
    const config = (template: string) => JSON.stringify({ kinds: [{ id: 'kep', files: ['keps/**/README.md'], template }] }, null, 2);
    const up = make({ 'project/.spec-first.json': config(`../${path.basename(outside)}/template.md`), 'project/doc/adr/0001-use-a-queue.md': CLEAN });
    fs.renameSync(outside, path.join(up, path.basename(outside)));
    const r = run(path.join(up, 'project'));
    assert.equal(r.status, 2, r.stderr);
    assert.match(complaints(r.stderr)[0], /\.spec-first\.json:8:\d+ error config kinds\[0\]\.template: the template path names "\.\.\/.*\/template\.md", which is outside the configuration's folder: refused\.$/);

    const linked = make({ '.spec-first.json': config('keps/template.md'), 'doc/adr/0001-use-a-queue.md': CLEAN });
    fs.mkdirSync(path.join(linked, 'keps'));
    fs.symlinkSync(path.join(up, path.basename(outside), 'template.md'), path.join(linked, 'keps/template.md'));
    const viaLink = run(linked);
    assert.equal(viaLink.status, 2, viaLink.stderr);
    assert.match(viaLink.stderr, /^\.spec-first\.json:1:1 error config Kind "kep": its template "keps\/template\.md" could not be read\.$/m);
    assert.match(viaLink.stderr, /^spec-first: keps\/template\.md leads to .*template\.md, outside the project root .* \(a symbolic link\): refused$/m);
  });
});

describe('CLI from any folder: the same records and findings (one decision model)', function () {
  this.timeout(60_000);
  const make = tempFolders();
  const amends = nygard(3, 'Use Pulsar', 'It costs a cluster.').replace('Accepted\n', 'Accepted\n\nAmends [1. Use a queue](0001-use-a-queue.md)\n');
  const repo = () => make({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'docs/decisions/0001-use-a-queue.md': CLEAN,
    'docs/decisions/0002-use-kafka.md': WARNS,
    'docs/decisions/0002-use-nats.md': nygard(2, 'Use NATS', 'It costs a cluster.').replace('Accepted\n', 'Accepted\n\nSee [the RFC](../rfcs/0009-streams.md).\n'),
    'docs/decisions/0003-use-pulsar.md': amends,
    'docs/rfcs/0009-streams.md': '# Streams\n\nA stub.\n',
  });
  const findings = (r: ReturnType<typeof run>, root: string) => r.lines.map(l => {
    const [where, , code] = l.split(' ');
    const file = where.slice(0, where.indexOf(':'));
    return `${path.relative(root, path.resolve(root, file)).split(path.sep).join('/')}${where.slice(where.indexOf(':'))} ${code}`;
  }).sort();

  it('a folder named by its absolute path from another directory gives what the project root gives (SF015 twice, SF017, no false SF016)', () => {
    const root = repo();
    const elsewhere = make({});
    const fromRoot = run(root, 'docs/decisions');
    const fromElsewhere = spawnSync(process.execPath, [CLI, 'lint', path.join(root, 'docs/decisions')], { cwd: elsewhere, encoding: 'utf8' });
    const lines = fromElsewhere.stdout.split('\n').filter(l => /^\S+:\d+:\d+ /.test(l));
    const expected = findings(fromRoot, root);
    assert.deepEqual(expected.filter(f => /SF01[5-7]$/.test(f)), [
      'docs/decisions/0001-use-a-queue.md:1:3 SF017', 'docs/decisions/0002-use-kafka.md:1:3 SF015', 'docs/decisions/0002-use-nats.md:1:3 SF015',
    ]);
    assert.deepEqual(findings({ ...fromElsewhere, lines } as ReturnType<typeof run>, root), expected);
    assert.ok(lines.every(l => l.startsWith(path.join(root, 'docs/decisions'))), 'paths outside the working directory are printed absolute');
  });

  it('walks only the folders it is given: an unreadable folder beside them is never opened', function () {
    const root = repo();
    fs.mkdirSync(path.join(root, 'locked'));
    fs.writeFileSync(path.join(root, 'locked/0001-x.md'), CLEAN);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    const r = runWithPermissions(root, 'docs/decisions');
    if (!r) this.skip();
    assert.equal(complaints(r.stderr).length, 0, r.stderr);
    assert.match(r.stderr, /^4 files, /m);
  });

  it('an unnumbered record in the ADR folder is linted, as in the editor', () => {
    const root = make({ 'docs/adr/use-postgres.md': '# Use Postgres\n\n## Status\n\nAccepted\n\n## Context\n\nc\n' });
    const r = run(root, 'docs/adr');
    assert.match(r.stderr, /^1 files, /m);
    assert.ok(r.lines.length >= 3 && r.lines.every(l => l.startsWith('docs/adr/use-postgres.md:')), r.stdout);
  });

  it('each record takes its own project\'s configuration: a nested .spec-first.json with its own status', () => {
    const root = make({
      '.spec-first.json': '{}',
      'docs/adr/0001-use-a-queue.md': CLEAN.replace('Accepted', 'On hold'),
      'services/pay/.spec-first.json': '{ "statuses": ["proposed", "accepted", "on hold"] }',
      'services/pay/docs/adr/0001-use-a-queue.md': CLEAN.replace('Accepted', 'On hold'),
    });
    const r = run(root);
    assert.deepEqual(r.lines.filter(l => / SF004 /.test(l)).map(l => l.split(':')[0]), ['docs/adr/0001-use-a-queue.md']);
  });
});
