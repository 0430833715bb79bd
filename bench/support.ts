/**
 * What the benchmark scripts share: where the corpus is, and how a time is taken. Every script prints
 * the project's time next to a baseline measured in the same run; none asserts a time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository's root (the scripts run from out/bench/). */
export const REPO = path.resolve(__dirname, '../..');

/**
 * The Rust RFC corpus: `dir` if given, else `../shared/corpus/rust-rfcs/text` beside the repository
 * (the whole corpus, on development machines and CI), else the copy in test/fixtures/corpus.
 */
export function rustRfcDir(dir?: string): string {
  return [dir, path.join(REPO, '../shared/corpus/rust-rfcs/text'), path.join(REPO, 'test/fixtures/corpus/rust-rfcs/text')]
    .find((d): d is string => d !== undefined && fs.existsSync(d))!;
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
