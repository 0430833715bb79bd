/**
 * The CLI's own npm package (`packages/cli`) as a user gets it: `npm pack` there (its prepack builds
 * `dist/` from the repository's sources), the tarball installed with `npm install -g --prefix <tmp>
 * --offline` and an empty cache (so it can need nothing from a registry, and nothing of this checkout:
 * the prefix is outside it), then the installed `spec-first` run from an empty folder on the test
 * fixtures (packed and installed by test/support/packedCli.ts). Its exit code, output and messages must be the repository's own CLI's (`dist/cli.js`, from
 * `npm run build`), in every format. Needs npm; skipped, saying why, without it. Takes some seconds.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from '../support/fixtures';
import { ROOT, cleanEnv, packedCli } from '../support/packedCli';

const IN_REPO_CLI = path.join(ROOT, 'dist/cli.js');

/** A record with a diagram Mermaid cannot parse: SF019 comes from the package's own `dist/mermaid-check.js`. */
const BROKEN_DIAGRAM = '# 1. Draw it\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n```mermaid\nflowchart LR\n  A -->> B -- oops\n```\n\n'
  + '## Decision\n\nDraw, 100%: yes, really.\n\n## Consequences\n\nIt costs a diagram.\n';

describe('CLI package (packages/cli): packed, installed into a temporary prefix, run from another folder', function () {
  this.timeout(240_000);
  let work = '';
  let tarball: { filename: string; files: readonly { path: string }[] } | undefined;
  let bin = '';

  before(function () {
    const cli = packedCli();
    if (typeof cli === 'string') {
      console.warn(`    skipped: ${cli}`);
      this.skip();
    }
    assert.ok(fs.existsSync(IN_REPO_CLI), `${IN_REPO_CLI} missing: run npm run build`);
    ({ work, tarball, bin } = cli);
  });

  it('the tarball holds the two bundles, package.json, the README and the licence: nothing else', () => {
    assert.deepEqual(tarball!.files.map(f => f.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'dist/mermaid-check.js', 'package.json']);
  });

  it('the installed package declares no dependency, and its version is the extension\'s', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(fs.realpathSync(bin), '../../package.json'), 'utf8'));
    assert.deepEqual(installed.bin, { 'spec-first': 'dist/cli.js' });
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) assert.equal(installed[field], undefined, field);
    assert.equal(installed.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  const cases: [string, number, (fixtures: string, drawn: string) => string[]][] = [
    ['text, on the corpus and the workspace fixtures', 1, f => ['lint', path.join(f, 'corpus'), path.join(f, 'workspace')]],
    ['json, on the workspace fixtures', 1, f => ['lint', '--format', 'json', path.join(f, 'workspace')]],
    ['sarif, on the log4brains corpus', 0, f => ['lint', '--format=sarif', path.join(f, 'corpus/log4brains')]],
    ['github, with a broken Mermaid diagram (SF019 from the package\'s own Mermaid check)', 0, (_, drawn) => ['lint', '--format', 'github', drawn]],
    ['gitlab, with --max-warnings 0', 1, (_, drawn) => ['lint', '--format', 'gitlab', '--max-warnings', '0', drawn]],
    ['an unknown option (the usage)', 2, () => ['lint', '--bogus']],
  ];
  for (const [name, status, argsFor] of cases) {
    it(`the installed spec-first prints what the repository's CLI prints: ${name}, exit ${status}`, () => {
      const cwd = fs.mkdtempSync(path.join(work, 'cwd-'));
      const drawn = path.join(work, 'drawn');
      fs.mkdirSync(path.join(drawn, 'doc/adr'), { recursive: true });
      fs.writeFileSync(path.join(drawn, 'doc/adr/0001-draw-it.md'), BROKEN_DIAGRAM);
      const args = argsFor(FIXTURES, drawn);
      const options = { cwd, encoding: 'utf8', env: cleanEnv, maxBuffer: 1 << 26, shell: process.platform === 'win32' } as const;
      const installed = spawnSync(bin, args, options);
      const inRepo = spawnSync(process.execPath, [IN_REPO_CLI, ...args], { ...options, shell: false });
      assert.equal(installed.error, undefined);
      assert.equal(installed.stderr, inRepo.stderr);
      assert.equal(installed.stdout, inRepo.stdout);
      assert.equal(installed.status, inRepo.status);
      assert.equal(installed.status, status);
      assert.ok(installed.stdout.length + installed.stderr.length > 0, 'some output to compare');
      if (args.includes(drawn)) assert.match(installed.stdout, /SF019/);
    });
  }
});
