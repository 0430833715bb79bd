/**
 * The lint engine's vocabulary: findings, fixes, rules and what a rule is given to look at. A rule is
 * a plain object (code, name, default severity, kinds, rationale, `check`); the catalogue is
 * `rules/index.ts`; the engine (`engine.ts`) runs them, applies the configuration and suppressions,
 * and keeps every range inside the document.
 */
import type { NamesAtRef } from '../branchNumbers';
import type { KindSpec, SectionSpec } from '../kinds';
import type { Heading } from '../outline';
import type { DecisionRecord } from '../record';
import type { HealthSettings } from '../reviewDates';
import type { IdScheme, Reference } from '../references';
import type { Range } from '../text';
import type { WorkspaceSnapshot } from './workspace';

/** Severities, as VS Code names them. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** A text replacement: `range` (0-based) becomes `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A repair for a finding, as text edits to the document that has the finding. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * True when the repair needs no judgement (it adds what is missing with the template's own words),
   * so "Fix all" may apply it unasked. Repairs that choose something for the author (a status) are not.
   */
  readonly safe?: boolean;
}

/** One problem found in a document. Ranges are 0-based and always inside the document. */
export interface Finding {
  /** Stable code: `SF001`… (see the catalogue, `rules/index.ts`, and `docs/rules/<code>.md`). */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** The preferred repair. */
  readonly fix?: Fix;
  /** Other repairs to choose from (a pick list: one per status, say). */
  readonly alternatives?: readonly Fix[];
}

/** What a rule reports: a finding without its code; the severity defaults to the rule's (or the configured one). */
export type RuleFinding = Omit<Finding, 'code' | 'severity'> & { readonly severity?: Severity };

/** Another record of the workspace, as cross-record rules see it. */
export interface WorkspaceRecord {
  /** Workspace-relative POSIX path (`docs/adr/0002-use-x.md`). */
  readonly path: string;
  readonly record: DecisionRecord;
}

/**
 * The workspace's records (the one being linted included, or not: rules skip it by path). The lint
 * engine indexes them once per object (see `workspace.ts`): reuse one object, or a `WorkspaceSnapshot`,
 * for every record of a run.
 */
export interface WorkspaceRecords {
  readonly records: readonly WorkspaceRecord[];
  /**
   * Every record-like file seen (`0007-….md`, `20240115-….md`), records or not — a one-line "Moved
   * to …" stub is a file a link may name. When absent, only `records` count as existing.
   */
  readonly files?: ReadonlySet<string>;
}

/** A diagram that did not parse, as the preview's renderer or Mermaid's parser reported it. */
export interface DiagramProblem {
  /** 0-based line of the opening fence. */
  readonly line: number;
  readonly message: string;
}

/** A line of a section's body. */
export interface BodyLine {
  /** 0-based line in the document. */
  readonly line: number;
  /** The line's text, trimmed, without its HTML comments (a comment may span lines). */
  readonly text: string;
}

/** The considered options of a record, as the rules read them from its `alternatives` section. */
export interface ConsideredOptions {
  /** The section's entry in the kind's template. */
  readonly spec: SectionSpec;
  /** The section's heading. */
  readonly heading: Heading;
  /** The headings inside the section, every level, in document order. */
  readonly subHeadings: readonly Heading[];
  /** The section's list items (`- x`, `1. x`), nested ones and those of its sub-sections included. */
  readonly listItems: readonly BodyLine[];
  /** The section's own top-level lines: before its first sub-heading, indented by at most one space. */
  readonly own: readonly BodyLine[];
  /**
   * How many options the section lists: its own top-level list items (a `- …` placeholder left out)
   * or its direct sub-headings, whichever are more; undefined when prose besides fewer than two of
   * either makes the section uncountable.
   */
  readonly count: number | undefined;
}

/**
 * What a rule looks at: the parsed record, its text and lines, its kind's template, and the queries
 * the rules share. Each query is computed on first use and kept for the rest of the document's lint
 * (per section, for a query about one): rules ask for them freely instead of computing their own.
 */
export interface RuleContext {
  readonly record: DecisionRecord;
  /** The whole text, as the record was parsed from it. */
  readonly text: string;
  /**
   * The document's lines, each cut to its first `MAX_LINE_LENGTH` (10 000) characters: what the rules
   * read. A finding past the cut is not reported (see the engine's `onLongLines`).
   */
  readonly lines: readonly string[];
  readonly eol: '\n' | '\r\n';
  /** The template of the record's kind: its sections in order. */
  readonly spec: KindSpec;
  /** For each section of `spec`, the heading that stands for it (missing sections are absent). */
  readonly sections: ReadonlyMap<SectionSpec, Heading>;
  /** Statuses of the vocabulary, lower case. */
  readonly statuses: readonly string[];
  /** Where document-wide findings go: the title heading, else the first line. */
  readonly anchor: Range;
  /** Other records and their lookups, for cross-record rules; undefined when linting one file alone. */
  readonly workspace?: WorkspaceSnapshot;
  /** Diagram problems reported for this document (by the preview or Mermaid's parser), if any. */
  readonly diagrams?: readonly DiagramProblem[];
  /** The record's folder at the ref a change merges into, when the host read it (`--base`): see `LintOptions.base`. */
  readonly base?: NamesAtRef;
  /** Today's local calendar date, `YYYY-MM-DD`: `LintOptions.today`, else the clock's. */
  readonly today: string;
  /** The project's `reviewAfter` and `staleAfter`, read (see `reviewDates.ts`). */
  readonly health: HealthSettings;
  /** The day git first saw the record's file, when the host read it (`LintOptions.firstCommitted`). */
  readonly firstCommitted?: string;
  /** The 0-based lines inside fenced code blocks, fences included (see `fencedLines`). */
  codeLines(): ReadonlySet<number>;
  /** The lines of a section (sub-sections included), without blank lines, headings, HTML comments and fenced code. */
  body(heading: Heading): readonly BodyLine[];
  /** The considered options, when the record has a section for them (concept `alternatives`). */
  consideredOptions(): ConsideredOptions | undefined;
  /**
   * The workspace's identifier schemes (ADR; RFC when it has RFCs; the project kinds' `"idPattern"`
   * prefixes: see `core/references.ts`), and those with numbered records. Empty without a workspace.
   */
  schemes(): { readonly schemes: readonly IdScheme[]; readonly numbered: ReadonlySet<IdScheme> };
  /**
   * The record's decision references in document order (plain identifiers of `schemes()`, links to
   * Markdown files resolved against the record's path), outside fenced code and code spans; none
   * without a workspace.
   */
  references(): readonly Reference[];
  /** The heading of the section with this concept (`alternatives`, `consequences`…), if the document has it. */
  sectionOf(concept: NonNullable<SectionSpec['concept']>): { readonly spec: SectionSpec; readonly heading: Heading } | undefined;
}

/** A lint rule. */
export interface Rule {
  /** Stable code, `SF` and three digits. Never reused. */
  readonly code: string;
  /** Short kebab-case name, the title of its docs page. */
  readonly name: string;
  readonly severity: Severity;
  /** Kinds it applies to (`nygard`, `madr`, …, or a project's own kind), or `all`. */
  readonly kinds: 'all' | readonly string[];
  /** One paragraph: why a reviewer cares. */
  readonly description: string;
  /**
   * True for a rule that runs only when configured (`"SF022": "information"`): it reports a project's
   * convention, not a fault. Its `severity` is then the one it suggests.
   */
  readonly off?: boolean;
  /** `workspace`: needs the other records (skipped when a file is linted alone). */
  readonly scope?: 'document' | 'workspace';
  /** Finds the problems. May throw: the engine logs it through `onRuleError` and goes on. */
  check(context: RuleContext): Iterable<RuleFinding>;
}
