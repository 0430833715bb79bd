/**
 * Text edits the quick fixes share: inserting a block of lines with blank lines around it, adding a
 * missing section where the template puts it, and setting a record's status where its format keeps it.
 * Every edit uses the document's own line ends.
 */
import { stringify } from 'yaml';
import { formatOf } from '../formats';
import type { KindSpec, SectionSpec } from '../kinds';
import { DecisionRecord, metadataLines } from '../record';
import { LineSpan, bodyStart, statusSection } from '../recordSections';
import { range } from '../text';
import type { Fix, TextEdit } from './types';

export type { LineSpan } from '../recordSections';
export { bodyStart } from '../recordSections';

/**
 * An edit inserting `block` (which ends in `eol`) before 0-based line `at`, or at the end of the
 * document when `at` is past it, keeping one blank line between the block and its neighbours.
 */
export function insertLines(lines: readonly string[], at: number, block: string, eol: string): TextEdit {
  if (at < lines.length && !(at === lines.length - 1 && lines[at] === '')) {
    const before = at > 0 && lines[at - 1].trim() !== '' ? eol : '';
    return { range: range(at, 0, at, 0), newText: `${before}${block}${eol}` };
  }
  const last = lines.length - 1;
  if (lines[last] === '') {
    const before = last > 0 && lines[last - 1].trim() !== '' ? eol : '';
    return { range: range(last, 0, last, 0), newText: before + block };
  }
  return { range: range(last, lines[last].length, last, lines[last].length), newText: eol + eol + block };
}

/**
 * The fix for a missing section: its heading and the template's prompt, after the last section that
 * the template puts before it (at the same or a higher level), else before the first section the
 * template puts after it, else at the end. Safe: it only adds the template's own text.
 */
export function insertSectionFix(spec: KindSpec, section: SectionSpec, matched: ReadonlyMap<SectionSpec, LineSpan>, lines: readonly string[], eol: string): Fix {
  const order = spec.sections.indexOf(section);
  const block = `${'#'.repeat(section.level)} ${section.title}${eol}${eol}${section.prompt.replace(/\n/g, eol)}${eol}`;
  let line: number | undefined;
  for (let i = order - 1; i >= 0 && line === undefined; i--) {
    const h = matched.get(spec.sections[i]);
    if (h && spec.sections[i].level <= section.level) line = h.endLine;
  }
  for (let i = order + 1; i < spec.sections.length && line === undefined; i++) {
    const h = matched.get(spec.sections[i]);
    if (h) line = h.line;
  }
  return { title: `Add section "${section.title}"`, edits: [insertLines(lines, line ?? lines.length, block, eol)], safe: true };
}

/**
 * An edit putting `text` (lines joined with `\n`) under a heading, with a blank line before it: right
 * after the heading (or its setext underline), or after the heading's line when it ends the document.
 */
export function insertUnderHeading(lines: readonly string[], heading: LineSpan, text: string, eol: string): TextEdit {
  const at = bodyStart(lines, heading);
  const block = text.replace(/\n/g, eol);
  if (at < lines.length) return { range: range(at, 0, at, 0), newText: `${eol}${block}${eol}` };
  const last = lines.length - 1;
  return { range: range(last, lines[last].length, last, lines[last].length), newText: `${eol}${eol}${block}${eol}` };
}

/** A string as a YAML scalar that reads back as itself: plain where it can be (`accepted`), else quoted (`"superseded by [A: B](x.md)"`). */
function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * The `status:` keys of the front matter (each with an indented continuation, such as a list), as
 * line spans: usually one; all of them when a hand edit repeated the key (YAML reads the last).
 */
function frontMatterStatusLines(record: DecisionRecord, lines: readonly string[]): { first: number; last: number }[] {
  const end = record.outline.frontMatter?.endLine ?? 0;
  const spans: { first: number; last: number }[] = [];
  for (let i = 1; i < end; i++) {
    // The key as YAML writes it: plain or quoted (`"status": accepted`).
    if (!/^(["']?)status\1[ \t]*:/i.test(lines[i])) continue;
    let last = i;
    while (last + 1 < end && /^[ \t]+\S|^-\s/.test(lines[last + 1])) last++;
    spans.push({ first: i, last });
    i = last;
  }
  return spans;
}

/**
 * Edits that set a record's status to `status` where its format keeps it: they replace the status
 * written (the front matter value, the `- Status:` bullet, or the first line of Nygard's Status
 * section), fill an empty one (a `status:` key without a value, an empty bullet, an empty Status
 * section), or add one (a Status section before Context, a bullet under the title, a front matter
 * key, or new front matter), each where the record's format (`formats.ts`) puts it. `status` is
 * written as the format writes it (`RecordFormat.statusAsWritten`).
 */
export function setStatusEdits(record: DecisionRecord, status: string, sections: ReadonlyMap<SectionSpec, LineSpan>, spec: KindSpec, lines: readonly string[], eol: string): TextEdit[] {
  const format = formatOf(record);
  const written = format.statusAsWritten(status);
  const keys = frontMatterStatusLines(record, lines);
  if (keys.length) return keys.map(key => ({ range: range(key.first, 0, key.last, lines[key.last].length), newText: `status: ${yamlScalar(written)}` }));
  const at = record.statusRange;
  if (at && record.status !== 'missing') return [{ range: at, newText: written }];
  // An empty `- Status:` bullet under the title (log4brains), where the record reads its metadata (a Rust RFC's are not its status).
  const meta = metadataLines(record.outline, lines);
  const bulletsEnd = format.statusInMetadata ? meta.end : meta.start;
  for (let i = meta.start; i < bulletsEnd; i++) {
    const m = /^(\s{0,3}[-*+]\s+status\s*:).*$/i.exec(lines[i]);
    if (m) return [{ range: range(i, 0, i, lines[i].length), newText: `${m[1]} ${written}` }];
  }
  if (format.statusHome === 'status-section') {
    const heading = statusSection(record.outline)?.heading;
    if (heading) return [insertUnderHeading(lines, heading, written, eol)];
    const next = spec.sections.filter(s => s.concept !== 'status').map(s => sections.get(s)).find(h => h);
    return [insertLines(lines, next?.line ?? lines.length, `## Status${eol}${eol}${written}${eol}`, eol)];
  }
  if (format.statusHome === 'metadata-bullet') {
    // Under the title, unless that is not where the metadata is read (text above the title, or the title far down).
    const under = record.titleHeading ? bodyStart(lines, record.titleHeading) : meta.start;
    const line = under <= meta.end && under < meta.limit ? under : meta.start;
    return [{ range: range(line, 0, line, 0), newText: `${eol}- Status: ${written}${eol}` }];
  }
  if (record.outline.frontMatter) {
    const end = record.outline.frontMatter.endLine;
    return [{ range: range(end, 0, end, 0), newText: `status: ${yamlScalar(written)}${eol}` }];
  }
  return [{ range: range(0, 0, 0, 0), newText: `---${eol}status: ${yamlScalar(written)}${eol}---${eol}${eol}` }];
}
