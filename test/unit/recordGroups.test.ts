/**
 * How a decision log is listed, in plain Node: record and kind labels, the order of records, and the
 * groups by status, folder and kind with their order, on records of the fixture workspace.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_STATUSES, ParseOptions, parseRecord } from '../../src/core/record';
import { GROUP_BY, KIND_ORDER, compareRecords, groupRecords, kindLabel, recordLabel, type RecordHandle } from '../../src/core/recordGroups';
import { readWorkspaceFile } from '../support/fixtures';

/** A host's handle as the editor has one: the record and something of its own (here, a name). */
interface Handle extends RecordHandle {
  readonly name: string;
}

const fixture = (path: string): Handle => ({ name: path, record: parseRecord(path, readWorkspaceFile(path))! });
const written = (path: string, text: string, options?: ParseOptions): Handle => ({ name: path, record: parseRecord(path, text, options)! });
const names = (handles: readonly Handle[]) => handles.map(h => h.name);

const helpComments = fixture('adr-tools/doc/adr/0005-help-comments.md');
const helpScripts = fixture('adr-tools/doc/adr/0009-help-scripts.md');
const byNumber = fixture('log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md');
const bySlug = fixture('log4brains/docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md');
const ownTools = fixture('madr/docs/decisions/0003-provide-own-madr-tools.md');
const privateFields = fixture('rust-rfcs/text/0001-private-fields.md');
const kafka = fixture('parity/docs/adr/0002-use-kafka.md');
const nats = fixture('parity/docs/adr/0002-use-nats.md');
const featureFlags = fixture('parity/docs/adr/use-feature-flags.md');

describe('record groups', () => {
  it('labels a numbered record by id and title, a dated or unnumbered one by its title', () => {
    const cases: [Handle, string][] = [
      [helpComments, '0005 Help comments'],
      [privateFields, '0001 private fields'],
      [ownTools, '0003 Write Own MADR Tooling'],
      [byNumber, 'Use the ADR number as its unique ID'],
      [featureFlags, 'Use feature flags for risky rollouts'],
    ];
    for (const [handle, label] of cases) assert.equal(recordLabel(handle), label, handle.name);
  });

  it('names the built-in kinds as people say them and a project kind by its id, whatever the id', () => {
    const cases: [string, string][] = [
      ['nygard', 'Nygard (adr-tools)'], ['madr', 'MADR'], ['log4brains', 'log4brains'], ['rfc', 'RFC'], ['rust-rfc', 'Rust RFC'],
      ['security-review', 'security-review'], ['constructor', 'constructor'], ['toString', 'toString'], ['__proto__', '__proto__'],
    ];
    for (const [kind, label] of cases) assert.equal(kindLabel(kind), label, kind);
    assert.deepEqual(KIND_ORDER.map(kindLabel), ['Nygard (adr-tools)', 'MADR', 'log4brains', 'RFC', 'Rust RFC']);
  });

  it('orders records by number, then date, then title, then path', () => {
    const undated = (path: string, title: string) => written(path, `# ${title}\n\n## Status\n\nAccepted\n`);
    const cases: [string, Handle, Handle][] = [
      ['number before date', helpComments, helpScripts],
      ['numbered before unnumbered', privateFields, byNumber],
      ['same number: earlier date first', kafka, nats],
      ['no number: earlier date first', byNumber, bySlug],
      ['no number, no date before a date', featureFlags, byNumber],
      ['same number and date: by title', undated('b/0001-zebra.md', 'Alpha'), undated('a/0001-apple.md', 'Beta')],
      ['all equal but the path', undated('a/0001-x.md', 'Same'), undated('b/0001-x.md', 'Same')],
    ];
    for (const [why, first, second] of cases) {
      assert.ok(compareRecords(first, second) < 0, why);
      assert.ok(compareRecords(second, first) > 0, why);
      assert.equal(compareRecords(first, first), 0, why);
    }
  });

  it('groups by status, folder and kind, groups and their records in order', () => {
    const onHold = written('parity/docs/decisions/0007-pause.md', '---\nstatus: on hold\n---\n# Pause the rollout\n', { statuses: [...DEFAULT_STATUSES, 'on hold'] });
    const security = { name: 'security', record: { ...written('reviews/0001-keys.md', '# 1. Rotate keys\n\n## Status\n\nUnder review\n\n## Context\n\nKeys leak.\n').record, kind: 'security-review' } };
    const all = [bySlug, security, helpScripts, privateFields, nats, byNumber, ownTools, helpComments, kafka, featureFlags, onHold];
    const table = (by: (typeof GROUP_BY)[number]) => groupRecords(all, by).map(g => [g.key, names(g.records)]);

    assert.deepEqual(table('status'), [
      ['proposed', [nats.name]],
      ['accepted', [kafka.name, helpComments.name, helpScripts.name, featureFlags.name, bySlug.name]],
      ['superseded', [byNumber.name]],
      ['on hold', [onHold.name]],
      ['unknown', [security.name, privateFields.name, ownTools.name]],
    ]);
    assert.deepEqual(table('folder'), [
      ['adr-tools/doc/adr', [helpComments.name, helpScripts.name]],
      ['log4brains/docs/adr', [byNumber.name, bySlug.name]],
      ['madr/docs/decisions', [ownTools.name]],
      ['parity/docs/adr', [kafka.name, nats.name, featureFlags.name]],
      ['parity/docs/decisions', [onHold.name]],
      ['reviews', [security.name]],
      ['rust-rfcs/text', [privateFields.name]],
    ]);
    assert.deepEqual(table('kind'), [
      ['nygard', [kafka.name, nats.name, helpComments.name, helpScripts.name, featureFlags.name]],
      ['madr', [ownTools.name, onHold.name]],
      ['log4brains', [byNumber.name, bySlug.name]],
      ['rust-rfc', [privateFields.name]],
      ['security-review', [security.name]],
    ]);
  });

  it('gives no group for no records, and never reorders the records it is given', () => {
    for (const by of GROUP_BY) assert.deepEqual(groupRecords([], by), []);
    const given = [helpScripts, helpComments];
    groupRecords(given, 'status');
    assert.deepEqual(names(given), [helpScripts.name, helpComments.name]);
  });
});
