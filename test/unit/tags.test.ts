/**
 * Proves that a record's tags are read as the formats write them: MADR/RFC front matter `tags` as a
 * YAML list or a comma/space separated string, log4brains' `- Tags:` bullet (space and/or comma
 * separated, its HTML comment dropped), both together, and nothing where no tags are written.
 */
import * as assert from 'node:assert/strict';
import { parseRecord } from '../../src/core/record';
import { readTags, splitTags } from '../../src/core/tags';
import { readWorkspaceFile } from '../support/fixtures';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;
const tagsOf = (path: string, text: string) => parseRecord(path, text, { folderHint: 'adr' })?.tags;

const madr = (tags: string) => doc('---', 'status: accepted', 'date: 2024-01-05', tags, '---', '', '# Use Kafka', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* Kafka', '* Pulsar', '', '## Decision Outcome', '', 'Chosen option: "Kafka"');
const log4brains = (bullet: string) => doc('# Use Kafka', '', '- Status: accepted', '- Date: 2024-01-05', bullet, '', '## Context and Problem Statement', '', 'c');

describe('tags', () => {
  describe('splitTags', () => {
    const table: [string, string[]][] = [
      ['security', ['security']],
      ['security, performance', ['security', 'performance']],
      ['security performance', ['security', 'performance']],
      ['security,performance  ops', ['security', 'performance', 'ops']],
      ['[security, ops]', ['security', 'ops']],
      ['#security #ops', ['security', 'ops']],
      ['"quoted", \'single\'', ['quoted', 'single']],
      ['  ', []],
      [',,', []],
    ];
    for (const [text, expected] of table) it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(splitTags(text), expected));
  });

  describe('readTags', () => {
    it('keeps list items whole, numbers as text, and ignores other values', () => {
      assert.deepEqual(readTags(['security', 2024, { nested: true }, null, 'data store'], undefined), ['security', '2024', 'data store']);
      assert.deepEqual(readTags({ a: 1 }, undefined), []);
      assert.deepEqual(readTags(true, undefined), []);
      assert.deepEqual(readTags(undefined, undefined), []);
    });
    it('puts front matter tags first and drops duplicates compared without case', () => {
      assert.deepEqual(readTags(['Security', 'ops', ' '], 'security, cost'), ['Security', 'ops', 'cost']);
    });
  });

  describe('parseRecord', () => {
    it('reads MADR front matter tags as a YAML list', () => {
      assert.deepEqual(tagsOf('docs/decisions/0001-use-kafka.md', madr('tags:\n  - messaging\n  - security')), ['messaging', 'security']);
      assert.deepEqual(tagsOf('docs/decisions/0001-use-kafka.md', madr('tags: [messaging, security]')), ['messaging', 'security']);
    });
    it('reads MADR front matter tags as a comma or space separated string', () => {
      assert.deepEqual(tagsOf('docs/decisions/0001-use-kafka.md', madr('tags: messaging, security')), ['messaging', 'security']);
      assert.deepEqual(tagsOf('docs/decisions/0001-use-kafka.md', madr('tags: messaging security')), ['messaging', 'security']);
    });
    it('reads the key without case', () => {
      assert.deepEqual(tagsOf('docs/decisions/0001-use-kafka.md', madr('Tags: ops')), ['ops']);
    });
    it("reads an RFC's front matter tags", () => {
      const rfc = doc('---', 'tags: [api, security]', '---', '', '# Rate limits', '', '## Summary', '', 's', '', '## Motivation', '', 'm');
      assert.deepEqual(parseRecord('docs/rfcs/0001-rate-limits.md', rfc, { folderHint: 'rfc' })?.tags, ['api', 'security']);
    });
    it("reads log4brains' Tags bullet, space and/or comma separated, without its comment", () => {
      assert.deepEqual(tagsOf('docs/adr/20240105-use-kafka.md', log4brains('- Tags: messaging security')), ['messaging', 'security']);
      assert.deepEqual(tagsOf('docs/adr/20240105-use-kafka.md', log4brains('- Tags: messaging, security,ops <!-- optional -->')), ['messaging', 'security', 'ops']);
      assert.equal(parseRecord('docs/adr/20240105-use-kafka.md', log4brains('- Tags: messaging'))?.kind, 'log4brains');
    });
    it('reads a Tags bullet only among the metadata bullets, not in a section', () => {
      const text = doc('# Use Kafka', '', '- Status: accepted', '', '## Context and Problem Statement', '', '- Tags: not-metadata');
      assert.deepEqual(tagsOf('docs/adr/20240105-use-kafka.md', text), []);
    });
    it('has no tags where none are written (the fixture records)', () => {
      for (const path of ['log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md', 'madr/docs/decisions/0013-use-yaml-front-matter-for-meta-data.md', 'adr-tools/doc/adr/0001-record-architecture-decisions.md']) {
        assert.deepEqual(parseRecord(path, readWorkspaceFile(path), { folderHint: 'adr' })?.tags, [], path);
      }
    });
  });
});
