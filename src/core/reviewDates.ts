/**
 * When a decision is due for review, and since when a proposal has waited: the dates the health
 * rules (review due, stale proposal) and their quick fixes work with. Dates are local calendar
 * dates (`YYYY-MM-DD`, see `calendar.ts`); "today" is given, never read from a clock here.
 *
 * A record's review date is written as front matter `review-by`, `review-date`, `revisit-by` or
 * `expires`, as a metadata bullet (`- Review by: 2026-06-01`) or as a line under adr-tools' `Date:`
 * (`Review by: 2026-06-01`); its last review as `reviewed`. Without one, a project's `reviewAfter`
 * (`"reviewAfter": "P12M"` in `.spec-first.*`) makes an accepted record due that long after its date
 * (or its last review, when later).
 */
import { Duration, addDuration, isIsoDate, parseDuration } from './calendar';
import type { DecisionRecord } from './record';
import { FieldValue, RecordField, readField, writeFieldsEdits } from './recordFields';
import type { Range } from './text';

/** The names a review date is written under, in order of preference (`recordFields.fieldName`'s spelling). */
export const REVIEW_DATE_NAMES: readonly string[] = ['review by', 'review date', 'revisit by', 'expires'];

/** The name of the last review's date. */
export const REVIEWED_NAME = 'reviewed';

/** Statuses of records no longer in force: they are never due for review, and never stale. */
const ENDED: ReadonlySet<string> = new Set(['superseded', 'deprecated', 'rejected']);

/** Statuses of records still waiting for a decision. */
const OPEN: ReadonlySet<string> = new Set(['proposed', 'draft']);

/** How long a proposal may wait before it is stale, when the project does not say: 60 days. */
export const DEFAULT_STALE_AFTER: Duration = { years: 0, months: 0, days: 60 };

/** How far "Mark reviewed today" moves the review date when the project sets no `reviewAfter`: 12 months. */
export const DEFAULT_REVIEW_AFTER: Duration = { years: 0, months: 12, days: 0 };

/** How far "Snooze" moves the review date: 3 months. */
export const SNOOZE: Duration = { years: 0, months: 3, days: 0 };

/** A duration as ISO 8601 writes it: `P12M`, `P1Y6M`, `P60D`. */
export function durationText(d: Duration): string {
  return `P${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.days ? `${d.days}D` : ''}`;
}

/** A project's health settings as the lint rules take them: ISO 8601 durations, read with {@link parseDuration}. */
export interface HealthSettings {
  /** Accepted records without a review date are due this long after their date; none when absent. */
  readonly reviewAfter?: Duration;
  /** A proposal or draft is stale this long after its date ({@link DEFAULT_STALE_AFTER} when absent). */
  readonly staleAfter: Duration;
}

/** The settings from a project's `reviewAfter` and `staleAfter` texts (`P12M`); a text that is no duration counts as absent. */
export function healthSettings(texts: { readonly reviewAfter?: string; readonly staleAfter?: string }): HealthSettings {
  return {
    reviewAfter: texts.reviewAfter === undefined ? undefined : parseDuration(texts.reviewAfter),
    staleAfter: (texts.staleAfter === undefined ? undefined : parseDuration(texts.staleAfter)) ?? DEFAULT_STALE_AFTER,
  };
}

/** A record's review: the date it is due, and what set it. */
export interface ReviewDue {
  /** `YYYY-MM-DD`. */
  readonly due: string;
  /** The review date the record writes, when it writes one (the due date then is its value). */
  readonly written?: RecordField;
  /** The last review the record writes (`reviewed`), if any. */
  readonly reviewed?: RecordField;
  /** Where the due date comes from without a written one: the record's date or last review, plus `reviewAfter`. */
  readonly counted?: { readonly from: string; readonly reviewAfter: Duration };
}

/**
 * When `record` (text `lines`) is due for review: its written review date (a real `YYYY-MM-DD`; any
 * other text is ignored), else, for an accepted record with a `YYYY-MM-DD` date and a project
 * `reviewAfter`, that long after its date or its last review, whichever is later. Undefined for a
 * record no longer in force (superseded, deprecated, rejected) and for one with no review date.
 */
export function reviewDueOf(record: DecisionRecord, lines: readonly string[], settings: HealthSettings): ReviewDue | undefined {
  if (ENDED.has(record.status)) return undefined;
  const written = readField(record, lines, REVIEW_DATE_NAMES);
  const reviewed = readField(record, lines, [REVIEWED_NAME]);
  if (written && isIsoDate(written.text)) return { due: written.text, written, reviewed };
  if (written || !settings.reviewAfter || record.status !== 'accepted' || !record.date || !isIsoDate(record.date)) return undefined;
  const from = reviewed && isIsoDate(reviewed.text) && reviewed.text > record.date ? reviewed.text : record.date;
  const due = addDuration(from, settings.reviewAfter);
  return due ? { due, reviewed, counted: { from, reviewAfter: settings.reviewAfter } } : undefined;
}

/**
 * Edits marking a review: `reviewed` set to `today` (when given) and the review date set to `next`,
 * each in place when the record writes it, else added where its format keeps its metadata (see
 * `writeFieldsEdits`). `review` is what {@link reviewDueOf} found.
 */
export function reviewEdits(record: DecisionRecord, lines: readonly string[], eol: string, review: ReviewDue, next: string, today?: string): { range: Range; newText: string }[] {
  const dateName = review.written?.name ?? REVIEW_DATE_NAMES[0];
  const fields: FieldValue[] = [{ name: dateName, value: next }];
  if (today !== undefined) fields.push({ name: REVIEWED_NAME, value: today });
  return writeFieldsEdits(record, lines, eol, fields, new Map([[dateName, review.written], [REVIEWED_NAME, review.reviewed]]));
}

/** A proposal that waited too long: since when it is open (its date) and since when it is stale. */
export interface StaleProposal {
  /** The record's date, `YYYY-MM-DD` (or the day git first saw its file, when `fromGit`). */
  readonly since: string;
  /** True when the record has no date and `since` is the day its file was first committed. */
  readonly fromGit?: boolean;
  /** `staleAfter` after its date: the last day it was not yet stale. */
  readonly deadline: string;
}

/** True for a proposal or draft without a `YYYY-MM-DD` date: {@link staleProposalOf} needs the day its file was first committed. */
export function needsFirstCommit(record: DecisionRecord): boolean {
  return OPEN.has(record.status) && !(record.date !== undefined && isIsoDate(record.date));
}

/**
 * Whether `record`, proposed or draft, has waited longer than `settings.staleAfter` since its date
 * (`YYYY-MM-DD`) by `today` (`YYYY-MM-DD`): stale when `today` is after date + staleAfter (the day
 * itself is not yet). A record without a `YYYY-MM-DD` date counts from `firstCommitted`, the day git
 * first saw its file, when the host read it. Undefined otherwise.
 */
export function staleProposalOf(record: DecisionRecord, settings: HealthSettings, today: string, firstCommitted?: string): StaleProposal | undefined {
  if (!OPEN.has(record.status)) return undefined;
  const dated = record.date !== undefined && isIsoDate(record.date);
  const since = dated ? record.date! : firstCommitted !== undefined && isIsoDate(firstCommitted) ? firstCommitted : undefined;
  const limit = since && addDuration(since, settings.staleAfter);
  return since && limit && limit < today ? { since, deadline: limit, ...(dated ? {} : { fromGit: true }) } : undefined;
}
