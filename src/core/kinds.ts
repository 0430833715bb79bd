/**
 * Document kinds and their sections: the formats users already have (see docs/FORMATS.md) and
 * Spec-First's own RFC. Each kind lists its sections in the template's order, with the names a
 * heading may use for it, whether the section is required, and the prompt a quick fix inserts.
 * Lint rules, quick fixes and templates all read this one table.
 */
import { Outline, Heading, headingKey, normalizeHeading } from './outline';

/**
 * - `nygard`: Michael Nygard's format as adr-tools writes it (`# 1. Title`, `Date:`, `## Status`).
 * - `madr`: MADR 3/4, optional YAML front matter.
 * - `log4brains`: MADR 2 with a metadata bullet list under the title, date-prefixed file names.
 * - `rfc`: Spec-First's RFC (Summary … Failure modes and rollback … Unresolved questions).
 * - `rust-rfc`: the Rust RFC template (Summary, Motivation, … Rationale and alternatives …).
 */
export type BuiltinKind = 'nygard' | 'madr' | 'log4brains' | 'rfc' | 'rust-rfc';

/** A built-in kind, or the id of a kind a project declares in `.spec-first.json` (see {@link ProjectKind}). */
export type DocumentKind = BuiltinKind | (string & { readonly projectKind?: never });

/** What a section stands for, when a lint message should name it in the reviewer's words. */
export type SectionConcept = 'alternatives' | 'failure-modes' | 'consequences' | 'status' | 'context' | 'decision';

/** One section of a kind's template. */
export interface SectionSpec {
  /** The heading text the template writes. */
  readonly title: string;
  /** Heading level the template uses. */
  readonly level: number;
  /** Other heading names that count as this section, already normalized (see {@link normalizeHeading}). */
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** Text placed under the heading by the template and by the "insert section" quick fix. */
  readonly prompt: string;
  readonly concept?: SectionConcept;
}

/** A document kind: its label and its sections in template order. */
export interface KindSpec {
  readonly kind: DocumentKind;
  /** Shown to users: "Nygard ADR (adr-tools)". */
  readonly label: string;
  readonly sections: readonly SectionSpec[];
  /** How a missing status is reported: `warning`, `information` (the format makes it optional) or `none`. */
  readonly missingStatus: 'warning' | 'information' | 'none';
}

const s = (title: string, level: number, required: boolean, prompt: string, aliases: string[] = [], concept?: SectionConcept): SectionSpec =>
  ({ title, level, required, prompt, aliases: aliases.map(normalizeHeading), concept });

/** Prompts as adr-tools' `src/template.md` writes them. */
export const NYGARD_PROMPTS = {
  context: 'The issue motivating this decision, and any context that influences or constrains the decision.',
  decision: "The change that we're proposing or have agreed to implement.",
  consequences: 'What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.',
} as const;

const MADR_CONTEXT = '{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story. You may want to articulate the problem in form of a question and add links to collaboration boards or issue management systems.}';
const MADR_OPTIONS = '* {title of option 1}\n* {title of option 2}\n* {title of option 3}';
const MADR_OUTCOME = 'Chosen option: "{title of option 1}", because {justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force {force} | … | comes out best (see below)}.';
const MADR_CONSEQUENCES = '* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}\n* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}';

const CONTEXT_ALIASES = ['Context and Problem Statement', 'Context', 'Problem Statement', 'Context and Problem', 'Problem'];
const OPTIONS_ALIASES = ['Considered Options', 'Options', 'Considered Alternatives', 'Alternatives', 'Alternatives Considered', 'Options Considered'];
const OUTCOME_ALIASES = ['Decision Outcome', 'Decision', 'Outcome'];

/** The kinds, by id. */
export const KINDS: Readonly<Record<BuiltinKind, KindSpec>> = {
  nygard: {
    kind: 'nygard', label: 'Nygard ADR (adr-tools)', missingStatus: 'warning',
    sections: [
      s('Status', 2, true, 'Proposed', [], 'status'),
      s('Context', 2, true, NYGARD_PROMPTS.context, ['Context and Problem Statement'], 'context'),
      s('Decision', 2, true, NYGARD_PROMPTS.decision, ['Decision Outcome'], 'decision'),
      s('Consequences', 2, true, NYGARD_PROMPTS.consequences, [], 'consequences'),
    ],
  },
  madr: {
    kind: 'madr', label: 'MADR', missingStatus: 'information',
    sections: [
      s('Context and Problem Statement', 2, true, MADR_CONTEXT, CONTEXT_ALIASES, 'context'),
      s('Decision Drivers', 2, false, '* {decision driver 1, e.g., a force, facing concern, …}\n* {decision driver 2, e.g., a force, facing concern, …}', ['Drivers']),
      s('Considered Options', 2, true, MADR_OPTIONS, OPTIONS_ALIASES, 'alternatives'),
      s('Decision Outcome', 2, true, MADR_OUTCOME, OUTCOME_ALIASES, 'decision'),
      s('Consequences', 3, false, MADR_CONSEQUENCES, [], 'consequences'),
      s('Confirmation', 3, false, '{Describe how the implementation of/compliance with the ADR can/will be confirmed.}'),
      s('Pros and Cons of the Options', 2, false, '### {title of option 1}\n\n* Good, because {argument a}\n* Bad, because {argument b}'),
      s('More Information', 2, false, '{You might want to provide additional evidence/confidence for the decision outcome here.}'),
    ],
  },
  log4brains: {
    kind: 'log4brains', label: 'log4brains ADR (MADR 2)', missingStatus: 'warning',
    sections: [
      s('Context and Problem Statement', 2, true, '[Describe the context and problem statement, e.g., in free form using two to three sentences. You may want to articulate the problem in form of a question.]', CONTEXT_ALIASES, 'context'),
      s('Decision Drivers', 2, false, '- [driver 1, e.g., a force, facing concern, …]', ['Drivers']),
      s('Considered Options', 2, true, '- [option 1]\n- [option 2]\n- [option 3]', OPTIONS_ALIASES, 'alternatives'),
      s('Decision Outcome', 2, true, 'Chosen option: "[option 1]", because [justification].', OUTCOME_ALIASES, 'decision'),
      s('Pros and Cons of the Options', 2, false, '### [option 1]\n\n- Good, because [argument a]\n- Bad, because [argument b]'),
      s('Links', 2, false, '- [Link type][link to adr]'),
    ],
  },
  rfc: {
    kind: 'rfc', label: 'RFC (Spec-First)', missingStatus: 'warning',
    sections: [
      s('Summary', 2, true, 'One paragraph: what this RFC proposes, for whom, and the outcome it should bring.', ['Abstract', 'Overview', 'TL;DR']),
      s('Motivation', 2, true, 'The problem, with evidence: who has it, how often, what it costs today. Why now?', ['Problem', 'Problem Statement', 'Background', 'Context', 'Context and Problem Statement']),
      s('Goals and non-goals', 2, true, '**Goals**\n\n- …\n\n**Non-goals**\n\n- …', ['Goals', 'Goals and Non-Goals', 'Non-goals', 'Scope']),
      s('Proposal', 2, true, 'The design in enough detail to review and build: interfaces, data, behaviour, migration. Diagrams welcome (```mermaid```).', ['Detailed Design', 'Design', 'Design Details', 'Proposed Solution', 'Specification', 'Reference-level explanation', 'Guide-level explanation']),
      s('Alternatives considered', 2, true, 'Each option seriously considered, doing nothing included, and why it was not chosen.', ['Alternatives', 'Considered Options', 'Considered Alternatives', 'Rationale and alternatives', 'Options Considered'], 'alternatives'),
      s('Failure modes and rollback', 2, true, 'What can break, how it would be detected (alerts, metrics), what users would see, and how to roll out and roll back safely.', ['Failure modes', 'Failure cases', 'Failure Modes and Operations', 'Rollback', 'Rollout and rollback', 'Operations', 'Operational considerations'], 'failure-modes'),
      s('Risks', 2, true, 'Risks and drawbacks of the proposal, and how each is mitigated.', ['Drawbacks', 'Risks and drawbacks', 'Risks and mitigations', 'Consequences'], 'consequences'),
      s('Unresolved questions', 2, true, 'What must be settled before acceptance, and what can wait until implementation.', ['Open questions', 'Open issues', 'Questions']),
    ],
  },
  'rust-rfc': {
    kind: 'rust-rfc', label: 'Rust RFC', missingStatus: 'none',
    sections: [
      s('Summary', 1, true, 'One paragraph explanation of the feature.', ['Abstract']),
      s('Motivation', 1, true, 'Why are we doing this? What use cases does it support? What is the expected outcome?', ['Motivations', 'Background and motivation', 'Motivation and background', 'Motivation and overview', 'Background']),
      s('Guide-level explanation', 1, false, 'Explain the proposal as if it was already included in the language and you were teaching it to another Rust programmer.', ['Guide-level explanation', 'Detailed design']),
      s('Reference-level explanation', 1, false, 'This is the technical portion of the RFC.', ['Detailed design', 'Design']),
      s('Drawbacks', 1, true, 'Why should we *not* do this?', ['Drawback', 'Downsides', 'Risks']),
      s('Rationale and alternatives', 1, true, '- Why is this design the best in the space of possible designs?\n- What other designs have been considered and what is the rationale for not choosing them?\n- What is the impact of not doing this?', ['Alternatives', 'Alternative', 'Alternatives considered', 'Rationale', 'Alternative designs'], 'alternatives'),
      s('Prior art', 1, false, 'Discuss prior art, both the good and the bad, in relation to this proposal.'),
      s('Unresolved questions', 1, false, '- What parts of the design do you expect to resolve through the RFC process before this gets merged?', ['Open questions']),
      s('Future possibilities', 1, false, 'Think about what the natural extension and evolution of your proposal would be.'),
    ],
  },
};

/** The section of `spec` that `heading` stands for, or undefined. Matching ignores case, numbering and markup. */
export function sectionFor(spec: KindSpec, heading: Heading): SectionSpec | undefined {
  const name = headingKey(heading);
  return spec.sections.find(sec => headingKey(sec) === name)
    ?? spec.sections.find(sec => sec.aliases.includes(name));
}

/** For each section of `spec`, the first heading (below the title) that stands for it. */
export function matchSections(spec: KindSpec, outline: Outline): Map<SectionSpec, Heading> {
  const found = new Map<SectionSpec, Heading>();
  const taken = new Set<Heading>();
  const titleLine = outline.headings[0]?.level === 1 && spec.kind !== 'rust-rfc' ? outline.headings[0].line : -1;
  // Each name normalized once: a long document has thousands of headings.
  const names = outline.headings.map(headingKey);
  const { titles, aliases } = sectionIndex(spec);
  // Exact titles first, then aliases, so "Decision" is not taken by an alias when "Decision Outcome" exists.
  for (const byName of [titles, aliases]) {
    outline.headings.forEach((h, i) => {
      if (h.line === titleLine || taken.has(h)) return;
      const section = byName.get(names[i])?.find(x => !found.has(x));
      if (section) {
        found.set(section, h);
        taken.add(h);
      }
    });
  }
  return found;
}

/** A kind's sections by normalized title and by alias, each list in the kind's order. */
interface SectionIndex {
  readonly titles: ReadonlyMap<string, readonly SectionSpec[]>;
  readonly aliases: ReadonlyMap<string, readonly SectionSpec[]>;
}

const sectionIndexes = new WeakMap<KindSpec, SectionIndex>();

/** {@link SectionIndex} of a kind, made once per kind: every record the index reads is matched against every kind. */
function sectionIndex(spec: KindSpec): SectionIndex {
  let index = sectionIndexes.get(spec);
  if (!index) {
    const titles = new Map<string, SectionSpec[]>();
    const aliases = new Map<string, SectionSpec[]>();
    const add = (map: Map<string, SectionSpec[]>, name: string, section: SectionSpec) => {
      const list = map.get(name) ?? [];
      if (!list.includes(section)) list.push(section);
      map.set(name, list);
    };
    for (const section of spec.sections) {
      add(titles, headingKey(section), section);
      for (const alias of section.aliases) add(aliases, alias, section);
    }
    index = { titles, aliases };
    sectionIndexes.set(spec, index);
  }
  return index;
}

/**
 * A kind a project declares in its `.spec-first.json` (a KEP, a house RFC template…): a template
 * like the built-in ones, and the files it applies to, as globs relative to the configuration's
 * folder (for example every `README.md` under `keps/`). A file matching a project kind is read as that kind, whatever its content.
 */
export interface ProjectKind extends KindSpec {
  readonly files: readonly string[];
  /** The format that reads and writes its records (`"format"` in the configuration); detected from each record's content when absent. */
  readonly format?: BuiltinKind;
  /** The literal text before the number of an identifier citing its records (`KEP-`), from the configuration's `"idPattern"`. */
  readonly idPrefix?: string;
}
