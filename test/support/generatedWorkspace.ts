/**
 * A generated decision log for the cross-record benchmark and timing test: `count` records in one
 * folder, Nygard (adr-tools) and MADR 4 in turn, related to each other in every way the cross-record
 * rules read — supersede and amend links by relative path (some one-sided, some answered), MADR
 * `## More Information` bullets naming a record by id (`ADR-0007`) or by slug, links to a missing
 * record, and a few duplicate numbers; every 20th record (from the 2nd) superseded, and references the
 * reference rules read: plain identifiers (of a superseded record, of none), a `#heading` that is
 * missing, a label naming another record. Deterministic: the same count gives the same files.
 */

/** One generated file: a workspace-relative POSIX path and its text. */
export interface GeneratedRecord {
  readonly path: string;
  readonly text: string;
}

const pad = (n: number) => String(n).padStart(4, '0');
const slug = (n: number) => `decision-number-${n}`;
/** Record n's file name; every 500th record takes the number before it (a merge of two branches). */
const fileName = (n: number) => `${pad(n % 500 === 0 ? n - 1 : n)}-${slug(n)}.md`;

/** Nygard status lines of record n (even): supersedes n-5 every 10th, amends n-2 every 4th, answered every 8th. */
function nygardRelations(n: number): string[] {
  const out: string[] = [];
  if (n > 10 && n % 10 === 0) out.push(`Supercedes [${n - 5}. Decision number ${n - 5}](${fileName(n - 5)})`);
  if (n > 4 && n % 4 === 0) out.push(`Amends [${n - 2}. Decision number ${n - 2}](${fileName(n - 2)})`);
  if (n % 8 === 6) out.push(`Amended by [${n + 2}. Decision number ${n + 2}](${fileName(n + 2)})`);
  return out;
}

/** MADR bullets of record n (odd): amends n-2 by id every 3rd, extends n-4 by slug every 7th. */
function madrRelations(n: number): string[] {
  const out: string[] = [];
  if (n > 2 && n % 3 === 0) out.push(`* Amends [ADR-${pad(n - 2)}](ADR-${pad(n - 2)})`);
  if (n > 4 && n % 7 === 0) out.push(`* Extends [Decision number ${n - 4}](${slug(n - 4)})`);
  return out;
}

/** The text of record n. */
function recordText(n: number): string {
  const missing = n % 50 === 0 ? ` See [the old one](99999-missing.md).` : '';
  const cites = n > 3 ? ` It builds on ADR-0002 and ADR-${pad(n + 100_000)}, [ADR-${pad(n - 3)}](${fileName(n - 2)}#contxt).` : '';
  if (n % 20 === 2) {
    return `# ${n}. Decision number ${n}\n\nDate: 2024-01-01\n\n## Status\n\nSuperseded by [${n + 2}. Decision number ${n + 2}](${fileName(n + 2)})\n\n## Context\n\nWe need to decide on item ${n}.${cites}\n\n## Decision\n\nWe will do ${n}.\n\n## Consequences\n\nIt costs ${n} hours.\n`;
  }
  if (n % 2 === 0) {
    const relations = nygardRelations(n).map(r => `\n\n${r}`).join('');
    return `# ${n}. Decision number ${n}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted${relations}\n\n## Context\n\nWe need to decide on item ${n}.${missing}${cites} ${'Context sentence. '.repeat(20)}\n\n## Decision\n\nWe will do ${n}.\n\n## Consequences\n\nIt costs ${n} hours; ${'a consequence. '.repeat(15)}\n`;
  }
  const links = madrRelations(n);
  const more = links.length > 0 ? `\n## More Information\n\n${links.join('\n')}\n` : '';
  return `---\nstatus: proposed\ndate: 2024-02-01\ndecision-makers: [Ana, Bo]\n---\n\n# Decision number ${n}\n\n## Context and Problem Statement\n\n${'Problem sentence. '.repeat(20)}\n\n## Considered Options\n\n* Option A\n* Option B\n\n## Decision Outcome\n\nChosen option: "Option A", because it is simpler.\n\n### Consequences\n\n* Good, because fast\n* Bad, because new\n${more}`;
}

/** `count` generated records under `folder` (default `docs/adr`), numbered from 1. */
export function generatedRecords(count: number, folder = 'docs/adr'): GeneratedRecord[] {
  const out: GeneratedRecord[] = [];
  for (let n = 1; n <= count; n++) out.push({ path: `${folder}/${fileName(n)}`, text: recordText(n) });
  return out;
}
