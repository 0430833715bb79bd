/**
 * Lint benchmark on the Rust RFC corpus: the CLI's lint (read + parse + every rule, with the corpus
 * as the workspace, in process) next to markdownlint (sync API, default rules) and a bare remark
 * parse of the same strings; and lintText on the largest RFC next to a remark parse of a 5 KB record.
 * Timing is printed, never asserted. `npm run bench`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { WorkspaceRecord, lintRecord, lintText } from '../src/core/lint';
import { isNonRecordFileName, parseRecord, parseRecordFileName } from '../src/core/record';
import { REPO, best, rustRfcDir } from './support';

const dir = rustRfcDir();
const names = fs.readdirSync(dir).filter(n => /\.md$/i.test(n) && !isNonRecordFileName(n) && parseRecordFileName(n)).sort();

const time = (fn: () => void, runs = 3): number => best(runs, fn);

let findings = 0;
const lintAll = () => {
  const parsed: { text: string; entry: WorkspaceRecord }[] = [];
  for (const n of names) {
    const text = fs.readFileSync(path.join(dir, n), 'utf8');
    const p = `text/${n}`;
    const record = parseRecord(p, text);
    if (record) parsed.push({ text, entry: { path: p, record } });
  }
  const workspace = { records: parsed.map(x => x.entry) };
  findings = 0;
  for (const { text, entry } of parsed) findings += lintRecord(entry.record, text, { workspace }).length;
};
const texts = names.map(n => fs.readFileSync(path.join(dir, n), 'utf8'));
const strings = Object.fromEntries(names.map((n, i) => [n, texts[i]]));
const parser = unified().use(remarkParse);

lintAll(); // warm up
const ours = time(lintAll);
const mdl = time(() => markdownlint({ strings }), 2);
const remark = time(() => { for (const t of texts) parser.parse(t); }, 2);
const mb = texts.reduce((s, t) => s + t.length, 0) / 1e6;
console.log(`lint bench: ${names.length} Rust RFCs, ${mb.toFixed(1)} MB (${path.relative(REPO, dir)})`);
console.log(`  spec-first lint (read + parse + 19 rules, workspace): ${ours.toFixed(0)} ms, ${findings} findings`);
console.log(`  markdownlint (default rules):                       ${mdl.toFixed(0)} ms  (spec-first ${(ours / mdl).toFixed(2)}×)`);
console.log(`  remark-parse alone:                                 ${remark.toFixed(0)} ms  (spec-first ${(ours / remark).toFixed(2)}×)`);

const largest = '3935-Project-Goals-2026.md';
const big = strings[largest] ?? texts.reduce((a, b) => (b.length > a.length ? b : a));
const small = texts.find(t => t.length >= 4500 && t.length <= 5500) ?? texts[0];
const one = time(() => lintText(`text/${largest}`, big), 10);
const parseSmall = time(() => parser.parse(small), 20);
console.log(`  lintText on ${largest} (${(big.length / 1024).toFixed(0)} KB): ${one.toFixed(1)} ms; remark parse of a ${(small.length / 1024).toFixed(1)} KB record: ${parseSmall.toFixed(2)} ms`);
