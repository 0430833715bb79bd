/**
 * Benchmark of the workspace index: what the index does per file (read it, scan its outline, read the
 * record: kind, number, title, status, date, relations) on the Rust RFC corpus and on a generated
 * workspace of 10,000 related records (`writeGeneratedWorkspace`), next to baselines measured in the
 * same run — reading the same files, and a bare remark parse of them — with the ratios. Also the cost
 * of one file's update, which is all a change costs (the index never rescans on a change). Timing is
 * printed, never asserted.
 *
 * Usage: npm run bench   (or node out/bench/index.js [RFC_DIR])
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseRecord, parseRecordFileName } from '../src/core/record';
import { best, faster, markdownFiles, rustRfcDir, times, writeGeneratedWorkspace } from './support';

const rfcDir = rustRfcDir(process.argv[2]);

function measure(label: string, dir: string, remarkRuns: number): void {
  const files = markdownFiles(dir);
  const texts = files.map(f => fs.readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const read = best(5, () => { for (const f of files) fs.readFileSync(f, 'utf8'); });
  const index = best(5, () => {
    for (const f of files) {
      const name = path.basename(f);
      parseRecord(`docs/adr/${name}`, fs.readFileSync(f, 'utf8'), { folderHint: parseRecordFileName(name) ? 'adr' : undefined });
    }
  });
  const processor = unified().use(remarkParse);
  const remark = best(remarkRuns, () => { for (const t of texts) processor.parse(t); });
  const one = texts.reduce((a, b) => (Math.abs(Buffer.byteLength(a) - bytes / texts.length) < Math.abs(Buffer.byteLength(b) - bytes / texts.length) ? a : b));
  const update = best(50, () => { parseRecord('docs/adr/0001-x.md', one, { folderHint: 'adr' }); });
  const remarkOne = best(20, () => { processor.parse(one); });

  const row = (name: string, ms: number, note = '') => console.log(`  ${name.padEnd(40)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);
  console.log(`\n${label}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
  row('read every file (baseline)', read);
  row('remark-parse every file (baseline)', remark);
  row('index: read + outline scan + record', index, `${times(index, read, 'read')} (target ≤ 3×), ${faster(index, remark)} than remark (target ≥ 100×)`);
  row('one file\'s update (scan + record)', update, `for a ${(Buffer.byteLength(one) / 1024).toFixed(1)} KB record, ${faster(update, remarkOne)} than its remark parse; a change never rescans the workspace`);
}

console.log('Workspace index benchmark (best of 5; remark best of 1)');
measure(`Rust RFCs (${rfcDir})`, rfcDir, 1);
const generated = writeGeneratedWorkspace(10_000);
try {
  measure('Generated workspace', generated.records, 1);
} finally {
  fs.rmSync(generated.root, { recursive: true, force: true });
}
