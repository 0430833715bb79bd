/**
 * Decision references in Markdown (src/core/references.ts): which identifiers and links count, where
 * they are, the records each names, and the scans' linear time on hostile lines.
 */
import * as assert from 'node:assert/strict';
import type { WorkspaceRecord } from '../../src/core/lint/types';
import { WorkspaceSnapshot } from '../../src/core/lint/workspace';
import { parseRecord } from '../../src/core/record';
import { decisionMakers, decisionSentence } from '../../src/core/recordSummary';
import { ADR_SCHEME, RFC_SCHEME, codeSpans, findReferences, identifierBeforeCursor, linkDestinationBeforeCursor, recordIdentifier, referenceAt, referenceSchemes, resolveReference, type IdScheme, type Reference } from '../../src/core/references';
import { growth } from '../support/growth';

const adr = (path: string, title: string, status = 'Accepted'): WorkspaceRecord => {
  const number = Number(/(\d+)-[^/]*$/.exec(path)?.[1]);
  const record = parseRecord(path, `# ${number}. ${title}\n\nDate: 2024-01-0${(number % 9) + 1}\n\n## Status\n\n${status}\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n`, { folderHint: 'adr' });
  assert.ok(record, path);
  return { path, record };
};
const rfc = (path: string, title: string): WorkspaceRecord => {
  const record = parseRecord(path, `# RFC: ${title}\n\n## Summary\n\nS.\n`, { folderHint: 'rfc' });
  assert.ok(record, path);
  return { path, record };
};

/** What each reference reads as: its text, its 0-based start, and its target in short. */
const shown = (refs: readonly Reference[]) => refs.map(r => [r.text, r.range.start.line, r.range.start.character,
  r.target.type === 'id' ? `${r.target.scheme.prefix}#${r.target.number}${r.target.qualifier ? `@${r.target.qualifier}` : ''}` : `${r.target.path}${r.target.fragment ? `#${r.target.fragment}` : ''}`]);

const ADR_ONLY = [ADR_SCHEME];

describe('findReferences', () => {
  it('reads every spelling of an ADR identifier, any case, and no look-alike', () => {
    const text = 'See ADR-0005, ADR-5 and ADR 5; also adr-0005 (ADR 0005).\nNot: ADR-, ADRs 5, XADR-5, ADR-5x, ADR--5, ADR-1234567890, ADR5a, adr_5.';
    assert.deepEqual(shown(findReferences(text, ADR_ONLY, 'docs/x.md')), [
      ['ADR-0005', 0, 4, 'ADR#5'], ['ADR-5', 0, 14, 'ADR#5'], ['ADR 5', 0, 24, 'ADR#5'], ['adr-0005', 0, 36, 'ADR#5'], ['ADR 0005', 0, 46, 'ADR#5'],
    ]);
  });

  it('reads a folder qualifier, and no URL as one', () => {
    const text = 'payments/ADR-0003 and services/billing/ADR-2, not https://example.com/ADR-4';
    assert.deepEqual(shown(findReferences(text, ADR_ONLY, 'x.md')), [
      ['payments/ADR-0003', 0, 0, 'ADR#3@payments'], ['services/billing/ADR-2', 0, 22, 'ADR#2@services/billing'],
    ]);
  });

  it('reads RFC identifiers and a project kind\'s prefix only when their schemes are given', () => {
    const kep: IdScheme = { prefix: 'KEP-', separated: false, family: { kind: 'kep' } };
    const text = 'RFC-0001, RFC 7231 and KEP-12 (KEP 12 is not one)';
    assert.deepEqual(shown(findReferences(text, ADR_ONLY, 'x.md')), []);
    assert.deepEqual(shown(findReferences(text, [ADR_SCHEME, RFC_SCHEME, kep], 'x.md')), [
      ['RFC-0001', 0, 0, 'RFC#1'], ['RFC 7231', 0, 10, 'RFC#7231'], ['KEP-12', 0, 23, 'KEP-#12'],
    ]);
  });

  it('reads links to Markdown files, relative and workspace-absolute, with a heading; not URLs or other files', () => {
    const text = [
      'See [the first](0001-first.md), [second](../adr/0002-second.md#status "title") and [abs](/docs/adr/0003-third.md).',
      '[web](https://example.com/0004.md) [img](pic.png) [up](../../../../x.md) [ADR-0005](<0005 five.md>)',
      '[ref]: ./0006-six.md',
    ].join('\n');
    assert.deepEqual(shown(findReferences(text, ADR_ONLY, 'docs/adr/0009-nine.md')), [
      ['[the first](0001-first.md)', 0, 4, 'docs/adr/0001-first.md'],
      ['[second](../adr/0002-second.md#status "title")', 0, 32, 'docs/adr/0002-second.md#status'],
      ['[abs](/docs/adr/0003-third.md)', 0, 83, 'docs/adr/0003-third.md'],
      ['[ADR-0005](<0005 five.md>)', 1, 73, 'docs/adr/0005 five.md'],
      ['[ref]: ./0006-six.md', 2, 0, 'docs/adr/0006-six.md'],
    ]);
  });

  it('skips code spans and fenced code blocks', () => {
    const text = 'Real ADR-1, `ADR-2`, ``x ` ADR-3``, ` unclosed ADR-4\n\n```\nADR-5 [x](0005-x.md)\n```\n~~~md\nADR-6\n~~~\nADR-7';
    assert.deepEqual(shown(findReferences(text, ADR_ONLY, 'x.md')).map(r => r[0]), ['ADR-1', 'ADR-4', 'ADR-7']);
  });

  it('codeSpans pairs runs of the same length only', () => {
    assert.deepEqual(codeSpans('a `b` ``c`d`` ``` e'), [[2, 5], [6, 13]]);
  });

  it('referenceAt finds the reference under the cursor, its end included', () => {
    const refs = findReferences('x ADR-5 y', ADR_ONLY, 'x.md');
    assert.equal(referenceAt(refs, 0, 2)?.text, 'ADR-5');
    assert.equal(referenceAt(refs, 0, 7)?.text, 'ADR-5');
    assert.equal(referenceAt(refs, 0, 8), undefined);
    assert.equal(referenceAt(refs, 1, 3), undefined);
  });
});

describe('resolveReference', () => {
  const records = [
    adr('docs/adr/0003-use-kafka.md', 'Use Kafka'), adr('payments/docs/adr/0003-use-stripe.md', 'Use Stripe'),
    adr('docs/adr/0005-use-postgres.md', 'Use Postgres'), rfc('docs/rfcs/0005-new-api.md', 'New API'),
  ];
  const snapshot = new WorkspaceSnapshot({ records });
  const schemes = referenceSchemes(records);
  const names = (text: string, from = 'README.md') => findReferences(text, schemes, from).map(r => resolveReference(r, snapshot, schemes).map(w => w.path));

  it('an unqualified identifier names every candidate; a qualified one, those of its folder', () => {
    assert.deepEqual(names('ADR-3'), [['docs/adr/0003-use-kafka.md', 'payments/docs/adr/0003-use-stripe.md']]);
    assert.deepEqual(names('payments/ADR-3 payments/docs/adr/ADR-3'), [['payments/docs/adr/0003-use-stripe.md'], ['payments/docs/adr/0003-use-stripe.md']]);
    assert.deepEqual(names('billing/ADR-3 ADR-9'), [[], []]);
  });

  it('ADR and RFC identifiers name records of their family only', () => {
    assert.deepEqual(names('ADR-5 RFC-5'), [['docs/adr/0005-use-postgres.md'], ['docs/rfcs/0005-new-api.md']]);
    assert.deepEqual(referenceSchemes(records.slice(0, 3)), [ADR_SCHEME]);
  });

  it('a link names the record at its path, or none', () => {
    assert.deepEqual(names('[x](0005-use-postgres.md#status) [y](0006-none.md)', 'docs/adr/0001-a.md'), [['docs/adr/0005-use-postgres.md'], []]);
  });

  it('recordIdentifier writes the id users cite', () => {
    assert.deepEqual(records.map(r => recordIdentifier(r.record, schemes)), ['ADR-0003', 'ADR-0003', 'ADR-0005', 'RFC-0005']);
    const kep: IdScheme = { prefix: 'KEP-', separated: false, family: { kind: 'kep' } };
    assert.equal(recordIdentifier({ ...records[0].record, kind: 'kep', number: 12 }, [ADR_SCHEME, kep]), 'KEP-12');
  });
});

describe('what is being typed before the cursor', () => {
  const kep: IdScheme = { prefix: 'KEP-', separated: false, family: { kind: 'kep' } };
  const schemes = [ADR_SCHEME, RFC_SCHEME, kep];
  it('identifierBeforeCursor: a prefix, its separator and digits, after a boundary', () => {
    const typed = (prefix: string) => { const t = identifierBeforeCursor(prefix, schemes); return t && [t.start, t.scheme.prefix, t.typed]; };
    assert.deepEqual(typed('See ADR-'), [4, 'ADR', 'ADR-']);
    assert.deepEqual(typed('See adr 00'), [4, 'ADR', 'adr 00']);
    assert.deepEqual(typed('(RFC-1'), [1, 'RFC', 'RFC-1']);
    assert.deepEqual(typed('KEP-12'), [0, 'KEP-', 'KEP-12']);
    for (const none of ['ADR', 'XADR-', 'ADR5', 'x.ADR-', 'KEP', 'ADR-1234567890', '']) assert.equal(typed(none), undefined, none);
  });

  it('linkDestinationBeforeCursor: inside `[…](` with no space or parenthesis since', () => {
    assert.equal(linkDestinationBeforeCursor('See [x]('), 8);
    assert.equal(linkDestinationBeforeCursor('See [x](../ad'), 8);
    for (const none of ['See (x', '[x](a b', '[x](a)', 'plain', '']) assert.equal(linkDestinationBeforeCursor(none), undefined, none);
  });
});

describe('recordSummary', () => {
  const madr = (front: string, decision: string) => {
    const text = `---\n${front}\n---\n# Use Pulsar\n\n## Context and Problem Statement\n\nC.\n\n## Decision Outcome\n\n${decision}\n\n### Consequences\n\nX.\n`;
    const record = parseRecord('docs/adr/0002-use-pulsar.md', text);
    assert.ok(record);
    return { record, text };
  };

  it('decisionMakers reads decision-makers or deciders, a list or a string', () => {
    assert.equal(decisionMakers(madr('status: accepted\ndecision-makers: [Ann, Bo]', 'D.').record), 'Ann, Bo');
    assert.equal(decisionMakers(madr('status: accepted\ndeciders: Ann and Bo', 'D.').record), 'Ann and Bo');
    assert.equal(decisionMakers(madr('status: accepted', 'D.').record), undefined);
  });

  it('decisionSentence: the first sentence of the decision\'s first paragraph', () => {
    const sentence = (decision: string) => { const { record, text } = madr('status: accepted', decision); return decisionSentence(record, text); };
    assert.equal(sentence('Chosen option: "Pulsar", because it scales. More text.'), 'Chosen option: "Pulsar", because it scales.');
    assert.equal(sentence('<!-- note -->\nWe use\nPulsar e.g.for events'), 'We use Pulsar e.g.for events');
    assert.equal(sentence('x'.repeat(400))?.length, 300);
  });
});

describe('findReferences on hostile input: linear time (same code at two sizes, best of 3)', function () {
  this.timeout(120_000);
  const LINEAR = 8; // linear gives about 4, quadratic about 16
  const kep: IdScheme = { prefix: 'KEP-', separated: false, family: { kind: 'kep' } };
  const schemes = [ADR_SCHEME, RFC_SCHEME, kep];
  // Lines up to 96,000 characters (longer ones are not scanned): `indexOf` is fast enough that a
  // quadratic scan shows only on long lines.
  const cases: [string, (n: number) => string][] = [
    ['unclosed link openings `[](<`', n => '[](<'.repeat(n * 1.5)],
    ['unclosed titles `[](x "`', n => '[](x "'.repeat(n)],
    ['brackets that never close', n => '['.repeat(n) + ']('.repeat(n)],
    ['backtick runs of every length', n => Array.from({ length: Math.sqrt(n) | 0 }, (_, i) => '`'.repeat(i + 1)).join('a')],
    ['qualifiers without identifiers', n => 'a/b/c/'.repeat(n) + 'ADR-1'],
    ['identifier look-alikes', n => ' ADR-1x ADR 9999999999 adr-'.repeat(n)],
    ['identifiers', n => ' x/ADR-0001 RFC 2 KEP-3'.repeat(n)],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const ratio = await growth(make, text => findReferences(text, schemes, 'docs/x.md'), 4_000, 16_000);
      assert.ok(ratio < LINEAR, `4× the input took ${ratio.toFixed(1)}× the time`);
    });
  }
});
