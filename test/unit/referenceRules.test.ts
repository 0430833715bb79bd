/**
 * The lint rules on decision references: SF016's plain identifiers (ADR, qualified, RFC only with
 * RFCs, several candidates no finding), SF023 reference-to-superseded with its successor fix, SF024
 * broken-heading-link, SF025 link-label-mismatch; each fires with its range and message, stays silent
 * on the close case, and its quick fix gives the expected text. Their time per record across workspace
 * sizes is crossRecord.test.ts's (the generated workspace holds references of each kind). And the
 * renumbering of an identifier's digits (Renumber Record, F2).
 */
import * as assert from 'node:assert/strict';
import { Finding, LintOptions, lintText } from '../../src/core/lint';
import { linkParts, successorChain } from '../../src/core/lint/recordReferences';
import type { WorkspaceRecord } from '../../src/core/lint/types';
import { WorkspaceSnapshot } from '../../src/core/lint/workspace';
import { parseRecord } from '../../src/core/record';
import { ADR_SCHEME, findReferences, renumberedIdentifier } from '../../src/core/references';
import { applyEdits } from '../support/textEdits';
import { generatedRecords } from '../support/generatedWorkspace';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;
/** A Nygard record: number and title in the heading, a status, a context of the given lines. */
const nygard = (number: number, title: string, status: string[], context: string[] = ['C.']) =>
  doc(`# ${number}. ${title}`, '', 'Date: 2024-01-01', '', '## Status', '', ...status, '', '## Context', '', ...context, '', '## Decision', '', 'D.', '', '## Consequences', '', 'E.');
type File = [path: string, text: string];
const records = (...files: File[]): WorkspaceRecord[] => files.map(([path, text]) => {
  const record = parseRecord(path, text);
  assert.ok(record, path);
  return { path, record };
});
const lint = (file: File, code: string, others: File[], options: LintOptions = {}) =>
  lintText(file[0], file[1], { ...options, workspace: new WorkspaceSnapshot({ records: records(file, ...others) }) }).filter(f => f.code === code);
const rows = (found: readonly Finding[]) => found.map(f => [f.range.start.line, f.range.start.character, f.range.end.character, f.message]);
const fixed = (file: File, found: readonly Finding[]) => {
  assert.equal(found.length, 1);
  assert.ok(found[0].fix);
  return { title: found[0].fix.title, text: applyEdits(file[1], found[0].fix.edits) };
};

const ONE: File = ['doc/adr/0001-use-a-queue.md', nygard(1, 'Use a queue', ['Superseded by [2. Use Kafka](0002-use-kafka.md)'])];
const TWO: File = ['doc/adr/0002-use-kafka.md', nygard(2, 'Use Kafka', ['Accepted', '', 'Supersedes [1. Use a queue](0001-use-a-queue.md)'])];
const citing = (...context: string[]): File => ['doc/adr/0003-use-avro.md', nygard(3, 'Use Avro', ['Accepted'], context)];

describe('SF016 plain identifiers', () => {
  it('reports an ADR identifier that names no record, in any spelling, and not in code', () => {
    const file = citing('See ADR-0002, ADR 42 and adr-0042.', '', '`ADR-0077` in code, and [ADR-0099 label](0002-use-kafka.md).', '', '```', 'ADR-0088', '```');
    assert.deepEqual(rows(lint(file, 'SF016', [ONE, TWO])), [
      [10, 14, 20, 'No record is "ADR 42": it was renumbered, removed or never merged.'],
      [10, 25, 33, 'No record is "adr-0042": it was renumbered, removed or never merged.'],
    ]);
  });

  it('a qualified identifier is checked in the folders matching it; an unqualified one with several candidates is fine', () => {
    const pay: File = ['services/payments/docs/adr/0003-use-stripe.md', nygard(3, 'Use Stripe', ['Accepted'])];
    const ship: File = ['services/shipping/docs/adr/0003-use-ups.md', nygard(3, 'Use UPS', ['Accepted'])];
    const file: File = ['services/shipping/docs/adr/0004-x.md', nygard(4, 'X', ['Accepted'], ['ADR-0003, payments/ADR-0003, payments/ADR-0009, billing/ADR-0009.'])];
    assert.deepEqual(rows(lint(file, 'SF016', [pay, ship])), [
      [10, 29, 46, 'No record is "payments/ADR-0009" in a folder matching "payments": it was renumbered, removed or never merged.'],
    ]);
  });

  it('RFC identifiers only in a workspace with RFC records, written as records; ADR identifiers only with numbered ADRs', () => {
    const file = citing('As RFC 7231 says, and RFC-0002, RFC 0003, RFC2119.');
    assert.deepEqual(lint(file, 'SF016', [ONE, TWO]), []);
    const rfc: File = ['docs/rfcs/0001-faster-builds.md', doc('---', 'status: accepted', '---', '', '# RFC: Faster builds', '', '## Summary', '', 'S.')];
    assert.ok(parseRecord(rfc[0], rfc[1], { folderHint: 'rfc' }));
    const withRfc = new WorkspaceSnapshot({ records: [...records(file, ONE, TWO), { path: rfc[0], record: parseRecord(rfc[0], rfc[1], { folderHint: 'rfc' })! }] });
    assert.deepEqual(rows(lintText(file[0], file[1], { workspace: withRfc }).filter(f => f.code === 'SF016')).map(r => r[3]),
      ['No record is "RFC-0002": it was renumbered, removed or never merged.', 'No record is "RFC 0003": it was renumbered, removed or never merged.']);
    const rust: File = ['text/0001-private-fields.md', doc('- Start Date: 2014-03-11', '- RFC PR: [rust-lang/rfcs#1](https://github.com/rust-lang/rfcs/pull/1)', '', '# Summary', '', 'S.', '', '# Motivation', '', 'As RFC-0033 said.')];
    const rustRecord = parseRecord(rust[0], rust[1]);
    assert.equal(rustRecord?.kind, 'rust-rfc');
    assert.deepEqual(lintText(rust[0], rust[1], { workspace: new WorkspaceSnapshot({ records: [{ path: rust[0], record: rustRecord }] }) }).filter(f => f.code === 'SF016'), [], 'Rust RFCs cite pull requests');
    const dated: File = ['docs/decisions/20240101-use-x.md', doc('# Use X', '', '- Status: accepted', '- Date: 2024-01-01', '', '## Context and Problem Statement', '', 'See ADR-0005.')];
    assert.deepEqual(lint(dated, 'SF016', []), [], 'no numbered record to check against');
  });
});

describe('SF023 reference-to-superseded', () => {
  it('reports an identifier and a link to a superseded record in an accepted record, with the successor fix', () => {
    const file = citing('Builds on ADR-0001.');
    assert.deepEqual(rows(lint(file, 'SF023', [ONE, TWO])), [[10, 10, 18, 'ADR-0001 is superseded; ADR-0002 is the decision in force: this accepted record still cites the old one.']]);
    const fix = fixed(file, lint(file, 'SF023', [ONE, TWO]));
    assert.equal(fix.title, 'Point to ADR-0002, its successor');
    assert.equal(fix.text, file[1].replace('Builds on ADR-0001.', 'Builds on ADR-0002.'));
    const linked = citing('Builds on [the queue](0001-use-a-queue.md#context).', '', '[q]: 0001-use-a-queue.md');
    const found = lint(linked, 'SF023', [ONE, TWO]);
    assert.equal(found.length, 2);
    assert.equal(applyEdits(linked[1], found[0].fix!.edits), linked[1].replace('[the queue](0001-use-a-queue.md#context)', '[2. Use Kafka](0002-use-kafka.md)'));
    assert.equal(applyEdits(linked[1], found[1].fix!.edits), linked[1].replace('[q]: 0001-use-a-queue.md', '[q]: 0002-use-kafka.md'));
  });

  it('follows the successor chain to the decision in force; a deprecated record without a successor has no fix', () => {
    const twoSuperseded: File = [TWO[0], nygard(2, 'Use Kafka', ['Superseded by [4. Use Pulsar](0004-use-pulsar.md)', '', 'Supersedes [1. Use a queue](0001-use-a-queue.md)'])];
    const four: File = ['doc/adr/0004-use-pulsar.md', nygard(4, 'Use Pulsar', ['Accepted', '', 'Supersedes [2. Use Kafka](0002-use-kafka.md)'])];
    const file = citing('Builds on ADR-0001.');
    const fix = fixed(file, lint(file, 'SF023', [ONE, twoSuperseded, four]));
    assert.equal(fix.title, 'Point to ADR-0004, its successor');
    assert.deepEqual(successorChain(new WorkspaceSnapshot({ records: records(ONE, twoSuperseded, four) }), records(ONE)[0]).map(r => r.path), [TWO[0], four[0]]);
    const gone: File = ['doc/adr/0005-use-mail.md', nygard(5, 'Use mail', ['Deprecated'])];
    const found = lint(citing('Not ADR-0005.'), 'SF023', [gone]);
    assert.deepEqual(rows(found), [[10, 4, 12, 'ADR-0005 is deprecated: this accepted record still cites it.']]);
    assert.equal(found[0].fix, undefined);
  });

  it('silent: in a proposed record, on a record it names in a relation, in the successor itself, on a record in force', () => {
    assert.deepEqual(lint(['doc/adr/0003-use-avro.md', nygard(3, 'Use Avro', ['Proposed'], ['Builds on ADR-0001.'])], 'SF023', [ONE, TWO]), []);
    assert.deepEqual(lint(citing('Amends [1. Use a queue](0001-use-a-queue.md); see ADR-0001.'), 'SF023', [ONE, TWO]), []);
    assert.deepEqual(lint([TWO[0], TWO[1].replace('D.', 'Unlike ADR-0001.')], 'SF023', [ONE]), []);
    assert.deepEqual(lint(citing('Builds on ADR-0002.'), 'SF023', [ONE, TWO]), []);
  });
});

describe('SF024 broken-heading-link', () => {
  it('reports a fragment that names no heading of the target, with a fix that drops it', () => {
    const file = citing('See [why](0002-use-kafka.md#contxt), [ok](0002-use-kafka.md#Context), [gh](0002-use-kafka.md#user-content-decision), [line](0002-use-kafka.md#L3).');
    assert.deepEqual(rows(lint(file, 'SF024', [ONE, TWO])), [[10, 27, 34, '0002-use-kafka.md has no heading "#contxt": it was renamed or removed.']]);
    const fix = fixed(file, lint(file, 'SF024', [ONE, TWO]));
    assert.equal(fix.title, 'Link to 0002-use-kafka.md without "#contxt"');
    assert.equal(fix.text, file[1].replace('0002-use-kafka.md#contxt', '0002-use-kafka.md'));
  });

  it('numbers repeated headings as GitHub does, and reads its own headings', () => {
    const twice: File = [TWO[0], TWO[1].replace('E.', 'E.\n\n## Context\n\nAgain.')];
    assert.deepEqual(lint(citing('[a](0002-use-kafka.md#context-1), [b](0003-use-avro.md#decision)'), 'SF024', [ONE, twice]), []);
    assert.equal(lint(citing('[a](0002-use-kafka.md#context-2)'), 'SF024', [ONE, twice]).length, 1);
  });
});

describe('SF025 link-label-mismatch', () => {
  it('reports a label naming another record than the destination, with a fix writing the destination\'s identifier', () => {
    const file = citing('See [ADR-0001](0002-use-kafka.md), [ADR-0002](0002-use-kafka.md), [Kafka](0002-use-kafka.md), [ADR-0001 then ADR-0002](0002-use-kafka.md).');
    assert.deepEqual(rows(lint(file, 'SF025', [ONE, TWO])), [[10, 5, 13, 'The label says "ADR-0001" but the link leads to ADR-0002 (0002-use-kafka.md).']]);
    const fix = fixed(file, lint(file, 'SF025', [ONE, TWO]));
    assert.equal(fix.title, 'Change the label to ADR-0002');
    assert.equal(fix.text, file[1].replace('[ADR-0001](0002', '[ADR-0002](0002'));
    assert.deepEqual(lint(citing('[q]: 0002-use-kafka.md "ADR-0001"', '', '[ADR-0001]: 0002-use-kafka.md'), 'SF025', [ONE, TWO]), []);
  });
});

describe('reference rules: link parts and the generated workspace', () => {
  it('linkParts reads inline links, nested labels, angle destinations and definitions', () => {
    assert.deepEqual(linkParts('[a [b] c](<x y.md> "t")'), { labelStart: 1, labelEnd: 8, destinationStart: 11, destinationEnd: 17, definition: false });
    assert.deepEqual(linkParts('[k]: x.md'), { labelStart: 1, labelEnd: 2, destinationStart: 5, destinationEnd: 9, definition: true });
    assert.equal(linkParts('plain'), undefined);
  });

  it('the reference rules find what the generated workspace holds (its timing test: crossRecord.test.ts)', () => {
    const files = generatedRecords(60);
    const workspace = new WorkspaceSnapshot({ records: files.map(f => ({ path: f.path, record: parseRecord(f.path, f.text)! })) });
    const counts = new Map<string, number>();
    for (const f of files) for (const finding of lintText(f.path, f.text, { workspace })) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
    for (const code of ['SF016', 'SF023', 'SF024', 'SF025']) assert.ok((counts.get(code) ?? 0) > 10, `${code}: ${counts.get(code)}`);
  });
});

describe('renumberedIdentifier', () => {
  it('rewrites the digits only, as wide as they were when zero-padded', () => {
    const refs = findReferences('ADR-0005, ADR 5, adr-05, payments/ADR-0005, [x](0005-x.md).', [ADR_SCHEME], 'docs/x.md');
    const edits = refs.map(r => renumberedIdentifier(r, 12));
    assert.deepEqual(edits.map(e => e && [e.range.start.character, e.range.end.character, e.newText]), [[4, 8, '0012'], [14, 15, '12'], [21, 23, '12'], [38, 42, '0012'], undefined]);
    assert.equal(renumberedIdentifier(refs[0], 12345)?.newText, '12345');
  });
});
