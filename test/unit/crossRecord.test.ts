/**
 * Proves the cross-record lint's workspace snapshot: relation targets (path, id, slug) resolve to the
 * records the rules compared before, the first of several sharing a number; the relations naming a
 * record come in the records' order; SF017 says nothing about a record the snapshot does not hold;
 * SF016's link scan finds exactly what its former pattern found; and linting every record of a
 * generated workspace grows about linearly with its size (the one timing test allowed: a ratio of
 * the same code at two sizes, best of 3).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LintOptions, RULE_LIST, WorkspaceRecord, lintRecord, lintText } from '../../src/core/lint';
import { markdownFileLinks } from '../../src/core/lint/rules/sf016-broken-record-link';
import { WorkspaceSnapshot } from '../../src/core/lint/workspace';
import { parseRecord } from '../../src/core/record';
import { generatedRecords } from '../support/generatedWorkspace';

const entry = (path: string, text: string): WorkspaceRecord => ({ path, record: parseRecord(path, text)! });
const nygard = (title: string, status: string[]) => ['# ' + title, '', 'Date: 2024-01-01', '', '## Status', '', ...status, '', '## Context', '', 'Mail is slow.', '',
  '## Decision', '', 'Publish a message.', '', '## Consequences', '', 'We must run a queue.', ''].join('\n');

describe('workspace snapshot', () => {
  const first = entry('doc/adr/0001-use-a-queue.md', nygard('1. Use a queue', ['Accepted']));
  const twin = entry('doc/adr/0001-use-kafka.md', nygard('1. Use Kafka', ['Accepted']));
  const second = entry('doc/adr/0002-use-kafka.md', nygard('2. Use Kafka', ['Accepted', '', 'Supercedes [1. Use a queue](0001-use-a-queue.md)', '', 'Amends [1. Use a queue](ADR-0001)']));
  const elsewhere = entry('other/0001-use-a-queue.md', nygard('1. Use a queue', ['Accepted', '', 'Amends [x](../doc/adr/0001-use-a-queue.md#status)']));
  const snapshot = new WorkspaceSnapshot({ records: [first, twin, second, elsewhere], files: new Set(['doc/adr/0003-moved.md']) });

  it('resolves a relative link, an id and a slug in the writer\'s folder; the first of several sharing a number', () => {
    const at = (from: string, target: string) => snapshot.resolve(from, { type: 'amends', target });
    assert.equal(at(second.path, '0001-use-a-queue.md'), first);
    assert.equal(at(second.path, './0001-use-kafka.md#status'), twin);
    assert.equal(at(second.path, '0009-none.md'), 'unresolved');
    assert.equal(at(second.path, 'ADR-0001'), first);
    assert.equal(at(second.path, 'adr1'), first);
    assert.equal(at(elsewhere.path, '0001'), elsewhere);
    assert.equal(at(second.path, 'use-kafka'), twin);
    assert.equal(at(second.path, './use-kafka'), twin);
    assert.equal(at(second.path, 'ADR-0009'), undefined);
    assert.equal(at(second.path, 'https://example.org/0001-use-a-queue.md'), undefined);
  });

  it('lists the relations naming a record in the records\' order, and what exists at a path', () => {
    assert.deepEqual(snapshot.incoming(first).map(i => [i.from.path, i.relation.target]), [
      [second.path, '0001-use-a-queue.md'], [second.path, 'ADR-0001'], [elsewhere.path, '../doc/adr/0001-use-a-queue.md#status'],
    ]);
    assert.deepEqual(snapshot.incoming(second), []);
    assert.deepEqual(snapshot.numbered('doc/adr', 1), [first, twin]);
    assert.deepEqual(snapshot.numbered('doc', 1), []);
    assert.equal(snapshot.exists('doc/adr/0003-moved.md'), true);
    assert.equal(snapshot.exists(second.path), true);
    assert.equal(snapshot.exists('doc/adr/0004-none.md'), false);
  });
});

describe('SF017 one-sided relation', () => {
  const NY = 'doc/adr/0001-use-a-queue.md';
  const A = nygard('1. Use a queue', ['Accepted']);
  const sf017 = (workspace: LintOptions['workspace']) => lintText(NY, A, { workspace }).filter(f => f.code === 'SF017').map(f => f.message);

  it('says nothing about a record the workspace does not hold, whatever another record\'s relation fails to name', () => {
    // 0002 supersedes a record by an id and a slug that name nothing; the linted record is not in the workspace.
    const B = entry('doc/adr/0002-use-kafka.md', nygard('2. Use Kafka', ['Accepted', '', 'Supercedes [9. Gone](ADR-0009)', '', 'Amends [gone](gone-for-good)']));
    assert.deepEqual(sf017({ records: [B] }), []);
    // The same relations with the record in the workspace: still nothing (they name another record).
    assert.deepEqual(sf017({ records: [entry(NY, A), B] }), []);
  });

  it('still reports what another record says of this one when it is in the workspace', () => {
    const B = entry('doc/adr/0002-use-kafka.md', nygard('2. Use Kafka', ['Accepted', '', 'Supercedes [1. Use a queue](ADR-0001)']));
    assert.deepEqual(sf017({ records: [entry(NY, A), B] }), ['0002-use-kafka.md says "Supercedes" this record, but this record has no "Superceded by" link back to it.']);
  });
});

describe('SF016 link scan', () => {
  /** The pattern SF016 used before the scan (cubic on a line of `](` and `.md#`): the reference for what the scan finds, on short lines only. */
  const LINK = /\]\(\s*<?([^)\s>]+\.md)(?:#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)/gi;
  const byPattern = (line: string) => [...line.matchAll(LINK)].map(m => ({ start: m.index + m[0].indexOf(m[1]), target: m[1] }));

  it('finds the links, targets and columns of the usual shapes', () => {
    const line = 'See [a](0002-a.md), [b]( <../adr/0003-b.MD#status> "B"), [c](0004-c.md "t" ), [web](https://x.org/0009-a.md), [d](0005-d.md#x.md).';
    assert.deepEqual(markdownFileLinks(line), byPattern(line));
    assert.deepEqual(markdownFileLinks(line).map(l => l.target), ['0002-a.md', '../adr/0003-b.MD', '0004-c.md', 'https://x.org/0009-a.md', '0005-d.md#x.md']);
  });

  it('finds exactly what the former pattern found, on random lines of link characters', () => {
    const chars = [']', '(', ')', '<', '>', '#', '.', 'm', 'M', 'd', 'D', ' ', '\t', '"', 'x', '0', '-', '](', '.md', '.md#', '](<'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), parts => {
      const line = parts.join('');
      assert.deepEqual(markdownFileLinks(line), byPattern(line));
    }), { numRuns: 20_000, seed: 10 });
  });
});

describe('cross-record lint time', function () {
  this.timeout(120_000);

  /** Parses a generated workspace of `count` records once; returns its entries and texts. */
  const workspaceOf = (count: number) => generatedRecords(count).map(r => ({ text: r.text, entry: entry(r.path, r.text) }));
  // Only the cross-record rules run: the document rules cost the same per record at any size.
  const onlyCrossRecord = Object.fromEntries(RULE_LIST.filter(r => r.scope !== 'workspace').map(r => [r.code, 'off' as const]));
  /**
   * Milliseconds per record of `passes` passes over the workspace, each a new snapshot and every
   * record linted with it. The sizes get passes in inverse proportion, so that each measure lints
   * as many records (a long measure: one busy moment of the machine weighs little).
   */
  const perRecord = (parsed: ReturnType<typeof workspaceOf>, passes: number) => {
    const started = process.hrtime.bigint();
    let findings = 0;
    for (let pass = 0; pass < passes; pass++) {
      const workspace = new WorkspaceSnapshot({ records: parsed.map(p => p.entry) });
      for (const { text, entry: e } of parsed) findings += lintRecord(e.record, text, { workspace, rules: onlyCrossRecord }).length;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(findings > passes * parsed.length / 4, `the generated workspace has cross-record findings (${findings / passes})`);
    return ms / passes / parsed.length;
  };

  it('linting every record of 2,000 costs per record less than 2.5 times what it costs for 500', () => {
    const small = workspaceOf(500);
    const large = workspaceOf(2_000);
    perRecord(small, 4); // warm up
    // Best of 3 each, taken in turn so that a busy moment of the machine weighs on both sizes alike.
    let [bestSmall, bestLarge] = [Infinity, Infinity];
    for (let run = 0; run < 3; run++) {
      bestSmall = Math.min(bestSmall, perRecord(small, 16));
      bestLarge = Math.min(bestLarge, perRecord(large, 4));
    }
    const ratio = bestLarge / bestSmall;
    // n log n gives about 1.2; quadratic 4 (cubic, as before the snapshot, 16).
    assert.ok(ratio < 2.5, `per-record time grew ${ratio.toFixed(2)}× from 500 to 2,000 records`);
  });
});
