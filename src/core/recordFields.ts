/**
 * A record's metadata fields beside its status and date: a review date, when it was last reviewed,
 * who decided. Each format keeps them where it keeps its status (see `formats.ts`,
 * `RecordFormat.statusHome`): MADR and RFCs as front matter keys (`review-by: 2026-06-01`),
 * log4brains as metadata bullets under the title (`- Review by: 2026-06-01`), adr-tools as lines under
 * the title, beside `Date:` (`Review by: 2026-06-01`). A field is read from any of the three places
 * whatever the format, and written where the record's format keeps it.
 */
import { frontMatterString } from './frontMatter';
import { formatOf } from './formats';
import { DecisionRecord, metadataBullet, metadataLines } from './record';
import { bodyStart } from './recordSections';
import { Range, range } from './text';

/** A field as a record writes it. */
export interface RecordField {
  /** The field's name in one spelling: lower case, words split by single spaces (`review by`). */
  readonly name: string;
  /** The value: trimmed; a front matter list joined with `, `; `''` when the field is written empty. */
  readonly text: string;
  /** Where the value is (0-based); an empty range after the key when the value is empty. */
  readonly range: Range;
  /** The key as written (`review-by`, `Review by`). */
  readonly key: string;
}

/** A field name in one spelling: `Review-By`, `review_by` and `Review  by` are `review by`. */
export function fieldName(key: string): string {
  return key.trim().toLowerCase().replace(/[-_\s]+/g, ' ');
}

/** A plain `Key: value` line (adr-tools' `Date:`): the key (a letter, then up to 30 letters, spaces or `-`) and the value's start. */
function plainField(line: string): { key: string; value: string; start: number } | undefined {
  const m = /^ {0,3}([A-Za-z][A-Za-z -]{0,30}):/.exec(line);
  if (!m) return undefined;
  const value = line.slice(m[0].length).trimStart();
  return { key: m[1].trimEnd(), value, start: line.length - value.length };
}

/** A value as a front matter list or scalar reads: a list's scalar items joined with `, `. */
function frontMatterText(data: Readonly<Record<string, unknown>>, key: string): string {
  const v = data[key];
  if (Array.isArray(v)) return v.filter(x => typeof x === 'string' || typeof x === 'number').map(x => String(x).trim()).filter(Boolean).join(', ');
  return frontMatterString(data, key) ?? '';
}

/**
 * The first field of `record` named one of `names` (in {@link fieldName}'s spelling), in the order
 * `names` lists them: from its front matter's top-level keys, else from the `- Key: value` bullets
 * and `Key: value` lines between the title and the first section (see `metadataLines`). `lines` are
 * the record's. Undefined when none is written. Never throws.
 */
export function readField(record: DecisionRecord, lines: readonly string[], names: readonly string[]): RecordField | undefined {
  const found = new Map<string, RecordField>();
  const fm = record.outline.frontMatter;
  if (fm && record.frontMatter && !record.frontMatter.error) {
    for (let i = 1; i < fm.endLine && i < lines.length; i++) {
      const m = /^(["']?)([A-Za-z][\w-]{0,40})\1[ \t]*:/.exec(lines[i]);
      const name = m && fieldName(m[2]);
      if (!m || !name || !names.includes(name) || found.has(name)) continue;
      const raw = lines[i].slice(m[0].length);
      const start = m[0].length + raw.length - raw.trimStart().length;
      found.set(name, { name, key: m[2], text: frontMatterText(record.frontMatter.data, m[2]), range: range(i, start, i, start + raw.trim().length) });
    }
  }
  const { start, end } = metadataLines(record.outline, lines);
  for (let i = start; i < end; i++) {
    const m = metadataBullet(lines[i]) ?? plainField(lines[i]);
    const name = m && fieldName(m.key);
    if (!m || !name || !names.includes(name) || found.has(name)) continue;
    const value = m.value.trimEnd();
    found.set(name, { name, key: m.key, text: value.trim(), range: range(i, m.start, i, m.start + value.length) });
  }
  for (const name of names) {
    const field = found.get(name);
    if (field) return field;
  }
  return undefined;
}

/** A field to write: its name (in {@link fieldName}'s spelling) and value. */
export interface FieldValue {
  readonly name: string;
  readonly value: string;
}

/**
 * Edits writing `fields` into `record` (whose text has `lines`, `eol` its line end): a field the
 * record already writes (`existing`, by name, as {@link readField} found it) gets its value replaced
 * in place; the others are added together where the record's format keeps its metadata — before
 * the front matter's closing `---` (new front matter when there is none), after the last `- Key:`
 * bullet under the title (log4brains), after the last `Key:` line there, such as `Date:` (adr-tools) — spelled as that place
 * spells keys (`review-by`, `- Review by:`, `Review by:`).
 */
export function writeFieldsEdits(record: DecisionRecord, lines: readonly string[], eol: string, fields: readonly FieldValue[],
  existing: ReadonlyMap<string, RecordField | undefined>): { range: Range; newText: string }[] {
  const edits: { range: Range; newText: string }[] = [];
  const added: FieldValue[] = [];
  for (const f of fields) {
    const at = existing.get(f.name);
    if (at) edits.push({ range: at.range, newText: f.value });
    else added.push(f);
  }
  if (added.length === 0) return edits;
  const spelled = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
  const home = formatOf(record).statusHome;
  if (home === 'front-matter') {
    const block = added.map(f => `${f.name.replace(/ /g, '-')}: ${f.value}${eol}`).join('');
    const fm = record.outline.frontMatter;
    edits.push(fm ? { range: range(fm.endLine, 0, fm.endLine, 0), newText: block } : { range: range(0, 0, 0, 0), newText: `---${eol}${block}---${eol}${eol}` });
    return edits;
  }
  const { start, end } = metadataLines(record.outline, lines);
  const prefix = home === 'metadata-bullet' ? '- ' : '';
  const block = added.map(f => `${prefix}${spelled(f.name)}: ${f.value}`).join(eol);
  // After the last metadata bullet (log4brains) or `Key:` line such as `Date:` (adr-tools), else under the title.
  let after = -1;
  for (let i = start; i < end; i++) if (home === 'metadata-bullet' ? metadataBullet(lines[i]) : plainField(lines[i])) after = i;
  if (after >= 0) return [...edits, { range: range(after, lines[after].length, after, lines[after].length), newText: eol + block }];
  const under = record.titleHeading ? bodyStart(lines, record.titleHeading) : start;
  return [...edits, { range: range(under, 0, under, 0), newText: `${eol}${block}${eol}` }];
}
