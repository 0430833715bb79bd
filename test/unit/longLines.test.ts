/**
 * Rules read at most the first 10 000 characters of a line: findings beyond the cut are not reported,
 * fixes that would reach past it are dropped (they were computed from the cut line), ranges that only
 * end past it are kept whole, and the host is told which lines were cut (`onLongLines`; the CLI
 * prints it on stderr, the editor logs it).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_LINE_LENGTH, lintText, longLinesNotice } from '../../src/core/lint';

const PATH = 'doc/adr/0001-use-a-queue.md';
const nygard = (status: string, context: string) =>
  `# 1. Use a queue\n\nDate: 2024-01-01\n\n## Status\n\n${status}\n\n## Context\n\n${context}\n\n## Decision\n\nPublish.\n\n## Consequences\n\nIt costs a broker.\n`;

describe('long lines', () => {
  it('the cut is 10 000 characters', () => assert.equal(MAX_LINE_LENGTH, 10_000));

  it('a finding before the cut is reported; one after it is not; the host is told once, with the lines', () => {
    const long = `TODO first ${'x'.repeat(20_000)} TODO past the cut`;
    const calls: [readonly number[], number][] = [];
    const findings = lintText(PATH, nygard('Accepted', long), { onLongLines: (lines, limit) => calls.push([lines, limit]) });
    const todos = findings.filter(f => f.code === 'SF014');
    assert.deepEqual(todos.map(f => [f.range.start.line, f.range.start.character]), [[10, 0]]);
    assert.deepEqual(calls, [[[10], 10_000]]);
  });

  it('a finding that starts before the cut keeps its whole range; a fix computed from the cut line is dropped', () => {
    // An unknown status 30 000 characters long: SF004 starts at the line's start, its fixes replace the status.
    const status = `Maybe ${'later '.repeat(5_000)}`.trim();
    const findings = lintText(PATH, nygard(status, 'Why.'));
    const unknown = findings.find(f => f.code === 'SF004');
    assert.ok(unknown, 'SF004 reported');
    assert.deepEqual(unknown.range, { start: { line: 6, character: 0 }, end: { line: 6, character: status.length } });
    assert.deepEqual(unknown.alternatives, [], 'no fix that would replace only the first 10 000 characters');
  });

  it('no notice when no line is longer than the cut', () => {
    let called = false;
    lintText(PATH, nygard('Accepted', 'y'.repeat(MAX_LINE_LENGTH)), { onLongLines: () => { called = true; } });
    assert.equal(called, false);
  });

  it('the notice names the file and the 1-based lines, five at most', () => {
    assert.equal(longLinesNotice('a.md', [3], 10_000), 'a.md: line 4 longer than 10000 characters: lint read the first 10000 of each and reports nothing beyond.');
    assert.match(longLinesNotice('a.md', [0, 1, 2, 3, 4, 5, 6], 10_000), /^a\.md: lines 1, 2, 3, 4, 5, … \(7 lines\) longer than/);
  });

  it('the CLI prints the notice on stderr (needs npm run build)', () => {
    const cli = path.resolve(__dirname, '../../../dist/cli.js');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-long-'));
    try {
      fs.mkdirSync(path.join(root, 'doc/adr'), { recursive: true });
      fs.writeFileSync(path.join(root, PATH), nygard('Accepted', 'z'.repeat(12_000)));
      const r = spawnSync(process.execPath, [cli, 'lint'], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stderr, /^spec-first: doc\/adr\/0001-use-a-queue\.md: line 11 longer than 10000 characters/m);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
