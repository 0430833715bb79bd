/**
 * Proves each lint rule SF006–SF019 fires on a small document that breaks it, with the exact code,
 * range and message, and stays silent on a close one that does not; that the quick fixes of SF009,
 * SF017 and SF018 give the expected document; and that rule levels, severity overrides and
 * per-document suppression work.
 */
import * as assert from 'node:assert/strict';
import { Finding, LintOptions, lintText } from '../../src/core/lint';
import { parseRecord } from '../../src/core/record';
import { applyEdits } from '../support/textEdits';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;
type Expect = [severity: string, line: number, char: number, endLine: number, endChar: number, message: string];
type Row = [code: string, ...Expect];
const rows = (findings: readonly Finding[]): Row[] => findings.map(f => [f.code, f.severity, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.message]);
const workspace = (...files: [string, string][]): LintOptions['workspace'] => ({ records: files.map(([path, text]) => ({ path, record: parseRecord(path, text)! })) });

/** A complete Nygard record, parts replaceable. */
function nygard(title: string, parts: { date?: string[]; status?: string[]; context?: string[]; decision?: string[]; consequences?: string[] } = {}): string {
  return doc(title, '', ...(parts.date ?? ['Date: 2024-01-01']), '', '## Status', '', ...(parts.status ?? ['Accepted']), '', '## Context', '', ...(parts.context ?? ['Mail is slow.']),
    '', '## Decision', '', ...(parts.decision ?? ['Publish a message.']), '', '## Consequences', '', ...(parts.consequences ?? ['We must run a queue.']));
}
const NY = 'doc/adr/0001-use-a-queue.md';

/** A complete MADR record. */
function madr(options: string[], chosen: string, consequences = ['* Good, because fast.', '* Bad, because slow.'], title = ['# Use a queue', '']): string {
  return doc('---', 'status: accepted', 'date: 2024-01-01', '---', '', ...title, '## Context and Problem Statement', '', 'Ctx.', '', '## Considered Options', '', ...options,
    '', '## Decision Outcome', '', chosen, '', '### Consequences', '', ...consequences);
}
const MADR = 'docs/decisions/0001-use-a-queue.md';

const RFC_SECTIONS: [string, string][] = [
  ['Summary', 'Build faster.'], ['Motivation', 'Builds take 20 minutes.'], ['Goals and non-goals', 'Goal: 5 minutes.'],
  ['Proposal', 'Cache the compiler output.'], ['Alternatives considered', 'Bigger machines.'],
  ['Failure modes and rollback', 'A stale cache: detected by checksums, rolled back by a flag.'], ['Risks', 'Cache poisoning.'], ['Unresolved questions', 'Cache size.'],
];
const rfc = (replace: Record<string, string> = {}) => doc('---', 'status: proposed', 'date: 2024-01-01', '---', '', '# RFC: Faster builds',
  ...RFC_SECTIONS.flatMap(([h, b]) => ['', `## ${h}`, '', replace[h] ?? b]));
const RFC = 'docs/rfcs/0007-faster-builds.md';
const RFC_HINT: LintOptions = { folderHint: 'rfc' };

/** Cross-record fixtures: 0002 supersedes 0001 (adr-tools' way), 0001 does not say so. */
const A: [string, string] = [NY, nygard('# 1. Use a queue')];
const B: [string, string] = ['doc/adr/0002-use-kafka.md', nygard('# 2. Use Kafka', { status: ['Accepted', '', 'Supercedes [1. Use a queue](0001-use-a-queue.md)'] })];
const A_SUPERSEDED: [string, string] = [NY, nygard('# 1. Use a queue', { status: ['Superceded by [2. Use Kafka](0002-use-kafka.md)'] })];
const A_LINKED: [string, string] = [NY, nygard('# 1. Use a queue', { status: ['Accepted', '', 'Superceded by [2. Use Kafka](0002-use-kafka.md)'] })];
const B_AMENDS: [string, string] = ['doc/adr/0002-use-kafka.md', nygard('# 2. Use Kafka', { status: ['Accepted', '', 'Amends [1. Use a queue](0001-use-a-queue.md)'] })];
const A_AMENDED: [string, string] = [NY, nygard('# 1. Use a queue', { status: ['Accepted', '', 'Amended by [2. Use Kafka](0002-use-kafka.md)'] })];
const DUP: [string, string] = ['doc/adr/0001-use-kafka.md', nygard('# 1. Use Kafka')];
const LINKS: [string, string] = ['doc/adr/0003-links.md', nygard('# 3. Links', { context: ['See [two](0002-use-kafkaa.md), [ok](0002-use-kafka.md), [readme](README.md), [web](https://x.org/0009-a.md).', '', '```', '[code](0009-none.md)', '```'] })];

interface Case {
  name: string;
  path: string;
  text: string;
  options?: LintOptions;
  /** Expected findings of `code` (only that code's findings are compared). */
  expected: Row[];
}
const one = (code: string, path: string, text: string, expected: Expect[], options?: LintOptions): Omit<Case, 'name'> => ({ path, text, options, expected: expected.map(e => [code, ...e] as Row) });

const CASES: Record<string, { fires: Omit<Case, 'name'>; silent: Omit<Case, 'name'> }> = {
  SF006: {
    fires: one('SF006', NY, doc('# 1. Use a queue', '', 'Date: 2024-01-01', '', '## Status', '', 'Accepted', '', '## Decision', '', 'Publish.', '', '## Context', '', 'Mail.', '', '## Consequences', '', 'We must run a queue.'),
      [['information', 8, 3, 8, 11, '"Decision" comes before "Context"; the Nygard ADR (adr-tools) template puts Context first.']]),
    silent: one('SF006', NY, nygard('# 1. Use a queue'), []),
  },
  SF007: {
    fires: one('SF007', NY, nygard('# 1. Use a queue', { date: ['Date: 23-07-2014'] }), [['warning', 2, 6, 2, 16, 'Date "23-07-2014" is not an ISO 8601 date: write it as YYYY-MM-DD.']]),
    silent: one('SF007', NY, nygard('# 1. Use a queue', { date: ['Date: 2014-07-23'] }), []),
  },
  'SF007 missing': {
    fires: one('SF007', NY, nygard('# 1. Use a queue', { date: [] }), [['warning', 0, 2, 0, 16, 'No date: say when this was decided (YYYY-MM-DD).']]),
    silent: one('SF007', 'docs/decisions/0001-x.md', madr(['* A', '* B'], 'Chosen option: "A", because cheap.').replace('date: 2024-01-01\n', ''), []),
  },
  'SF007 impossible date': {
    fires: one('SF007', NY, nygard('# 1. Use a queue', { date: ['Date: 2014-19-19'] }), [['warning', 2, 6, 2, 16, 'Date "2014-19-19" is not an ISO 8601 date: write it as YYYY-MM-DD.']]),
    silent: one('SF007', NY, nygard('# 1. Use a queue', { date: ['Date: 2024-02-29'] }), []),
  },
  SF008: {
    fires: one('SF008', MADR, madr(['* A', '* B'], 'Chosen option: "A", because cheap.', undefined, []), [['warning', 0, 0, 0, 3, 'No title: start the record with a "# Title" heading that names the decision.']]),
    silent: one('SF008', MADR, madr(['* A', '* B'], 'Chosen option: "A", because cheap.', undefined, []).replace('status: accepted', 'status: accepted\ntitle: Use a queue'), []),
  },
  SF009: {
    fires: one('SF009', 'doc/adr/0007-use-a-queue.md', nygard('# 8. Use a queue'), [['warning', 0, 2, 0, 3, 'The title says 8 but the file is number 7.']]),
    silent: one('SF009', 'doc/adr/0008-use-a-queue.md', nygard('# 8. Use a queue'), []),
  },
  SF010: {
    fires: one('SF010', MADR, madr(['* Kafka'], 'Chosen option: "Kafka", because it scales.'), [['warning', 11, 3, 11, 21, 'Only one option under "Considered Options": name at least one alternative (doing nothing counts) and why it lost.']]),
    silent: one('SF010', MADR, madr(['* Kafka', '* Do nothing'], 'Chosen option: "Kafka", because it scales.'), []),
  },
  'SF010 RFC': {
    fires: one('SF010', RFC, rfc({ 'Alternatives considered': 'None.' }), [['warning', 23, 3, 23, 26, '"Alternatives considered" names no alternative: say what else was weighed (doing nothing counts) and why it lost.']], RFC_HINT),
    silent: one('SF010', RFC, rfc({ 'Alternatives considered': 'None of the others scale: bigger machines cost more.' }), [], RFC_HINT),
  },
  SF011: {
    fires: one('SF011', MADR, madr(['* RabbitMQ', '* Kafka'], 'Chosen option: "Pulsar", because it scales.'), [['warning', 18, 15, 18, 23, 'Chosen option "Pulsar" is not one of the considered options ("rabbitmq", "kafka").']]),
    silent: one('SF011', MADR, madr(['* RabbitMQ', '* [Kafka](https://kafka.apache.org)'], 'Chosen option: "**kafka**", because it scales.'), []),
  },
  SF012: {
    fires: one('SF012', NY, nygard('# 1. Use a queue', { consequences: ['Everything becomes easier.'] }), [['warning', 16, 3, 16, 15, '"Consequences" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").']]),
    silent: one('SF012', NY, nygard('# 1. Use a queue', { consequences: ['Everything becomes easier, but we have to run a queue.'] }), []),
  },
  'SF012 MADR': {
    fires: one('SF012', MADR, madr(['* A', '* B'], 'Chosen option: "A", because cheap.', ['* Good, because fast.']), [['warning', 20, 4, 20, 16, '"Consequences" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").']]),
    silent: one('SF012', MADR, madr(['* A', '* B'], 'Chosen option: "A", because cheap.'), []),
  },
  'SF012 RFC Risks': {
    fires: one('SF012', RFC, rfc().replace('## Risks', '## Consequences'), [['warning', 31, 3, 31, 15, '"Consequences" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").']], RFC_HINT),
    // A section titled "Risks" names a risk by having content.
    silent: one('SF012', RFC, rfc(), [], RFC_HINT),
  },
  'SF013 rollback': {
    fires: one('SF013', RFC, rfc({ 'Failure modes and rollback': 'A stale cache could break builds.' }), [['warning', 27, 3, 27, 29, '"Failure modes and rollback" has no rollback: say how the change is turned off or reverted when it fails.']], RFC_HINT),
    silent: one('SF013', RFC, rfc(), [], RFC_HINT),
  },
  'SF013 failure': {
    fires: one('SF013', RFC, rfc({ 'Failure modes and rollback': 'We revert the commit.' }), [['warning', 27, 3, 27, 29, '"Failure modes and rollback" names no failure: say what can break and how it would be detected.']], RFC_HINT),
    silent: one('SF013', RFC, rfc({ 'Failure modes and rollback': 'If the cache fails we revert the commit.' }), [], RFC_HINT),
  },
  SF014: {
    fires: one('SF014', NY, nygard('# 1. Use a queue', { context: ['Mail is slow. TODO: measure, not `TODO` in code.', '', '```', 'FIXME', '```', '', 'Open: <<[UNRESOLVED size]>>'] }), [
      ['warning', 10, 14, 10, 18, '"TODO" left in an accepted record: resolve it, or move the record back to proposed.'],
      ['warning', 16, 6, 16, 27, '"<<[UNRESOLVED size]>>" left in an accepted record: resolve it, or move the record back to proposed.'],
    ]),
    silent: one('SF014', NY, nygard('# 1. Use a queue', { status: ['Proposed'], context: ['Mail is slow. TODO: measure.'] }), []),
  },
  SF015: {
    fires: one('SF015', NY, A[1], [['error', 0, 2, 0, 16, 'Number 0001 is also used by 0001-use-kafka.md: renumber one of them.']], { workspace: workspace(A, DUP) }),
    silent: one('SF015', NY, A[1], [], { workspace: workspace(A, B, ['other/0001-use-kafka.md', DUP[1]]) }),
  },
  SF016: {
    fires: one('SF016', LINKS[0], LINKS[1], [['warning', 10, 10, 10, 28, 'No record at "0002-use-kafkaa.md": it was renamed, renumbered or removed.']], { workspace: workspace(A, B, LINKS) }),
    silent: one('SF016', LINKS[0], LINKS[1].replace('kafkaa', 'kafka'), [], { workspace: workspace(A, B, [LINKS[0], LINKS[1].replace('kafkaa', 'kafka')]) }),
  },
  'SF017 amends': {
    fires: one('SF017', NY, A[1], [['warning', 0, 2, 0, 16, '0002-use-kafka.md says "Amends" this record, but this record has no "Amended by" link back to it.']], { workspace: workspace(A, B_AMENDS) }),
    silent: one('SF017', NY, A_AMENDED[1], [], { workspace: workspace(A_AMENDED, B_AMENDS) }),
  },
  'SF017 one-sided': {
    fires: one('SF017', NY, A[1], [['warning', 0, 2, 0, 16, '0002-use-kafka.md says "Supercedes" this record, but this record has no "Superceded by" link back to it.']], { workspace: workspace(A, B) }),
    silent: one('SF017', B[0], B[1], [], { workspace: workspace(A, B) }),
  },
  SF018: {
    fires: one('SF018', NY, A[1], [['warning', 6, 0, 6, 8, '0002-use-kafka.md supersedes this record, but its status is still "accepted".']], { workspace: workspace(A, B) }),
    silent: one('SF018', NY, A_SUPERSEDED[1], [], { workspace: workspace(A_SUPERSEDED, B) }),
  },
  SF019: {
    fires: one('SF019', NY, nygard('# 1. Use a queue', { context: ['Mail.', '', '```mermaid', 'graph TD', 'A -->', '```'] }), [['warning', 12, 0, 15, 3, 'Mermaid cannot draw this diagram: Parse error on line 2:']], { diagrams: [{ line: 12, message: 'Parse error on line 2:\n---^' }] }),
    silent: one('SF019', NY, nygard('# 1. Use a queue', { context: ['Mail.', '', '```mermaid', 'graph TD', 'A --> B', '```'] }), [], { diagrams: [] }),
  },
};

describe('lint rules SF006–SF019', () => {
  for (const [name, { fires, silent }] of Object.entries(CASES)) {
    const code = name.slice(0, 5);
    it(`${name}: fires with its range and message`, () => {
      assert.deepEqual(rows(lintText(fires.path, fires.text, fires.options).filter(f => f.code === code)), fires.expected);
    });
    it(`${name}: silent on a close document`, () => {
      assert.deepEqual(rows(lintText(silent.path, silent.text, silent.options).filter(f => f.code === code)), silent.expected);
    });
  }

  it('cross-record rules are skipped without a workspace', () => {
    assert.deepEqual(lintText(NY, A[1]).filter(f => ['SF015', 'SF016', 'SF017', 'SF018'].includes(f.code)), []);
  });

  it('clean Nygard, MADR and RFC records give nothing at all', () => {
    assert.deepEqual(rows(lintText(NY, nygard('# 1. Use a queue'))), []);
    assert.deepEqual(rows(lintText(MADR, madr(['* Kafka', '* RabbitMQ'], 'Chosen option: "Kafka", because it scales.'))), []);
    // A fresh proposal: linted a month after its date, before it could be stale (SF021).
    assert.deepEqual(rows(lintText(RFC, rfc(), { ...RFC_HINT, today: '2024-02-01' })), []);
  });
});

describe('quick fixes', () => {
  const fixOf = (path: string, text: string, code: string, options?: LintOptions) => {
    const found = lintText(path, text, options).filter(f => f.code === code);
    assert.equal(found.length, 1);
    assert.ok(found[0].fix);
    return { title: found[0].fix.title, text: applyEdits(text, found[0].fix.edits) };
  };

  it('SF009 numbers the title as the file', () => {
    const fixed = fixOf('doc/adr/0007-use-a-queue.md', nygard('# 8. Use a queue'), 'SF009');
    assert.equal(fixed.title, 'Number the title 7, as the file');
    assert.equal(fixed.text, nygard('# 7. Use a queue'));
  });

  it('SF017 adds adr-tools\' "Superceded by" line to the Nygard status, one blank line either side', () => {
    const fixed = fixOf(NY, A[1], 'SF017', { workspace: workspace(A, B) });
    assert.equal(fixed.title, 'Add "Superceded by [2. Use Kafka](0002-use-kafka.md)" to the status');
    assert.equal(fixed.text, A_LINKED[1]);
    assert.deepEqual(lintText(NY, fixed.text, { workspace: workspace([NY, fixed.text], B) }).filter(f => f.code === 'SF017'), []);
  });

  it('SF017 keeps CRLF line ends', () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const fixed = fixOf(NY, crlf(A[1]), 'SF017', { workspace: workspace([NY, crlf(A[1])], B) });
    assert.equal(fixed.text, crlf(A_LINKED[1]));
  });

  it('SF018 sets the status to adr-tools\' "Superceded by"', () => {
    const fixed = fixOf(NY, A[1], 'SF018', { workspace: workspace(A, B) });
    assert.equal(fixed.title, 'Set the status to "Superceded by [2. Use Kafka](0002-use-kafka.md)"');
    assert.equal(fixed.text, A_SUPERSEDED[1]);
  });
});

describe('rule levels and suppression', () => {
  const noDownside = nygard('# 1. Use a queue', { consequences: ['Everything becomes easier.'] });
  const sf012 = (text: string, options?: LintOptions) => lintText(NY, text, options).filter(f => f.code === 'SF012').map(f => f.severity);

  it('default, off by code, off by name, severity override', () => {
    assert.deepEqual(sf012(noDownside), ['warning']);
    assert.deepEqual(sf012(noDownside, { rules: { SF012: 'off' } }), []);
    assert.deepEqual(sf012(noDownside, { rules: { 'no-downside': 'off' } }), []);
    assert.deepEqual(sf012(noDownside, { rules: { SF012: 'error' } }), ['error']);
    assert.deepEqual(sf012(noDownside, { rules: { 'no-downside': 'hint' } }), ['hint']);
    assert.deepEqual(sf012(noDownside, { rules: { SF999: 'off' } }), ['warning']);
  });

  it('an HTML comment disables one rule, by code or name, or every rule', () => {
    const withDate = nygard('# 1. Use a queue', { date: ['Date: 2024/01/01'], consequences: ['Everything becomes easier.'] });
    assert.deepEqual(lintText(NY, withDate).map(f => f.code), ['SF007', 'SF012']);
    assert.deepEqual(lintText(NY, `${withDate}\n<!-- spec-first-disable SF012 -->\n`).map(f => f.code), ['SF007']);
    assert.deepEqual(lintText(NY, `${withDate}\n<!-- spec-first-disable no-downside -->\n`).map(f => f.code), ['SF007']);
    assert.deepEqual(lintText(NY, `${withDate}\n<!-- spec-first-disable -->\n`).map(f => f.code), []);
    // Inside code, the comment is an example, not a suppression.
    assert.deepEqual(lintText(NY, `${withDate}\n\`\`\`\n<!-- spec-first-disable -->\n\`\`\`\n`).map(f => f.code), ['SF007', 'SF012']);
  });

  it('front matter spec-first-disable', () => {
    const text = madr(['* A', '* B'], 'Chosen option: "A", because cheap.', ['* Good, because fast.']);
    assert.deepEqual(lintText(MADR, text).map(f => f.code), ['SF012']);
    assert.deepEqual(lintText(MADR, text.replace('status: accepted', 'status: accepted\nspec-first-disable: [SF012]')).map(f => f.code), []);
    assert.deepEqual(lintText(MADR, text.replace('status: accepted', 'status: accepted\nspec-first-disable: no-downside')).map(f => f.code), []);
  });
});
