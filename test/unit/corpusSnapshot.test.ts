/**
 * Re-lints the corpus snapshot (test/fixtures/corpus: Rust RFCs, log4brains' ADRs) and compares with
 * the reviewed findings in lint-snapshot.txt. A rule change that adds or drops findings on real
 * documents shows here as a diff; after reviewing it, `npm run snapshot` rewrites the file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintCorpus } from '../support/corpusLint';

const CORPUS = path.resolve(__dirname, '../../../test/fixtures/corpus');

describe('corpus lint snapshot', function () {
  this.timeout(60000);
  it('the findings on the corpus are the reviewed ones (npm run snapshot rewrites them)', async () => {
    const expected = fs.readFileSync(path.join(CORPUS, 'lint-snapshot.txt'), 'utf8').split('\n').filter(Boolean);
    const actual = await lintCorpus(CORPUS);
    const gone = expected.filter(l => !actual.includes(l));
    const added = actual.filter(l => !expected.includes(l));
    assert.ok(gone.length === 0 && added.length === 0,
      `lint findings on the corpus changed (review, then npm run snapshot):\n${[...gone.map(l => `- ${l}`), ...added.map(l => `+ ${l}`)].join('\n')}`);
    assert.deepEqual(actual, expected);
  });
});
