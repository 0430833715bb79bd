/**
 * Writes test/fixtures/corpus/lint-snapshot.txt: every finding of the lint rules on the corpus snapshot
 * (Rust RFCs, log4brains' ADRs), one line each, sorted. `npm run snapshot`; review the diff before
 * committing it (test/unit/corpusSnapshot.test.ts compares against it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintCorpus } from '../test/support/corpusLint';

const corpus = path.resolve(__dirname, '../../test/fixtures/corpus');
void lintCorpus(corpus).then(lines => {
  fs.writeFileSync(path.join(corpus, 'lint-snapshot.txt'), `${lines.join('\n')}\n`);
  console.log(`${lines.length} findings written to ${path.relative(process.cwd(), path.join(corpus, 'lint-snapshot.txt'))}`);
});
