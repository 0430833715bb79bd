/**
 * The lint engine: parses a record once, builds the context every rule shares (lines, the kind's
 * template, matched sections, section bodies), runs the rules that apply to the record's kind at
 * their configured level, drops what the document suppresses, and clamps every range into the text.
 * Never throws: a rule that fails is reported through `onRuleError` and skipped.
 */
import { KINDS, KindSpec, SectionConcept, SectionSpec, matchSections } from '../kinds';
import type { Heading } from '../outline';
import { DEFAULT_STATUSES, DecisionRecord, ParseOptions, parseRecord } from '../record';
import { clampRange, eolOf, range, splitLines } from '../text';
import { RULE_LIST, findRule } from './rules';
import { suppressedCodes } from './suppress';
import type { BodyLine, DiagramProblem, Finding, Rule, RuleContext, RuleLevel, WorkspaceRecords } from './types';
import { workspaceSnapshot } from './workspace';

/** Options for {@link lintText}. */
export interface LintOptions extends ParseOptions {
  /** Levels by rule code (`SF012`) or name (`no-downside`): a severity, or `off`. Others keep their default. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /**
   * The workspace's records, for cross-record rules (skipped without it). Paths as the record's `path`.
   * Pass the same object (or a `WorkspaceSnapshot`) for every record of a run: its lookups are built once.
   */
  readonly workspace?: WorkspaceRecords;
  /** Diagram problems reported for this document (by the preview or Mermaid's parser). */
  readonly diagrams?: readonly DiagramProblem[];
  /** Called when a rule throws; the rule's findings for this document are dropped. */
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
}


/** The kind's template: a project's own kind from `options.kinds`, else a built-in one. */
export function kindSpecOf(kind: string, options: ParseOptions = {}): KindSpec {
  return options.kinds?.find(k => k.kind === kind) ?? KINDS[kind as keyof typeof KINDS] ?? KINDS.madr;
}

/**
 * Lints a document. `path` gives the file name (number, date) and, for cross-record rules, the
 * record's identity among `options.workspace`; `text` is the content. Returns [] for Markdown that
 * is not a decision document. Never throws; every range (findings' and fixes') lies inside the text.
 */
export function lintText(path: string, text: string, options: LintOptions = {}): Finding[] {
  const record = parseRecord(path, text, options);
  return record ? lintRecord(record, text, options) : [];
}

/** Lints a parsed record (`text` is the text it was parsed from). See {@link lintText}. */
export function lintRecord(record: DecisionRecord, text: string, options: LintOptions = {}): Finding[] {
  const lines = splitLines(text);
  const context = makeContext(record, text, lines, options);
  const suppressed = suppressedCodes(record, lines);
  const levels = resolveLevels(options.rules);
  const findings: Finding[] = [];
  for (const rule of RULE_LIST) {
    const level = levels.get(rule.code);
    if (level === 'off' || suppressed.has(rule.code) || suppressed.has('*')) continue;
    if (rule.kinds !== 'all' && !rule.kinds.includes(record.kind)) continue;
    if (rule.scope === 'workspace' && !options.workspace) continue;
    try {
      for (const f of rule.check(context)) findings.push({ ...f, code: rule.code, severity: level ?? f.severity ?? rule.severity });
    } catch (err) {
      options.onRuleError?.(rule, err);
    }
  }
  const lengths = lines.map(l => l.length);
  const clampFix = <T extends { edits: readonly { range: Finding['range']; newText: string }[] }>(fix: T): T => ({ ...fix, edits: fix.edits.map(e => ({ ...e, range: clampRange(e.range, lengths) })) });
  return findings.map(f => ({
    ...f,
    range: clampRange(f.range, lengths),
    fix: f.fix && clampFix(f.fix),
    alternatives: f.alternatives?.map(clampFix),
  }));
}

/** Configured levels by rule code; unknown keys are ignored here (configuration validation reports them). */
function resolveLevels(rules: LintOptions['rules']): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const [key, level] of Object.entries(rules ?? {})) {
    const rule = findRule(key);
    if (rule) levels.set(rule.code, level);
  }
  return levels;
}

function makeContext(record: DecisionRecord, text: string, lines: readonly string[], options: LintOptions): RuleContext {
  const spec = kindSpecOf(record.kind, options);
  const sections = matchSections(spec, record.outline);
  const fenceLines = new Set<number>();
  for (const f of record.outline.fences) for (let l = f.startLine; l <= f.endLine; l++) fenceLines.add(l);
  const bodies = new Map<Heading, BodyLine[]>();
  const body = (heading: Heading): BodyLine[] => {
    let out = bodies.get(heading);
    if (!out) {
      out = [];
      let comment = false;
      for (let i = heading.line + 1; i < heading.endLine && i < lines.length; i++) {
        const t = lines[i].trim();
        if (comment) { if (t.includes('-->')) comment = false; continue; }
        if (fenceLines.has(i) || !t || /^#{1,6}(\s|$)/.test(t)) continue;
        if (t.startsWith('<!--')) { if (!t.includes('-->')) comment = true; if (t.endsWith('-->')) continue; }
        if (/^(=+|-+)$/.test(t)) continue; // a setext underline
        out.push({ line: i, text: t });
      }
      bodies.set(heading, out);
    }
    return out;
  };
  const byConcept = (concept: SectionConcept) => {
    for (const [s, heading] of sections) if (s.concept === concept) return { spec: s as SectionSpec, heading };
    return undefined;
  };
  return {
    record, text, lines, eol: eolOf(text), spec, sections,
    statuses: (options.statuses ?? DEFAULT_STATUSES).map(s => s.toLowerCase()),
    anchor: record.titleHeading?.range ?? range(0, 0, 0, lines[0]?.length ?? 0),
    workspace: options.workspace && workspaceSnapshot(options.workspace), diagrams: options.diagrams,
    body, sectionOf: byConcept,
  };
}
