/**
 * Calendar dates as decision records write them: local calendar dates, `YYYY-MM-DD` (ISO 8601's
 * calendar date), with no time and no time zone. Two dates compare as strings; arithmetic works on
 * the date's fields (through `Date.UTC`, which never shifts a day), so a record reads the same on
 * every machine. Durations are ISO 8601's `PnYnMnD` (`P12M`, `P60D`, `P1Y6M`), as the project
 * configuration's `reviewAfter` and `staleAfter` write them.
 */
import { isoDate } from './numbering';

/** A duration in whole years, months and days (ISO 8601 `PnYnMnD`). */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

/** `YYYY-MM-DD`'s fields, or undefined when `text` is not a real calendar date so written. */
function fieldsOf(text: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? { y, m: mo, d } : undefined;
}

/** True for a real calendar date written `YYYY-MM-DD` (ISO 8601's calendar date): `2024-02-30` is not. */
export function isIsoDate(text: string): boolean {
  return fieldsOf(text) !== undefined;
}

/**
 * The environment variable that pins "today" (`YYYY-MM-DD`) for the hosts (the CLI, the editor), so
 * that tests and the corpus snapshot give the same findings on every day. The core reads no
 * environment: hosts pass it as the lint's `today`.
 */
export const TODAY_VARIABLE = 'SPEC_FIRST_TODAY';

/** Today's local calendar date, `YYYY-MM-DD`, as `date +%Y-%m-%d` prints it (`now`: the clock by default). */
export function localToday(now: Date = new Date()): string {
  return isoDate(now);
}

/** `YYYY-MM-DD` of a UTC-midnight `Date` built from calendar fields. */
function format(at: Date): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(at.getUTCFullYear(), 4)}-${p(at.getUTCMonth() + 1, 2)}-${p(at.getUTCDate(), 2)}`;
}

/**
 * The date `duration` after `date` (`YYYY-MM-DD`): years and months first, the day kept or, when the
 * month is shorter, its last day (`2024-01-31` + `P1M` is `2024-02-29`), then the days. Undefined
 * when `date` is not a calendar date.
 */
export function addDuration(date: string, duration: Duration): string | undefined {
  const f = fieldsOf(date);
  if (!f) return undefined;
  const months = f.m - 1 + duration.months + 12 * duration.years;
  const lastDay = new Date(Date.UTC(f.y, months + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(f.y, months, Math.min(f.d, lastDay) + duration.days)));
}

/**
 * An ISO 8601 duration of whole years, months and days: `P12M`, `P60D`, `P1Y6M`, `P2W` (weeks, read
 * as days), any case; undefined for anything else (times such as `PT1H`, fractions, signs, `P`
 * alone, or a zero duration).
 */
export function parseDuration(text: string): Duration | undefined {
  const t = text.trim().toUpperCase();
  const weeks = /^P(\d{1,4})W$/.exec(t);
  if (weeks) return +weeks[1] > 0 ? { years: 0, months: 0, days: 7 * +weeks[1] } : undefined;
  const m = /^P(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,6})D)?$/.exec(t);
  if (!m || t === 'P') return undefined;
  const duration = { years: +(m[1] ?? 0), months: +(m[2] ?? 0), days: +(m[3] ?? 0) };
  return duration.years + duration.months + duration.days > 0 ? duration : undefined;
}
