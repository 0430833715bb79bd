/**
 * Decision references in Markdown: the places a text cites a record, and the records each one names.
 * A reference is a plain identifier (`ADR-0005`, `ADR-5`, `ADR 5`, `adr-0005`, `payments/ADR-0003`;
 * `RFC-0001` in a workspace with RFCs; a project kind's `"idPattern"` prefix such as `KEP-`) or a
 * Markdown link to a record file (`[…](../adr/0005-x.md#status)`, `[…](/docs/adr/0005-x.md)`, a
 * reference definition `[x]: 0005-x.md`), outside fenced code blocks and code spans. Identifiers
 * resolve with the cross-record rules' lookups (`lint/workspace.ts`). Every scan here reads each
 * character a bounded number of times: no regular expression runs over the text. Pure: no `vscode`,
 * no file system.
 */
import { commentMask, type CommentSyntax } from './codeComments';
import type { WorkspaceRecord } from './lint/types';
import type { WorkspaceSnapshot } from './lint/workspace';
import { numberAsWritten } from './numbering';
import { dirname, resolveLink } from './paths';
import type { DecisionRecord } from './record';
import { fencedLines, scanOutline } from './outline';
import { nextIndexOf } from './scan';
import { Range, range, splitLines } from './text';

/** How identifiers of one family of records are written: `ADR-0005` (`prefix` `ADR`, a `-` or a space after it) or `KEP-12` (`prefix` `KEP-`, nothing between). */
export interface IdScheme {
  /** The text before the number, compared without regard to case: `ADR`, `RFC`, `KEP-`. */
  readonly prefix: string;
  /** True when a `-` or one space may come between the prefix and the number (ADR, RFC); false for a project kind's pattern. */
  readonly separated: boolean;
  /** Which records the identifier names: ADRs, RFCs, or the records of a project kind (its id). */
  readonly family: 'adr' | 'rfc' | { readonly kind: string };
}

/** A plain identifier as written: its scheme, number and folder qualifier (`payments` in `payments/ADR-0003`). */
export interface IdTarget {
  readonly type: 'id';
  readonly scheme: IdScheme;
  readonly number: number;
  readonly qualifier?: string;
}

/** A Markdown link to a Markdown file: the workspace-relative path it resolves to, and its `#heading` fragment (decoded, without `#`). */
export interface LinkTarget {
  readonly type: 'link';
  readonly path: string;
  readonly fragment?: string;
}

/** A reference found in a text. Lines and characters are 0-based (see `text.ts`). */
export interface Reference {
  /** The identifier (qualifier included), or the whole link from `[` to `)`. */
  readonly range: Range;
  /** The text of `range`. */
  readonly text: string;
  readonly target: IdTarget | LinkTarget;
  /** For a link: where its destination stands, as written (inside any `<>`, `#fragment` included). */
  readonly destination?: Range;
}

/** The schemes every workspace has: ADR identifiers. */
export const ADR_SCHEME: IdScheme = { prefix: 'ADR', separated: true, family: 'adr' };
/** RFC identifiers, counted only in a workspace that has RFC records (IETF citations such as "RFC 7231" are not records). */
export const RFC_SCHEME: IdScheme = { prefix: 'RFC', separated: true, family: 'rfc' };

const RFC_KINDS = new Set(['rfc', 'rust-rfc']);
/** A line longer than this is not scanned for references (minified text, data). */
const MAX_LINE = 100_000;
/** A folder qualifier is at most this long. */
const MAX_QUALIFIER = 200;
/** Numbers have at most 9 digits, as record file names do. */
const MAX_DIGITS = 9;

/**
 * The schemes of a workspace: ADR identifiers; RFC identifiers when one of `records` is an RFC; and
 * each project kind's `"idPattern"` prefix (`kinds`: the project's kinds, with their `idPrefix`).
 */
export function referenceSchemes(records: readonly { readonly record: DecisionRecord }[], kinds: readonly { readonly kind: string; readonly idPrefix?: string }[] = []): IdScheme[] {
  const schemes = [ADR_SCHEME];
  if (records.some(r => RFC_KINDS.has(r.record.kind))) schemes.push(RFC_SCHEME);
  for (const k of kinds) if (k.idPrefix) schemes.push({ prefix: k.idPrefix, separated: false, family: { kind: k.kind } });
  return schemes;
}

/** The scheme of a record's family among `schemes`: the project kind's, else RFC's for RFC kinds, else ADR's (undefined when `schemes` lacks it). */
export function familyOf(record: DecisionRecord, schemes: readonly IdScheme[]): IdScheme | undefined {
  return schemes.find(s => typeof s.family === 'object' && s.family.kind === record.kind)
    ?? schemes.find(s => s.family === (RFC_KINDS.has(record.kind) ? 'rfc' : 'adr'));
}

/**
 * The identifier users cite a record by: `ADR-0005`, `RFC-0001`, `KEP-12` (a project kind's prefix and
 * the number as is), or undefined for a record without a number (a log4brains dated record).
 */
export function recordIdentifier(record: DecisionRecord, schemes: readonly IdScheme[] = [ADR_SCHEME, RFC_SCHEME]): string | undefined {
  if (record.number === undefined) return undefined;
  const scheme = familyOf(record, schemes) ?? (RFC_KINDS.has(record.kind) ? RFC_SCHEME : ADR_SCHEME);
  return scheme.separated ? `${scheme.prefix}-${String(record.number).padStart(4, '0')}` : `${scheme.prefix}${record.number}`;
}

/** An ASCII letter's code in lower case; any other code as is. */
const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** A character of a folder qualifier: a word character, `.`, `-` or `/`. */
const isQualifier = (c: number) => isWord(c) || c === 46 || c === 45 || c === 47;

/**
 * The code spans of a line, as `[start, end)` character ranges (backticks included): a run of N
 * backticks opens a span that the next run of exactly N closes (CommonMark; spans are taken within
 * one line). Linear: each run's next run of the same length is found in one pass from the right.
 */
export function codeSpans(line: string): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < line.length;) {
    if (line.charCodeAt(i) !== 96) { i++; continue; }
    const start = i;
    while (line.charCodeAt(i) === 96) i++;
    runs.push([start, i - start]);
  }
  const nextSame = new Array<number>(runs.length).fill(-1);
  const seen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextSame[r] = seen.get(runs[r][1]) ?? -1;
    seen.set(runs[r][1], r);
  }
  const spans: [number, number][] = [];
  for (let r = 0; r < runs.length; r++) {
    const close = nextSame[r];
    if (close < 0) continue;
    spans.push([runs[r][0], runs[close][0] + runs[close][1]]);
    r = close;
  }
  return spans;
}

/** A link found in a line: `[start, end)` characters, its destination as written, and where that stands (`[destinationStart, destinationEnd)`, inside any `<>`). */
interface LinkSpan { readonly start: number; readonly end: number; readonly destination: string; readonly destinationStart: number; readonly destinationEnd: number }

/** Characters that end an inline link's destination in this scan: white space, `(`, `)`, `<`, `[`, `]`. */
const endsDestination = (c: number) => c <= 32 || c === 40 || c === 41 || c === 60 || c === 91 || c === 93;

/**
 * The inline links `[label](destination "title")` and the reference definition `[label]: destination`
 * of a line, outside `skip` (code spans). Labels may nest brackets; a destination is a run without
 * white space, parentheses, `<` or brackets (or `<…>`), followed by an optional quoted title and `)`.
 * Linear: brackets are matched with a stack, and a destination's scan stops at the first `[` or `]`,
 * so no two scans read the same characters.
 */
function linksOf(line: string, skip: readonly [number, number][]): LinkSpan[] {
  const links: LinkSpan[] = [];
  const definition = referenceDefinition(line);
  if (definition) return [definition];
  const open: number[] = [];
  const next = nextIndexOf(line);
  let s = 0;
  for (let i = 0; i < line.length; i++) {
    while (s < skip.length && skip[s][1] <= i) s++;
    if (s < skip.length && skip[s][0] <= i) { i = skip[s][1] - 1; continue; }
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) { i++; continue; }
    if (c === 91 /* [ */) { if (open.length < 32) open.push(i); continue; }
    if (c !== 93 /* ] */ || open.length === 0) continue;
    const start = open.pop()!;
    if (line.charCodeAt(i + 1) !== 40 /* ( */) continue;
    const parsed = inlineDestination(line, i + 2, next);
    if (!parsed) continue;
    links.push({ start, end: parsed.end, destination: parsed.destination, destinationStart: parsed.destinationStart, destinationEnd: parsed.destinationStart + parsed.destination.length });
    open.length = 0;
    i = parsed.end - 1;
  }
  return links;
}

/**
 * The destination of an inline link starting at `from` (after `(`) and the end of the link (after
 * `)`), or undefined. `next`: the line's memoized `indexOf` (calls come with growing `from`).
 */
function inlineDestination(line: string, from: number, next: (search: string, from: number) => number): { destination: string; destinationStart: number; end: number } | undefined {
  let i = from;
  while (line.charCodeAt(i) === 32) i++;
  let destination: string;
  let destinationStart: number;
  if (line.charCodeAt(i) === 60 /* < */) {
    const close = next('>', i + 1);
    const bad = next('<', i + 1);
    if (close < 0 || (bad >= 0 && bad < close)) return undefined;
    destinationStart = i + 1;
    destination = line.slice(i + 1, close);
    i = close + 1;
  } else {
    destinationStart = i;
    while (i < line.length && !endsDestination(line.charCodeAt(i))) i++;
    destination = line.slice(destinationStart, i);
  }
  while (line.charCodeAt(i) === 32) i++;
  const quote = line.charCodeAt(i);
  if (quote === 34 || quote === 39) {
    const close = next(String.fromCharCode(quote), i + 1);
    if (close < 0) return undefined;
    i = close + 1;
    while (line.charCodeAt(i) === 32) i++;
  }
  return line.charCodeAt(i) === 41 /* ) */ ? { destination, destinationStart, end: i + 1 } : undefined;
}

/** A reference definition `[label]: destination` (up to three spaces first), or undefined. */
function referenceDefinition(line: string): LinkSpan | undefined {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 91 /* [ */) return undefined;
  const close = line.indexOf(']', i + 1);
  if (close < 0 || line.charCodeAt(close + 1) !== 58 /* : */ || line.lastIndexOf('[', close) !== i) return undefined;
  let d = close + 2;
  while (line.charCodeAt(d) === 32) d++;
  let end = d;
  while (end < line.length && line.charCodeAt(end) > 32) end++;
  const raw = line.slice(d, end);
  const bracketed = raw.length > 1 && raw.startsWith('<') && raw.endsWith('>');
  const destination = bracketed ? raw.slice(1, -1) : raw;
  const destinationStart = bracketed ? d + 1 : d;
  return destination ? { start: i, end, destination, destinationStart, destinationEnd: destinationStart + destination.length } : undefined;
}

/**
 * The workspace-relative path and fragment a link destination written in the file at `from` names,
 * when it is a relative or workspace-absolute (`/docs/adr/x.md`) path to a `.md` or `.markdown`
 * file; undefined for URLs, other files and paths that leave the workspace.
 */
export function linkTarget(from: string, destination: string): LinkTarget | undefined {
  if (destination.startsWith('//')) return undefined;
  const hash = destination.indexOf('#');
  const file = (hash < 0 ? destination : destination.slice(0, hash)).toLowerCase();
  if (!file.endsWith('.md') && !file.endsWith('.markdown')) return undefined;
  const path = destination.startsWith('/') ? resolveLink('', destination.slice(1)) : resolveLink(from, destination);
  if (path === undefined || path === '') return undefined;
  let fragment = hash < 0 ? undefined : destination.slice(hash + 1);
  if (fragment !== undefined) {
    try { fragment = decodeURIComponent(fragment); } catch { /* kept as written */ }
  }
  return { type: 'link', path, fragment: fragment || undefined };
}

/**
 * The identifiers of a line outside `skip` (sorted, disjoint `[start, end)` spans: code spans and
 * links). An identifier starts after a character that is not a word character, `.` or `-` (a `/`
 * starts a qualifier: the folder path before it, up to 200 characters, with no `//` or `:`), and its
 * number (1 to 9 digits) is followed by no word character.
 */
function identifiersOf(line: string, lineNumber: number, schemes: readonly IdScheme[], skip: readonly (readonly [number, number])[]): Reference[] {
  const found: Reference[] = [];
  let at = 0;
  for (let i = 0; i < line.length; i++) {
    const before = i > 0 ? line.charCodeAt(i - 1) : 32;
    if (isWord(before) || before === 45 || before === 46) continue;
    while (at < skip.length && skip[at][1] <= i) at++;
    if (at < skip.length && skip[at][0] <= i) continue;
    for (const scheme of schemes) {
      const end = identifierEnd(line, i, scheme);
      if (end === undefined) continue;
      let start = i;
      let qualifier: string | undefined;
      if (before === 47 /* / */) {
        let q = i - 1;
        while (q > 0 && i - q <= MAX_QUALIFIER && isQualifier(line.charCodeAt(q - 1))) q--;
        qualifier = line.slice(q, i - 1);
        if (!qualifier || qualifier.startsWith('/') || qualifier.includes('//') || (q > 0 && line.charCodeAt(q - 1) === 58 /* : */)) break;
        start = q;
      }
      const text = line.slice(start, end.end);
      found.push({ range: range(lineNumber, start, lineNumber, end.end), text, target: { type: 'id', scheme, number: end.number, qualifier } });
      i = end.end - 1;
      break;
    }
  }
  return found;
}

/** Where an identifier of `scheme` starting at `i` ends, and its number; undefined when none starts there. */
function identifierEnd(line: string, i: number, scheme: IdScheme): { end: number; number: number } | undefined {
  const prefix = scheme.prefix;
  if (line.length - i < prefix.length + 1) return undefined;
  for (let k = 0; k < prefix.length; k++) if (lowerCode(line.charCodeAt(i + k)) !== lowerCode(prefix.charCodeAt(k))) return undefined;
  let d = i + prefix.length;
  if (scheme.separated && (line.charCodeAt(d) === 45 || line.charCodeAt(d) === 32)) d++;
  const digits = d;
  while (isDigit(line.charCodeAt(d))) d++;
  if (d === digits || d - digits > MAX_DIGITS || isWord(line.charCodeAt(d))) return undefined;
  return { end: d, number: Number(line.slice(digits, d)) };
}

/**
 * Every reference in a Markdown text, in document order: plain identifiers of `schemes` and links
 * to Markdown files (resolved against `from`, the workspace-relative path of the text's file; a
 * link to a file that is no record is reported too — {@link resolveReference} tells). Text in fenced
 * code blocks, code spans, and lines over 100,000 characters is skipped. Linear in the text's length
 * (times the number of schemes); never throws.
 */
export function findReferences(text: string, schemes: readonly IdScheme[], from: string): Reference[] {
  const lines = splitLines(text);
  const fenced = fencedLines(scanOutline(lines).fences);
  const found: Reference[] = [];
  lines.forEach((line, n) => {
    if (fenced.has(n) || line.length > MAX_LINE) return;
    found.push(...lineReferences(line, n, schemes, from, codeSpans(line)));
  });
  return found;
}

/**
 * Every reference in the comments and docstrings of a source file (`syntax`: its language's, from
 * `COMMENT_SYNTAX`), in document order, with the ranges of the source text: plain identifiers of
 * `schemes` and Markdown links to Markdown files (resolved against `from`). Unlike Markdown, an
 * identifier in backticks counts (`` `ADR-0005` `` in a doc comment cites it). Lines over 100,000
 * characters are skipped. Linear in the text's length (times the number of schemes); never throws.
 * `syntax` undefined reads the text as plain text: every line, as a comment.
 */
export function findCodeReferences(text: string, syntax: CommentSyntax | undefined, schemes: readonly IdScheme[], from: string): Reference[] {
  const found: Reference[] = [];
  splitLines(syntax ? commentMask(text, syntax) : text).forEach((line, n) => {
    if (line.length > MAX_LINE || !/\S/.test(line)) return;
    found.push(...lineReferences(line, n, schemes, from, []));
  });
  return found;
}

/**
 * The references of one line (`n`: its 0-based number, for the ranges), outside `skip` (sorted, disjoint
 * `[start, end)` spans: its code spans): links to Markdown files resolved against `from`, and identifiers of
 * `schemes` outside the links, in column order. Linear in the line's length (times the number of schemes).
 */
export function lineReferences(line: string, n: number, schemes: readonly IdScheme[], from: string, skip: [number, number][]): Reference[] {
  const links = linksOf(line, skip);
  const ids = identifiersOf(line, n, schemes, mergeSpans(skip, links.map(l => [l.start, l.end] as [number, number])));
  const linkRefs: Reference[] = [];
  for (const l of links) {
    const target = linkTarget(from, l.destination);
    if (target) linkRefs.push({ range: range(n, l.start, n, l.end), text: line.slice(l.start, l.end), target, destination: range(n, l.destinationStart, n, l.destinationEnd) });
  }
  return mergeByStart(ids, linkRefs);
}

/** Two sorted lists of disjoint spans as one sorted list. */
function mergeSpans(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  return [...a, ...b].sort((x, y) => x[0] - y[0]);
}

function mergeByStart(a: Reference[], b: Reference[]): Reference[] {
  return [...a, ...b].sort((x, y) => x.range.start.character - y.range.start.character);
}

/** The record folders (`dirname` of each record's path) of a snapshot, computed once per snapshot. */
const foldersOf = new WeakMap<WorkspaceSnapshot, string[]>();

/** The record folders of a snapshot (each record's `dirname`, once), in the order of its records; computed once per snapshot. */
export function recordFolders(snapshot: WorkspaceSnapshot): readonly string[] {
  let folders = foldersOf.get(snapshot);
  if (!folders) {
    folders = [...new Set(snapshot.records.map(r => dirname(r.path)))];
    foldersOf.set(snapshot, folders);
  }
  return folders;
}

/** True when the folder `folder` (`services/payments/docs/adr`) holds the segments of `qualifier` (`payments`, `payments/docs/adr`) in a row. */
export function folderMatches(folder: string, qualifier: string): boolean {
  return `/${folder}/`.toLowerCase().includes(`/${qualifier.toLowerCase()}/`);
}

/**
 * The records a reference names among `snapshot`'s (whose paths are relative to the same root as
 * `reference`'s link paths): for a link, the record at its path (none when no record is there); for
 * an identifier, every record of its family with its number, in a folder matching its qualifier
 * when it has one (an unqualified identifier names every candidate, in the snapshot's order).
 * `schemes` decide which family a record is in (see {@link referenceSchemes}).
 */
export function resolveReference(reference: Reference, snapshot: WorkspaceSnapshot, schemes: readonly IdScheme[]): WorkspaceRecord[] {
  const target = reference.target;
  if (target.type === 'link') {
    const record = snapshot.recordAt(target.path);
    return record ? [record] : [];
  }
  const out: WorkspaceRecord[] = [];
  for (const folder of recordFolders(snapshot)) {
    if (target.qualifier !== undefined && !folderMatches(folder, target.qualifier)) continue;
    for (const r of snapshot.numbered(folder, target.number)) if (familyOf(r.record, schemes) === target.scheme) out.push(r);
  }
  return out;
}

/** The reference of `references` whose range holds the 0-based position (its end included, as a cursor right after it), if any. */
export function referenceAt(references: readonly Reference[], line: number, character: number): Reference | undefined {
  return references.find(r => r.range.start.line === line && r.range.start.character <= character && character <= r.range.end.character);
}

/**
 * An identifier being typed: the start (0-based character) of `ADR-`, `ADR 00`, `payments/RFC-1`… that
 * ends `linePrefix` (the line up to the cursor), and its scheme, when the text before the cursor is a
 * prefix of `schemes` (any case), its separator, and up to 9 digits, after a boundary. Reads at most
 * the last 60 characters.
 */
export function identifierBeforeCursor(linePrefix: string, schemes: readonly IdScheme[]): { start: number; scheme: IdScheme; typed: string } | undefined {
  let d = linePrefix.length;
  while (d > 0 && linePrefix.length - d < MAX_DIGITS && isDigit(linePrefix.charCodeAt(d - 1))) d--;
  for (const scheme of schemes) {
    let end = d;
    if (scheme.separated && end > 0 && (linePrefix.charCodeAt(end - 1) === 45 || linePrefix.charCodeAt(end - 1) === 32)) end--;
    const start = end - scheme.prefix.length;
    if (start < 0 || (scheme.separated && end === d)) continue;
    let same = true;
    for (let k = 0; k < scheme.prefix.length && same; k++) same = lowerCode(linePrefix.charCodeAt(start + k)) === lowerCode(scheme.prefix.charCodeAt(k));
    const before = start > 0 ? linePrefix.charCodeAt(start - 1) : 32;
    if (same && !isWord(before) && before !== 45 && before !== 46) return { start, scheme, typed: linePrefix.slice(start) };
  }
  return undefined;
}

/**
 * A link destination being typed: the start (0-based character) of the destination when
 * `linePrefix` (the line up to the cursor) ends inside `[…](` with no white space, `)` or `(` after
 * the `(`; undefined otherwise. Reads back at most 300 characters.
 */
export function linkDestinationBeforeCursor(linePrefix: string): number | undefined {
  const floor = Math.max(0, linePrefix.length - 300);
  for (let i = linePrefix.length - 1; i >= floor; i--) {
    const c = linePrefix.charCodeAt(i);
    if (c === 40 /* ( */) return i > 0 && linePrefix.charCodeAt(i - 1) === 93 /* ] */ ? i + 1 : undefined;
    if (c <= 32 || c === 41 /* ) */) return undefined;
  }
  return undefined;
}

/**
 * The edit renumbering a plain identifier to `newNumber`: its digits only (prefix, separator and folder
 * qualifier kept), written as wide as they were when zero-padded (`ADR-0005` → `ADR-0012`, `ADR 5` →
 * `ADR 12`). Undefined for a link (a renumber rewrites links by their path).
 */
export function renumberedIdentifier(reference: Reference, newNumber: number): { range: Range; newText: string } | undefined {
  if (reference.target.type !== 'id') return undefined;
  const text = reference.text;
  let digits = text.length;
  while (digits > 0 && isDigit(text.charCodeAt(digits - 1))) digits--;
  const { start, end } = reference.range;
  return { range: range(start.line, start.character + digits, end.line, end.character), newText: numberAsWritten(text.slice(digits), newNumber) };
}
