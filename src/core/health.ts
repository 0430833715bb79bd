/**
 * The decision log's health, as `spec-first health` reports it: records by status and by quarter of
 * their date, reviews due within 90 days (the overdue ones first), proposals open too long, drift
 * (SF018) and open questions (SF014). Built from what the lint rules and `reviewDates.ts` decide, so
 * that the report and the editor's warnings never disagree. Dates are local calendar dates.
 */
import { addDuration, isIsoDate } from './calendar';
import type { Finding } from './lint/types';
import type { DecisionRecord } from './record';
import { HealthSettings, reviewDueOf, staleProposalOf } from './reviewDates';
import { orderStatusGroups, statusGroupOf, statusLabel } from './statusGroups';

/** A record as the report names it. */
export interface HealthRecord {
  /** As the host prints paths. */
  readonly file: string;
  readonly id: string;
  readonly title: string;
}

/** The report (see the module's comment). Lists are in the order they are shown. */
export interface HealthReport {
  readonly today: string;
  readonly records: number;
  /** Records by status group (`accepted`, `on hold`, `unknown`…), in lifecycle order. */
  readonly byStatus: readonly { readonly status: string; readonly count: number }[];
  /** Records by the quarter of their date (`2024-Q1`), oldest first; records without a `YYYY-MM-DD` date are left out. */
  readonly byQuarter: readonly { readonly quarter: string; readonly count: number }[];
  /** Reviews due by 90 days from today, the earliest first; `overdue` when due before today. */
  readonly reviewsDue: readonly (HealthRecord & { readonly due: string; readonly overdue: boolean })[];
  /** Proposals and drafts open past their `staleAfter`, the oldest first. */
  readonly staleProposals: readonly (HealthRecord & { readonly since: string; readonly deadline: string; readonly fromGit?: boolean })[];
  /** SF018's findings: records still in force that a later decision ended or changed. */
  readonly drift: readonly (HealthRecord & { readonly message: string })[];
  /** SF014's findings: open questions left in a record. */
  readonly openQuestions: readonly (HealthRecord & { readonly message: string })[];
  /**
   * Where git history was read: the median number of days from a record's first commit to the commit
   * that set it accepted or rejected, over `records` decided records. Absent without git.
   */
  readonly decisionTime?: { readonly medianDays: number; readonly records: number };
}

/** The days from `from` to `to` (`YYYY-MM-DD` each, `to` not before `from`), counted in UTC so that no clock change skews it. */
function daysBetween(from: string, to: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/**
 * The median of the days from each record's first commit to its decision (`{ first, decided }`, both
 * `YYYY-MM-DD`; pairs with a missing or invalid date, or a decision before the first commit, are left
 * out), and how many records it is over; undefined when none is left. The mean of the two middle
 * values for an even count, rounded to a day.
 */
export function medianDecisionTime(pairs: readonly { readonly first?: string; readonly decided?: string }[]): { medianDays: number; records: number } | undefined {
  const days = pairs.flatMap(p => (p.first && p.decided && isIsoDate(p.first) && isIsoDate(p.decided) && p.decided >= p.first ? [daysBetween(p.first, p.decided)] : []))
    .sort((a, b) => a - b);
  if (days.length === 0) return undefined;
  const mid = days.length >> 1;
  const medianDays = days.length % 2 === 1 ? days[mid] : Math.round((days[mid - 1] + days[mid]) / 2);
  return { medianDays, records: days.length };
}

/** A record's date when written `YYYY-MM-DD`, else '' (sorted last among the most recent first). */
const isoDateOf = (record: DecisionRecord) => (record.date !== undefined && isIsoDate(record.date) ? record.date : '');
/** Code-unit order, the same in every locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** At most this many decided records have their git history read for the time to decide (a few git commands each). */
export const DECISIONS_TIMED = 100;

/**
 * The records whose git history a host reads for the report's time to decide: the decided ones
 * (status `accepted` or `rejected`), the most recently dated first (undated, or dated otherwise than
 * `YYYY-MM-DD`, last; the same date by `record.path`), at most `limit` ({@link DECISIONS_TIMED}).
 * Every host asks this, so that the editor's report and `spec-first health` time the same records.
 * Returns a new array; `entries` is left as it is.
 */
export function recordsToTime<T extends { readonly record: DecisionRecord }>(entries: readonly T[], limit = DECISIONS_TIMED): T[] {
  return entries.filter(e => e.record.status === 'accepted' || e.record.status === 'rejected')
    .sort((a, b) => compare(isoDateOf(b.record), isoDateOf(a.record)) || compare(a.record.path, b.record.path))
    .slice(0, limit);
}

/** What `--fail-on` may name, each a list of the report. */
export const HEALTH_CHECKS = ['review-due', 'stale', 'drift', 'open-questions'] as const;
export type HealthCheck = typeof HEALTH_CHECKS[number];

/** How long ahead the report lists reviews. */
const REVIEW_HORIZON = { years: 0, months: 0, days: 90 };

/**
 * The report for `records` (each with its text's lines and its lint findings, cross-record rules
 * included) on `today` (`YYYY-MM-DD`), with the project's `settings` (and, for a record without a
 * date, the day git first saw its file, when the host read it; for a decided record, `decided`: the
 * days of its first commit and of the commit that decided it, when the host read git, for
 * {@link medianDecisionTime}). Linear in the records, plus sorts.
 */
export function healthReport(records: readonly { readonly file: string; readonly record: DecisionRecord; readonly lines: readonly string[]; readonly findings: readonly Finding[]; readonly settings: HealthSettings; readonly firstCommitted?: string; readonly decided?: { readonly first?: string; readonly decided?: string } }[], today: string): HealthReport {
  const statuses = new Map<string, number>();
  const quarters = new Map<string, number>();
  const horizon = addDuration(today, REVIEW_HORIZON) ?? today;
  const reviewsDue: (HealthRecord & { due: string; overdue: boolean })[] = [];
  const staleProposals: (HealthRecord & { since: string; deadline: string; fromGit?: boolean })[] = [];
  const drift: (HealthRecord & { message: string })[] = [];
  const openQuestions: (HealthRecord & { message: string })[] = [];
  for (const r of records) {
    const named: HealthRecord = { file: r.file, id: r.record.id, title: r.record.title };
    const group = statusGroupOf(r.record.status);
    statuses.set(group, (statuses.get(group) ?? 0) + 1);
    if (r.record.date && isIsoDate(r.record.date)) {
      const quarter = `${r.record.date.slice(0, 4)}-Q${Math.floor((Number(r.record.date.slice(5, 7)) - 1) / 3) + 1}`;
      quarters.set(quarter, (quarters.get(quarter) ?? 0) + 1);
    }
    const review = reviewDueOf(r.record, r.lines, r.settings);
    if (review && review.due <= horizon) reviewsDue.push({ ...named, due: review.due, overdue: review.due < today });
    const stale = staleProposalOf(r.record, r.settings, today, r.firstCommitted);
    if (stale) staleProposals.push({ ...named, ...stale });
    for (const f of r.findings) {
      if (f.code === 'SF018') drift.push({ ...named, message: f.message });
      if (f.code === 'SF014') openQuestions.push({ ...named, message: f.message });
    }
  }
  return {
    today, records: records.length,
    byStatus: orderStatusGroups(statuses.keys()).map(status => ({ status, count: statuses.get(status)! })),
    byQuarter: [...quarters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([quarter, count]) => ({ quarter, count })),
    reviewsDue: reviewsDue.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)),
    staleProposals: staleProposals.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)),
    drift, openQuestions,
    ...(() => {
      const decisionTime = medianDecisionTime(records.flatMap(r => (r.decided ? [r.decided] : [])));
      return decisionTime ? { decisionTime } : {};
    })(),
  };
}

/** How many items of the report each `--fail-on` check counts (reviews: only the overdue ones). */
export function healthCounts(report: HealthReport): Record<HealthCheck, number> {
  return {
    'review-due': report.reviewsDue.filter(r => r.overdue).length, stale: report.staleProposals.length,
    drift: report.drift.length, 'open-questions': report.openQuestions.length,
  };
}

/** The report as Markdown (for a pull request comment or a wiki): a heading per part, tables and lists. */
export function healthMarkdown(report: HealthReport): string {
  const name = (r: HealthRecord) => `${r.id === r.title ? '' : `${r.id} `}${r.title} (\`${r.file}\`)`;
  const list = <T extends HealthRecord>(items: readonly T[], line: (item: T) => string) => (items.length === 0 ? ['None.'] : items.map(i => `- ${line(i)}`));
  return [
    `# Decision health, ${report.today}`, '',
    `${report.records} record${report.records === 1 ? '' : 's'}.`, '',
    '## By status', '', '| status | records |', '| --- | ---: |', ...report.byStatus.map(s => `| ${statusLabel(s.status)} | ${s.count} |`), '',
    '## By quarter of their date', '', '| quarter | records |', '| --- | ---: |', ...report.byQuarter.map(q => `| ${q.quarter} | ${q.count} |`), '',
    '## Reviews due in the next 90 days', '', ...list(report.reviewsDue, r => `${r.overdue ? '**overdue**, ' : ''}due on ${r.due}: ${name(r)}`), '',
    '## Proposals open too long', '', ...list(report.staleProposals, r => `open since ${r.since}${r.fromGit ? ' (first committed)' : ''} (stale after ${r.deadline}): ${name(r)}`), '',
    '## Drift', '', ...list(report.drift, r => `${name(r)}: ${r.message}`), '',
    '## Open questions', '', ...list(report.openQuestions, r => `${name(r)}: ${r.message}`), '',
    ...(report.decisionTime ? ['## Time to decide', '', `${decisionTimeText(report.decisionTime)}.`, ''] : []),
  ].join('\n');
}

/** The report as plain text for a terminal: a line per count, an indented line per record. */
export function healthText(report: HealthReport): string {
  const section = <T extends HealthRecord>(title: string, items: readonly T[], line: (item: T) => string) =>
    [`${title}: ${items.length === 0 ? 'none' : items.length}`, ...items.map(i => `  ${i.file}  ${line(i)}`)];
  return [
    `Decision health on ${report.today}: ${report.records} record${report.records === 1 ? '' : 's'}`,
    `By status: ${report.byStatus.map(s => `${statusLabel(s.status)} ${s.count}`).join(', ') || 'none'}`,
    `By quarter: ${report.byQuarter.map(q => `${q.quarter} ${q.count}`).join(', ') || 'none'}`,
    ...section('Reviews due in the next 90 days', report.reviewsDue, r => `${r.overdue ? 'overdue, ' : ''}due on ${r.due}: ${r.title}`),
    ...section('Proposals open too long', report.staleProposals, r => `open since ${r.since}${r.fromGit ? ' (first committed)' : ''}: ${r.title}`),
    ...section('Drift', report.drift, r => r.message),
    ...section('Open questions', report.openQuestions, r => r.message),
    ...(report.decisionTime ? [`Time to decide: ${decisionTimeText(report.decisionTime)}`] : []),
  ].join('\n');
}

/** "median 12 days from a record's first commit to the commit that accepted or rejected it, over 8 records". */
export function decisionTimeText(t: { readonly medianDays: number; readonly records: number }): string {
  return `median ${t.medianDays} day${t.medianDays === 1 ? '' : 's'} from a record's first commit to the commit that accepted or rejected it, over ${t.records} record${t.records === 1 ? '' : 's'}`;
}
