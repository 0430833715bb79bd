/**
 * The rule context of one document's lint: the record, its lines, its kind's template and matched
 * sections, and the queries the rules share (code lines, section bodies, the considered options).
 * Each query is computed on first use, at most once per document (per section, for a query about
 * one), and only when a rule asks: rules never compute their own copy.
 */
import { KINDS, KindSpec, SectionConcept, SectionSpec, matchSections } from '../kinds';
import { type Heading, fencedLines } from '../outline';
import { isIsoDate, localToday } from '../calendar';
import { DecisionRecord, ParseOptions, statusVocabulary } from '../record';
import { healthSettings } from '../reviewDates';
import { codeSpans, lineReferences, type Reference } from '../references';
import { eolOf, range } from '../text';
import { workspaceSchemes } from './recordReferences';
import type { LintOptions } from './engine';
import type { BodyLine, ConsideredOptions, RuleContext } from './types';
import { workspaceSnapshot } from './workspace';

/** The kind's template: a project's own kind from `options.kinds`, else a built-in one. */
export function kindSpecOf(kind: string, options: ParseOptions = {}): KindSpec {
  return options.kinds?.find(k => k.kind === kind) ?? KINDS[kind as keyof typeof KINDS] ?? KINDS.madr;
}

/**
 * The context the rules of one lint share. `record` was parsed from `text`; `lines` are its lines as
 * the rules read them (cut to the engine's line limit). Each query's first computation is reported
 * through `options.onQuery`.
 */
export function createRuleContext(record: DecisionRecord, text: string, lines: readonly string[], options: LintOptions): RuleContext {
  const spec = kindSpecOf(record.kind, options);
  const sections = matchSections(spec, record.outline);
  const computed = options.onQuery ?? (() => undefined);
  const sectionOf = (concept: SectionConcept) => {
    for (const [s, heading] of sections) if (s.concept === concept) return { spec: s as SectionSpec, heading };
    return undefined;
  };
  const codeLines = once(() => fencedLines(record.outline.fences), () => computed('codeLines'));
  const body = onceEach((heading: Heading) => sectionBody(lines, heading, codeLines()), heading => computed(`body ${heading.line}`));
  const consideredOptions = once(() => {
    const found = sectionOf('alternatives');
    return found && optionsOf(found.spec, found.heading, record.outline.headings, body(found.heading), lines);
  }, () => computed('consideredOptions'));
  const workspace = options.workspace && workspaceSnapshot(options.workspace);
  const schemes = once(() => (workspace ? workspaceSchemes(workspace, options.kinds) : { schemes: [], numbered: new Set<never>() }), () => computed('schemes'));
  const references = once(() => {
    const found: Reference[] = [];
    const { schemes: known } = schemes();
    if (!workspace || known.length === 0) return found;
    const code = codeLines();
    lines.forEach((line, n) => { if (!code.has(n)) found.push(...lineReferences(line, n, known, record.path, codeSpans(line))); });
    return found;
  }, () => computed('references'));
  return {
    record, text, lines, eol: eolOf(text), spec, sections,
    statuses: statusVocabulary({ project: options.statuses }),
    anchor: record.titleHeading?.range ?? range(0, 0, 0, lines[0]?.length ?? 0),
    workspace, diagrams: options.diagrams, base: options.base,
    today: options.today !== undefined && isIsoDate(options.today) ? options.today : localToday(), health: healthSettings(options), firstCommitted: options.firstCommitted,
    sectionOf, codeLines, body, consideredOptions, schemes, references,
  };
}

/** A list item's marker, on a trimmed line: `-`, `*` or `+`, or `1.` / `1)`, then white space and text. */
const LIST_ITEM = /^[*+-]\s+\S|^\d{1,9}[.)]\s+\S/;

/**
 * True for a template's `- …` item (MADR's "numbers of options can vary"), on a body line's text
 * (trimmed, HTML comments removed): a placeholder, not an option or a consequence.
 */
export function isEllipsisItem(text: string): boolean {
  return /^[*+-]\s*(?:…|\.\.\.)\s*$/.test(text);
}

/**
 * The body of the section under `heading`: its lines up to the section's end, sub-sections
 * included, without fenced code (`code`), HTML comments (whether they fit on a line or span several,
 * their first line included), blank lines, headings and setext underlines; each trimmed.
 */
function sectionBody(lines: readonly string[], heading: Heading, code: ReadonlySet<number>): BodyLine[] {
  const out: BodyLine[] = [];
  let comment = false;
  for (let i = heading.line + 1; i < heading.endLine && i < lines.length; i++) {
    if (code.has(i) && !comment) continue;
    const line = lines[i];
    let kept = '';
    for (let from = 0; from <= line.length;) {
      const next = line.indexOf(comment ? '-->' : '<!--', from);
      if (!comment) kept += line.slice(from, next < 0 ? line.length : next);
      if (next < 0) break;
      from = next + (comment ? 3 : 4);
      comment = !comment;
    }
    const t = kept.trim();
    if (!t || /^#{1,6}(\s|$)/.test(t)) continue;
    if (/^(=+|-+)$/.test(t)) continue; // a setext underline
    out.push({ line: i, text: t });
  }
  return out;
}

/** The considered options under `heading` (see {@link ConsideredOptions}); `body` is the section's body. */
function optionsOf(spec: SectionSpec, heading: Heading, headings: readonly Heading[], body: readonly BodyLine[], lines: readonly string[]): ConsideredOptions {
  const subHeadings = headings.filter(h => h.line > heading.line && h.line < heading.endLine);
  const firstSub = subHeadings[0]?.line ?? heading.endLine;
  // The section's own top-level lines; sub-sections' lists are the options' pros and cons.
  const own = body.filter(b => b.line < firstSub && /^ ?\S/.test(lines[b.line]));
  const items = own.filter(b => LIST_ITEM.test(b.text) && !isEllipsisItem(b.text));
  const prose = own.filter(b => !LIST_ITEM.test(b.text) && !isEllipsisItem(b.text));
  const direct = subHeadings.filter(h => h.level === heading.level + 1).length;
  return {
    spec, heading, subHeadings, own,
    listItems: body.filter(b => LIST_ITEM.test(b.text)),
    count: prose.length > 0 && items.length < 2 && direct < 2 ? undefined : Math.max(items.length, direct),
  };
}

/** `compute`, called on first use only; `computed` is told when it runs. */
function once<T>(compute: () => T, computed: () => void): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
      computed();
    }
    return value;
  };
}

/** `compute` for each key, called on a key's first use only; `computed` is told when it runs. */
function onceEach<K, T>(compute: (key: K) => T, computed: (key: K) => void): (key: K) => T {
  const values = new Map<K, T>();
  return key => {
    if (!values.has(key)) {
      values.set(key, compute(key));
      computed(key);
    }
    return values.get(key) as T;
  };
}
