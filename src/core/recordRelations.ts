/**
 * A record's relations to other records, as users write them: the status lines (`Superceded by
 * [2. …](0002-….md)`), the bullets of `## Links` / `## More Information`, and sentences that start
 * with a relation phrase ("Supersedes [3. Use PostgreSQL](…) for session storage."). Read in one
 * pass each, in linear time.
 */
import type { Outline } from './outline';
import { linksHeading } from './recordSections';
import { bulletTextStart, firstNonSpace } from './scan';

/** A link from one record to another, as written in the record (`Superceded by [2. …](0002-….md)`). */
export interface Relation {
  /** The relation in lower case as written: `supercedes`, `superseded by`, `amends`, `amended by`, … */
  readonly type: string;
  /** The link target as written: a relative file path, or an id such as `ADR-0123`. */
  readonly target: string;
  readonly label?: string;
}

/** A relation type in one spelling: adr-tools' "Supercedes"/"Superceded by" read as supersede, one space between words. */
export function relationType(type: string): string {
  return type.toLowerCase().replace(/super[cs]ede/g, 'supersede').replace(/\s+/g, ' ').trim();
}

/**
 * The relations of a record whose outline and lines are given, `statusLines` being its status as
 * written (the Status section's lines, or a status bullet or front matter value): from the status,
 * the links section and sentences, each relation (type in one spelling, and target) once, first
 * occurrence kept.
 */
export function readRecordRelations(outline: Outline, lines: readonly string[], statusLines: readonly string[]): Relation[] {
  return uniqueRelations([...readRelations(statusLines), ...readRelations(linksSection(outline, lines)), ...sentenceRelations(outline, lines)]);
}

/**
 * The bullets of a `## Links` section (MADR 2 / log4brains: `- Supersedes [title](file.md)`) or of
 * MADR 4's `## More Information`, markers removed. Only bullets shaped `Relation [label](target)`
 * become relations.
 */
function linksSection(outline: Outline, lines: readonly string[]): string[] {
  const heading = linksHeading(outline);
  if (!heading) return [];
  const out: string[] = [];
  for (let i = heading.line + 1; i < heading.endLine && i < lines.length; i++) {
    const start = bulletTextStart(lines[i]);
    if (start >= 0) out.push(lines[i].slice(start).trim());
  }
  return out;
}

/** Relation links in status lines: `Supercedes [1. First](0001-first.md)`, `superseded by ADR-0123`. */
function readRelations(statusLines: readonly string[]): Relation[] {
  const out: Relation[] = [];
  for (const line of statusLines) {
    // The type ends with a letter or `-`, and the separator is `\s+` or `\s*:\s+`: with `[A-Za-z -]*?\s*:?\s+`
    // three quantifiers could share a run of spaces, and a long one took minutes (cubic backtracking).
    const link = /^([A-Za-z](?:[A-Za-z -]*[A-Za-z-])?)(?:\s*:\s+|\s+)\[((?:[^\\\]]|\\.)*)\]\(([^)\s]+)\)/.exec(line);
    if (link) {
      out.push({ type: link[1].toLowerCase(), label: link[2], target: link[3] });
      continue;
    }
    const plain = /^(super[cs]eded by|amended by|amends|supersedes|supercedes)\s+(\S+)/i.exec(line);
    if (plain) out.push({ type: plain[1].toLowerCase(), target: plain[2] });
  }
  return out;
}

/**
 * The relation phrases a sentence may start with to state a relation of the record it stands in:
 * supersede (adr-tools' spelling too), amend, deprecate, clarify and extend, each way, and the other
 * pairs adr-tools' `adr link` is used with.
 */
export const SENTENCE_RELATIONS: readonly string[] = [
  'superseded by', 'supersedes', 'superceded by', 'supercedes', 'amended by', 'amends', 'deprecated by', 'deprecates',
  'clarified by', 'clarifies', 'extended by', 'extends', 'relates to', 'depends on', 'required by',
];

/** Longest first, so that `superseded by` is tried before a shorter phrase it starts with. */
const PHRASES = [...SENTENCE_RELATIONS].sort((a, b) => b.length - a.length);
/** The letters a relation phrase starts with: other sentences are passed over unread. */
const PHRASE_INITIALS: ReadonlySet<string> = new Set(PHRASES.map(p => p.charAt(0)));

/**
 * Relations written as sentences: a paragraph or list item (bullet or numbered) whose first words
 * are a relation phrase ({@link SENTENCE_RELATIONS}, any case, optionally followed by `:`) and then
 * a link (`[label](target)`) or a record id (`ADR-0005`, `ADR 5`), outside front matter, fenced and
 * indented code, block quotes and HTML comments. Linear in the document: each line is read once, from its start.
 */
function sentenceRelations(outline: Outline, lines: readonly string[]): Relation[] {
  const skip = new Uint8Array(lines.length);
  const fm = outline.frontMatter;
  if (fm) skip.fill(1, 0, Math.min(fm.endLine + 1, lines.length));
  for (const f of outline.fences) skip.fill(1, f.startLine, Math.min(f.endLine + 1, lines.length));
  const out: Relation[] = [];
  let previousBlank = true;
  let comment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const first = firstNonSpace(line);
    const blank = first === line.length;
    // Inside an HTML comment (blank lines included) nothing is text.
    const inComment = comment;
    if (comment) comment = !line.includes('-->');
    else if (!skip[i]) {
      const open = line.lastIndexOf('<!--');
      comment = open >= 0 && !line.includes('-->', open + 4);
    }
    // After a blank line, 4 columns of indentation start a code block, not a paragraph.
    const indentedCode = previousBlank && /^(?: {4}|\t| {1,3}\t)/.test(line);
    // The patterns only run on lines whose first character could start a match: most lines are prose.
    const c = line.charCodeAt(first);
    const marker = c === 35 /* # */ || c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */ || (c >= 48 && c <= 57);
    const starts = previousBlank || (marker && /^ {0,3}(#|[-*+]\s|\d{1,9}[.)]\s)/.test(line));
    previousBlank = blank || skip[i] === 1 || (c === 35 && /^ {0,3}#{1,6}(\s|$)/.test(line));
    if (skip[i] || inComment || indentedCode || blank || !starts) continue;
    // Without a marker the item's text starts at the line's first character: passed over unless a phrase can start there.
    if (!marker && !PHRASE_INITIALS.has(line.charAt(first).toLowerCase())) continue;
    const text = itemText(line);
    if (text === undefined || !PHRASE_INITIALS.has(text.charAt(0).toLowerCase())) continue;
    const relation = sentenceRelation(text);
    if (relation) out.push(relation);
  }
  return out;
}

/** A line's text after at most three spaces and a list marker (`-`, `*`, `+`, `1.`, `1)`); undefined for block quotes, headings and comments. */
function itemText(line: string): string | undefined {
  const bullet = bulletTextStart(line);
  let text = bullet >= 0 ? line.slice(bullet) : line.trimStart();
  if (bullet < 0) {
    const ordered = /^\d{1,9}[.)]\s+/.exec(text);
    if (ordered) text = text.slice(ordered[0].length);
  }
  return /^[>#]|^<!--/.test(text) ? undefined : text;
}

/** The relation a sentence states when it starts with a relation phrase and a link or an id; else undefined. */
function sentenceRelation(text: string): Relation | undefined {
  const lower = text.slice(0, 20).toLowerCase();
  const phrase = PHRASES.find(p => lower.startsWith(p) && /^[\s:]/.test(text.charAt(p.length)));
  if (!phrase) return undefined;
  let rest = text.slice(phrase.length);
  if (rest.trimStart().startsWith(':')) rest = rest.trimStart().slice(1);
  rest = rest.trimStart();
  const link = /^\[((?:[^\\\]]|\\.)*)\]\(<?([^)\s>]+)>?\)/.exec(rest);
  if (link) return { type: phrase, label: link[1], target: link[2] };
  // A record id as the cross-record lookups read it (`ADR-0005`, `ADR 5`, `adr0005`), not any word and number ("Java 17").
  const id = /^adr[- ]?\d{1,9}(?![\w-])/i.exec(rest);
  return id ? { type: phrase, target: id[0].replace(' ', '-') } : undefined;
}

/** Relations without repeats (the same type, in one spelling, and target), first occurrence kept. */
function uniqueRelations(relations: readonly Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations.filter(r => {
    const key = `${relationType(r.type)}\u0000${r.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
