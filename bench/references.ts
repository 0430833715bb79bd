/**
 * Benchmark of the decision-reference index: a generated workspace of 1,000 related records and
 * 20,000 source files (TypeScript, Python and Go, about 1.5 KB each, a quarter of them citing a
 * record in a comment), indexed as the CLI and the editor index it — the walk with its `.gitignore`
 * bounds (`walkReferenceFiles`), each file read once through the workspace interface
 * (`NodeWorkspace`) and scanned (`scanFileReferences`) — next to the baseline of listing and reading
 * the same files, with the ratio. Then what the editor answers from the index: a hover (the reference
 * under the cursor and its records), a completion list (the records newest first) and Find All
 * References (every indexed reference resolved), each against its target of 5 ms. Printed, never
 * asserted.
 *
 * Usage: npm run bench   (or node out/bench/references.js)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeWorkspace } from '../src/cli/nodeWorkspace';
import { collectRecords } from '../src/core/collect';
import { scanFileReferences, walkReferenceFiles, type ReferenceReading } from '../src/core/referenceFiles';
import { identifierBeforeCursor, referenceAt, referenceSchemes, resolveReference, type Reference } from '../src/core/references';
import { generatedRecords } from '../test/support/generatedWorkspace';
import { times } from './support';

const RECORDS = 1_000;
const SOURCES = 20_000;

/** One generated source file: a module with a doc comment, functions and strings; every fourth cites a record. */
function sourceText(n: number, language: 'ts' | 'py' | 'go'): string {
  const cite = n % 4 === 0 ? `See ADR-${String((n % RECORDS) + 1).padStart(4, '0')} for why.` : 'Helpers for the service.';
  const body = Array.from({ length: 12 }, (_, i) => i);
  if (language === 'py') return `"""Module ${n}. ${cite}"""\n\n${body.map(i => `def f${i}(x):\n    # step ${i}\n    return x + "${i}"\n`).join('\n')}`;
  if (language === 'go') return `// Package m${n}. ${cite}\npackage m${n}\n\n${body.map(i => `// f${i} adds ${i}.\nfunc f${i}(x int) int { return x + ${i} }\n`).join('\n')}`;
  return `/** Module ${n}. ${cite} */\n${body.map(i => `// step ${i}\nexport function f${i}(x: string): string { return x + "${i}"; }\n`).join('\n')}`;
}

function writeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-bench-refs-'));
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write('.spec-first.json', '{}');
  write('.gitignore', 'dist/\n*.generated.ts\n');
  for (const r of generatedRecords(RECORDS)) write(r.path, r.text);
  const languages = ['ts', 'py', 'go'] as const;
  for (let n = 0; n < SOURCES; n++) {
    const language = languages[n % 3];
    write(`src/pkg${Math.floor(n / 100)}/m${n}.${language}`, sourceText(n, language));
  }
  return root;
}

/** Milliseconds of `fn`, the best of `runs`. */
async function best(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

async function main(): Promise<void> {
  const root = writeWorkspace();
  const posixRoot = root.split(path.sep).join('/');
  try {
    const workspace = new NodeWorkspace(root);
    const row = (name: string, ms: number, note = '') => console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);
    console.log(`Decision reference index benchmark: ${RECORDS} records and ${SOURCES} source files (best of 3)`);

    // Baseline: list the folders and read every file, as fast as Node does it.
    const read = await best(3, () => {
      for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) if (e.isFile()) fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
    });
    const collection = await collectRecords(workspace, [posixRoot]);
    const snapshot = collection.snapshot(collection.records[0]);
    const schemes = referenceSchemes(snapshot.records);
    let index: { path: string; reading: ReferenceReading; references: Reference[] }[] = [];
    const indexing = await best(3, async () => {
      const walk = await walkReferenceFiles(workspace, posixRoot, posixRoot);
      index = [];
      for (const file of walk.files) {
        const text = await workspace.readText(file.path);
        if (text !== undefined) index.push({ ...file, references: scanFileReferences(text, file.reading, schemes, file.path.slice(posixRoot.length + 1)) });
      }
    });
    const viaWorkspace = await best(3, async () => {
      const walk = await walkReferenceFiles(workspace, posixRoot, posixRoot);
      for (const file of walk.files) await workspace.readText(file.path);
    });
    const cited = index.reduce((n, f) => n + f.references.length, 0);
    row('list and read every file (baseline)', read);
    row('walk + read through the workspace interface', viaWorkspace, `${times(viaWorkspace, read, 'read')}: the host's own cost (link checks, binary sniffing)`);
    row('index: walk + read + scan every file', indexing, `${times(indexing, read, 'read')}; ${times(indexing, viaWorkspace, 'walk and read alone')} (${index.length} files, ${cited} references)`);

    // Answers from the index.
    const file = index.find(f => f.reading.kind === 'code' && f.references.length > 0)!;
    const at = file.references[0].range.start;
    const hover = await best(50, () => {
      const reference = referenceAt(file.references, at.line, at.character + 2);
      return reference && resolveReference(reference, snapshot, schemes);
    });
    const completion = await best(50, () => {
      identifierBeforeCursor('// See ADR-00', schemes);
      return [...snapshot.records].sort((a, b) => (b.record.date ?? '').localeCompare(a.record.date ?? '') || (b.record.number ?? 0) - (a.record.number ?? 0));
    });
    const target = resolveReference(referenceAt(file.references, at.line, at.character + 2)!, snapshot, schemes)[0];
    const findAll = await best(5, () => {
      let found = 0;
      for (const f of index) for (const r of f.references) if (resolveReference(r, snapshot, schemes).some(w => w.path === target.path)) found++;
      return found;
    });
    const fast = (ms: number) => `target < 5 ms: ${ms < 5 ? 'met' : 'not met'}`;
    row('hover: the reference at the cursor, resolved', hover, fast(hover));
    row(`completion: ${snapshot.records.length} records, newest first`, completion, fast(completion));
    row(`Find All References over ${cited} references`, findAll, 'no target: every reference of the workspace resolved once');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
