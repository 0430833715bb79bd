/**
 * `spec-first refs RECORD [paths…]` and `spec-first lint --refs GLOBS` as a user runs them (the built
 * CLI, from another folder): every identifier and link that names the record in the project's
 * Markdown (none in code blocks), in TypeScript, Python and Go comments and docstrings (none in code
 * or strings), in the files `"references"."files"` names, never in what `.gitignore` leaves out; text
 * and JSON; exit 2 for a record that does not exist; broken references in code reported as SF016.
 * Needs `npm run build` (dist/cli.js).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const nygard = (n: number, title: string, status: string, context: string) =>
  `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\n${status}\n\n## Context\n\n${context}\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs.\n`;

describe('spec-first refs', function () {
  this.timeout(30000);
  let root = '';
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-refs-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('repo/.spec-first.json', '{}');
    write('repo/docs/adr/0001-use-kafka.md', nygard(1, 'Use Kafka', 'Accepted', 'c'));
    write('repo/docs/adr/0002-use-pulsar.md', nygard(2, 'Use Pulsar', 'Accepted\n\nAmends [1. Use Kafka](0001-use-kafka.md)', 'See ADR-1 and `ADR-0001` in code.'));
    write('repo/docs/guides/streams.md', '# Guide\n\nWe follow ADR-0001, not ADR-0002.\n\n```\nADR-0001\n```\n');
    write('repo/src/consumer.ts', '// Consumer groups as ADR-0001 decided.\nconst topic = "ADR-0001";\n/** See `ADR-1`; RFC 7231 for HTTP. */\nexport {};\n');
    write('repo/svc/worker.py', 'def run():\n    """Reads the stream (ADR 1)."""\n    return "ADR-0001"  # and ADR-0042\n');
    write('repo/cmd/main.go', 'package main\n\n// main starts the broker, per ADR-0001.\nfunc main() { _ = `ADR-0001` }\n');
    write('repo/build/gen.ts', '// ADR-0001 (a skipped folder)\n');
    write('repo/generated/api.ts', '// ADR-0001 (ignored by .gitignore)\n');
    write('repo/.gitignore', 'generated/\n');
    write('repo/notes/plan.txt', 'ADR-0001 is read: .spec-first.json names notes/**\n');
    write('repo/notes/old.txt', 'Superseded plan: see ADR-0077.\n');
    write('repo/other/plan.txt', 'ADR-0001 is not read: no glob names it\n');
    write('repo/.spec-first.json', '{ "references": { "files": ["notes/**"] } }');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'refs', ...args], { cwd: root, encoding: 'utf8' });

  it('prints each identifier and link naming the record, not those in code, from another folder', () => {
    const r = run('ADR-0001', path.join(root, 'repo'));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'repo/cmd/main.go:3:32 ADR-0001',
      'repo/docs/adr/0002-use-pulsar.md:9:8 [1. Use Kafka](0001-use-kafka.md)',
      'repo/docs/adr/0002-use-pulsar.md:13:5 ADR-1',
      'repo/docs/guides/streams.md:3:11 ADR-0001',
      'repo/notes/plan.txt:1:1 ADR-0001',
      'repo/src/consumer.ts:1:23 ADR-0001',
      'repo/src/consumer.ts:3:10 ADR-1',
      'repo/svc/worker.py:2:26 ADR 1',
    ]);
  });

  it('lint --refs checks the references of the files the globs name: a broken one is SF016', () => {
    const lint = (...args: string[]) => spawnSync(process.execPath, [CLI, 'lint', '--no-mermaid', ...args], { cwd: path.join(root, 'repo'), encoding: 'utf8' });
    const r = lint('--refs', 'svc/**,src/**', 'docs/adr');
    assert.equal(r.status, 0, r.stderr);
    const sf016 = (out: string) => out.trim().split('\n').filter(l => l.includes(' SF016 '));
    assert.deepEqual(sf016(r.stdout), ['svc/worker.py:3:30 warning SF016 ADR-0042 names no record: it was renumbered or removed, or never existed.']);
    const json = JSON.parse(lint('--refs', 'svc/**', '--format', 'json', 'docs/adr').stdout) as { file: string; code: string }[];
    assert.deepEqual(json.filter(f => f.code === 'SF016').map(f => `${f.file} ${f.code}`), ['svc/worker.py SF016']);
    // Without --refs, the configuration's "references"."files" (notes/**) are checked.
    assert.deepEqual(sf016(lint('docs/adr').stdout), ['notes/old.txt:1:22 warning SF016 ADR-0077 names no record: it was renumbered or removed, or never existed.']);
    // A glob that would backtrack is a usage error.
    const hostile = lint('--refs', `${'*a'.repeat(8)}`, 'docs/adr');
    assert.equal(hostile.status, 2);
    assert.match(hostile.stderr, /--refs ".*": the glob has more than 3/);
  });

  it('takes the record\'s file instead of its identifier, and prints JSON', () => {
    const r = run('repo/docs/adr/0002-use-pulsar.md', 'repo', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [{ file: 'repo/docs/guides/streams.md', line: 3, column: 25, text: 'ADR-0002' }]);
  });

  it('a record that does not exist, or a missing record argument, exits 2 with one line', () => {
    const missing = run('ADR-0042', 'repo');
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'spec-first: ADR-0042 names no record under repo\n');
    const usage = run();
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^spec-first: refs needs a record/);
  });
});
