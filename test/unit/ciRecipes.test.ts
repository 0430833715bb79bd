/**
 * The README's CI recipes, as a user copies them: each block (`# .github/workflows/decisions.yml`,
 * `# .gitlab-ci.yml`, `# .pre-commit-config.yaml`) is read from README.md, so the README and this test
 * cannot drift, and its commands run as written (in bash with `-eo pipefail`, as both CI services run
 * a step's script) in a copy of the sample workspace, with the CLI packed from packages/cli and
 * installed under its published name first on the PATH (test/support/packedCli.ts). Only the registry
 * install line (`npm install -g @spec-first/cli`) is not run; steps that are not commands (`uses:`,
 * artifacts) are checked against the files the commands wrote. The pre-commit hook runs through
 * Debian's `pre-commit` (`pre-commit try-repo` on this checkout), installed when missing; each part
 * skips, printing why, only when its tool cannot be had here.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { debianTool } from '../support/debianTool';
import { ROOT, cleanEnv, packedCli, type PackedCli } from '../support/packedCli';

const REGISTRY_INSTALL = 'npm install -g @spec-first/cli';

/** The text of README.md's ```yaml block whose first line is `# <file>`. */
function readmeBlock(file: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const fence = '```yaml\n';
  const start = readme.indexOf(`${fence}# ${file}\n`);
  assert.ok(start >= 0, `README.md has no yaml block that starts with "# ${file}"`);
  const body = start + fence.length;
  return readme.slice(body, readme.indexOf('\n```', body) + 1);
}

/**
 * The sample workspace's findings on the pinned day: four warnings (SF001, SF004, SF012 twice) in ADRs
 * 0001 and 0005, and two notes (SF014, SF021) on the RFC; no error.
 */
const SAMPLE = path.join(ROOT, 'samples/workspace');
const SAMPLE_FINDINGS = 6;
/** The day the date rules count to, so that the findings do not change from day to day. */
const TODAY = '2026-06-01';
/** The sample's records with findings: without them, a project is clean. */
const WITH_FINDINGS = ['docs/adr/0001-record-architecture-decisions.md', 'docs/adr/0005-cache-sessions-in-redis.md', 'docs/rfcs/0001-multi-region-failover.md'];

describe('CI recipes in the README: their lint commands run as written against the packed CLI', function () {
  this.timeout(240_000);
  let cli: PackedCli;
  let env: NodeJS.ProcessEnv;
  let projects = 0;

  before(function () {
    const packed = packedCli();
    if (typeof packed === 'string') {
      console.warn(`    skipped: ${packed}`);
      this.skip();
    }
    cli = packed;
    assert.ok(fs.existsSync(path.join(cli.binDir, process.platform === 'win32' ? '' : '..', 'lib/node_modules/@spec-first/cli/package.json')),
      'installed under its published name, @spec-first/cli');
    env = { ...cleanEnv, SPEC_FIRST_TODAY: TODAY, PATH: `${cli.binDir}${path.delimiter}${process.env.PATH ?? ''}` };
  });

  /** A fresh copy of the sample workspace (a git repository when `git`), optionally without some records. */
  function project(without: readonly string[] = [], git = false): string {
    const dir = path.join(cli.work, `project-${++projects}`);
    fs.cpSync(SAMPLE, dir, { recursive: true });
    for (const file of without) fs.rmSync(path.join(dir, file));
    if (git) {
      for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'records']]) {
        const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env });
        assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
      }
    }
    return dir;
  }

  /** Runs one line of a recipe in `cwd` as the CI services do (bash, `-eo pipefail`). */
  function sh(line: string, cwd: string) {
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.error, undefined, `bash: ${r.error?.message}`);
    return r;
  }

  /** A recipe's commands, the registry install line checked and left out. */
  function commands(lines: readonly string[]): string[] {
    assert.equal(lines.filter(l => l === REGISTRY_INSTALL).length, 1, `the recipe installs the CLI with "${REGISTRY_INSTALL}"`);
    const rest = lines.filter(l => l !== REGISTRY_INSTALL);
    assert.ok(rest.length > 0 && rest.every(l => l.startsWith('spec-first lint ')), `the other lines lint: ${rest.join(' | ')}`);
    return rest;
  }

  it('the spec-first on the PATH of the recipes is the installed package', () => {
    assert.equal(sh('command -v spec-first', cli.work).stdout.trim(), cli.bin);
  });

  it('GitHub Actions: SARIF uploaded (findings or not), annotations on each finding, the job fails on any finding', () => {
    const workflow = parse(readmeBlock('.github/workflows/decisions.yml'));
    const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = workflow.jobs.lint.steps;
    const runs = commands(steps.flatMap(s => (s.run === undefined ? [] : [s.run])));
    const upload = steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload?.with?.sarif_file, 'a step uploads a SARIF file');
    assert.ok(runs.indexOf(runs.find(r => r.includes('--format sarif'))!) < runs.findIndex(r => r.includes('--format github')), 'SARIF is written before the failing step');

    const dirty = project();
    const results = runs.map(line => sh(line, dirty));
    const sarif = JSON.parse(fs.readFileSync(path.join(dirty, upload.with.sarif_file), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, SAMPLE_FINDINGS);
    assert.equal(results[0].status, 0, 'the SARIF step lets the upload run');
    const annotations = results[1].stdout.trim().split('\n');
    assert.equal(annotations.length, SAMPLE_FINDINGS, results[1].stdout);
    for (const a of annotations) assert.match(a, /^::(warning|notice) file=docs\/(adr|rfcs)\/000[15]-[a-z-]+\.md,line=\d+,[^:]*title=SF0\d\d [a-z-]+::\S/);
    assert.equal(results[1].status, 1, 'the annotations step fails the job');

    const clean = project(WITH_FINDINGS);
    const cleanResults = runs.map(line => sh(line, clean));
    assert.deepEqual(cleanResults.map(r => r.status), [0, 0]);
    assert.equal(cleanResults[1].stdout, '');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(clean, upload.with.sarif_file), 'utf8')).runs[0].results, []);
  });

  it('GitLab CI: the code quality report is the artifact, one issue per finding; the job passes on warnings', () => {
    const pipeline = parse(readmeBlock('.gitlab-ci.yml'));
    const job = pipeline.decisions;
    const runs = commands([...(job.before_script ?? []), ...job.script]);
    const report: string = job.artifacts.reports.codequality;
    assert.equal(job.artifacts.when, 'always', 'the report is kept when the job fails');

    const dirty = project();
    for (const line of runs) assert.equal(sh(line, dirty).status, 0, line);
    const issues = JSON.parse(fs.readFileSync(path.join(dirty, report), 'utf8'));
    assert.equal(issues.length, SAMPLE_FINDINGS);
    for (const issue of issues) {
      assert.match(issue.check_name, /^SF0\d\d [a-z-]+$/);
      assert.match(issue.location.path, /^docs\/(adr|rfcs)\/000[15]-[a-z-]+\.md$/);
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.fingerprint && issue.description, JSON.stringify(issue));
    }
  });

  it('Decision health: the Markdown report in the job summary; the job fails on a stale proposal, passes without one', () => {
    const workflow = parse(readmeBlock('.github/workflows/decision-health.yml'));
    const steps: { run?: string }[] = workflow.jobs.health.steps;
    const lines = steps.flatMap(s => (s.run === undefined ? [] : [s.run]));
    assert.equal(lines.filter(l => l === REGISTRY_INSTALL).length, 1, `the recipe installs the CLI with "${REGISTRY_INSTALL}"`);
    const runs = lines.filter(l => l !== REGISTRY_INSTALL);
    assert.ok(runs.length === 2 && runs.every(l => l.startsWith('spec-first health ')), runs.join(' | '));
    const run = (dir: string) => {
      const summary = path.join(dir, 'summary.md');
      const statuses = runs.map(line => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], { cwd: dir, env: { ...env, GITHUB_STEP_SUMMARY: summary }, encoding: 'utf8' }).status);
      return { statuses, summary: fs.readFileSync(summary, 'utf8') };
    };
    const dirty = run(project());
    assert.deepEqual(dirty.statuses, [0, 1], 'the summary is written; the check fails on the RFC, stale since 2025-09-01');
    assert.match(dirty.summary, new RegExp(`^# Decision health, ${TODAY}\n[^]*\n## Proposals open too long\n\n- open since 2025-09-01 `));
    assert.deepEqual(run(project([WITH_FINDINGS[2]])).statuses, [0, 0]);
  });

  describe('pre-commit: the hook spec-first-lint of .pre-commit-hooks.yaml, run by Debian\'s pre-commit', function () {
    let preCommit = '';

    before(function () {
      const tool = debianTool('pre-commit', 'pre-commit');
      if ('reason' in tool) {
        console.warn(`    skipped: ${tool.reason}`);
        this.skip();
      }
      preCommit = tool.path;
    });

    /** `pre-commit try-repo <this checkout> <hook>` in `cwd`, on the staged files; pre-commit's cache in the temporary folder. */
    function tryRepo(hook: string, cwd: string) {
      return spawnSync(preCommit, ['try-repo', ROOT, hook], {
        cwd, encoding: 'utf8', timeout: 180_000, env: { ...env, PRE_COMMIT_HOME: path.join(cli.work, 'pre-commit-cache') },
      });
    }

    /** Stages `text` as `file` in the git project `dir`. */
    function stage(dir: string, file: string, text: string) {
      fs.writeFileSync(path.join(dir, file), text);
      assert.equal(spawnSync('git', ['add', file], { cwd: dir, env }).status, 0);
    }

    it('the README\'s configuration names hooks this repository declares', () => {
      const config = parse(readmeBlock('.pre-commit-config.yaml'));
      const declared = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')).map((h: { id: string }) => h.id);
      const used = config.repos.flatMap((r: { hooks: { id: string }[] }) => r.hooks.map(h => h.id));
      assert.deepEqual(used, ['spec-first-lint']);
      for (const id of used) assert.ok(declared.includes(id), id);
    });

    it('a staged record with findings stops the commit and shows them; a staged README is passed over; a clean record passes', () => {
      const dir = project(['docs/adr/0005-cache-sessions-in-redis.md'], true);
      const record = fs.readFileSync(path.join(SAMPLE, 'docs/adr/0005-cache-sessions-in-redis.md'), 'utf8');
      stage(dir, 'docs/adr/0005-cache-sessions-in-redis.md', record);
      const failing = tryRepo('spec-first-lint', dir);
      assert.equal(failing.status, 1, failing.stdout + failing.stderr);
      assert.match(failing.stdout, /spec-first lint \(decision records\)\.+Failed/);
      const findings = failing.stdout.split('\n').filter(l => l.startsWith('docs/adr/'));
      assert.deepEqual(findings.map(l => l.split(' ').slice(0, 3).join(' ')), [
        'docs/adr/0005-cache-sessions-in-redis.md:2:1 warning SF004',
        'docs/adr/0005-cache-sessions-in-redis.md:6:3 warning SF001',
        'docs/adr/0005-cache-sessions-in-redis.md:16:5 warning SF012',
      ], 'the staged record\'s findings, and no others (0001 has one but is not staged)');

      spawnSync('git', ['reset', '-q'], { cwd: dir, env });
      stage(dir, 'README.md', '# Not a record\n\nTODO\n');
      stage(dir, 'docs/adr/0003-publish-events-through-an-outbox.md', fs.readFileSync(path.join(dir, 'docs/adr/0003-publish-events-through-an-outbox.md'), 'utf8') + '\n');
      const passing = tryRepo('spec-first-lint', dir);
      assert.equal(passing.status, 0, passing.stdout + passing.stderr);
      assert.match(passing.stdout, /spec-first lint \(decision records\)\.+Passed/);
    });
  });
});
