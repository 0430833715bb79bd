/**
 * A record's lifecycle as text edits: supersede, link, change status, renumber, and the decision
 * log's table of contents. Each record is written by its format object (`formats.ts`): Nygard
 * records exactly as adr-tools writes them (`adr new -s`, `adr link`, `adr generate toc`: see its
 * tests' `*.expected`), MADR and log4brains records in their own way (MADR's `status: superseded by
 * ADR-0007`, log4brains' `- Status: superseded by [title](file)` and `## Links` bullets), a project
 * kind by the format its configuration names. Pure: the caller applies the edits, all of one
 * operation in one `WorkspaceEdit`, so that one undo restores every record. Rust RFCs keep no
 * status: callers check {@link lifecycleRefusal} first.
 */
import { FormatId, FORMATS, adrId, formatOf } from './formats';
import { matchSections } from './kinds';
import { bodyStart, insertLines, setStatusEdits } from './lint/edits';
import type { TextEdit } from './lint/types';
import { numberAsWritten, readNamePrefix } from './numbering';
import { scanOutline } from './outline';
import { basename, dirname, relativeLink } from './paths';
import { DEFAULT_STATUSES, DecisionRecord } from './record';
import { StatusSection, linksHeading, statusSection } from './recordSections';
import { markdownRecordLink } from './recordLink';
import { trimCharacters } from './scan';
import { Position, Range, applyTextEdits, eolOf, range, splitLines } from './text';

/** A record with its text and workspace-relative path. */
export interface RecordText {
  readonly path: string;
  readonly text: string;
  readonly record: DecisionRecord;
}

/** Edits to one file. */
export interface FileEdits {
  readonly path: string;
  readonly edits: readonly TextEdit[];
}

/** The relations "Link Records" offers, each with its reverse: the pairs adr-tools' `adr link` is used with. */
export const LINK_TYPES: readonly (readonly [relation: string, reverse: string])[] = [
  ['Amends', 'Amended by'], ['Clarifies', 'Clarified by'], ['Extends', 'Extended by'], ['Relates to', 'Relates to'], ['Depends on', 'Required by'],
];

export { adrToolsVerb, lifecycleRefusal } from './formats';

/** How a record is named in a link written by a record of format `format`: `2. Second Record` (adr-tools), `ADR-0002` (MADR), else its title. */
export function linkLabel(to: { readonly record: DecisionRecord }, format: FormatId): string {
  return FORMATS[format].linkLabel(to.record);
}

/**
 * The Markdown link a record writes to another: `[label](relative path)`, labelled by
 * {@link linkLabel} for the writing record's kind, the label escaped and the path percent-encoded
 * where Markdown needs it (see {@link markdownRecordLink}). U+2028 and U+2029 in a title become
 * spaces: Markdown reads them as text, but the record's reader (JavaScript's `.`) would stop there.
 */
export function relationLink(from: { readonly path: string; readonly record: DecisionRecord }, to: { readonly path: string; readonly record: DecisionRecord }): string {
  return markdownRecordLink(formatOf(from.record).linkLabel(to.record).replace(/[\u2028\u2029]/g, ' '), to.path, from.path);
}

/** A record's Status section, when its status is read from there, or when it has none written anywhere (then the section's text is where it goes). */
function statusSectionInUse(record: DecisionRecord): StatusSection | undefined {
  const section = statusSection(record.outline);
  const at = record.statusRange?.start.line;
  return section && (at === undefined || (at > section.heading.line && at < section.end)) ? section : undefined;
}

/**
 * One edit rewriting the text of a Status section: the lines from its heading (or setext underline)
 * to its own last non-blank line, before any sub-heading (see {@link statusSection}). `rewrite` gets
 * those lines, blank ones included, and returns the new ones. Blank lines after the text are kept,
 * and one is added when a heading followed the text directly. A single edit: it never overlaps.
 */
function rewriteStatusText(lines: readonly string[], eol: string, section: StatusSection, rewrite: (text: readonly string[]) => string[]): TextEdit {
  const first = bodyStart(lines, section.heading);
  let last = Math.min(section.end, lines.length) - 1;
  while (last >= first && !lines[last].trim()) last--;
  const from = first - 1;
  const to = Math.max(last, from);
  const after = to + 1 < lines.length && lines[to + 1].trim() ? eol : '';
  return { range: range(from, lines[from].length, to, lines[to].length), newText: rewrite(lines.slice(first, last + 1)).map(l => eol + l).join('') + after };
}

/** Status text lines without those `drop` selects, each with the blank line after it (adr-tools' `_adr_remove_status`), trailing blank lines trimmed. */
function withoutLines(text: readonly string[], drop: (line: string) => boolean): string[] {
  const kept: string[] = [];
  let fence: string | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const line = text[i];
    // Only a paragraph of one line, outside fenced code and HTML comments: a longer paragraph that
    // starts with a status word ("Proposed by the platform team…") is the user's text.
    const alone = !(i > 0 && text[i - 1].trim()) && !(i + 1 < text.length && text[i + 1].trim());
    if (!fence && !comment && alone && drop(line)) {
      if (i + 1 < text.length && !text[i + 1].trim()) i++;
      continue;
    }
    kept.push(line);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && !line.trim().slice(marker.length).trim()) fence = undefined;
    } else if (comment) {
      comment = !line.includes('-->');
    } else if (marker) {
      fence = marker;
    } else {
      const open = line.lastIndexOf('<!--');
      comment = open >= 0 && !line.includes('-->', open + 4);
    }
  }
  while (kept.length > 0 && !kept[kept.length - 1].trim()) kept.pop();
  return kept;
}

/** True for a line that is a status alone: a word of `words` (any case, emphasis and a final `.` aside), or `Superseded by …`. */
function isStatusLine(line: string, words: readonly string[]): boolean {
  const t = trimCharacters(line.trim().toLowerCase(), '*_`.').trim();
  return words.includes(t) || /^super[cs]eded by\s/.test(t);
}

/** Status text lines followed by one more paragraph (after a blank line; the paragraph alone when there is no other text). */
function withParagraph(text: readonly string[], paragraph: string): string[] {
  return text.some(l => l.trim()) ? [...text, '', paragraph] : ['', paragraph];
}

/**
 * Adds `Relation [label](link)` to a record where its format keeps relations (see `formats.ts`):
 * for Nygard, a paragraph at the end of the Status section's text (adr-tools' `_adr_add_link`),
 * before any sub-heading, the section made before the first section when missing; for the others,
 * and for a Nygard record whose status is written elsewhere (front matter, a bullet), a bullet in
 * the format's links section (`## More Information`, `## Links`), made at the end of the document
 * when missing. `relation` is written as the format spells it (see `RecordFormat.relationAsWritten`).
 */
export function addRelationEdits(from: RecordText, relation: string, to: { readonly path: string; readonly record: DecisionRecord }): TextEdit[] {
  const lines = splitLines(from.text);
  const eol = eolOf(from.text);
  const format = formatOf(from.record);
  const sentence = `${format.relationAsWritten(relation)} ${relationLink(from, to)}`;
  if (format.relationHome === 'status-section') {
    const section = statusSectionInUse(from.record);
    if (section) return [rewriteStatusText(lines, eol, section, text => withParagraph(text, sentence))];
    if (!from.record.statusRange) return [newStatusSection(from, lines, eol, sentence)];
  }
  const item = `${format.linksSection.bullet} ${sentence}`;
  const heading = linksHeading(from.record.outline);
  if (heading) {
    const last = heading.lastContentLine;
    const separator = last === heading.line ? `${eol}${eol}` : eol;
    return [{ range: range(last, lines[last].length, last, lines[last].length), newText: `${separator}${item}` }];
  }
  return [appendSection(from, lines, eol, format.linksSection.title, item)];
}

/** A Nygard record's new `## Status` section holding `paragraph`: before the first section after the title (adr-tools' place for it), else at the end. */
function newStatusSection(r: RecordText, lines: readonly string[], eol: string, paragraph: string): TextEdit {
  const next = r.record.outline.headings.find(h => h.line > (r.record.titleHeading?.line ?? -1) && h.level > 1);
  return next ? insertLines(lines, next.line, `## Status${eol}${eol}${paragraph}${eol}`, eol) : appendSection(r, lines, eol, 'Status', paragraph);
}

/**
 * An edit adding `## title` and `paragraph` at the end of a document, outside the blocks CommonMark
 * runs to the end when they are never closed: a fenced code block gets its closing fence, an HTML
 * comment its `-->` (which one is open, the outline says: the section must read back as a section).
 */
function appendSection(r: RecordText, lines: readonly string[], eol: string, title: string, paragraph: string): TextEdit {
  const block = `## ${title}${eol}${eol}${paragraph}${eol}`;
  const open = r.record.outline.fences.find(f => !f.closed);
  const fence = open && /^ {0,3}(`{3,}|~{3,})/.exec(lines[open.startLine])?.[1];
  const after = (closer: string) => insertLines(lines, lines.length, `${closer}${closer && eol + eol}${block}`, eol);
  if (fence) return after(fence);
  // No fence open, as the outline sees no fence inside a comment: a comment may be.
  const plain = after('');
  const last = scanOutline(applyTextEdits(r.text, [plain])).headings.at(-1);
  return last && last.text === title && last.line >= lines.length - 1 ? plain : after('-->');
}

/** Whether two ranges share a character (an insertion at a range's end does not). */
function overlap(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * Sets the status (a word of the vocabulary, or a phrase such as `Superceded by […](…)`) where the
 * format keeps it, and, where the format records when a decision changed (MADR's and the RFC's front
 * matter `date`, log4brains' `- Date:`), that date too (`date`: `YYYY-MM-DD`). adr-tools' `Date:` and
 * a Rust RFC's `Start Date` are creation dates and are left alone. In a Nygard Status section, the status paragraphs
 * (those that read as a status of `vocabulary` or the defaults, the status read now, `Superceded by …`
 * included) give way to the new one, written first; relation paragraphs (`Amended by …`) and other
 * text stay.
 */
export function changeStatusEdits(r: RecordText, status: string, date?: string, vocabulary: readonly string[] = DEFAULT_STATUSES): TextEdit[] {
  const lines = splitLines(r.text);
  const eol = eolOf(r.text);
  const format = formatOf(r.record);
  const inSection = format.statusHome === 'status-section';
  const section = inSection ? statusSectionInUse(r.record) : undefined;
  let edits: TextEdit[];
  if (section) {
    const words = [...DEFAULT_STATUSES, ...vocabulary.map(v => v.toLowerCase()), status.trim().toLowerCase()];
    const written = format.statusAsWritten(status);
    edits = [rewriteStatusText(lines, eol, section, text => {
      const rest = withoutLines(text, l => isStatusLine(l, words));
      const start = rest.findIndex(l => l.trim());
      return start < 0 ? ['', written] : ['', written, '', ...rest.slice(start)];
    })];
  } else if (inSection && !r.record.statusRange) {
    edits = [newStatusSection(r, lines, eol, format.statusAsWritten(status))];
  } else {
    edits = setStatusEdits(r.record, status, matchSections(format.spec, r.record.outline), format.spec, lines, eol);
  }
  const at = r.record.dateRange;
  const read = r.record.date;
  // Only where the date is written as read (never a fallback position such as the front matter's `---`),
  // and not where the status edit already is (a one-line front matter is rare, but possible).
  if (date && format.changeDated && at && read !== undefined && read !== date && at.start.line === at.end.line
    && lines[at.start.line].slice(at.start.character, at.end.character).includes(read) && !edits.some(e => overlap(e.range, at))) {
    // An empty `- Date:` gets its space back.
    const space = at.start.character === at.end.character && lines[at.start.line].charAt(at.start.character - 1) === ':' ? ' ' : '';
    edits.push({ range: at, newText: space + date });
  }
  return edits;
}

/**
 * Supersedes `older` with `newer`, on both sides at once. Nygard (adr-tools' `adr new -s`): the older
 * record's `Accepted` paragraph is removed and `Superceded by [N. Title](file)` added to its status;
 * the newer gets `Supercedes [N. Title](file)`. MADR: `status: superseded by ADR-NNNN` and a
 * `Supersedes` bullet under More Information. log4brains: `- Status: superseded by [title](file)` and
 * a `Supersedes` bullet under Links.
 */
export function supersedeEdits(older: RecordText, newer: RecordText): FileEdits[] {
  return [
    { path: older.path, edits: supersededStatusEdits(older, newer) },
    { path: newer.path, edits: addRelationEdits(newer, 'supersedes', older) },
  ];
}

/** The status `older` gets when `newer` supersedes it, as `older`'s format writes it (see `RecordFormat.supersededStatus`). */
export function supersededStatusOf(older: { readonly path: string; readonly record: DecisionRecord }, newer: { readonly path: string; readonly record: DecisionRecord }): string {
  return formatOf(older.record).supersededStatus(newer.record, relationLink(older, newer), dirname(older.path) === dirname(newer.path));
}

/**
 * The older side of {@link supersedeEdits}: `older`'s status says that `newer` supersedes it, as its
 * format writes it. Nygard: adr-tools' `_adr_remove_status Accepted` then `_adr_add_link "Superceded
 * by"`, as one edit of the Status section's text.
 */
export function supersededStatusEdits(older: RecordText, newer: { readonly path: string; readonly record: DecisionRecord }): TextEdit[] {
  const format = formatOf(older.record);
  const status = supersededStatusOf(older, newer);
  if (format.statusHome === 'status-section') {
    const section = statusSectionInUse(older.record);
    if (section) {
      const lines = splitLines(older.text);
      return [rewriteStatusText(lines, eolOf(older.text), section, text => withParagraph(withoutLines(text, l => isStatusLine(l, ['accepted', 'proposed'])), status))];
    }
    return older.record.statusRange ? changeStatusEdits(older, status) : addRelationEdits(older, 'superseded by', newer);
  }
  return changeStatusEdits(older, status);
}

/**
 * Links two records with a relation and its reverse, as `adr link SOURCE Relation TARGET "Reverse"`
 * does: `Relation [target]` is added to `source`, `Reverse [source]` to `target`.
 */
export function linkEdits(source: RecordText, relation: string, target: RecordText, reverse: string): FileEdits[] {
  return [
    { path: source.path, edits: addRelationEdits(source, relation, target) },
    { path: target.path, edits: addRelationEdits(target, reverse, source) },
  ];
}

/** Options of {@link tableOfContents}, as `adr generate toc -i INTRO -o OUTRO -p PREFIX`. */
export interface TocOptions {
  /** Put before each link (`foo/doc/adr/`). */
  readonly prefix?: string;
  /** Markdown placed after the title. */
  readonly intro?: string;
  /** Markdown placed after the list. */
  readonly outro?: string;
  /** The file the table is written to: links are relative to it (default: beside the records). */
  readonly path?: string;
}

/**
 * The decision log's table of contents as adr-tools' `adr generate toc` writes it:
 * `# Architecture Decision Records`, then `* [N. Title](file)` for each record in file-name order.
 * Returns the file's text with `\n` line ends and a final line break.
 */
export function tableOfContents(records: readonly { path: string; record: DecisionRecord }[], options: TocOptions = {}): string {
  const sorted = [...records].sort((a, b) => basename(a.path).localeCompare(basename(b.path)));
  const items = sorted.map(r => {
    const label = r.record.format === 'nygard' ? FORMATS.nygard.linkLabel(r.record) : r.record.title;
    const link = options.path ? relativeLink(options.path, r.path) : basename(r.path);
    return `* [${label}](${options.prefix ?? ''}${link})`;
  });
  const parts = ['# Architecture Decision Records', ''];
  if (options.intro?.trim()) parts.push(options.intro.trim().replace(/\r\n?/g, '\n'), '');
  parts.push(...items);
  if (options.outro?.trim()) parts.push('', options.outro.trim().replace(/\r\n?/g, '\n'));
  return `${parts.join('\n')}\n`;
}

/**
 * Renumbers a numbered record: its new file name (`NNNN-slug.md`), its title's number (adr-tools'
 * `# N. Title`), and every link to it in the other records, all as edits. Returns the new path and the
 * edits by file (the caller renames the file in the same `WorkspaceEdit`).
 */
export function renumberEdits(target: RecordText, newNumber: number, others: readonly RecordText[]): { newPath: string; files: FileEdits[] } {
  const name = basename(target.path);
  const prefix = readNamePrefix(name);
  const padded = String(newNumber).padStart(4, '0');
  const newName = prefix?.number !== undefined ? `${padded}${name.slice(prefix.length)}` : `${padded}-${name}`;
  const folder = dirname(target.path);
  const newPath = folder ? `${folder}/${newName}` : newName;
  const files: FileEdits[] = [];
  const title = renumberedTitle(target.record, newNumber);
  if (title) files.push({ path: target.path, edits: [title] });
  const renumbered = { path: newPath, record: { ...target.record, number: newNumber } };
  for (const other of others) {
    if (other.path === target.path) continue;
    const before = linkParts(other, target);
    const after = linkParts(other, renumbered);
    const lines = splitLines(other.text);
    const edits: TextEdit[] = [];
    lines.forEach((line, i) => {
      let from = 0;
      for (;;) {
        const at = line.indexOf(`](${before.destination}`, from);
        if (at < 0) break;
        const end = at + 2 + before.destination.length;
        // Only whole targets: `](0002-x.md)` or `](0002-x.md#part)`, not `](0002-x.md.bak)`.
        if (/^[)#\s]/.test(line.charAt(end))) {
          edits.push({ range: range(i, at + 2, i, end), newText: after.destination });
          // The label follows the number where it names it: adr-tools' `[2. Title]`, MADR's `[ADR-0002]`.
          if (before.label !== after.label && line.slice(at - before.label.length - 1, at) === `[${before.label}`) {
            edits.push({ range: range(i, at - before.label.length, i, at), newText: after.label });
          }
        }
        from = end;
      }
    });
    edits.push(...idEdits(other, lines, target, newNumber));
    if (edits.length) files.push({ path: other.path, edits });
  }
  return { newPath, files };
}

/**
 * The edit giving a title that starts with the record's number (adr-tools' `# 5. Title`) `newNumber`
 * instead, as wide as it was written when zero-padded (`# 0005. Title` → `# 0012. Title`); undefined
 * for any other title.
 */
export function renumberedTitle(record: DecisionRecord, newNumber: number): TextEdit | undefined {
  const title = record.titleHeading;
  const m = title && /^(\d+)\.\s/.exec(title.text);
  if (!title || !m) return undefined;
  const start = title.range.start.character;
  return { range: range(title.line, start, title.line, start + m[1].length), newText: numberAsWritten(m[1], newNumber) };
}

/** The label and the destination of {@link relationLink} from `from` to `to`, as written. */
function linkParts(from: { readonly path: string; readonly record: DecisionRecord }, to: { readonly path: string; readonly record: DecisionRecord }): { label: string; destination: string } {
  const link = relationLink(from, to);
  const middle = link.lastIndexOf('](');
  return { label: link.slice(1, middle), destination: link.slice(middle + 2, -1) };
}

/**
 * Edits renumbering the ids MADR writes for a relation without a link (`superseded by ADR-0002`,
 * see {@link supersededStatusEdits}) in `other`'s front matter, status line and links section.
 */
function idEdits(other: RecordText, lines: readonly string[], target: RecordText, newNumber: number): TextEdit[] {
  if (target.record.number === undefined) return [];
  const id = adrId(target.record.number);
  const where = new Set<number>();
  for (let i = 1; i < (other.record.outline.frontMatter?.endLine ?? 0); i++) where.add(i);
  if (other.record.statusRange) where.add(other.record.statusRange.start.line);
  const links = linksHeading(other.record.outline);
  if (links) for (let i = links.line + 1; i < links.endLine; i++) where.add(i);
  const edits: TextEdit[] = [];
  for (const i of where) {
    for (let at = lines[i].indexOf(id); at >= 0; at = lines[i].indexOf(id, at + id.length)) {
      const around = `${lines[i].charAt(at - 1)}${lines[i].charAt(at + id.length)}`;
      // A whole id, not a link's label (the links are renumbered above) nor a longer number.
      if (!/[\w[\]]/.test(around)) edits.push({ range: range(i, at, i, at + id.length), newText: adrId(newNumber) });
    }
  }
  return edits;
}
