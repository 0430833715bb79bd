/**
 * Lints the corpus snapshot (test/fixtures/corpus) the way the CLI lints a project: the core's
 * `collectRecords` over each tree, through the CLI's NodeWorkspace, every rule with the tree's
 * cross-record snapshot, on the pinned day {@link CORPUS_TODAY}. Paths are relative to test/fixtures/corpus, POSIX.
 */
import * as path from 'node:path';
import { NodeWorkspace, toWorkspacePath } from '../../src/cli/nodeWorkspace';
import { collectRecords } from '../../src/core/collect';
import { lintRecord } from '../../src/core/lint';

/**
 * The day the snapshot is linted on: pinned, so that the rules about dates (review due, stale
 * proposal) give the same findings on every day the test runs.
 */
export const CORPUS_TODAY = '2026-06-01';

/** The trees of the snapshot, relative to the corpus folder. */
export const CORPUS_TREES: readonly string[] = ['rust-rfcs/text', 'log4brains/docs/adr'];

/** One line per finding, `path:line:col code message` (1-based), sorted. */
export async function lintCorpus(corpusDir: string): Promise<string[]> {
  const out: string[] = [];
  const workspace = new NodeWorkspace(corpusDir);
  const base = toWorkspacePath(corpusDir);
  for (const tree of CORPUS_TREES) {
    const collection = await collectRecords(workspace, [toWorkspacePath(path.join(corpusDir, tree))]);
    for (const r of collection.records) {
      const rel = r.file.slice(base.length + 1);
      for (const f of lintRecord(r.record, r.text, { workspace: collection.snapshot(r), today: CORPUS_TODAY })) out.push(`${rel}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`);
    }
  }
  return out.sort();
}
