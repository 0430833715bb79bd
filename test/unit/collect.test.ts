import * as assert from 'node:assert/strict';
import { collectRecords } from '../../src/core/collect';
import { lintRecord } from '../../src/core/lint';
import { InMemoryWorkspace } from '../../src/core/workspace';

const nygard = (n: number, title: string, extra = '') =>
  `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n${extra}\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;

describe('collectRecords: what a run reads, from any working directory', () => {
  const ws = new InMemoryWorkspace({
    '/home/me/repo/.git/HEAD': 'ref: refs/heads/main\n',
    '/home/me/repo/docs/decisions/0001-use-kafka.md': nygard(1, 'Use Kafka'),
    '/home/me/repo/docs/decisions/0002-use-pulsar.md': nygard(2, 'Use Pulsar', '\nAmends [1. Use Kafka](0001-use-kafka.md)\n'),
    '/home/me/repo/docs/decisions/0002-use-nats.md': nygard(2, 'Use NATS', '\nSee [the RFC](../rfcs/0009-streams.md)\n'),
    '/home/me/repo/docs/decisions/use-postgres.md': nygard(3, 'Use Postgres'),
    '/home/me/repo/docs/rfcs/0009-streams.md': '# Streams\n\nA stub.\n',
    '/home/me/repo/docs/decisions/README.md': '# Decisions\n',
  });
  const codes = async (target: string) => {
    const c = await collectRecords(ws, [target]);
    return c.records.flatMap(r => lintRecord(r.record, r.text, { workspace: c.snapshot(r) })
      .filter(f => ['SF015', 'SF016', 'SF017'].includes(f.code)).map(f => `${r.record.path} ${f.code}`)).sort();
  };

  it('reads relative to the project root, whatever folder it was given', async () => {
    const c = await collectRecords(ws, ['/home/me/repo/docs/decisions']);
    assert.deepEqual(c.records.map(r => r.record.path), [
      'docs/decisions/0001-use-kafka.md', 'docs/decisions/0002-use-nats.md', 'docs/decisions/0002-use-pulsar.md', 'docs/decisions/use-postgres.md',
    ], 'an unnumbered record in the decisions folder is a record; README is not');
    assert.deepEqual([...c.projects.keys()], ['/home/me/repo']);
  });

  it('finds the same cross-record problems from the folder as from the root, and no broken link to a file outside it', async () => {
    const expected = ['docs/decisions/0001-use-kafka.md SF017', 'docs/decisions/0002-use-nats.md SF015', 'docs/decisions/0002-use-pulsar.md SF015'];
    assert.deepEqual(await codes('/home/me/repo/docs/decisions'), expected);
    assert.deepEqual(await codes('/home/me/repo'), expected);
  });

  it('lints one file against its folder: the duplicate number is still seen', async () => {
    assert.deepEqual(await codes('/home/me/repo/docs/decisions/0002-use-nats.md'), ['docs/decisions/0002-use-nats.md SF015']);
  });
});
