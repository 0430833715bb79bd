/**
 * `spec-first refs RECORD [paths…]` as a user runs it (the built CLI, from another folder): every
 * identifier and link that names the record in the project's Markdown, none in code, text and JSON,
 * and exit 2 for a record that does not exist. Needs `npm run build` (dist/cli.js).
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
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'refs', ...args], { cwd: root, encoding: 'utf8' });

  it('prints each identifier and link naming the record, not those in code, from another folder', () => {
    const r = run('ADR-0001', path.join(root, 'repo'));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'repo/docs/adr/0002-use-pulsar.md:9:8 [1. Use Kafka](0001-use-kafka.md)',
      'repo/docs/adr/0002-use-pulsar.md:13:5 ADR-1',
      'repo/docs/guides/streams.md:3:11 ADR-0001',
    ]);
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
