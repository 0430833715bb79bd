/**
 * The lint engine: parses a record once, builds the context every rule shares (`context.ts`: lines,
 * the kind's template, matched sections, the shared queries), runs the rules that apply to the
 * record's kind at their configured level, drops what the document suppresses, and clamps every
 * range into the text.
 * Rules read at most the first {@link MAX_LINE_LENGTH} characters of a line (reported through
 * `onLongLines`). Never throws: a rule that fails is reported through `onRuleError` and skipped.
 */
import { parseFrontMatter } from '../frontMatter';
import { scanOutline } from '../outline';
import { DecisionRecord, ParseOptions, parseRecord } from '../record';
import { Position, clampRange, splitLines } from '../text';
import { createRuleContext } from './context';
import { RULE_LIST, findRule } from './rules';
import { diagramFindings, mermaidSyntax } from './rules/sf019-mermaid-syntax';
import { suppressedCodes } from './suppress';
import type { NamesAtRef } from '../branchNumbers';
import type { DiagramProblem, Finding, Fix, Rule, RuleLevel, WorkspaceRecords } from './types';

export { kindSpecOf } from './context';

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
  /**
   * The record's folder at a git ref a change will merge into (`spec-first lint --base REF`): SF015
   * also reports a record there that holds this record's number (see `core/branchNumbers.ts`).
   */
  readonly base?: NamesAtRef;
  /**
   * Today's local calendar date, `YYYY-MM-DD`, for the rules about dates (review due, stale
   * proposal) and their fixes; the clock's (local time) when absent or not a calendar date. Hosts
   * pin it from `--today` or the `SPEC_FIRST_TODAY` environment variable.
   */
  readonly today?: string;
  /**
   * The project's `reviewAfter`, an ISO 8601 duration (`P12M`): an accepted record with no review
   * date is due that long after its date. None when absent (or not a duration).
   */
  readonly reviewAfter?: string;
  /** The project's `staleAfter`, an ISO 8601 duration: a proposal is stale that long after its date (`P60D` when absent). */
  readonly staleAfter?: string;
  /**
   * The day git first saw the record's file (`YYYY-MM-DD`), when the host read it: a proposal without a
   * date is stale counting from it (SF021 says so). The CLI reads it for `--git-dates`.
   */
  readonly firstCommitted?: string;
  /** Called when a rule throws; the rule's findings for this document are dropped. */
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
  /**
   * Called once, before the rules run, when lines are longer than {@link MAX_LINE_LENGTH}: the rules
   * read only the first `limit` characters of those lines (0-based line numbers, in order), and
   * nothing beyond them is reported.
   */
  readonly onLongLines?: (lines: readonly number[], limit: number) => void;
  /**
   * Called each time the rule context computes one of the queries the rules share: `codeLines`,
   * `consideredOptions`, or `body N` for the section under the heading on 0-based line N. Each is
   * computed at most once per document, and only when a rule asks. For tests and measurements.
   */
  readonly onQuery?: (query: string) => void;
}

/**
 * The rules read at most this many characters of a line (UTF-16 code units): a hostile or generated
 * line of megabytes costs no more than this, and findings beyond it are not reported.
 */
export const MAX_LINE_LENGTH = 10_000;


/**
 * The log line for {@link LintOptions.onLongLines}: `path` (as the host names the file), the 0-based
 * lines (shown 1-based, the first five), and the limit.
 */
export function longLinesNotice(path: string, lines: readonly number[], limit: number): string {
  const shown = lines.slice(0, 5).map(l => l + 1).join(', ') + (lines.length > 5 ? `, … (${lines.length} lines)` : '');
  return `${path}: line${lines.length > 1 ? 's' : ''} ${shown} longer than ${limit} characters: lint read the first ${limit} of each and reports nothing beyond.`;
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

/**
 * Lints Markdown that is not a decision document: only what applies to every document the preview
 * shows, the diagrams Mermaid could not draw (SF019, from `options.diagrams`), at the rule's
 * configured level, unless the document disables it (`spec-first-disable` comment or front matter).
 * Returns [] without diagram problems. Never throws; ranges inside the text.
 */
export function lintDiagramsOf(text: string, options: LintOptions = {}): Finding[] {
  if (!options.diagrams?.length) return [];
  const level = resolveLevels(options.rules).get(mermaidSyntax.code);
  const lines = splitLines(text);
  const outline = scanOutline(lines);
  const frontMatter = outline.frontMatter ? parseFrontMatter(outline.frontMatter) : undefined;
  const suppressed = suppressedCodes({ outline, frontMatter }, lines);
  if (level === 'off' || suppressed.has(mermaidSyntax.code) || suppressed.has('*')) return [];
  const lengths = lines.map(l => l.length);
  return diagramFindings(outline.fences, lines, options.diagrams)
    .map(f => ({ ...f, range: clampRange(f.range, lengths), code: mermaidSyntax.code, severity: level ?? mermaidSyntax.severity }));
}

/** Lints a parsed record (`text` is the text it was parsed from). See {@link lintText}. */
export function lintRecord(record: DecisionRecord, text: string, options: LintOptions = {}): Finding[] {
  const fullLines = splitLines(text);
  const long: number[] = [];
  const lines = fullLines.map((line, i) => {
    if (line.length <= MAX_LINE_LENGTH) return line;
    long.push(i);
    return line.slice(0, MAX_LINE_LENGTH);
  });
  if (long.length > 0) options.onLongLines?.(long, MAX_LINE_LENGTH);
  const context = createRuleContext(record, text, lines, options);
  const suppressed = suppressedCodes(record, lines);
  const levels = resolveLevels(options.rules);
  const findings: Finding[] = [];
  for (const rule of RULE_LIST) {
    const level = levels.get(rule.code) ?? (rule.off ? 'off' : undefined);
    if (level === 'off' || suppressed.has(rule.code) || suppressed.has('*')) continue;
    if (rule.kinds !== 'all' && !rule.kinds.includes(record.kind)) continue;
    if (rule.scope === 'workspace' && !options.workspace) continue;
    try {
      for (const f of rule.check(context)) findings.push({ ...f, code: rule.code, severity: level ?? f.severity ?? rule.severity });
    } catch (err) {
      options.onRuleError?.(rule, err);
    }
  }
  const lengths = fullLines.map(l => l.length);
  // Past the cut of a long line: a finding there is not reported, and a fix reaching it is dropped (it
  // was computed from the cut line: an edit "to the end of the line" would stop at the cut).
  const cut = new Set(long);
  const beyond = (p: Position) => cut.has(p.line) && p.character >= MAX_LINE_LENGTH;
  const fixBeyond = (fix: Fix) => fix.edits.some(e => beyond(e.range.start) || beyond(e.range.end));
  const clampFix = (fix: Fix): Fix => ({ ...fix, edits: fix.edits.map(e => ({ ...e, range: clampRange(e.range, lengths) })) });
  return findings.filter(f => !beyond(f.range.start)).map(f => ({
    ...f,
    range: clampRange(f.range, lengths),
    fix: f.fix && !fixBeyond(f.fix) ? clampFix(f.fix) : undefined,
    alternatives: f.alternatives?.filter(a => !fixBeyond(a)).map(clampFix),
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
