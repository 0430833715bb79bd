/**
 * A record's lifecycle as text edits: supersede, link, change status, renumber, and the decision
 * log's table of contents. Nygard records are written exactly as adr-tools writes them
 * (`adr new -s`, `adr link`, `adr generate toc`: see its tests' `*.expected`); MADR and log4brains
 * records in their own way (MADR's `status: superseded by ADR-0007`, log4brains' `- Status:
 * superseded by [title](file)` and `## Links` bullets). Pure: the caller applies the edits, all of
 * one operation in one `WorkspaceEdit`, so that one undo restores every record.
 */
import { KINDS, matchSections } from './kinds';
import { insertLines, setStatusEdits } from './lint/edits';
import type { TextEdit } from './lint/types';
import { basename, dirname, relativeLink } from './paths';
import type { DecisionRecord } from './record';
import { eolOf, range, splitLines } from './text';

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

/** adr-tools' spelling of a relation at the start of a status paragraph: `Supercedes`, `Superceded by`, `Amends`. */
export function adrToolsVerb(relation: string): string {
  const t = relation.trim().replace(/supersede/gi, 'supercede').replace(/\s+/g, ' ');
  return t[0].toUpperCase() + t.slice(1).toLowerCase();
}

/** How a record is named in a link to it: `2. Second Record` (adr-tools), `ADR-0002` (MADR), its title (log4brains). */
export function linkLabel(to: { readonly record: DecisionRecord }, kind: string): string {
  if (kind === 'madr' && to.record.number !== undefined) return `ADR-${String(to.record.number).padStart(4, '0')}`;
  if (kind === 'nygard' && to.record.number !== undefined) return `${to.record.number}. ${to.record.title}`;
  return to.record.title;
}

/** The heading that holds relation bullets in MADR (More Information) and log4brains (Links), if any. */
function linksHeading(r: RecordText) {
  return r.record.outline.headings.find(h => h.level === 2 && /^(links|more information)$/i.test(h.text.trim()));
}

/**
 * Adds `Relation [label](link)` to a record, as its format keeps relations: for Nygard, a paragraph at
 * the end of the Status section (adr-tools' `_adr_add_link`); for MADR and log4brains, a bullet in
 * `## More Information` / `## Links`, made at the end of the document when missing.
 */
export function addRelationEdits(from: RecordText, relation: string, to: { readonly path: string; readonly record: DecisionRecord }): TextEdit[] {
  const lines = splitLines(from.text);
  const eol = eolOf(from.text);
  const link = `[${linkLabel(to, from.record.kind)}](${relativeLink(from.path, to.path)})`;
  if (from.record.kind === 'nygard') {
    const status = from.record.outline.headings.find(h => h.level > 1 && /^status$/i.test(h.text.trim()));
    const line = `${adrToolsVerb(relation)} ${link}`;
    if (status) {
      const last = status.lastContentLine;
      return [{ range: range(last, lines[last].length, last, lines[last].length), newText: `${eol}${eol}${line}` }];
    }
    return [insertLines(lines, lines.length, `## Status${eol}${eol}${line}${eol}`, eol)];
  }
  const bullet = from.record.kind === 'madr' ? '*' : '-';
  const verb = relation.trim()[0].toUpperCase() + relation.trim().slice(1).toLowerCase();
  const item = `${bullet} ${verb} ${link}`;
  const heading = linksHeading(from);
  if (heading) {
    const last = heading.lastContentLine;
    const separator = last === heading.line ? `${eol}${eol}` : eol;
    return [{ range: range(last, lines[last].length, last, lines[last].length), newText: `${separator}${item}` }];
  }
  const title = from.record.kind === 'madr' ? 'More Information' : 'Links';
  return [insertLines(lines, lines.length, `## ${title}${eol}${eol}${item}${eol}`, eol)];
}

/**
 * Sets the status (a word of the vocabulary, or a phrase such as `Superceded by […](…)`) where the
 * format keeps it, and, where the format records when a decision changed (MADR's and the RFC's front
 * matter `date`, log4brains' `- Date:`), that date too (`date`: `YYYY-MM-DD`). adr-tools' `Date:` is
 * the record's creation date and is left alone.
 */
export function changeStatusEdits(r: RecordText, status: string, date?: string): TextEdit[] {
  const lines = splitLines(r.text);
  const eol = eolOf(r.text);
  const spec = KINDS[r.record.kind as keyof typeof KINDS] ?? KINDS.madr;
  const edits = setStatusEdits(r.record, status, matchSections(spec, r.record.outline), spec, lines, eol);
  if (date && r.record.kind !== 'nygard' && r.record.dateRange && r.record.date !== date) {
    const at = r.record.dateRange;
    // Not when the status edit already covers the date's line (a one-line front matter is rare, but possible).
    if (!edits.some(e => e.range.start.line <= at.start.line && e.range.end.line >= at.start.line)) edits.push({ range: at, newText: date });
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
  let olderEdits: TextEdit[];
  if (older.record.kind === 'nygard') {
    olderEdits = nygardSupersededEdits(older, newer);
  } else {
    const link = relativeLink(older.path, newer.path);
    const status = older.record.kind === 'madr' ? `superseded by ${linkLabel(newer, 'madr')}` : `superseded by [${newer.record.title}](${link})`;
    olderEdits = changeStatusEdits(older, status);
  }
  return [
    { path: older.path, edits: olderEdits },
    { path: newer.path, edits: addRelationEdits(newer, 'supersedes', older) },
  ];
}

/** adr-tools' `_adr_remove_status Accepted` then `_adr_add_link "Superceded by"`, as one set of edits. */
function nygardSupersededEdits(older: RecordText, newer: RecordText): TextEdit[] {
  const lines = splitLines(older.text);
  const eol = eolOf(older.text);
  const status = older.record.outline.headings.find(h => h.level > 1 && /^status$/i.test(h.text.trim()));
  const line = `${adrToolsVerb('superseded by')} [${linkLabel(newer, 'nygard')}](${relativeLink(older.path, newer.path)})`;
  if (!status) return addRelationEdits(older, 'superseded by', newer);
  // The status paragraphs: an `Accepted` (or `Proposed`) line goes; the link ends the section.
  const body: number[] = [];
  for (let i = status.line + 1; i <= status.lastContentLine; i++) if (lines[i].trim()) body.push(i);
  const replaced = body.filter(i => /^(accepted|proposed)\s*$/i.test(lines[i].trim()));
  const kept = body.filter(i => !replaced.includes(i));
  if (kept.length === 0) {
    // Only the status word: it becomes the link (adr-tools' output, byte for byte).
    const first = body[0] ?? status.line;
    if (body.length === 0) return [{ range: range(status.line, lines[status.line].length, status.line, lines[status.line].length), newText: `${eol}${eol}${line}` }];
    return [{ range: range(first, 0, body[body.length - 1], lines[body[body.length - 1]].length), newText: line }];
  }
  const edits: TextEdit[] = [];
  for (const i of replaced) {
    // The line and the blank line after it.
    const next = i + 1 < lines.length && !lines[i + 1].trim() ? i + 2 : i + 1;
    edits.push({ range: range(i, 0, next, 0), newText: '' });
  }
  const last = status.lastContentLine;
  edits.push({ range: range(last, lines[last].length, last, lines[last].length), newText: `${eol}${eol}${line}` });
  return edits;
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
    const label = r.record.number !== undefined && r.record.kind === 'nygard' ? `${r.record.number}. ${r.record.title}` : r.record.title;
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
  const newName = name.replace(/^\d{1,5}/, String(newNumber).padStart(4, '0'));
  const folder = dirname(target.path);
  const newPath = folder ? `${folder}/${newName}` : newName;
  const files: FileEdits[] = [];
  const title = target.record.titleHeading;
  const m = title && /^(\d+)\.\s/.exec(title.text);
  if (title && m) {
    const start = title.range.start.character;
    files.push({ path: target.path, edits: [{ range: range(title.line, start, title.line, start + m[1].length), newText: String(newNumber) }] });
  }
  const oldLabel = target.record.number !== undefined ? `${target.record.number}. ${target.record.title}` : undefined;
  for (const other of others) {
    if (other.path === target.path) continue;
    const oldLink = relativeLink(other.path, target.path);
    const nextLink = relativeLink(other.path, newPath);
    const lines = splitLines(other.text);
    const edits: TextEdit[] = [];
    lines.forEach((line, i) => {
      let from = 0;
      for (;;) {
        const at = line.indexOf(`](${oldLink}`, from);
        if (at < 0) break;
        const end = at + 2 + oldLink.length;
        // Only whole targets: `](0002-x.md)` or `](0002-x.md#part)`, not `](0002-x.md.bak)`.
        if (/^[)#\s]/.test(line.slice(end))) {
          edits.push({ range: range(i, at + 2, i, end), newText: nextLink });
          // adr-tools' label `[2. Title]` follows the number.
          const open = line.lastIndexOf('[', at);
          if (oldLabel && open >= 0 && line.slice(open + 1, at) === oldLabel) {
            edits.push({ range: range(i, open + 1, i, at), newText: `${newNumber}. ${target.record.title}` });
          }
        }
        from = end;
      }
    });
    if (edits.length) files.push({ path: other.path, edits });
  }
  return { newPath, files };
}
