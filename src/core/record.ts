/**
 * The decision record: what the explorer, the lint rules and the lifecycle commands know about one
 * ADR or RFC, read from its file name and its outline as each format writes it — Nygard's `## Status`
 * paragraph, MADR's front matter, log4brains' metadata bullets, Rust RFCs' header bullets.
 */
import { FormatId, FORMATS, RecordFormat } from './formats';
import { BuiltinKind, DocumentKind, KINDS, ProjectKind, matchSections } from './kinds';
import { globMatcher } from './glob';
import { readNumberedFileName } from './numbering';
import { FrontMatter, frontMatterString, parseFrontMatter } from './frontMatter';
import { Heading, Outline, headingKey, scanOutline } from './outline';
import { Relation, readRecordRelations } from './recordRelations';
import { bodyStart, statusSection } from './recordSections';
import { bulletTextStart, removeSpans } from './scan';
import { readTags } from './tags';
import { Range, range, splitLines } from './text';

export type { Relation } from './recordRelations';

/** Statuses Spec-First knows by default, in lifecycle order. */
export const DEFAULT_STATUSES: readonly string[] = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];

/**
 * The status vocabulary a record is read with, decided once for every host: the editor's
 * `specFirst.status.vocabulary` when the user set it (it applies over the project's file, as
 * `specFirst.lint.rules` does), else the project configuration's `statuses`, else
 * {@link DEFAULT_STATUSES}. Words are trimmed and lower-cased, blanks and repeats dropped.
 */
export function statusVocabulary(sources: { readonly setting?: readonly string[]; readonly project?: readonly string[] } = {}): string[] {
  const chosen = [sources.setting, sources.project].find(list => list?.some(s => s.trim())) ?? DEFAULT_STATUSES;
  return [...new Set(chosen.map(s => s.trim().toLowerCase()).filter(Boolean))];
}

/** {@link statusVocabulary} with neither a setting nor a project's list, made once. */
const DEFAULT_VOCABULARY: readonly string[] = statusVocabulary();

/** What a record file's name tells: adr-tools/MADR numbers (`0007-…`) or log4brains dates (`20240115-…`). */
export interface RecordFileName {
  /** The number of a `NNNN-slug.md` file (decimal: `0008` is 8). */
  readonly number?: number;
  /** `YYYY-MM-DD` of a `YYYYMMDD-slug.md` file. */
  readonly date?: string;
  /** The name without prefix and extension. */
  readonly slug: string;
}


/** One decision record. Lines are 0-based. */
export interface DecisionRecord {
  /** The path the caller gave (a workspace-relative POSIX path or a URI string). */
  readonly path: string;
  readonly kind: DocumentKind;
  /**
   * The format that reads and writes it (see `formats.ts`): a built-in kind's own, or for a project
   * kind the one its configuration names (`"format"`), else the one its content reads as (MADR when
   * it reads as none).
   */
  readonly format: FormatId;
  readonly number?: number;
  /** The id users cite: the 4-digit number (`0007`), or the file name's slug for date-prefixed records. */
  readonly id: string;
  readonly title: string;
  /**
   * The status, normalized: a word of the vocabulary (`accepted`, `superseded`…), `unknown` when the
   * record has one outside the vocabulary, or `missing` when it has none.
   */
  readonly status: string;
  /** The status as written (`Superceded by [2. …](…)`), if any. */
  readonly statusText?: string;
  /** Where the status is written (front matter value, bullet, or the Status section's first line). */
  readonly statusRange?: Range;
  /** `YYYY-MM-DD` (or the date as written) from front matter, `Date:` line, metadata bullet or file name. */
  readonly date?: string;
  /** Where the date is written (the value); undefined when it came from the file name or is absent. */
  readonly dateRange?: Range;
  /** The `#` title heading, when there is one. */
  readonly titleHeading?: Heading;
  readonly relations: readonly Relation[];
  /** Tags from front matter `tags` (a list or a comma/space separated string) and log4brains' `- Tags:` bullet. */
  readonly tags: readonly string[];
  readonly outline: Outline;
  readonly frontMatter?: FrontMatter;
}

const NON_RECORD = /^(0+-)?(readme|index|template|adr-template[\w-]*|_?template[\w-]*|toc|contents|summary|changelog)\.md$/i;
/** The first letters of {@link NON_RECORD}'s names. */
const NON_RECORD_INITIALS = 'ritac_s';

/**
 * True for files that are never records: README, index, template (`0000-template.md` too) and table-of-contents files.
 * Only a zero number may prefix them: `0003-template-engine.md` is record 3.
 */
export function isNonRecordFileName(fileName: string): boolean {
  // The pattern runs only on names whose first letter (after a `0…-` prefix) can start one of its names: most are numbered.
  let start = 0;
  while (fileName.charCodeAt(start) === 48 /* 0 */) start++;
  start = start > 0 && fileName.charCodeAt(start) === 45 /* - */ ? start + 1 : 0;
  return NON_RECORD_INITIALS.includes(fileName.charAt(start).toLowerCase()) && NON_RECORD.test(fileName);
}

/**
 * Reads a record's file name (the last path segment, any case of `.md`): numbered (1 to 9 digits,
 * `0007-…`) or date-prefixed (`20240115-…`, a calendar date from 1970: log4brains). Returns undefined
 * for other names and for README/index/template files. Numbers are decimal, never octal (adr-tools'
 * avoid-octal-numbers). See numbering's `readNumberedFileName`.
 */
export function parseRecordFileName(fileName: string): RecordFileName | undefined {
  if (isNonRecordFileName(fileName)) return undefined;
  // One reading of a name's prefix for every module: up to 9 digits, an 8-digit calendar date a log4brains date.
  return readNumberedFileName(fileName);
}

/** Options for {@link parseRecord}. */
export interface ParseOptions {
  /** Statuses of the vocabulary, any case (default {@link DEFAULT_STATUSES}). */
  readonly statuses?: readonly string[];
  /** The kind to assume when the content shows none: the file lies in an ADR or an RFC folder. */
  readonly folderHint?: 'adr' | 'rfc';
  /** A project's own kinds (`.spec-first.json`): a file whose path matches one's `files` is that kind. */
  readonly kinds?: readonly ProjectKind[];
}

/** The project kind whose `files` globs match `path` (workspace-relative, POSIX), if any. */
export function projectKindOf(path: string, kinds: readonly ProjectKind[] | undefined): ProjectKind | undefined {
  return kinds?.find(k => k.files.some(g => globMatcher(g)(path)));
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Reads a decision record. `path` is used for its file name (number, date, slug); `text` is the
 * document. Returns undefined when the document is not a decision record of a known kind (see
 * {@link detectKind}). Never throws on any input.
 */
export function parseRecord(path: string, text: string, options: ParseOptions = {}): DecisionRecord | undefined {
  const lines = splitLines(text);
  const outline = scanOutline(lines);
  const frontMatter = outline.frontMatter ? parseFrontMatter(outline.frontMatter) : undefined;
  const fileName = parseRecordFileName(baseName(path));
  const meta = metadataBullets(outline, lines);
  const projectKind = projectKindOf(path, options.kinds);
  const detected = projectKind?.format ? undefined : detectKind(outline, lines, frontMatter, options.folderHint, meta);
  const kind = projectKind?.kind ?? detected;
  if (!kind) return undefined;
  const format: RecordFormat = FORMATS[projectKind?.format ?? detected ?? 'madr'];

  // Keys compared without case: `Status: accepted` is a status too.
  const fm = lowerKeys(frontMatter?.data ?? NO_DATA);
  const h1 = outline.headings.find(h => h.level === 1);
  const titleHeading = !format.titleIsFirstHeading ? undefined : h1 && outline.headings.indexOf(h1) === 0 ? h1 : undefined;

  // Title and number.
  let title = frontMatterString(fm, 'title') ?? '';
  let number = fileName?.number;
  if (titleHeading) {
    const numbered = numberedTitle(titleHeading.text);
    if (numbered) {
      title = numbered.title;
      number ??= numbered.number;
    } else title ||= titleHeading.text;
  }
  if (!title && !format.titleIsFirstHeading) {
    const feature = meta.get('feature name')?.text;
    const firstMeta = Math.min(...[...meta.values()].map(m => m.range.start.line));
    const heading = outline.headings[0];
    if (heading && heading.line < firstMeta) title = heading.text;
    else if (feature) title = removeSpans(feature, '[^', ']', 'keep').replace(/`/g, '').trim(); // footnote references
  }
  if (!title && fileName) title = fileName.slug.replace(/[-_]+/g, ' ');
  if (!title) title = baseName(path).replace(/\.md$/i, '');

  // Status.
  const vocabulary = options.statuses ? statusVocabulary({ project: options.statuses }) : DEFAULT_VOCABULARY;
  const found = readStatus(outline, lines, fm, meta, format);
  const status = found ? normalizeStatus(found.text, vocabulary) : 'missing';

  // Date.
  const fmDate = frontMatterString(fm, 'date');
  const datedAt = fmDate !== undefined ? { text: fmDate, range: frontMatterValueRange(outline, lines, 'date') }
    : meta.get('date') ?? meta.get('start date') ?? nygardDate(outline, lines);
  const date = datedAt?.text ?? fileName?.date;

  const relations = readRecordRelations(outline, lines, found?.lines ?? []);
  const id = number !== undefined ? String(number).padStart(4, '0') : fileName?.slug ?? title;
  return {
    path, kind, format: format.id, number, id, title, status, statusText: found?.text, statusRange: found?.range, date, dateRange: datedAt?.range,
    titleHeading, relations, tags: readTags(fm.tags, meta.get('tags')?.text), outline, frontMatter,
  };
}

const lowered = new WeakMap<object, Readonly<Record<string, unknown>>>();
const NO_DATA: Readonly<Record<string, unknown>> = {};

/** The same mapping with lower-case keys (the first of keys differing only in case wins); made once per mapping. */
function lowerKeys(data: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let out = lowered.get(data);
  if (!out) {
    const keys: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) if (!(k.toLowerCase() in keys)) keys[k.toLowerCase()] = v;
    lowered.set(data, out = keys);
  }
  return out;
}

/**
 * Which kind of decision document this is, from its content: Rust RFC header bullets, log4brains
 * metadata bullets, a Nygard numbered title or `Date:` line, front matter, and how many of each
 * kind's required sections it has. `folderHint` decides when the content shows nothing. Returns
 * undefined for Markdown that is no decision document.
 */
export function detectKind(outline: Outline, lines: readonly string[], frontMatter: FrontMatter | undefined, folderHint?: 'adr' | 'rfc',
  meta: ReadonlyMap<string, { text: string; range: Range }> = metadataBullets(outline, lines)): BuiltinKind | undefined {
  if (meta.has('start date') || meta.has('feature name') || meta.has('rfc pr')) return 'rust-rfc';
  if (meta.has('status') && !frontMatter) return folderHint === 'rfc' ? 'rfc' : 'log4brains';

  // Required sections found: a heading with the template's own title counts 1, a synonym 0.6,
  // so a MADR record's "Decision Outcome" does not pass for Nygard's "Decision".
  const required = (k: BuiltinKind) => {
    let n = 0;
    for (const [sec, h] of matchSections(KINDS[k], outline)) {
      if (sec.required) n += headingKey(h) === headingKey(sec) ? 1 : 0.6;
    }
    return n;
  };
  const first = outline.headings[0];
  const numberedTitle = first?.level === 1 && /^\d+\.\s/.test(first.text);
  const fm = lowerKeys(frontMatter?.data ?? NO_DATA);
  const fmRecord = ['status', 'date', 'decision-makers', 'deciders', 'consulted', 'informed'].some(k => k in fm);

  const scores: [BuiltinKind, number][] = [
    ['nygard', required('nygard') + (numberedTitle ? 2 : 0) + (nygardDate(outline, lines) ? 1 : 0) - (fmRecord ? 2 : 0)],
    ['madr', required('madr') + (fmRecord ? 1.5 : 0)],
    ['rfc', required('rfc') * 0.75 + (folderHint === 'rfc' ? 1.75 : 0)],
  ];
  if (outline.headings.some(h => /^(guide|reference)-level explanation$|^rationale and alternatives$/i.test(h.text.trim()))) {
    scores.push(['rust-rfc', 10]);
  }
  scores.sort((a, b) => b[1] - a[1]);
  if (scores[0][1] >= 1) return scores[0][0];
  if (folderHint === 'rfc') return 'rfc';
  if (folderHint === 'adr') return numberedTitle || !fmRecord ? 'nygard' : 'madr';
  return undefined;
}

/**
 * adr-tools' numbered title, `1. Record architecture decisions` → { number: 1, title }, or undefined.
 * Reads as `/^(\d+)\.\s+(.*)$/` (scanned: that pattern backtracks quadratically on white space).
 */
export function numberedTitle(text: string): { number: number; title: string } | undefined {
  const digits = /^\d+/.exec(text)?.[0];
  if (!digits || text[digits.length] !== '.' || !/^\s/.test(text.slice(digits.length + 1, digits.length + 2))) return undefined;
  return { number: parseInt(digits, 10), title: text.slice(digits.length + 1).trimStart() };
}

/**
 * A metadata bullet, `- Key: value`: the key (a letter, then up to 30 letters and spaces, before the
 * first colon and any white space ahead of it), the value (after the colon and its white space) and
 * the value's 0-based start in `line`; undefined for other lines. Reads as
 * `/^\s{0,3}[-*+]\s+([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*)$/`, scanned by hand: that pattern
 * backtracks quadratically on white space.
 */
export function metadataBullet(line: string): { key: string; value: string; start: number } | undefined {
  const keyStart = bulletTextStart(line);
  const colon = keyStart < 0 ? -1 : line.indexOf(':', keyStart);
  if (colon < 0) return undefined;
  const key = line.slice(keyStart, colon).trimEnd();
  if (!/^[A-Za-z][A-Za-z ]{0,30}$/.test(key)) return undefined;
  const value = line.slice(colon + 1).trimStart();
  return { key, value, start: line.length - value.length };
}

/**
 * The lines where `- Key: value` metadata bullets are read (log4brains, Rust RFCs), 0-based, `end`
 * exclusive: from the end of the front matter (or the top) to the first section, the title excepted
 * when it is the first line with text, and never from `limit` on (40 lines after `start`).
 */
export function metadataLines(outline: Outline, lines: readonly string[]): { readonly start: number; readonly end: number; readonly limit: number } {
  const start = outline.frontMatter ? outline.frontMatter.endLine + 1 : 0;
  // A heading on the first non-blank line is the title: the bullets may follow it.
  let firstLine = start;
  while (firstLine < lines.length && lines[firstLine].trim() === '') firstLine++;
  const firstSection = outline.headings.find(h => h.line > firstLine);
  const limit = start + 40;
  return { start, end: Math.min(firstSection ? firstSection.line : lines.length, limit, lines.length), limit };
}

/** `- Key: value` bullets of the {@link metadataLines} (log4brains, Rust RFCs), by lower-case key. */
function metadataBullets(outline: Outline, lines: readonly string[]): Map<string, { text: string; range: Range }> {
  const result = new Map<string, { text: string; range: Range }>();
  const { start, end } = metadataLines(outline, lines);
  for (let i = start; i < end; i++) {
    const m = metadataBullet(lines[i]);
    if (!m) continue;
    const key = m.key.toLowerCase();
    if (!result.has(key)) {
      result.set(key, { text: removeSpans(m.value, '<!--', '-->', 'keep').trim(), range: range(i, m.start, i, m.start + m.value.trimEnd().length) });
    }
  }
  return result;
}

/** adr-tools' `Date: YYYY-MM-DD` line between the title and the first section. */
function nygardDate(outline: Outline, lines: readonly string[]): { text: string; range: Range } | undefined {
  const title = outline.headings[0];
  if (!title) return undefined;
  const end = Math.min(outline.headings[1]?.line ?? lines.length, title.line + 10);
  for (let i = title.line + 1; i < end; i++) {
    // Trimmed by hand: `\s*(\S.*?)\s*$` backtracks quadratically on a long run of spaces.
    const m = lines[i].includes('Date:') ? /^\s*Date:(.*)$/.exec(lines[i]) : null;
    const value = m?.[1].trim();
    if (value) {
      const start = lines[i].indexOf(value, lines[i].indexOf(':') + 1);
      return { text: value, range: range(i, start, i, start + value.length) };
    }
  }
  return undefined;
}

/** The range of a top-level front matter key's value (`date: 2024-01-01` → `2024-01-01`), else the key's line. */
function frontMatterValueRange(outline: Outline, lines: readonly string[], key: string): Range {
  const end = outline.frontMatter?.endLine ?? 0;
  // The key plain or quoted (`"date": …`), as YAML writes it.
  const pattern = new RegExp(`^(["']?)${key}\\1[ \\t]*:`, 'i');
  for (let i = 1; i < end; i++) {
    const m = pattern.exec(lines[i]);
    if (m) {
      // Trimmed by hand: a lazy `(.*?)\\s*$` backtracks quadratically on long runs of spaces.
      const value = lines[i].slice(m[0].length);
      const start = m[0].length + (value.length - value.trimStart().length);
      return range(i, start, i, start + value.trim().length);
    }
  }
  return range(0, 0, 0, 3);
}

interface FoundStatus { text: string; range: Range; lines: string[] }

function readStatus(outline: Outline, lines: readonly string[], fm: Readonly<Record<string, unknown>>, meta: Map<string, { text: string; range: Range }>, format: RecordFormat): FoundStatus | undefined {
  const fmStatus = frontMatterString(fm, 'status');
  if (fmStatus !== undefined && outline.frontMatter) {
    const fmEnd = outline.frontMatter.endLine;
    for (let i = 1; i < fmEnd; i++) {
      if (/^(["']?)status\1[ \t]*:/i.test(lines[i])) return { text: fmStatus, range: range(i, 0, i, lines[i].length), lines: [fmStatus] };
    }
    return { text: fmStatus, range: range(0, 0, 0, 3), lines: [fmStatus] };
  }
  const bullet = meta.get('status');
  if (bullet?.text && format.statusInMetadata) return { text: bullet.text, range: bullet.range, lines: [bullet.text] };

  const section = statusSection(outline);
  if (section) {
    const body: string[] = [];
    let firstLine = -1;
    for (let i = bodyStart(lines, section.heading); i < section.end; i++) {
      const t = lines[i].trim();
      if (!t || t.startsWith('<!--')) continue;
      if (firstLine < 0) firstLine = i;
      body.push(t);
    }
    if (body.length > 0) {
      return { text: body.join('\n'), range: range(firstLine, lines[firstLine].length - lines[firstLine].trimStart().length, firstLine, lines[firstLine].trimEnd().length), lines: body };
    }
  }
  return undefined;
}

/**
 * Normalizes a status as written to a word of the vocabulary: `Accepted` → `accepted`,
 * `Superceded by [2. …](…)` (adr-tools' spelling) and `superseded by ADR-0123` → `superseded`.
 * A Nygard status paragraph with several lines (`Amended by …`, then `Accepted`) is read line by line.
 * Returns `unknown` when no line starts with a status of the vocabulary (whole words: "on hold" too).
 */
export function normalizeStatus(text: string, vocabulary: readonly string[] = DEFAULT_STATUSES): string {
  const lines = text.split('\n').map(l => l.trim().toLowerCase().replace(/^[*_`[\]]+/, ''));
  if (lines.some(l => /^super[cs]eded\b/.test(l)) && vocabulary.includes('superseded')) return 'superseded';
  for (const l of lines) {
    // The longest status of the vocabulary the line starts with as whole words ("on hold" as well as "accepted").
    const found = vocabulary.filter(v => v && l.startsWith(v) && !/^[a-z-]/.test(l.slice(v.length))).sort((a, b) => b.length - a.length)[0];
    if (found) return found;
  }
  return 'unknown';
}
