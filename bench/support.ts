/**
 * What the benchmark scripts share: where the corpus is, and how a time is taken. Every script prints
 * the project's time next to a baseline measured in the same run; none asserts a time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatedRecords } from '../test/support/generatedWorkspace';

/** The repository's root (the scripts run from out/bench/). */
export const REPO = path.resolve(__dirname, '../..');

/**
 * The Rust RFC corpus: `dir` if given (or `$SPEC_FIRST_RFC_CORPUS`, a checkout of rust-lang/rfcs'
 * `text/`), else the copy in test/fixtures/corpus.
 */
export function rustRfcDir(dir?: string): string {
  return [dir, process.env.SPEC_FIRST_RFC_CORPUS, path.join(REPO, 'test/fixtures/corpus/rust-rfcs/text')]
    .find((d): d is string => d !== undefined && d !== '' && fs.existsSync(d))!;
}

/** The `.md` files under a folder, recursively, as absolute paths. */
export function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.md'))
    .map(e => path.join(e.parentPath, e.name));
}

/** The best of `runs` timings of `fn`, in milliseconds. */
export function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

/**
 * Writes `count` generated records (`test/support/generatedWorkspace.ts`: Nygard and MADR, related by
 * supersede, amend and extend links) into a new temporary folder, under `docs/adr`. Returns the
 * folder (remove it when done) and the records' folder in it.
 */
export function writeGeneratedWorkspace(count: number): { root: string; records: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-bench-'));
  for (const r of generatedRecords(count)) {
    const file = path.join(root, ...r.path.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, r.text);
  }
  return { root, records: path.join(root, 'docs', 'adr') };
}

/**
 * How `ours` compares with a `baseline` time measured in the same run: "12.3× faster", or "1.4×
 * slower" when it is not faster.
 */
export function faster(ours: number, baseline: number): string {
  return ours <= baseline ? `${(baseline / ours).toFixed(1)}× faster` : `${(ours / baseline).toFixed(1)}× slower`;
}

/** `ours` as a multiple of a cheaper baseline measured in the same run: "4.7× the read". */
export function times(ours: number, baseline: number, what: string): string {
  return `${(ours / baseline).toFixed(2)}× the ${what}`;
}
