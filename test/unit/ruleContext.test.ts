/**
 * The rule context's shared queries (code lines, section bodies, the considered options): each is
 * computed at most once per document however many rules ask for it, and not at all when no rule
 * does. Counted through the context's own report of what it computes (`onQuery`), on real rules.
 */
import * as assert from 'node:assert/strict';
import { LintOptions, RULE_LIST, RuleLevel, lintText } from '../../src/core/lint';
import { parseRecord } from '../../src/core/record';

const PATH = 'docs/decisions/0001-use-kafka.md';
/** An accepted MADR record with options, a chosen one, consequences, a link and fenced code. */
const TEXT = [
  '---', 'status: accepted', 'date: 2024-01-01', '---', '', '# Use Kafka', '',
  '## Context and Problem Statement', '', 'Mail is slow; see [the queue](0002-use-a-queue.md).', '',
  '```', 'TODO in code', '```', '',
  '## Considered Options', '', '* Kafka', '* RabbitMQ', '',
  '## Decision Outcome', '', 'Chosen option: "Kafka", because it scales.', '',
  '### Consequences', '', '* Good, because fast.', '* Bad, because we run a cluster.', '',
].join('\n');
const OTHER = ['docs/decisions/0002-use-a-queue.md', '# Use a queue\n\n## Context and Problem Statement\n\nc\n'] as const;
const WORKSPACE: LintOptions['workspace'] = { records: [[PATH, TEXT], OTHER].map(([path, text]) => ({ path, record: parseRecord(path, text)! })) };

/** The queries computed while linting TEXT with only the rules `on` (by code), in order. */
function queriesWith(on: readonly string[]): string[] {
  const computed: string[] = [];
  const rules = Object.fromEntries(RULE_LIST.map(r => [r.code, on.includes(r.code) ? r.severity : 'off' as RuleLevel]));
  lintText(PATH, TEXT, { rules, workspace: WORKSPACE, onQuery: q => computed.push(q) });
  return computed;
}

const times = (queries: readonly string[], query: string) => queries.filter(q => q === query).length;

describe('rule context: shared queries', () => {
  it('each rule that uses a query computes it on its own, so the counts below are shared ones', () => {
    for (const code of ['SF014', 'SF016']) assert.equal(times(queriesWith([code]), 'codeLines'), 1, code);
    for (const code of ['SF010', 'SF011']) assert.equal(times(queriesWith([code]), 'consideredOptions'), 1, code);
    for (const code of ['SF002', 'SF011']) assert.equal(times(queriesWith([code]), 'body 15'), 1, `${code}: the options' body`);
  });

  it('with every rule on, each query is computed once per document (per section for a body)', () => {
    const queries = queriesWith(RULE_LIST.map(r => r.code));
    assert.deepEqual(queries, [...new Set(queries)], `computed twice: ${queries.join(', ')}`);
    for (const q of ['codeLines', 'consideredOptions', 'body 15', 'body 20', 'body 24']) assert.equal(times(queries, q), 1, q);
  });

  it('each lint of a document computes its own (nothing is kept between documents)', () => {
    const computed: string[] = [];
    for (let i = 0; i < 2; i++) lintText(PATH, TEXT, { workspace: WORKSPACE, onQuery: q => computed.push(q) });
    assert.equal(times(computed, 'codeLines'), 2);
    assert.equal(times(computed, 'consideredOptions'), 2);
  });

  it('a query no rule asks for is not computed', () => {
    assert.deepEqual(queriesWith(['SF008', 'SF015']), []);
  });
});
