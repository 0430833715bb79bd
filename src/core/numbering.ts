/**
 * Record numbers, slugs and file names, as adr-tools makes them (`adr new`), so that records made by
 * Spec-First and by adr-tools sit side by side.
 */

/**
 * The slug of a title, as adr-tools' `adr-new` makes it: every run of characters other than ASCII
 * letters and digits becomes one `-`, lower case, no leading or trailing `-`
 * (`Something About Node.JS` → `something-about-node-js`, `Slash/Slash/Slash/` → `slash-slash-slash`,
 * `-Bar-` → `bar`). Where that leaves nothing (a title in a non-Latin script), letters and digits of
 * any script are kept instead (`設計` → `設計`); a title with neither gives `untitled`.
 */
export function slugify(title: string): string {
  const ascii = title.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase().replace(/^-+|-+$/g, '');
  if (ascii) return ascii;
  const unicode = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase().replace(/^-+|-+$/g, '');
  return unicode || 'untitled';
}

/**
 * The number for a new record in a folder: the highest number among `names` (file names; those
 * starting with digits then `-`) plus 1, or 1 for an empty folder. Numbers are decimal, never octal
 * (`0008`, `0009` are 8 and 9, adr-tools' avoid-octal-numbers). Date-prefixed names (`20240115-…`)
 * are not numbers and are ignored.
 */
export function nextNumber(names: Iterable<string>): number {
  let max = 0;
  for (const name of names) {
    const m = /^(\d{1,5})-/.exec(name);
    if (m) max = Math.max(max, parseInt(m[1], 10));
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
