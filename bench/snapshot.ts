/**
 * Writes the reviewed snapshots: test/fixtures/corpus/lint-snapshot.txt (every finding of the lint
 * rules on the corpus snapshot — Rust RFCs, log4brains' ADRs —, one line each, sorted) and
 * test/fixtures/record-snapshot.jsonl (what every fixture reads as, `test/support/recordSnapshot.ts`).
 * `npm run snapshot`; review the diff before committing it (test/unit/corpusSnapshot.test.ts and
 * test/unit/recordSnapshot.test.ts compare against them).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintCorpus } from '../test/support/corpusLint';
import { RECORD_SNAPSHOT, recordSnapshot } from '../test/support/recordSnapshot';

const fixtures = path.resolve(__dirname, '../../test/fixtures');
const corpus = path.join(fixtures, 'corpus');
void lintCorpus(corpus).then(lines => {
  fs.writeFileSync(path.join(corpus, 'lint-snapshot.txt'), `${lines.join('\n')}\n`);
  console.log(`${lines.length} findings written to ${path.relative(process.cwd(), path.join(corpus, 'lint-snapshot.txt'))}`);
  const records = recordSnapshot(fixtures);
  fs.writeFileSync(path.join(fixtures, RECORD_SNAPSHOT), `${records.join('\n')}\n`);
  console.log(`${records.length} files' records written to ${path.relative(process.cwd(), path.join(fixtures, RECORD_SNAPSHOT))}`);
});
