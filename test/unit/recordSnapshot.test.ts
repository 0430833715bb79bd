/**
 * What every Markdown fixture reads as (test/support/recordSnapshot.ts) against the reviewed
 * test/fixtures/record-snapshot.jsonl: a change to the parser, the outline scanner or the front
 * matter reader that changes any record's fields shows here as the files that differ.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RECORD_SNAPSHOT, recordSnapshot } from '../support/recordSnapshot';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

describe('record snapshot', function () {
  this.timeout(60000);
  it('every fixture reads as the reviewed record (npm run snapshot rewrites them)', () => {
    const expected = fs.readFileSync(path.join(FIXTURES, RECORD_SNAPSHOT), 'utf8').split('\n').filter(Boolean);
    const actual = recordSnapshot(FIXTURES);
    const changed = actual.filter(l => !expected.includes(l));
    assert.ok(changed.length === 0 && actual.length === expected.length,
      `records read from the fixtures changed (review, then npm run snapshot):\n${changed.slice(0, 5).join('\n')}`);
    assert.deepEqual(actual, expected);
  });
});
