/**
 * Proves the Decisions view's filter: how a query reads (words, quoted phrases, `status:`, `tag:`,
 * `kind:` with alternatives, unknown keys as words) and which records it keeps, and the Markdown link
 * Copy Record Link writes (workspace-relative or relative to a file, label and destination escaped).
 */
import * as assert from 'node:assert/strict';
import { isEmptyQuery, matchesQuery, parseRecordQuery } from '../../src/core/recordFilter';
import { markdownRecordLink } from '../../src/core/recordLink';
import { parseRecord } from '../../src/core/record';
import { readWorkspaceFile } from '../support/fixtures';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;
const tagged = parseRecord('docs/decisions/0007-use-pulsar.md', doc('---', 'status: accepted', 'tags: [Messaging, security]', '---', '', '# Use Pulsar', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '* b', '', '## Decision Outcome', '', 'x'))!;
const nygard = (path: string) => parseRecord(path, readWorkspaceFile(path), { folderHint: 'adr' })!;

describe('recordFilter', () => {
  describe('parseRecordQuery', () => {
    const table: [string, ReturnType<typeof parseRecordQuery>][] = [
      ['', { words: [], statuses: [], tags: [], kinds: [] }],
      ['Queue  Kafka', { words: ['queue', 'kafka'], statuses: [], tags: [], kinds: [] }],
      ['"message queue" x', { words: ['message queue', 'x'], statuses: [], tags: [], kinds: [] }],
      ['status:Accepted,proposed tag:#security kind:madr', { words: [], statuses: ['accepted', 'proposed'], tags: ['security'], kinds: ['madr'] }],
      ['tags:a format:nygard', { words: [], statuses: [], tags: ['a'], kinds: ['nygard'] }],
      ['author:ana status:', { words: ['author:ana'], statuses: [], tags: [], kinds: [] }],
      ['tag:"two words"', { words: [], statuses: [], tags: ['two words'], kinds: [] }],
      ['"unclosed phrase', { words: ['unclosed phrase'], statuses: [], tags: [], kinds: [] }],
    ];
    for (const [text, expected] of table) it(JSON.stringify(text), () => assert.deepEqual(parseRecordQuery(text), expected));
    it('knows an empty query', () => {
      assert.equal(isEmptyQuery(parseRecordQuery('  status: ')), true);
      assert.equal(isEmptyQuery(parseRecordQuery('x')), false);
    });
  });

  describe('matchesQuery', () => {
    const first = nygard('adr-tools/doc/adr/0001-record-architecture-decisions.md');
    const table: [string, boolean][] = [
      ['', true], ['pulsar', true], ['PULSAR 0007', true], ['pulsar kafka', false], ['docs/decisions', true],
      ['status:accepted', true], ['status:proposed', false], ['status:proposed,accepted', true],
      ['tag:security', true], ['tag:messaging', true], ['tag:ops', false], ['tag:ops,security', true], ['tag:security status:rejected', false],
      ['kind:madr', true], ['kind:nygard', false],
    ];
    for (const [query, expected] of table) it(`${JSON.stringify(query)} → ${expected}`, () => assert.equal(matchesQuery(tagged, parseRecordQuery(query)), expected));
    it('matches status unknown for a record with no status, and the path given', () => {
      const none = parseRecord('docs/adr/0002-x.md', doc('# 2. X', '', '## Context', '', 'c', '', '## Decision', '', 'd'), { folderHint: 'adr' })!;
      assert.equal(none.status, 'missing');
      assert.equal(matchesQuery(none, parseRecordQuery('status:unknown')), true);
      assert.equal(matchesQuery(none, parseRecordQuery('status:missing')), true);
      assert.equal(matchesQuery(first, parseRecordQuery('status:accepted kind:nygard architecture')), true);
      assert.equal(matchesQuery(first, parseRecordQuery('elsewhere'), 'elsewhere/0001.md'), true);
    });
  });

  describe('markdownRecordLink', () => {
    const table: [string, string, string | undefined, string][] = [
      ['0007 Use Pulsar', 'docs/adr/0007-use-pulsar.md', undefined, '[0007 Use Pulsar](docs/adr/0007-use-pulsar.md)'],
      ['0007 Use Pulsar', 'docs/adr/0007-use-pulsar.md', 'docs/adr/0003-x.md', '[0007 Use Pulsar](0007-use-pulsar.md)'],
      ['0007 Use Pulsar', 'docs/adr/0007-use-pulsar.md', 'README.md', '[0007 Use Pulsar](docs/adr/0007-use-pulsar.md)'],
      ['0001 Y', 'docs/rfcs/0001-y.md', 'docs/adr/0003-x.md', '[0001 Y](../rfcs/0001-y.md)'],
      ['Use [brackets] \\ here', 'a b/c(d).md', undefined, '[Use \\[brackets\\] \\\\ here](a%20b/c%28d%29.md)'],
      ['x', 'docs/100%#?.md', undefined, '[x](docs/100%25%23%3F.md)'],
    ];
    for (const [label, target, from, expected] of table) it(`${target} from ${from} → ${expected}`, () => assert.equal(markdownRecordLink(label, target, from), expected));
  });
});
