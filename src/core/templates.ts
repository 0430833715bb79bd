/**
 * Templates for new records: Nygard as adr-tools writes it (byte for byte, dates aside), MADR 4 full
 * and minimal as MADR ships them, log4brains' MADR 2 layout, Spec-First's RFC, and a project's own
 * template (`<adr dir>/templates/template.md`, adr-tools' convention).
 */
import { KINDS, NYGARD_PROMPTS } from './kinds';
import { Range, range, splitLines } from './text';

/** Template ids: `auto` is resolved by {@link chooseTemplate} before rendering. */
export type TemplateId = 'nygard' | 'madr' | 'madr-minimal' | 'log4brains' | 'rfc' | 'project';

/** Values placed into a template. */
export interface TemplateValues {
  readonly number: number;
  readonly title: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** As the format writes it: `Accepted` for adr-tools, `proposed` for MADR and RFCs. */
  readonly status?: string;
}

/** A rendered record: its text (with `\n` line ends) and where to put the cursor (0-based). */
export interface RenderedRecord {
  readonly text: string;
  /** The first placeholder or prompt the author should replace. */
  readonly selection: Range;
}

/** adr-tools' `src/template.md`. */
export const NYGARD_TEMPLATE = `# NUMBER. TITLE

Date: DATE

## Status

STATUS

## Context

${NYGARD_PROMPTS.context}

## Decision

${NYGARD_PROMPTS.decision}

## Consequences

${NYGARD_PROMPTS.consequences}
`;

/** MADR 4's `template/adr-template.md`, as MADR ships it (CC0 / MIT). */
export const MADR_TEMPLATE = `---
# These are optional metadata elements. Feel free to remove any of them.
status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"
date: {YYYY-MM-DD when the decision was last updated}
decision-makers: {list everyone involved in the decision}
consulted: {list everyone whose opinions are sought (typically subject-matter experts); and with whom there is a two-way communication}
informed: {list everyone who is kept up-to-date on progress; and with whom there is a one-way communication}
---

# {short title, representative of solved problem and found solution}

## Context and Problem Statement

{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story. You may want to articulate the problem in form of a question and add links to collaboration boards or issue management systems.}

<!-- This is an optional element. Feel free to remove. -->
## Decision Drivers

* {decision driver 1, e.g., a force, facing concern, …}
* {decision driver 2, e.g., a force, facing concern, …}
* … <!-- numbers of drivers can vary -->

## Considered Options

* {title of option 1}
* {title of option 2}
* {title of option 3}
* … <!-- numbers of options can vary -->

## Decision Outcome

Chosen option: "{title of option 1}", because {justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force {force} | … | comes out best (see below)}.

<!-- This is an optional element. Feel free to remove. -->
### Consequences

* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}
* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}
* … <!-- numbers of consequences can vary -->

<!-- This is an optional element. Feel free to remove. -->
### Confirmation

{Describe how the implementation of/compliance with the ADR can/will be confirmed. Is the chosen design and its implementation in line with the decision? E.g., a design/code review or a test with a library such as ArchUnit can help validate this. Note that although we classify this element as optional, it is included in many ADRs.}

<!-- This is an optional element. Feel free to remove. -->
## Pros and Cons of the Options

### {title of option 1}

<!-- This is an optional element. Feel free to remove. -->
{example | description | pointer to more information | …}

* Good, because {argument a}
* Good, because {argument b}
<!-- use "neutral" if the given argument weights neither for good nor bad -->
* Neutral, because {argument c}
* Bad, because {argument d}
* … <!-- numbers of pros and cons can vary -->

### {title of other option}

{example | description | pointer to more information | …}

* Good, because {argument a}
* Good, because {argument b}
* Neutral, because {argument c}
* Bad, because {argument d}
* …

<!-- This is an optional element. Feel free to remove. -->
## More Information

{You might want to provide additional evidence/confidence for the decision outcome here and/or document the team agreement on the decision and/or define when/how this decision the decision should be realized and if/when it should be re-visited. Links to other decisions and resources might appear here as well.}
`;

/** MADR 4's `template/adr-template-minimal.md`. */
export const MADR_MINIMAL_TEMPLATE = `# {short title, representative of solved problem and found solution}

## Context and Problem Statement

{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story. You may want to articulate the problem in form of a question and add links to collaboration boards or issue management systems.}

## Considered Options

* {title of option 1}
* {title of option 2}
* {title of option 3}
* … <!-- numbers of options can vary -->

## Decision Outcome

Chosen option: "{title of option 1}", because {justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force {force} | … | comes out best (see below)}.

<!-- This is an optional element. Feel free to remove. -->
### Consequences

* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}
* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}
* … <!-- numbers of consequences can vary -->
`;

const MADR_TITLE = '{short title, representative of solved problem and found solution}';

/**
 * Fills an adr-tools template (the built-in Nygard one or a project's `templates/template.md`): on
 * each line, the first `NUMBER`, `TITLE`, `DATE` and `STATUS` of the template become the record's
 * number (not padded), title, date and status, as adr-new's `sed` does. Unlike `sed`, text that came
 * from a value is never substituted again (a title containing "DATE" stays as typed).
 */
export function fillAdrToolsTemplate(template: string, values: TemplateValues): string {
  const byName: Record<string, string> = {
    NUMBER: String(values.number), TITLE: values.title, DATE: values.date, STATUS: values.status ?? 'Accepted',
  };
  return template.split('\n').map(line => {
    const done = new Set<string>();
    return line.replace(/NUMBER|TITLE|DATE|STATUS/g, name => {
      if (done.has(name)) return name;
      done.add(name);
      return byName[name];
    });
  }).join('\n');
}

/** Renders the RFC template: front matter (status, date, authors), the title, then the RFC's sections with prompts. */
function rfcText(values: TemplateValues): string {
  const head = `---\nstatus: ${values.status ?? 'proposed'}\ndate: ${values.date}\nauthors: {who writes this RFC}\n---\n\n# ${values.title}\n`;
  return head + KINDS.rfc.sections.map(s => `\n## ${s.title}\n\n${s.prompt}\n`).join('');
}

/** Renders log4brains' layout: title, metadata bullets, then MADR 2 sections. */
function log4brainsText(values: TemplateValues): string {
  const head = `# ${values.title}\n\n- Status: ${values.status ?? 'proposed'}\n- Deciders: [list everyone involved in the decision]\n- Date: ${values.date}\n- Tags: [space and/or comma separated list of tags]\n`;
  return head + KINDS.log4brains.sections.filter(s => s.required).map(s => `\n## ${s.title}\n\n${s.prompt}\n`).join('');
}

/**
 * Renders a new record from a template. `projectTemplate` is the text of a project's
 * `templates/template.md` (used when `id` is `project`). Returns the text and the cursor's selection:
 * the first `{placeholder}` (MADR), else the Context prompt (Nygard) or the first section's prompt.
 */
export function renderTemplate(id: TemplateId, values: TemplateValues, projectTemplate?: string): RenderedRecord {
  let text: string;
  switch (id) {
    case 'nygard': text = fillAdrToolsTemplate(NYGARD_TEMPLATE, values); break;
    case 'project': text = fillAdrToolsTemplate((projectTemplate ?? NYGARD_TEMPLATE).replace(/\r\n?/g, '\n'), values); break;
    // Replacer functions, not strings: in a replacement string `$&`, `$'`, `` $` `` and `$1` are patterns.
    case 'madr':
      text = MADR_TEMPLATE
        .replace('"{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"', () => values.status ?? 'proposed')
        .replace('{YYYY-MM-DD when the decision was last updated}', () => values.date)
        .replace(MADR_TITLE, () => values.title);
      break;
    case 'madr-minimal': text = MADR_MINIMAL_TEMPLATE.replace(MADR_TITLE, () => values.title); break;
    case 'log4brains': text = log4brainsText(values); break;
    case 'rfc': text = rfcText(values); break;
  }
  return { text, selection: firstPlaceholder(text, id) };
}

/** Where the author starts writing: the first `{…}` placeholder, else the first section's prompt line. */
function firstPlaceholder(text: string, id: TemplateId): Range {
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const m = /\{[^{}]*\}/.exec(lines[i]);
    if (m && !lines[i].startsWith('```')) return range(i, m.index, i, m.index + m[0].length);
  }
  const prompts: string[] = id === 'nygard' || id === 'project' ? [NYGARD_PROMPTS.context] : [];
  for (let i = 0; i < lines.length; i++) {
    if (prompts.includes(lines[i])) return range(i, 0, i, lines[i].length);
  }
  // The first non-empty line after the second heading (the first section's prompt).
  let headings = 0;
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,6}\s/.test(lines[i])) headings++;
    else if (headings >= 2 && lines[i].trim()) return range(i, 0, i, lines[i].length);
  }
  return range(0, 0, 0, 0);
}

/**
 * Picks the template for a new ADR when the setting is `auto`: a project template wins; otherwise the
 * format most of the folder's records use (`kinds`: the kinds of the records already there), MADR 4
 * for an empty folder.
 */
export function chooseTemplate(setting: string, hasProjectTemplate: boolean, kinds: readonly string[]): TemplateId {
  if (hasProjectTemplate) return 'project';
  if (setting === 'nygard' || setting === 'madr' || setting === 'madr-minimal' || setting === 'log4brains') return setting;
  const count = (k: string) => kinds.filter(x => x === k).length;
  const ranked = (['nygard', 'madr', 'log4brains'] as const).map(k => [k, count(k)] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0][1] > 0 ? ranked[0][0] : 'madr';
}
