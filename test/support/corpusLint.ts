/**
 * Lints the corpus snapshot (test/fixtures/corpus) the way the CLI lints a project: every record-like
 * `.md` file of each tree, parsed once, linted with every rule and the tree's records as the workspace
 * (so cross-record rules run). Paths are relative to test/fixtures/corpus, POSIX.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceRecord, lintRecord } from '../../src/core/lint';
import { isNonRecordFileName, parseRecord, parseRecordFileName } from '../../src/core/record';
import { looksBinary, stripBom } from '../../src/core/text';

/** The trees of the snapshot, relative to the corpus folder. */
export const CORPUS_TREES: readonly string[] = ['rust-rfcs/text', 'log4brains/docs/adr'];

/** One line per finding, `path:line:col code message` (1-based), sorted. */
export function lintCorpus(corpusDir: string): string[] {
  const out: string[] = [];
  for (const tree of CORPUS_TREES) {
    const dir = path.join(corpusDir, tree);
    const parsed: { text: string; entry: WorkspaceRecord }[] = [];
    const files = new Set<string>();
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/\.md$/i.test(name) || isNonRecordFileName(name) || !parseRecordFileName(name)) continue;
      files.add(`${tree}/${name}`);
      const bytes = fs.readFileSync(path.join(dir, name));
      if (looksBinary(bytes)) continue;
      const text = stripBom(bytes.toString('utf8'));
      const rel = `${tree}/${name}`;
      const record = parseRecord(rel, text);
      if (record) parsed.push({ text, entry: { path: rel, record } });
    }
    const workspace = { records: parsed.map(p => p.entry), files };
    for (const { text, entry } of parsed) {
      for (const f of lintRecord(entry.record, text, { workspace })) out.push(`${entry.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`);
    }
  }
  return out.sort();
}
