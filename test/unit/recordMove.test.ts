/**
 * Links that follow a record's move (src/core/recordMove.ts): a rename in its folder, a move to
 * another folder, the file that moves writing its own links again, and what is left as written; and
 * the labels of links that name a renumbered record's number (`renumberedLabelEdits`).
 */
import * as assert from 'node:assert/strict';
import { applyTextEdits as applyEdits } from '../../src/core/text';
import { findCodeReferences, findReferences, ADR_SCHEME } from '../../src/core/references';
import { COMMENT_SYNTAX } from '../../src/core/codeComments';
import { movedLinkEdits, renumberedLabelEdits } from '../../src/core/recordMove';
import { renumberedTitle } from '../../src/core/lifecycle';
import { parseRecord } from '../../src/core/record';

/** The text of the file at `path` after the moves, by the edits of `movedLinkEdits`. */
function moved(text: string, path: string, moves: Record<string, string>): string {
  const edits = movedLinkEdits(findReferences(text, [ADR_SCHEME], path), path, new Map(Object.entries(moves)));
  return applyEdits(text, edits);
}

describe('movedLinkEdits (links that follow a moved record)', () => {
  const rename = { 'docs/adr/0005-use-kafka.md': 'docs/adr/0007-use-kafka.md' };

  it('points a relative link to the new name, keeping its label, fragment and title', () => {
    const text = 'See [ADR 5](0005-use-kafka.md#decision "why") and [the same](./0005-use-kafka.md).\n';
    assert.equal(moved(text, 'docs/adr/0002-x.md', rename), 'See [ADR 5](0007-use-kafka.md#decision "why") and [the same](0007-use-kafka.md).\n');
  });

  it('writes a link from another folder relative to it, and a workspace-absolute one absolute', () => {
    const text = '[Kafka](../adr/0005-use-kafka.md)\n\n[Kafka](/docs/adr/0005-use-kafka.md#context)\n\n[k]: <../adr/0005-use-kafka.md>\n';
    assert.equal(moved(text, 'docs/design/streams.md', rename), '[Kafka](../adr/0007-use-kafka.md)\n\n[Kafka](/docs/adr/0007-use-kafka.md#context)\n\n[k]: <../adr/0007-use-kafka.md>\n');
  });

  it('writes the links of a file that moves to another folder from its new folder, its self-link too', () => {
    const text = '[Old](0001-old.md), [me](0005-use-kafka.md#top), [web](https://example.com/a.md), [abs](/docs/adr/0001-old.md)\n';
    const out = moved(text, 'docs/adr/0005-use-kafka.md', { 'docs/adr/0005-use-kafka.md': 'docs/decisions/streams/0005-use-kafka.md' });
    assert.equal(out, '[Old](../../adr/0001-old.md), [me](0005-use-kafka.md#top), [web](https://example.com/a.md), [abs](/docs/adr/0001-old.md)\n');
  });

  it('leaves the links of a file renamed in its folder, and links to other files, as written', () => {
    const text = '[Old](0001-old.md) and [Other](../rfcs/0001-x.md)\n';
    assert.deepEqual(movedLinkEdits(findReferences(text, [ADR_SCHEME], 'docs/adr/0005-use-kafka.md'), 'docs/adr/0005-use-kafka.md', new Map(Object.entries(rename))), []);
  });

  it('percent-encodes a new name that needs it', () => {
    const text = '[K](0005-use-kafka.md)\n';
    assert.equal(moved(text, 'docs/adr/0002-x.md', { 'docs/adr/0005-use-kafka.md': 'docs/adr/0005 use (kafka).md' }), '[K](0005%20use%20%28kafka%29.md)\n');
  });

  it('skips links in code blocks and code spans, as the reference scan does', () => {
    const text = '```\n[K](0005-use-kafka.md)\n```\n\n`[K](0005-use-kafka.md)`\n';
    assert.equal(moved(text, 'docs/adr/0002-x.md', rename), text);
  });

  it('follows links in source comments at their place in the source', () => {
    const text = 'const x = 1; // see [ADR-0005](../docs/adr/0005-use-kafka.md)\n';
    const references = findCodeReferences(text, COMMENT_SYNTAX.typescript, [ADR_SCHEME], 'src/x.ts');
    const edits = movedLinkEdits(references, 'src/x.ts', new Map(Object.entries(rename)));
    assert.equal(applyEdits(text, edits), 'const x = 1; // see [ADR-0005](../docs/adr/0007-use-kafka.md)\n');
  });
});

describe('renumberedLabelEdits (labels that follow a renumbered record)', () => {
  const TARGET = 'docs/adr/0005-use-kafka.md';
  /** The text after renumbering 5 → `after` in the labels of its links to the record. */
  const relabelled = (text: string, path: string, after = 7, references = findReferences(text, [ADR_SCHEME], path)) =>
    applyEdits(text, references.filter(r => r.target.type === 'link' && r.target.path === TARGET)
      .flatMap(r => renumberedLabelEdits(r, ADR_SCHEME, [ADR_SCHEME], path, 5, after)));

  it('renumbers identifiers and adr-tools\' title prefix naming the old number, padding and qualifier kept', () => {
    const text = 'See [ADR-0005](0005-use-kafka.md), [adr 5](0005-use-kafka.md#status), [5. Use Kafka](0005-use-kafka.md) and [docs/ADR-005](0005-use-kafka.md).\n';
    assert.equal(relabelled(text, 'docs/adr/0002-x.md', 12), 'See [ADR-0012](0005-use-kafka.md), [adr 12](0005-use-kafka.md#status), [12. Use Kafka](0005-use-kafka.md) and [docs/ADR-012](0005-use-kafka.md).\n');
  });

  it('keeps a zero-padded title prefix as wide as written, in a label and in the record\'s title', () => {
    assert.equal(relabelled('[0005. Use Kafka](0005-use-kafka.md)\n', 'docs/adr/0002-x.md', 12), '[0012. Use Kafka](0005-use-kafka.md)\n');
    const record = parseRecord(TARGET, '# 0005. Use Kafka\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n');
    const padded = record && renumberedTitle(record, 12);
    assert.ok(padded);
    assert.equal(padded.newText, '0012');
    const plain = parseRecord(TARGET, '# 5. Use Kafka\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n');
    assert.equal(plain && renumberedTitle(plain, 12)?.newText, '12', 'adr-tools\' unpadded title stays unpadded');
  });

  it('leaves a label naming another number, other text, another record\'s link and a definition\'s key as written', () => {
    const text = '[ADR-0004](0005-use-kafka.md) [Kafka 5](0005-use-kafka.md) [ADR-0005](0006-other.md) [`ADR-0005`](0005-use-kafka.md)\n\n[ADR-0005]: 0005-use-kafka.md\n';
    assert.equal(relabelled(text, 'docs/adr/0002-x.md'), text);
    const elsewhere = '[billing/ADR-0005](0005-use-kafka.md) and [`[` ADR-0005](0005-use-kafka.md "a](b")\n';
    assert.equal(relabelled(elsewhere, 'docs/adr/0002-x.md'), elsewhere, 'another folder\'s identifier; a label read otherwise by the bracket count');
    assert.equal(relabelled('[adr/ADR-0005](0005-use-kafka.md)\n', 'docs/adr/0002-x.md'), '[adr/ADR-0007](0005-use-kafka.md)\n', 'its own folder\'s qualifier');
  });

  it('works on a link in a source comment, at its place in the source', () => {
    const text = 'const x = 1; // see [ADR-0005](../docs/adr/0005-use-kafka.md)\n';
    const references = findCodeReferences(text, COMMENT_SYNTAX.typescript, [ADR_SCHEME], 'src/x.ts');
    assert.equal(relabelled(text, 'src/x.ts', 7, references), 'const x = 1; // see [ADR-0007](../docs/adr/0005-use-kafka.md)\n');
  });
});
