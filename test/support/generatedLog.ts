/**
 * A large decision log, generated: `n` adr-tools records (`NNNN-use-technology-N.md`, Nygard's
 * format, with adr-tools' relation lines in the Status section) and relations written on both sides —
 * most records supersede or amend a recent one (its record says "Superceded by" / "Amended by"),
 * and about one in three also relates to any earlier one. Deterministic for a seed. For the tests
 * of the decision graph at scale; the Rust RFC corpus, the largest real log at hand, has 648.
 */

/** A generated record: its path under `folder` and its text. */
export interface GeneratedRecord {
  readonly path: string;
  readonly text: string;
}

/** A small deterministic generator (a linear congruential one, as in glibc), in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const title = (i: number) => `Use technology ${i}`;
const fileName = (i: number) => `${String(i).padStart(4, '0')}-use-technology-${i}.md`;

/** `n` records in `folder` (a POSIX path such as `generated/doc/adr`), numbered from 1. */
export function generatedLog(n: number, folder: string, seed = 1): GeneratedRecord[] {
  const next = random(seed);
  const relations: string[][] = Array.from({ length: n + 1 }, () => []);
  const link = (from: number, verb: string, to: number) => relations[from].push(`${verb} [${to}. ${title(to)}](${fileName(to)})`);
  for (let i = 2; i <= n; i++) {
    const recent = Math.max(1, i - 1 - Math.floor(next() * 20));
    if (next() < 0.5) {
      link(i, 'Supercedes', recent);
      link(recent, 'Superceded by', i);
    } else {
      link(i, 'Amends', recent);
      link(recent, 'Amended by', i);
    }
    if (next() < 0.35) link(i, 'Relates to', 1 + Math.floor(next() * (i - 1)));
  }
  const records: GeneratedRecord[] = [];
  for (let i = 1; i <= n; i++) {
    const status = relations[i].some(r => r.startsWith('Superceded by')) ? 'Superseded' : 'Accepted';
    const text = [
      `# ${i}. ${title(i)}`, '', 'Date: 2024-01-15', '', '## Status', '', status, '', ...relations[i].flatMap(r => [r, '']),
      '## Context', '', `Record ${i} of a generated decision log.`, '',
      '## Decision', '', `We will use technology ${i}.`, '',
      '## Consequences', '', 'It is generated.', '',
    ].join('\n');
    records.push({ path: `${folder}/${fileName(i)}`, text });
  }
  return records;
}
