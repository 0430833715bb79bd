/**
 * Record numbers, slugs and file names, as adr-tools makes them (`adr new`), so that records made by
 * Spec-First and by adr-tools sit side by side.
 */

/**
 * `newNumber` written as wide as the number `written` (digits) when that was zero-padded (`0005` →
 * `0012`), else as it is (`5` → `12`): how a renumber rewrites a number it finds in a title, a label or
 * an identifier.
 */
export function numberAsWritten(written: string, newNumber: number): string {
  return String(newNumber).padStart(written.length > 1 && written.startsWith('0') ? written.length : 1, '0');
}

/**
 * The slug of a title, as adr-tools' `adr-new` makes it: every run of characters other than ASCII
 * letters and digits becomes one `-`, lower case, no leading or trailing `-`
 * (`Something About Node.JS` → `something-about-node-js`, `Slash/Slash/Slash/` → `slash-slash-slash`,
 * `-Bar-` → `bar`). Where that leaves nothing (a title in a non-Latin script), letters and digits of
 * any script are kept instead (`設計` → `設計`); a title with neither gives `untitled`.
 */
export function slugify(title: string): string {
  // Each run of separators is one `-` by then: a single one at either end goes.
  const ascii = title.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase().replace(/^-|-$/g, '');
  if (ascii) return ascii;
  const unicode = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase().replace(/^-|-$/g, '');
  return unicode || 'untitled';
}

/** The most digits a record number has: 9 (adr-tools pads to 4 and grows past them; 9 keep it below 2^31). */
export const MAX_NUMBER_DIGITS = 9;

/**
 * What the digits opening a file name stand for: a record's number (`0007-…`, `length` digits) or a
 * log4brains date (`20240115-…`, as `YYYY-MM-DD`).
 */
export type NamePrefix =
  | { readonly number: number; readonly date?: undefined; readonly length: number }
  | { readonly date: string; readonly number?: undefined; readonly length: number };

/**
 * Reads the prefix of a record's file name: 1 to {@link MAX_NUMBER_DIGITS} digits, then `-`. Eight
 * digits that make a real calendar date from 1970 on (`YYYYMMDD`, leap years counted) are a
 * log4brains date; any other run is a decimal number (`0008` is 8, never octal: adr-tools'
 * avoid-octal-numbers). Returns undefined when the name does not start so. Scans by hand, in time
 * linear in the prefix.
 */
export function readNamePrefix(name: string): NamePrefix | undefined {
  let n = 0;
  while (n <= MAX_NUMBER_DIGITS && n < name.length && name.charCodeAt(n) >= 48 && name.charCodeAt(n) <= 57) n++;
  if (n === 0 || n > MAX_NUMBER_DIGITS || name[n] !== '-') return undefined;
  const digits = name.slice(0, n);
  if (n === 8 && isCalendarDate(+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6, 8))) {
    return { date: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`, length: n };
  }
  return { number: parseInt(digits, 10), length: n };
}

/** Whether year, month (1–12) and day make a date of the Gregorian calendar, from 1970 (log4brains' dates; earlier is a number). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * Reads a numbered or date-prefixed Markdown file name (`0007-use-x.md`, `20240115-use-x.md`, any
 * case of `.md`) as {@link readNamePrefix} does: its number or date, and the slug between the prefix
 * and `.md` (never empty). Undefined for any other name. Whether the file is a record at all (not a
 * README or a template) is the caller's question.
 */
export function readNumberedFileName(fileName: string): { readonly number?: number; readonly date?: string; readonly slug: string } | undefined {
  const prefix = readNamePrefix(fileName);
  if (!prefix || !/\.md$/i.test(fileName) || fileName.length - 3 <= prefix.length + 1) return undefined;
  const slug = fileName.slice(prefix.length + 1, -3);
  return prefix.date !== undefined ? { date: prefix.date, slug } : { number: prefix.number, slug };
}

/**
 * The number for a new record in a folder: the highest number among `names` (file names; those
 * starting with 1 to 9 digits then `-`) plus 1, or 1 for an empty folder. Numbers are decimal, never
 * octal (`0008`, `0009` are 8 and 9, adr-tools' avoid-octal-numbers). Date-prefixed names
 * (`20240115-…`, see {@link readNamePrefix}) are not numbers and are ignored.
 */
export function nextNumber(names: Iterable<string>): number {
  let max = 0;
  for (const name of names) {
    const number = readNamePrefix(name)?.number;
    if (number !== undefined) max = Math.max(max, number);
  }
  return max + 1;
}

/** A record's file name: the number zero-padded to 4 digits (`printf %04d`), a `-`, the slug, `.md`. */
export function recordFileName(number: number, title: string): string {
  return `${String(number).padStart(4, '0')}-${slugify(title)}.md`;
}

/** A log4brains record's file name: `YYYYMMDD-slug.md` from an ISO date (`2024-01-15`). */
export function datedFileName(isoDate: string, title: string): string {
  return `${isoDate.replace(/-/g, '')}-${slugify(title)}.md`;
}

/** Today's date as `YYYY-MM-DD` in local time, as `date +%Y-%m-%d` prints it. */
export function isoDate(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
