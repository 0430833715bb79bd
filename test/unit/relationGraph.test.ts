/**
 * The relation graph, in plain Node: each record's relations in both directions, resolved as the
 * cross-record rules resolve them (relative link, id, slug; within a scope), what a record writes
 * first and what others write about it after, deduplicated; and the text each relation is shown with.
 * On the fixture workspace's adr-tools, log4brains and parity records, and on written records.
 */
import * as assert from 'node:assert/strict';
import { parseRecord } from '../../src/core/record';
import type { RecordHandle } from '../../src/core/recordGroups';
import { relationGraph, relationLabel, relationResolver, type RelationLink } from '../../src/core/relationGraph';
import { markdownFilesIn, readWorkspaceFile } from '../support/fixtures';

/** A host's handle: the record, the scope it lives in, and a name of the host's own. */
interface Handle extends RecordHandle {
  readonly name: string;
  readonly scope: string;
}

const handle = (path: string, text: string, scope = ''): Handle => ({ name: `${scope}${path}`, scope, record: parseRecord(path, text)! });
const fixtures = (folder: string) => markdownFilesIn(folder).map(path => handle(path, readWorkspaceFile(path))).filter(h => h.record);
const nygard = (path: string, title: string, status: string[], scope = '') => handle(path, ['# ' + title, '', 'Date: 2024-01-01', '', '## Status', '', ...status, '',
  '## Context', '', 'Mail is slow.', '', '## Decision', '', 'Publish a message.', '', '## Consequences', '', 'We must run a queue.', ''].join('\n'), scope);

/** A link as a row: [type, target's name or `?` + what is written, incoming, written type]. */
type Row = [string, string, boolean, string?];
const rows = (links: readonly RelationLink<Handle>[] | undefined): Row[] =>
  (links ?? []).map(l => [l.type, l.target ? l.target.name : `?${l.written}`, l.incoming, ...l.writtenType ? [l.writtenType] : []] as Row);
const named = (all: readonly Handle[], suffix: string) => all.find(h => h.name.endsWith(suffix))!;

describe('relation graph', () => {
  it('shows a relation written on both sides once on each side (adr-tools, log4brains fixtures)', () => {
    const adrTools = fixtures('adr-tools/doc/adr');
    const log4brains = fixtures('log4brains/docs/adr');
    const graph = relationGraph([...adrTools, ...log4brains]);
    const cases: [Handle, Row[]][] = [
      [named(adrTools, '0005-help-comments.md'), [['amended by', 'adr-tools/doc/adr/0009-help-scripts.md', false]]],
      [named(adrTools, '0009-help-scripts.md'), [['amends', 'adr-tools/doc/adr/0005-help-comments.md', false]]],
      [named(log4brains, '20200926-use-the-adr-number-as-its-unique-id.md'), [['superseded by', 'log4brains/docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md', false]]],
      [named(log4brains, '20201016-use-the-adr-slug-as-its-unique-id.md'), [['supersedes', 'log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md', false]]],
    ];
    for (const [record, expected] of cases) assert.deepEqual(rows(graph.get(record)), expected, record.name);
    assert.equal(graph.get(named(adrTools, '0001-record-architecture-decisions.md')), undefined, 'a record nothing relates to has no entry');
  });

  it('shows a one-sided relation on its target in reverse, and a target that names no record as written (parity fixture)', () => {
    const parity = fixtures('parity/docs/adr');
    const graph = relationGraph(parity);
    const cases: [string, Row[]][] = [
      ['0001-record-architecture-decisions.md', [['amended by', 'parity/docs/adr/0002-use-kafka.md', true]]],
      ['0002-use-kafka.md', [['amends', 'parity/docs/adr/0001-record-architecture-decisions.md', false]]],
      // 0004 states "Supersedes [3. Use PostgreSQL](…)" as a sentence of its Context: a relation too.
      ['0003-use-postgres.md', [['supersedes', '?9. Use MySQL', false], ['superseded by', 'parity/docs/adr/0004-cache-sessions.md', true]]],
      ['0004-cache-sessions.md', [['supersedes', 'parity/docs/adr/0003-use-postgres.md', false]]],
    ];
    for (const [name, expected] of cases) assert.deepEqual(rows(graph.get(named(parity, name))), expected, name);
  });

  it('puts what a record writes first, then what others write in record order, each link once', () => {
    const first = nygard('doc/adr/0001-use-a-queue.md', '1. Use a queue', ['Superseded', '', 'Superseded by [3. Use Pulsar](0003-use-pulsar.md)', '',
      'Amends [ADR-2](ADR-0002)', 'Amends [again](0002-use-kafka.md)', 'Relates to [the web](https://example.com/0002.md)', 'Clarifies [here](#status)', 'Amends [myself](0001-use-a-queue.md)']);
    const second = nygard('doc/adr/0002-use-kafka.md', '2. Use Kafka', ['Accepted', '', 'Amended by [1. Use a queue](0001-use-a-queue.md)', 'Relates to [1](ADR-0001)']);
    const third = nygard('doc/adr/0003-use-pulsar.md', '3. Use Pulsar', ['Accepted', '', 'Supersedes use-a-queue', 'Clarifies [2. Use Kafka](0002-use-kafka.md)', 'Extends [gone](0009-gone.md)']);
    const fourth = nygard('doc/adr/0004-use-nats.md', '4. Use NATS', ['Accepted', '', 'Extends [2. Use Kafka](0002-use-kafka.md)']);
    const graph = relationGraph([fourth, third, second, first]);
    assert.deepEqual(rows(graph.get(first)), [
      ['superseded by', third.name, false],
      ['amends', second.name, false],
      ['amends', first.name, false],
      ['relates to', second.name, true, 'relates to'],
    ]);
    assert.deepEqual(rows(graph.get(second)), [
      ['amended by', first.name, false],
      ['relates to', first.name, false],
      ['clarified by', third.name, true],
      ['extended by', fourth.name, true],
    ]);
    assert.deepEqual(rows(graph.get(third)), [
      ['supersedes', first.name, false],
      ['clarifies', second.name, false],
      ['extends', '?gone', false],
    ]);
    assert.deepEqual(rows(graph.get(fourth)), [['extends', second.name, false]]);
  });

  it('reads adr-tools\' "Supercedes" as supersede, and resolves only within the writer\'s scope', () => {
    const a = nygard('doc/adr/0001-use-a-queue.md', '1. Use a queue', ['Superseded'], 'one:');
    const b = nygard('doc/adr/0002-use-kafka.md', '2. Use Kafka', ['Accepted', '', 'Supercedes [1. Use a queue](0001-use-a-queue.md)'], 'one:');
    const twin = nygard('doc/adr/0001-use-a-queue.md', '1. Use a queue', ['Accepted'], 'two:');
    const lone = nygard('doc/adr/0002-use-nats.md', '2. Use NATS', ['Accepted', '', 'Amends [1. Use a queue](0001-use-a-queue.md)'], 'three:');
    const graph = relationGraph([twin, b, a, lone], h => h.scope);
    assert.deepEqual(rows(graph.get(b)), [['supersedes', a.name, false]]);
    assert.deepEqual(rows(graph.get(a)), [['superseded by', b.name, true]]);
    assert.equal(graph.get(twin), undefined);
    assert.deepEqual(rows(graph.get(lone)), [['amends', '?1. Use a queue', false]]);

    const resolve = relationResolver([twin, b, a, lone], h => h.scope);
    assert.equal(resolve(b, { type: 'supersedes', target: 'ADR-0001' }), a);
    assert.equal(resolve(twin, { type: 'amends', target: '0002-use-kafka.md' }), undefined);
    assert.equal(resolve({ ...b, scope: 'elsewhere' }, { type: 'supersedes', target: 'ADR-0001' }), undefined, 'a record of no known scope');
  });

  it('labels a relation by its type and the other record, or what is written when it names none', () => {
    const [first, dated] = [nygard('doc/adr/0007-use-pulsar.md', '7. Use Pulsar', ['Accepted']), handle('docs/adr/20240101-use-pulsar.md', '# Use Pulsar\n\n- Status: accepted\n')];
    const link = (l: Partial<RelationLink<Handle>>): RelationLink<Handle> => ({ type: 'supersedes', target: undefined, written: '', incoming: false, ...l });
    const cases: [RelationLink<Handle>, string][] = [
      [link({ type: 'superseded by', target: first }), 'superseded by 0007 Use Pulsar'],
      [link({ type: 'amends', target: dated, incoming: true }), 'amends Use Pulsar'],
      [link({ type: 'relates to', target: first, incoming: true, writtenType: 'relates to' }), '"relates to" from 0007 Use Pulsar'],
      [link({ type: 'extends', written: '99. Gone' }), 'extends 99. Gone'],
    ];
    for (const [l, label] of cases) assert.equal(relationLabel(l), label);
  });
});
