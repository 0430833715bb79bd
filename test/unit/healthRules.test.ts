/**
 * Proves the decision health rules: review due (SF020) and stale proposal (SF021) on the day before,
 * of and after their edge, from every place a review date is written and from the project's
 * `reviewAfter`; the review fixes ("Mark reviewed today", "Snooze 3 months") in each format's place,
 * after which the rule is silent; drift (SF018) from deprecate and amend relations in each form;
 * open questions (SF014) listed from an "Unresolved questions" section; decision makers (SF022), off
 * by default; the calendar arithmetic; the configuration's durations; and the CLI's `--today`.
 */
import * as assert from 'node:assert/strict';
import { addDuration, parseDuration } from '../../src/core/calendar';
import { parseConfig } from '../../src/core/config';
import { Finding, LintOptions, lintText } from '../../src/core/lint';
import { parseRecord } from '../../src/core/record';
import { UsageError, readArgs } from '../../src/cli/args';
import { applyEdits } from '../support/textEdits';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;
const only = (code: string, path: string, text: string, options: LintOptions) => lintText(path, text, options).filter(f => f.code === code);
const messages = (findings: readonly Finding[]) => findings.map(f => `${f.severity} ${f.range.start.line}: ${f.message}`);
const workspace = (...files: [string, string][]): LintOptions['workspace'] => ({ records: files.map(([path, text]) => ({ path, record: parseRecord(path, text)! })) });

const NY = 'doc/adr/0001-use-a-queue.md';
const nygard = (head: string[], status = ['Accepted'], more: string[] = []) => doc('# 1. Use a queue', '', ...head, '', '## Status', '', ...status, '', '## Context', '', 'Mail is slow.', '',
  '## Decision', '', 'Publish a message.', '', '## Consequences', '', 'We must run a queue.', ...more);
const MADR = 'docs/decisions/0001-use-a-queue.md';
const madr = (front: string[], more: string[] = []) => doc('---', ...front, '---', '', '# Use a queue', '', '## Context and Problem Statement', '', 'Ctx.', '', '## Considered Options', '',
  '* Kafka', '* RabbitMQ', '', '## Decision Outcome', '', 'Chosen option: "Kafka", because it scales.', '', '### Consequences', '', '* Good, because fast.', '* Bad, because slow.', ...more);
const L4B = 'docs/adr/20240101-use-a-queue.md';
const log4brains = (bullets: string[], more: string[] = []) => doc('# Use a queue', '', ...bullets, '', '## Context and Problem Statement', '', 'Ctx.', '', '## Considered Options', '',
  '- Kafka', '- RabbitMQ', '', '## Decision Outcome', '', 'Chosen option: "Kafka", because it scales.', '', '### Positive Consequences', '', '- Fast.', '', '### Negative Consequences', '', '- Slow.', ...more);

/** The finding of `code` on `text` on each of the three days, or `-` when silent. */
const onDays = (code: string, path: string, text: string, days: [string, string, string], options: LintOptions = {}) =>
  days.map(today => messages(only(code, path, text, { ...options, today }))[0] ?? '-');

describe('SF020 review due', () => {
  const DAYS: [string, string, string] = ['2026-05-31', '2026-06-01', '2026-06-02'];
  const due = (line: number, key: string) => `warning ${line}: Review was due on 2026-06-01 (${key}): review the decision, then mark it reviewed or set a new date.`;

  it('reads front matter review-by, review-date, revisit-by and expires: silent before and on the date, due after', () => {
    for (const key of ['review-by', 'review-date', 'revisit-by', 'expires']) {
      assert.deepEqual(onDays('SF020', MADR, madr(['status: accepted', 'date: 2024-01-01', `${key}: 2026-06-01`]), DAYS), ['-', '-', due(3, key)], key);
    }
  });

  it('reads a log4brains bullet and a Nygard line under the date', () => {
    assert.deepEqual(onDays('SF020', L4B, log4brains(['- Status: accepted', '- Date: 2024-01-01', '- Review by: 2026-06-01']), DAYS), ['-', '-', due(4, 'Review by')]);
    assert.deepEqual(onDays('SF020', NY, nygard(['Date: 2024-01-01', 'Review by: 2026-06-01']), DAYS), ['-', '-', due(3, 'Review by')]);
  });

  it('counts the project\'s reviewAfter from an accepted record\'s date, or its last review when later', () => {
    const text = madr(['status: accepted', 'date: 2025-06-01']);
    const message = 'warning 2: Review was due on 2026-06-01: dated 2025-06-01, reviewed every P12M (reviewAfter): review the decision, then mark it reviewed or set a new date.';
    assert.deepEqual(onDays('SF020', MADR, text, DAYS, { reviewAfter: 'P12M' }), ['-', '-', message]);
    assert.deepEqual(onDays('SF020', MADR, text, DAYS), ['-', '-', '-'], 'no reviewAfter: nothing is due');
    assert.deepEqual(onDays('SF020', MADR, madr(['status: accepted', 'date: 2025-05-01', 'reviewed: 2025-06-01']), DAYS, { reviewAfter: 'P1Y' }),
      ['-', '-', message.replace('P12M', 'P1Y')], 'from the last review, when later than the date');
    assert.deepEqual(onDays('SF020', MADR, madr(['status: proposed', 'date: 2025-06-01']), DAYS, { reviewAfter: 'P12M', staleAfter: 'P5Y' }), ['-', '-', '-'], 'only accepted records');
  });

  it('says nothing of a record no longer in force, or of a review date that is no date', () => {
    assert.deepEqual(onDays('SF020', MADR, madr(['status: rejected', 'date: 2024-01-01', 'review-by: 2026-06-01']), DAYS), ['-', '-', '-']);
    assert.deepEqual(onDays('SF020', MADR, madr(['status: accepted', 'date: 2024-01-01', 'review-by: next spring']), DAYS, { reviewAfter: 'P1M' }), ['-', '-', '-']);
  });

  const fixes = (path: string, text: string, options: LintOptions = {}) => {
    const [f] = only('SF020', path, text, { today: '2026-12-01', ...options });
    assert.ok(f?.fix && f.alternatives?.length === 1);
    return { mark: applyEdits(text, f.fix.edits), snooze: applyEdits(text, f.alternatives[0].edits), titles: [f.fix.title, f.alternatives[0].title] };
  };

  it('front matter: "Mark reviewed today" moves the date on by reviewAfter and writes reviewed; "Snooze 3 months" moves it 3 months on', () => {
    const text = madr(['status: accepted', 'date: 2024-01-01', 'review-by: 2026-06-01']);
    const { mark, snooze, titles } = fixes(MADR, text);
    assert.deepEqual(titles, ['Mark reviewed today', 'Snooze 3 months']);
    assert.equal(mark, madr(['status: accepted', 'date: 2024-01-01', 'review-by: 2027-12-01', 'reviewed: 2026-12-01']));
    assert.equal(snooze, madr(['status: accepted', 'date: 2024-01-01', 'review-by: 2027-03-01']));
    assert.equal(fixes(MADR, text, { reviewAfter: 'P6M' }).mark, madr(['status: accepted', 'date: 2024-01-01', 'review-by: 2027-06-01', 'reviewed: 2026-12-01']));
    for (const fixed of [mark, snooze]) assert.deepEqual(only('SF020', MADR, fixed, { today: '2026-12-02' }), []);
  });

  it('a due date counted from reviewAfter: the fix writes the review date and the review where the format keeps them', () => {
    const { mark } = fixes(MADR, madr(['status: accepted', 'date: 2024-01-01', 'reviewed: 2025-01-01']), { reviewAfter: 'P12M' });
    assert.equal(mark, madr(['status: accepted', 'date: 2024-01-01', 'reviewed: 2026-12-01', 'review-by: 2027-12-01']));
  });

  it('log4brains: bullets after the last metadata bullet; Nygard: lines under the date', () => {
    const l4b = fixes(L4B, log4brains(['- Status: accepted', '- Date: 2024-01-01', '- Review by: 2026-06-01']));
    assert.equal(l4b.mark, log4brains(['- Status: accepted', '- Date: 2024-01-01', '- Review by: 2027-12-01', '- Reviewed: 2026-12-01']));
    const ny = fixes(NY, nygard(['Date: 2024-01-01', 'Review by: 2026-06-01']));
    assert.equal(ny.mark, nygard(['Date: 2024-01-01', 'Review by: 2027-12-01', 'Reviewed: 2026-12-01']));
    assert.equal(ny.snooze, nygard(['Date: 2024-01-01', 'Review by: 2027-03-01']));
    const counted = fixes(NY, nygard(['Date: 2024-01-01']), { reviewAfter: 'P2Y' });
    assert.equal(counted.mark, nygard(['Date: 2024-01-01', 'Review by: 2028-12-01', 'Reviewed: 2026-12-01']));
    const l4bCounted = fixes(L4B, log4brains(['- Status: accepted', '- Date: 2024-01-01']), { reviewAfter: 'P2Y' });
    assert.equal(l4bCounted.snooze, log4brains(['- Status: accepted', '- Date: 2024-01-01', '- Review by: 2027-03-01']));
  });
});

describe('SF021 stale proposal', () => {
  it('a proposal or draft is stale the day after its date plus staleAfter (60 days by default)', () => {
    const text = madr(['status: proposed', 'date: 2026-01-01']);
    const message = 'information 1: Still proposed since 2026-01-01, undecided past 2026-03-02 (staleAfter P60D): accept it, reject it, or withdraw it.';
    assert.deepEqual(onDays('SF021', MADR, text, ['2026-03-01', '2026-03-02', '2026-03-03']), ['-', '-', message]);
    assert.deepEqual(onDays('SF021', MADR, madr(['status: draft', 'date: 2026-01-01']), ['2026-01-31', '2026-02-01', '2026-02-02'], { staleAfter: 'P1M' }),
      ['-', '-', 'information 1: Still draft since 2026-01-01, undecided past 2026-02-01 (staleAfter P1M): accept it, reject it, or withdraw it.']);
    assert.deepEqual(onDays('SF021', NY, nygard(['Date: 2026-01-01'], ['Proposed']), ['2026-03-01', '2026-03-02', '2026-03-03']).map(m => m.slice(0, 14)), ['-', '-', 'information 6:']);
  });

  it('says nothing of a decided record, or of one without a calendar date', () => {
    assert.deepEqual(onDays('SF021', MADR, madr(['status: accepted', 'date: 2020-01-01']), ['2026-01-01', '2026-01-01', '2026-01-01']), ['-', '-', '-']);
    assert.deepEqual(onDays('SF021', MADR, madr(['status: proposed', 'date: last week']), ['2026-01-01', '2026-01-01', '2026-01-01']), ['-', '-', '-']);
  });
});

describe('SF018 drift: superseded, deprecated or amended', () => {
  const B = 'doc/adr/0002-use-kafka.md';
  const newer = (status: string[]) => doc('# 2. Use Kafka', '', 'Date: 2024-02-01', '', '## Status', '', ...status, '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'It costs.');
  const drift = (older: string, other: string, path = NY) => messages(only('SF018', path, older, { workspace: workspace([path, older], [B, other]) }));

  it('deprecated: from the newer record\'s "Deprecates" and from the older one\'s own "Deprecated by" (a status line, a Links bullet, a sentence)', () => {
    const message = 'warning 6: 0002-use-kafka.md deprecates this record, but its status is still "accepted".';
    assert.deepEqual(drift(nygard(['Date: 2024-01-01']), newer(['Accepted', '', 'Deprecates [1. Use a queue](0001-use-a-queue.md)'])), [message]);
    assert.deepEqual(drift(nygard(['Date: 2024-01-01'], ['Accepted', '', 'Deprecated by [2. Use Kafka](0002-use-kafka.md)']), newer(['Accepted'])), [message]);
    assert.deepEqual(drift(nygard(['Date: 2024-01-01'], ['Accepted'], ['', '## Links', '', '- Deprecated by [2. Use Kafka](0002-use-kafka.md)']), newer(['Accepted'])), [message]);
    assert.deepEqual(drift(nygard(['Date: 2024-01-01'], ['Accepted'], ['', 'Deprecated by ADR-0002, when Kafka came.']), newer(['Accepted'])), [message]);
    assert.deepEqual(drift(nygard(['Date: 2024-01-01'], ['Deprecated', '', 'Deprecated by [2. Use Kafka](0002-use-kafka.md)']), newer(['Accepted'])), [], 'deprecated already');
  });

  it('superseded: the older record\'s own "Superseded by" bullet counts too, once', () => {
    const older = madr(['status: accepted', 'date: 2024-01-01'], ['', '## More Information', '', '* Superseded by [ADR-0002](0002-use-kafka.md)']);
    const other = newer(['Accepted', '', 'Supercedes [1. Use a queue](../../docs/decisions/0001-use-a-queue.md)']);
    assert.deepEqual(drift(older, other, MADR), ['warning 1: 0002-use-kafka.md supersedes this record, but its status is still "accepted".']);
  });

  it('amended: fine when both are accepted; drift when the amended record is still proposed and the amendment accepted', () => {
    const amends = newer(['Accepted', '', 'Amends [1. Use a queue](0001-use-a-queue.md)']);
    assert.deepEqual(drift(nygard(['Date: 2024-01-01'], ['Accepted', '', 'Amended by [2. Use Kafka](0002-use-kafka.md)']), amends), []);
    const proposed = nygard(['Date: 2024-01-01'], ['Proposed', '', 'Amended by [2. Use Kafka](0002-use-kafka.md)']);
    assert.deepEqual(drift(proposed, amends), ['warning 6: 0002-use-kafka.md amends this record and is accepted, but this record\'s status is still "proposed": accept it, or withdraw the amendment.']);
    assert.deepEqual(drift(proposed, newer(['Proposed', '', 'Amends [1. Use a queue](0001-use-a-queue.md)'])), [], 'the amendment is only proposed');
    const [f] = only('SF018', NY, proposed, { workspace: workspace([NY, proposed], [B, amends]) });
    assert.equal(f.fix?.title, 'Set the status to "Accepted"');
    assert.equal(applyEdits(proposed, f.fix.edits), nygard(['Date: 2024-01-01'], ['Accepted', '', 'Amended by [2. Use Kafka](0002-use-kafka.md)']));
  });
});

describe('SF014 open questions', () => {
  const questions = ['', '## Unresolved questions', '', '- How large may the cache grow?', '- Who owns the cache?', '- None'];
  it('lists the items of "Unresolved questions": information on a proposal, a warning on an accepted record', () => {
    assert.deepEqual(messages(only('SF014', MADR, madr(['status: proposed'], questions), {})),
      ['information 24: 2 unresolved questions to settle before this record is accepted: "How large may the cache grow?"; "Who owns the cache?".']);
    assert.deepEqual(messages(only('SF014', MADR, madr(['status: accepted'], questions), {})),
      ['warning 24: 2 unresolved questions left in an accepted record: "How large may the cache grow?"; "Who owns the cache?". Resolve them, or move the record back to proposed.']);
  });
  it('says nothing of prose, of "None", or of a rejected record', () => {
    assert.deepEqual(only('SF014', MADR, madr(['status: accepted'], ['', '## Open questions', '', 'None at this point.', '', '- None']), {}), []);
    assert.deepEqual(only('SF014', MADR, madr(['status: rejected'], questions), {}), []);
  });
});

describe('SF022 no decision makers (off by default)', () => {
  const on: LintOptions = { rules: { SF022: 'information' } };
  it('is off unless configured', () => {
    assert.deepEqual(only('SF022', MADR, madr(['status: accepted']), {}), []);
  });
  it('MADR decision-makers (or deciders), log4brains Deciders: empty or a template placeholder is none', () => {
    const message = (field: string) => `Accepted, but names no decision makers: say who decided in "${field}".`;
    assert.deepEqual(only('SF022', MADR, madr(['status: accepted']), on).map(f => f.message), [message('decision-makers')]);
    assert.deepEqual(only('SF022', MADR, madr(['status: accepted', 'decision-makers: {list everyone involved in the decision}']), on).map(f => f.message), [message('decision-makers')]);
    assert.deepEqual(only('SF022', MADR, madr(['status: accepted', 'decision-makers:', '  - Ada', '  - Grace']), on), []);
    assert.deepEqual(only('SF022', MADR, madr(['status: accepted', 'deciders: Ada']), on), []);
    assert.deepEqual(only('SF022', MADR, madr(['status: proposed']), on), [], 'only accepted records');
    assert.deepEqual(only('SF022', L4B, log4brains(['- Status: accepted', '- Deciders: [list everyone involved in the decision]']), on).map(f => f.message), [message('Deciders')]);
    assert.deepEqual(only('SF022', L4B, log4brains(['- Status: accepted', '- Deciders: Ada, Grace']), on), []);
    assert.deepEqual(only('SF022', NY, nygard(['Date: 2024-01-01']), on), [], 'Nygard has no such field');
  });
});

describe('calendar dates and durations', () => {
  it('adds months keeping the day, or the month\'s last day', () => {
    assert.equal(addDuration('2024-01-31', { years: 0, months: 1, days: 0 }), '2024-02-29');
    assert.equal(addDuration('2025-12-15', { years: 0, months: 3, days: 0 }), '2026-03-15');
    assert.equal(addDuration('2024-02-29', { years: 1, months: 0, days: 0 }), '2025-02-28');
    assert.equal(addDuration('2026-01-01', { years: 0, months: 0, days: 60 }), '2026-03-02');
    assert.equal(addDuration('2026-02-30', { years: 0, months: 0, days: 1 }), undefined);
  });
  it('reads ISO 8601 durations of years, months, weeks and days only', () => {
    assert.deepEqual(parseDuration('P12M'), { years: 0, months: 12, days: 0 });
    assert.deepEqual(parseDuration('p1y6m10d'), { years: 1, months: 6, days: 10 });
    assert.deepEqual(parseDuration('P2W'), { years: 0, months: 0, days: 14 });
    for (const bad of ['P', 'P0D', 'PT1H', '12M', 'P1.5M', '-P1M', 'P1M2Y']) assert.equal(parseDuration(bad), undefined, bad);
  });
  it('the configuration validates reviewAfter and staleAfter', () => {
    assert.deepEqual(parseConfig('{ "reviewAfter": "p12m", "staleAfter": "P30D" }'), { config: { rules: {}, kinds: [], statuses: undefined, adrDirectory: undefined, rfcDirectory: undefined, reviewAfter: 'P12M', staleAfter: 'P30D' }, errors: [] });
    assert.deepEqual(parseConfig('{ "reviewAfter": "12 months" }').errors.map(e => e.message), ['"reviewAfter" must be an ISO 8601 duration in years, months or days, such as "P12M".']);
  });
});

describe('CLI --today', () => {
  it('takes --today, else SPEC_FIRST_TODAY, and refuses what is no calendar date', () => {
    const today = (argv: string[], env = {}) => { const a = readArgs(['lint', ...argv], env); return a.command === 'lint' ? a.today : 'help'; };
    assert.equal(today(['--today', '2026-06-01']), '2026-06-01');
    assert.equal(today([], { SPEC_FIRST_TODAY: '2026-01-02' }), '2026-01-02');
    assert.equal(today(['--today=2026-06-01'], { SPEC_FIRST_TODAY: '2026-01-02' }), '2026-06-01');
    assert.equal(today([]), undefined);
    assert.throws(() => today(['--today', '2026-02-30']), (e: Error) => e instanceof UsageError && e.message === '--today takes a calendar date, YYYY-MM-DD');
    assert.throws(() => today([], { SPEC_FIRST_TODAY: 'tomorrow' }), (e: Error) => e instanceof UsageError && e.message === 'SPEC_FIRST_TODAY takes a calendar date, YYYY-MM-DD');
  });
});
