/**
 * Benchmark: reading a corpus of decision documents the way the workspace index does (outline scan
 * + record parse) and the way the editor lints them, next to baselines measured in the same run —
 * reading the files, and a bare remark parse — with the ratios. Timing is reported, never asserted.
 *
 * Usage: npm run bench [-- DIR]   (default: ../shared/corpus/rust-rfcs/text, else test/fixtures/workspace)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseRecord } from '../src/core/record';
import { lintText } from '../src/core/lint';

const root = path.resolve(__dirname, '../..');
const candidates = [process.argv[2], path.join(root, '../shared/corpus/rust-rfcs/text'), path.join(root, 'test/fixtures/workspace')];
const dir = candidates.find(d => d && fs.existsSync(d))!;

function markdownFiles(d: string): string[] {
  return fs.readdirSync(d, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.md'))
    .map(e => path.join(e.parentPath, e.name));
}

/** Best of `runs` timings of `fn`, in milliseconds. */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

const files = markdownFiles(dir);
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
console.log(`corpus: ${dir}\n${files.length} files, ${(bytes / 1e6).toFixed(1)} MB\n`);

const read = best(5, () => { for (const f of files) fs.readFileSync(f, 'utf8'); });
const index = best(5, () => { texts.forEach((t, i) => parseRecord(files[i], t)); });
const lint = best(5, () => { texts.forEach((t, i) => lintText(files[i], t)); });
const processor = unified().use(remarkParse);
const remark = best(1, () => { for (const t of texts) processor.parse(t); });

const row = (name: string, ms: number, note = '') => console.log(`${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms ${(bytes / 1e6 / (ms / 1000)).toFixed(0).padStart(6)} MB/s  ${note}`);
row('read every file (baseline)', read);
row('remark-parse (baseline)', remark);
row('index: outline scan + record', index, `${(index / read).toFixed(2)}x the read, ${(remark / index).toFixed(0)}x faster than remark`);
row('lint (structural rules)', lint, `${(remark / lint).toFixed(0)}x faster than remark`);
