import { basename, resolveLink } from '../../paths';
import { parseRecordFileName } from '../../record';
import { RFC_SCHEME, folderMatches, recordFolders, resolveReference } from '../../references';
import { range } from '../../text';
import type { Rule } from '../types';

const SPACE = /\s/;
const isSpace = (ch: string | undefined) => ch !== undefined && SPACE.test(ch);
/** A character that ends a link destination: `)`, `>` or white space. */
const endsDestination = (ch: string) => ch === ')' || ch === '>' || SPACE.test(ch);
/** True when `line` has `.md` (any case) just before column `end`. */
const mdBefore = (line: string, end: number) => end >= 3 && line[end - 3] === '.' && line.slice(end - 2, end).toLowerCase() === 'md';

/** A link to a Markdown file found in a line: where its target starts (0-based column) and the target as written. */
export interface MarkdownFileLink {
  readonly start: number;
  readonly target: string;
}

/**
 * The inline links to Markdown files in one line — `[x](0002-y.md)`, `[x](<0002-y.md#status>)`,
 * `[x](../0002-y.md "title")` — left to right, each target up to its `.md` (a `#fragment` after it left out). The same links,
 * targets and columns as the pattern `\]\(\s*<?([^)\s>]+\.md)(?:#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)`
 * (any case), which backtracks in cubic time on a line of `](` and `.md#`: a scan instead, linear in
 * the line (a run of destination characters, and what follows it, is read once for all the links
 * that start inside it).
 */
export function markdownFileLinks(line: string): MarkdownFileLink[] {
  const out: MarkdownFileLink[] = [];
  // The last run of destination characters read: its end, and its last `.md#` (where a fragment starts).
  let run = { start: -1, end: -1, fragment: -1 };
  const runFrom = (from: number) => {
    if (from < run.start || from >= run.end) {
      let end = from;
      let fragment = -1;
      while (end < line.length && !endsDestination(line[end])) {
        if (line[end] === '#' && mdBefore(line, end)) fragment = end;
        end++;
      }
      run = { start: from, end, fragment };
    }
    return run;
  };
  // Where the target starting at `from` ends: the longest `….md` that the rest of the run's characters
  // follow as a `#fragment`; -1 when none.
  const targetEnd = (from: number) => {
    const { end, fragment } = runFrom(from);
    if (end - from >= 4 && mdBefore(line, end)) return end;
    return fragment - from >= 4 ? fragment : -1;
  };
  // After the destination, once per run: the column after the closing `)`, or -1.
  let closed = { from: -1, after: -1 };
  const closeFrom = (from: number) => {
    if (closed.from !== from) closed = { from, after: closingAfter(line, from) };
    return closed.after;
  };
  for (let open = line.indexOf(']('); open >= 0; open = line.indexOf('](', open + 1)) {
    let from = open + 2;
    while (isSpace(line[from])) from++;
    let end = line[from] === '<' ? targetEnd(from + 1) : -1;
    if (end >= 0) from++;
    else end = targetEnd(from);
    if (end < 0) continue;
    const after = closeFrom(runFrom(from).end);
    if (after < 0) continue;
    out.push({ start: from, target: line.slice(from, end) });
    open = after - 1;
  }
  return out;
}

/** What may follow a link destination ending at `from`: `>`, a `"title"`, the closing `)`. Returns the column after the `)`, or -1. */
function closingAfter(line: string, from: number): number {
  const at = line[from] === '>' ? from + 1 : from;
  let next = at;
  while (isSpace(line[next])) next++;
  if (next > at && line[next] === '"') {
    const quote = line.indexOf('"', next + 1);
    if (quote < 0) return -1;
    next = quote + 1;
    while (isSpace(line[next])) next++;
  }
  return line[next] === ')' ? next + 1 : -1;
}

/**
 * True when an RFC identifier is written as a record's (`RFC-0001`, `RFC-7`, `RFC 0001`: a `-` or a
 * leading zero), not as the usual IETF citation (`RFC 2119`, `RFC2119`), which SF016 leaves alone.
 */
function writtenAsRecord(text: string): boolean {
  let at = text.length;
  while (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9') at--;
  return text[at - 1] === '-' || text[at] === '0';
}

/**
 * SF016: a link to a record that does not exist, or a plain identifier (`ADR-0042`, `payments/ADR-0003`,
 * `RFC-0001` in a workspace with RFCs, written with a `-` or a leading zero so that IETF citations such
 * as `RFC 2119` are left alone; not in a Rust RFC repository, whose texts cite RFC pull requests) that names no record. An identifier is checked only against a
 * family with numbered records in the workspace, a qualified one only when a record folder matches its
 * qualifier (a run that read one folder does not know the others); an unqualified identifier that
 * names several records (one per ADR folder) is no finding.
 */
export const brokenLink: Rule = {
  code: 'SF016', name: 'broken-record-link', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A link to a record that was renamed, renumbered or never merged leaves the reader of a supersede or amend chain at a dead end.',
  *check(c) {
    if (!c.workspace) return;
    const code = c.codeLines();
    for (let i = 0; i < c.lines.length; i++) {
      if (code.has(i) || !c.lines[i].includes('.md')) continue;
      for (const link of markdownFileLinks(c.lines[i])) {
        const target = resolveLink(c.record.path, link.target);
        // Only links to record-like names (`0007-….md`, `20240115-….md`): other Markdown is not ours to check.
        if (target === undefined || !parseRecordFileName(basename(target)) || c.workspace.exists(target)) continue;
        yield { range: range(i, link.start, i, link.start + link.target.length), message: `No record at "${link.target}": it was renamed, renumbered or removed.` };
      }
    }
    const { schemes, numbered } = c.schemes();
    for (const reference of c.references()) {
      const target = reference.target;
      if (target.type !== 'id' || !numbered.has(target.scheme) || (target.scheme === RFC_SCHEME && !writtenAsRecord(reference.text))) continue;
      const qualifier = target.qualifier;
      if (qualifier !== undefined && !recordFolders(c.workspace).some(f => folderMatches(f, qualifier))) continue;
      if (resolveReference(reference, c.workspace, schemes).length > 0) continue;
      const where = qualifier === undefined ? '' : ` in a folder matching "${qualifier}"`;
      yield { range: reference.range, message: `No record is "${reference.text}"${where}: it was renumbered, removed or never merged.` };
    }
  },
};
