/**
 * What needs attention (core/attention.ts), the health report's charts and page body
 * (core/healthCharts.ts), and the checks on the report page's messages (webview/healthProtocol.ts):
 * records linted as the editor lints them, on days before, of and after their dates.
 */
import * as assert from 'node:assert/strict';
import { ATTENTION_CODES, attentionCount, attentionGroups, attentionRules, type AttentionEntry } from '../../src/core/attention';
import { healthReport } from '../../src/core/health';
import { MAX_QUARTERS, escapeHtml, healthPageBody, quarterChart, statusChart } from '../../src/core/healthCharts';
import { lintRecord, type RuleLevel } from '../../src/core/lint';
import { WorkspaceSnapshot } from '../../src/core/lint/workspace';
import { parseRecord } from '../../src/core/record';
import { healthSettings } from '../../src/core/reviewDates';
import { splitLines } from '../../src/core/text';
import { fromHealthPage, toHealthPage } from '../../src/webview/healthProtocol';

const nygard = (n: number, title: string, status: string, date: string, extra = '') =>
  `# ${n}. ${title}\n\nDate: ${date}\n${extra}\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;

/** The records of one folder, linted against each other on `today` as the editor lints them. */
function entries(files: Record<string, string>, today: string, rules: Readonly<Record<string, RuleLevel>> = {}): AttentionEntry<string>[] {
  const parsed = Object.entries(files).map(([path, text]) => ({ path, text, record: parseRecord(path, text)! }));
  const workspace = new WorkspaceSnapshot({ records: parsed.map(p => ({ path: p.path, record: p.record })) });
  return parsed.map(p => ({
    key: `key:${p.path}`, file: p.path, record: p.record, lines: splitLines(p.text), settings: healthSettings({}),
    findings: lintRecord(p.record, p.text, { workspace, today, rules }),
  }));
}

const LOG: Record<string, string> = {
  'docs/adr/0001-use-kafka.md': nygard(1, 'Use Kafka', 'Accepted', '2024-05-10', 'Review by: 2026-05-01\n'),
  'docs/adr/0002-use-pulsar.md': nygard(2, 'Use Pulsar', 'Accepted\n\nSupersedes [1. Use Kafka](0001-use-kafka.md)', '2024-08-01', 'Review by: 2025-01-31\n'),
  'docs/adr/0003-use-nats.md': nygard(3, 'Use NATS', 'Proposed', '2025-11-02'),
  'docs/adr/0004-use-grpc.md': nygard(4, 'Use gRPC', 'Proposed', '2024-02-02') + '\n## Unresolved questions\n\n- Who runs it?\n- TLS?\n',
  'docs/adr/0004-use-rest.md': nygard(4, 'Use REST', 'Accepted', '2024-03-03'),
};

/** Each group's kind and its items as `file:line (detail)`. */
const shown = (today: string, rules?: Readonly<Record<string, RuleLevel>>) =>
  attentionGroups(entries(LOG, today, rules)).map(g => [g.kind, g.items.map(i => `${i.file.slice(9, 13)}:${i.line} ${i.detail}`)] as const);

describe('Needs attention: groups from the findings', () => {
  it('reviews due (oldest due date first), stale proposals (oldest first), drift, open questions, collisions', () => {
    const groups = shown('2026-06-01');
    assert.deepEqual(groups.map(g => g[0]), ['review-due', 'stale', 'drift', 'open-questions', 'collision']);
    assert.deepEqual(groups[0][1], ['0002:3 due on 2025-01-31', '0001:3 due on 2026-05-01']);
    assert.deepEqual(groups[1][1], ['0004:6 proposed since 2024-02-02', '0003:6 proposed since 2025-11-02']);
    assert.equal(groups[2][1].length, 1);
    assert.match(groups[2][1][0], /^0001:7 0002-use-pulsar\.md supersedes this record/);
    assert.deepEqual(groups[3][1], ['0004:20 2 unresolved questions to settle before this record is accepted: "Who runs it?"; "TLS?".']);
    assert.deepEqual(groups[4][1].map(s => s.slice(0, 6)), ['0004:0', '0004:0']);
  });

  it('follows the dates: the day before a review date and a stale proposal\'s deadline nothing is due, the day of neither, the day after both', () => {
    const kinds = (today: string) => new Map(shown(today)).get('review-due') ?? [];
    assert.deepEqual(kinds('2025-01-30'), []);
    assert.deepEqual(kinds('2025-01-31'), [], 'the review date itself is not yet due');
    assert.deepEqual(kinds('2025-02-01'), ['0002:3 due on 2025-01-31']);
    // 0003 is dated 2025-11-02: its 60 days end on 2026-01-01; stale the day after.
    const stale = (today: string) => (new Map(shown(today)).get('stale') ?? []).filter(s => s.startsWith('0003'));
    assert.deepEqual(stale('2025-12-31'), []);
    assert.deepEqual(stale('2026-01-01'), []);
    assert.deepEqual(stale('2026-01-02'), ['0003:6 proposed since 2025-11-02']);
  });

  it('a rule turned off shows nothing; the count is every item', () => {
    const all = attentionGroups(entries(LOG, '2026-06-01'));
    const withoutDrift = attentionGroups(entries(LOG, '2026-06-01', { SF018: 'off', SF015: 'off' }));
    assert.deepEqual(withoutDrift.map(g => g.kind), ['review-due', 'stale', 'open-questions']);
    assert.equal(attentionCount(all), 2 + 2 + 1 + 1 + 2);
    assert.equal(attentionCount(withoutDrift), attentionCount(all) - 3);
    assert.deepEqual(attentionGroups([]), []);
  });

  it('the health views lint with the health rules only, each at its configured level', () => {
    const rules = attentionRules({ 'review-due': 'off', SF012: 'error', 'no-downside': 'error', SF015: 'warning' });
    assert.equal(rules.SF012, 'off');
    assert.equal(rules.SF001, 'off');
    assert.equal(rules['review-due'], 'off', 'kept');
    assert.equal(rules.SF015, 'warning', 'kept');
    for (const code of ATTENTION_CODES) assert.equal(rules[code], code === 'SF015' ? 'warning' : undefined, code);
    // The same groups as with every rule on; SF020 turned off by its name.
    const only = attentionGroups(entries(LOG, '2026-06-01', attentionRules({})));
    assert.deepEqual(only, attentionGroups(entries(LOG, '2026-06-01')));
    assert.ok(!attentionGroups(entries(LOG, '2026-06-01', rules)).some(g => g.kind === 'review-due'));
  });
});

describe('Health report: charts and page', () => {
  const report = healthReport(entries(LOG, '2026-06-01'), '2026-06-01');

  it('the status chart: a bar per status group with its count, in the report\'s order', () => {
    const svg = statusChart(report.byStatus);
    assert.match(svg, /^<svg class="chart" data-chart="status" role="img"/);
    assert.deepEqual([...svg.matchAll(/<rect class="([^"]+)"/g)].map(m => m[1]), ['s-proposed', 's-accepted']);
    assert.deepEqual([...svg.matchAll(/<title>([^<]+)<\/title><\/rect>/g)].map(m => m[1]), ['Proposed: 2', 'Accepted: 3']);
    // Widths proportional to the counts: the largest is the full 300.
    assert.deepEqual([...svg.matchAll(/ width="(\d+)" height="18"/g)].map(m => Number(m[1])), [200, 300]);
  });

  it('the quarter chart: a column per quarter from the first to the last, empty ones included, years labelled', () => {
    const svg = quarterChart(report.byQuarter);
    assert.match(svg, /^<svg class="chart" data-chart="quarter"/);
    // 2024-Q1 … 2025-Q4: 8 quarters, 5 of them with records.
    assert.deepEqual([...svg.matchAll(/<title>(\d{4}-Q\d): (\d+)<\/title>/g)].map(m => `${m[1]}=${m[2]}`), ['2024-Q1=2', '2024-Q2=1', '2024-Q3=1', '2025-Q4=1']);
    assert.deepEqual([...svg.matchAll(/<text x="\d+" y="\d+">(\d{4})<\/text>/g)].map(m => m[1]), ['2024', '2025']);
    assert.match(quarterChart([]), /no record has a YYYY-MM-DD date/);
  });

  it('a hostile log: far-apart dates keep the latest quarters only, and a status or title cannot inject markup', () => {
    const far = quarterChart([{ quarter: '0001-Q1', count: 1 }, { quarter: '9999-Q4', count: 2 }]);
    assert.ok((far.match(/<text x=/g) ?? []).length <= MAX_QUARTERS / 4 + 3, 'bounded');
    assert.match(far, /1 dated before 9980-Q1 not shown/);
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const svg = statusChart([{ status: evil, count: 1 }]);
    assert.ok(!svg.includes('<img'), svg);
    assert.ok(svg.includes(escapeHtml(evil.slice(0, 19))));
    const page = healthPageBody({ ...report, drift: [{ file: 'a.md', id: '0001', title: evil, message: evil }] });
    assert.ok(!page.includes('<img') && !page.includes('"\''), 'escaped');
  });

  it('the page body: both charts, reviews due marked overdue, proposals, drift, open questions, the Export button', () => {
    const page = healthPageBody(report);
    assert.equal((page.match(/<svg class="chart"/g) ?? []).length, 2);
    assert.match(page, /<td class="overdue">2025-01-31 \(overdue\)<\/td><td>0002 Use Pulsar/);
    assert.match(page, /<button id="export" type="button">Export as Markdown<\/button>/);
    assert.match(page, /<td>2024-02-02<\/td><td>0004 Use gRPC/);
    assert.ok(!page.includes('class="error"'));
    assert.ok(!page.includes('Time to decide'), 'no time to decide without git');
    assert.match(healthPageBody({ ...report, decisionTime: { medianDays: 12, records: 3 } }), /<h2>Time to decide<\/h2>\n<p id="decision-time">median 12 days from a record(?:&#39;|&#x27;)s first commit to the commit that accepted or rejected it, over 3 records\.<\/p>/);
  });

  it('the page\'s messages are checked field by field, both ways', () => {
    assert.deepEqual(fromHealthPage({ type: 'export', extra: 1 }), { type: 'export' });
    assert.deepEqual(fromHealthPage({ type: 'drawn', charts: [{ chart: 'status', marks: 2, width: 490 }], errors: 0 }), { type: 'drawn', charts: [{ chart: 'status', marks: 2, width: 490 }], errors: 0 });
    for (const bad of [null, 'export', { type: 'open', uri: 'file:///etc' }, { type: 'drawn', charts: [{ chart: 1 }], errors: 0 }, { type: 'drawn', charts: [], errors: '0' }]) {
      assert.equal(fromHealthPage(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(toHealthPage({ type: 'report', report }), { type: 'report', report });
    assert.equal(toHealthPage({ type: 'report', report: { ...report, drift: 'x' } }), undefined);
    assert.deepEqual(toHealthPage({ type: 'error', message: 'm' }), { type: 'error', message: 'm' });
  });
});
