/**
 * Lint rules for decision documents: what a reviewer checks first. Each finding carries a stable
 * code (documented in `docs/rules/<code>.md`), a 0-based range on the heading or title it concerns,
 * and, where the repair is obvious, a fix as text edits.
 */
import { KINDS, KindSpec, SectionSpec, matchSections } from './kinds';
import { DecisionRecord, ParseOptions, parseRecord } from './record';
import { Range, clampRange, eolOf, range, splitLines } from './text';

/** Severities, as VS Code names them. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement: `range` (0-based) becomes `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A repair for a finding. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** One problem found in a document. */
export interface Finding {
  /** Stable code: `SF001`… (see {@link RULES}). */
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fix?: Fix;
}

/** The rules, by code: a short name (the docs page's title) and the default severity. */
export const RULES = {
  SF001: { name: 'required-section', severity: 'warning' },
  SF002: { name: 'empty-section', severity: 'warning' },
  SF003: { name: 'missing-status', severity: 'warning' },
  SF004: { name: 'unknown-status', severity: 'warning' },
  SF005: { name: 'invalid-front-matter', severity: 'warning' },
} as const satisfies Record<string, { name: string; severity: Severity }>;

export type RuleCode = keyof typeof RULES;

/** Options for {@link lintText}: the record parse options (statuses, folder hint). */
export type LintOptions = ParseOptions;

/**
 * Lints a document. `path` gives the file name (number, date), `text` the content. Returns [] for
 * Markdown that is not a decision document. Never throws; every range lies inside the text.
 */
export function lintText(path: string, text: string, options: LintOptions = {}): Finding[] {
  const record = parseRecord(path, text, options);
  return record ? lintRecord(record, text, options) : [];
}

/** Lints a parsed record (`text` is the text it was parsed from). See {@link lintText}. */
export function lintRecord(record: DecisionRecord, text: string, options: LintOptions = {}): Finding[] {
  const lines = splitLines(text);
  const eol = eolOf(text);
  const spec = KINDS[record.kind];
  const findings: Finding[] = [];
  const anchor = record.titleHeading?.range ?? range(0, 0, 0, lines[0]?.length ?? 0);

  if (record.frontMatter?.error) {
    findings.push({ code: 'SF005', severity: 'warning', range: record.frontMatter.error.range, message: `Invalid front matter: ${record.frontMatter.error.message}` });
  }

  const matched = matchSections(spec, record.outline);
  for (const section of spec.sections) {
    const heading = matched.get(section);
    if (section.concept === 'status') {
      // A status is checked as a value below, wherever the format writes it.
      continue;
    }
    if (!heading) {
      if (section.required) {
        findings.push({ code: 'SF001', severity: 'warning', range: anchor, message: missingMessage(spec, section), fix: insertSectionFix(spec, section, matched, lines, eol) });
      }
    } else if (!heading.hasContent && section.required) {
      findings.push({
        code: 'SF002', severity: 'warning', range: heading.range,
        message: `Section "${heading.text}" is empty.${section.concept === 'alternatives' ? ' List the alternatives that were considered.' : section.concept === 'failure-modes' ? ' Say what can fail and how it would be detected and rolled back.' : ''}`,
        fix: { title: `Add the template's prompt under "${heading.text}"`, edits: [{ range: range(heading.line + 1, 0, heading.line + 1, 0), newText: `${eol}${section.prompt.replace(/\n/g, eol)}${eol}` }] },
      });
    }
  }

  const vocabulary = options.statuses ?? ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];
  // With invalid front matter the status may well be there, unreadable: SF005 says so already.
  if (record.status === 'missing' && spec.missingStatus !== 'none' && !record.frontMatter?.error) {
    const statusHeading = [...matched].find(([s]) => s.concept === 'status')?.[1];
    findings.push({
      code: 'SF003', severity: spec.missingStatus, range: statusHeading?.range ?? anchor,
      message: `No status: readers cannot tell whether this decision is proposed, accepted or superseded. Add one (${vocabulary.join(', ')}).`,
      fix: statusFix(record, spec, matched, lines, eol),
    });
  } else if (record.status === 'unknown' && record.statusRange) {
    const written = (record.statusText ?? '').split('\n')[0];
    findings.push({
      code: 'SF004', severity: 'warning', range: record.statusRange,
      message: `Unknown status "${written}": expected one of ${vocabulary.join(', ')} (setting specFirst.status.vocabulary).`,
    });
  }

  const lengths = lines.map(l => l.length);
  return findings.map(f => ({ ...f, range: clampRange(f.range, lengths), fix: f.fix && { ...f.fix, edits: f.fix.edits.map(e => ({ ...e, range: clampRange(e.range, lengths) })) } }));
}

function missingMessage(spec: KindSpec, section: SectionSpec): string {
  switch (section.concept) {
    case 'alternatives': return `No alternatives considered: add a "${section.title}" section naming the options weighed and why they lost.`;
    case 'failure-modes': return `No failure modes: add a "${section.title}" section saying what can break, how it is detected and how to roll back.`;
    case 'consequences': return `No consequences: add a "${section.title}" section with what becomes easier, what becomes harder and the risks.`;
    default: return `Missing required section "${section.title}" (${spec.label}).`;
  }
}

/**
 * Where a missing section goes: after the last section that the template puts before it, else
 * before the first section the template puts after it, else at the end. Returns an insertion edit
 * of the heading and the template's prompt, with the document's line ends.
 */
export function insertSectionFix(spec: KindSpec, section: SectionSpec, matched: ReadonlyMap<SectionSpec, { line: number; endLine: number }>, lines: readonly string[], eol: string): Fix {
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
  return { title: `Add section "${section.title}"`, edits: [insertLines(lines, line ?? lines.length, block, eol)] };
}

/** An edit inserting `block` (ending in `eol`) before line `at`, or at the end, keeping a blank line around it. */
function insertLines(lines: readonly string[], at: number, block: string, eol: string): TextEdit {
  if (at < lines.length && !(at === lines.length - 1 && lines[at] === '')) {
    const before = at > 0 && lines[at - 1].trim() !== '' ? eol : '';
    return { range: range(at, 0, at, 0), newText: `${before}${block}${eol}` };
  }
  // At the end of the document.
  const last = lines.length - 1;
  if (lines[last] === '') {
    const before = last > 0 && lines[last - 1].trim() !== '' ? eol : '';
    return { range: range(last, 0, last, 0), newText: before + block };
  }
  return { range: range(last, lines[last].length, last, lines[last].length), newText: eol + eol + block };
}

function statusFix(record: DecisionRecord, spec: KindSpec, matched: ReadonlyMap<SectionSpec, { line: number; endLine: number; hasContent?: boolean }>, lines: readonly string[], eol: string): Fix | undefined {
  const title = 'Set the status to "proposed"';
  const statusSection = spec.sections.find(s => s.concept === 'status');
  if (record.kind === 'nygard' && statusSection) {
    const heading = matched.get(statusSection);
    if (heading) return { title, edits: [{ range: range(heading.line + 1, 0, heading.line + 1, 0), newText: `${eol}Proposed${eol}` }] };
    // Before Context, as the template orders them.
    const next = spec.sections.slice(1).map(s => matched.get(s)).find(h => h);
    return { title, edits: [insertLines(lines, next?.line ?? lines.length, `## Status${eol}${eol}Proposed${eol}`, eol)] };
  }
  if (record.kind === 'log4brains') {
    const at = (record.titleHeading?.line ?? -1) + 1;
    return { title, edits: [{ range: range(at, 0, at, 0), newText: `${eol}- Status: proposed${eol}` }] };
  }
  if (record.outline.frontMatter) {
    const at = record.outline.frontMatter.endLine;
    return { title, edits: [{ range: range(at, 0, at, 0), newText: `status: proposed${eol}` }] };
  }
  return { title, edits: [{ range: range(0, 0, 0, 0), newText: `---${eol}status: proposed${eol}---${eol}${eol}` }] };
}
