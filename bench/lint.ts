/**
 * Lint benchmark on the Rust RFC corpus: the CLI's lint (read + parse + every rule, with the corpus
 * as the workspace, in process) next to markdownlint (sync API, default rules) and a bare remark
 * parse of the same strings; and lintText on the largest RFC next to a remark parse of a 5 KB record.
 * Then the cross-record rules at scale, on 10,000 generated related records: the CLI (`dist/cli.js`,
 * a process of its own) next to the same CLI with the cross-record rules off and to reading the
 * files; and one record's lint with 10,000 records in the workspace snapshot next to 100.
 * Timing is printed, never asserted. `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { WorkspaceRecord, lintRecord, lintText } from '../src/core/lint';
import { WorkspaceSnapshot } from '../src/core/lint/workspace';
import { isNonRecordFileName, parseRecord, parseRecordFileName } from '../src/core/record';
import { generatedRecords } from '../test/support/generatedWorkspace';
import { REPO, best, faster, markdownFiles, rustRfcDir, times, writeGeneratedWorkspace } from './support';

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
console.log(`  markdownlint (default rules, baseline):             ${mdl.toFixed(0)} ms  (spec-first ${faster(ours, mdl)})`);
console.log(`  remark-parse alone (baseline):                      ${remark.toFixed(0)} ms  (spec-first ${faster(ours, remark)})`);

const largest = '3935-Project-Goals-2026.md';
const big = strings[largest] ?? texts.reduce((a, b) => (b.length > a.length ? b : a));
const small = texts.find(t => t.length >= 4500 && t.length <= 5500) ?? texts[0];
const one = time(() => lintText(`text/${largest}`, big), 10);
const parseSmall = time(() => parser.parse(small), 20);
const parseBig = time(() => parser.parse(big), 3);
console.log(`  lintText on ${largest} (${(big.length / 1024).toFixed(0)} KB): ${one.toFixed(1)} ms; remark parse of it (baseline): ${parseBig.toFixed(1)} ms (lintText ${faster(one, parseBig)})`);
console.log(`  remark parse of a ${(small.length / 1024).toFixed(1)} KB record, for scale: ${parseSmall.toFixed(2)} ms (lintText on the largest RFC: ${times(one, parseSmall, 'parse of a 5 KB record')})`);

const CROSS_RECORD = ['SF015', 'SF016', 'SF017', 'SF018'];

/** The CLI on 10,000 generated records, with every rule and with the cross-record rules off, and one record's lint at two snapshot sizes. */
function crossRecordBench(count: number): void {
  const generated = writeGeneratedWorkspace(count);
  const row = (name: string, ms: number, note = '') => console.log(`  ${name.padEnd(52)} ${ms.toFixed(ms < 10 ? 2 : 0).padStart(8)} ms  ${note}`);
  try {
    const cli = (): { code: string }[] => {
      const run = spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'lint', '--no-mermaid', '--format', 'json'], { cwd: generated.root, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (run.status !== 0 && run.status !== 1) throw new Error(`spec-first lint exited ${run.status}: ${run.stderr}`);
      return JSON.parse(run.stdout) as { code: string }[];
    };
    let found: { code: string }[] = [];
    const read = best(3, () => { for (const f of markdownFiles(generated.records)) fs.readFileSync(f, 'utf8'); });
    const every = best(2, () => { found = cli(); });
    const config = path.join(generated.root, '.spec-first.json');
    fs.writeFileSync(config, JSON.stringify({ rules: Object.fromEntries(CROSS_RECORD.map(code => [code, 'off'])) }));
    const without = best(2, () => cli());
    fs.rmSync(config);
    const crossFindings = found.filter(f => CROSS_RECORD.includes(f.code)).length;
    console.log(`\ncross-record lint: ${count.toLocaleString('en')} generated records with supersede, amend and extend links (best of 2; reads best of 3)`);
    row('read every file (baseline)', read);
    row('spec-first lint, cross-record rules off (baseline)', without);
    row('spec-first lint, every rule', every, `${(every / 1000).toFixed(1)} s (target ≤ 10 s): ${times(every, without, 'run without cross-record rules')}, ${times(every, read, 'read')}; ${crossFindings} cross-record findings`);
  } finally {
    fs.rmSync(generated.root, { recursive: true, force: true });
  }

  // One record's lint in the editor: the snapshot is built once per index change; a keystroke lints one record against it.
  const parsed = generatedRecords(count).map(r => ({ text: r.text, entry: { path: r.path, record: parseRecord(r.path, r.text)! } }));
  const snapshotOf = (n: number) => new WorkspaceSnapshot({ records: parsed.slice(0, n).map(p => p.entry) });
  const large = snapshotOf(count);
  // The record of the first hundred with the most relations, written and received.
  const probe = parsed.slice(0, 100).reduce((a, b) => (weight(b.entry, large) > weight(a.entry, large) ? b : a));
  const build = best(3, () => { const s = snapshotOf(count); s.incoming(probe.entry); });
  const small = snapshotOf(100);
  const lintWith = (workspace?: WorkspaceSnapshot) => best(300, () => { lintText(probe.entry.path, probe.text, { workspace }); });
  const alone = lintWith();
  const withSmall = lintWith(small);
  const withLarge = lintWith(large);
  const name = path.basename(probe.entry.path);
  console.log(`\none record's lint (${name}: ${weight(probe.entry, large)} relations written and received; best of 300)`);
  row('workspace snapshot of every record (once per run)', build, `per index change in the editor, never per keystroke; ${times(build, alone, 'lint of one record')}`);
  row('lintText, no workspace (baseline)', alone);
  row('lintText, 100 records in the snapshot', withSmall, times(withSmall, alone, 'lint without a workspace'));
  row(`lintText, ${count.toLocaleString('en')} records in the snapshot`, withLarge, `${times(withLarge, withSmall, 'one with 100')} (target ≤ 2×)`);
}

/** How many relations a record writes and receives in a snapshot. */
function weight(entry: WorkspaceRecord, snapshot: WorkspaceSnapshot): number {
  return entry.record.relations.length + snapshot.incoming(entry).length;
}

crossRecordBench(10_000);
