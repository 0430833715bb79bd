/**
 * The lifecycle as a property: on pairs of corpus records of one folder (adr-tools', MADR's,
 * log4brains' and the Rust RFCs), mutated as hand edits and hostile repositories do (test/support/
 * fuzz.ts), every lifecycle edit — supersede (both sides), link (both sides, each relation pair of
 * LINK_TYPES), each status of the vocabulary, renumber (both ways, after the supersede) — gives edits
 * that lie inside their document and never overlap, and records that read back with the intended
 * status and relations and keep the relations they had. fast-check shrinks a failure to a small pair
 * of records and prints the seed and path that replay it (FUZZ_SEED sets the seed).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FULL_SCALE, UNIT_SCALE, checkLifecycle, loadCorpus, recordInputArbitrary, recordSides } from '../support/fuzz';
import { supersedeEdits } from '../../src/core/lifecycle';
import { parseRecord } from '../../src/core/record';

const SEED = Number(process.env.FUZZ_SEED ?? 20_100);

describe('lifecycle properties', function () {
  this.timeout(120_000);

  for (const [name, scale, runs] of [['small mutations', UNIT_SCALE, 600], ['longer runs of tokens and larger records', FULL_SCALE, 300]] as const) {
    it(`mutated corpus record pairs (${name}): every edit inside its text and apart, every record reads back as intended`, () => {
      const corpus = loadCorpus(scale.maxChars);
      fc.assert(fc.property(recordInputArbitrary(scale), input => {
        const sides = recordSides(input, corpus);
        if (sides) checkLifecycle(...sides);
      }), { seed: SEED, numRuns: runs });
    });
  }

  it('the property fails on edits that do not read back (it can fail)', () => {
    const text = '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n';
    const a = { path: 'doc/adr/0001-a.md', text, record: parseRecord('doc/adr/0001-a.md', text, { folderHint: 'adr' })!, hint: 'adr' as const };
    const b = { ...a, path: 'doc/adr/0002-b.md', record: parseRecord('doc/adr/0002-b.md', text, { folderHint: 'adr' })! };
    assert.doesNotThrow(() => checkLifecycle(a, b));
    assert.equal(supersedeEdits(a, b)[0].edits.length, 1);
    // A record whose parse claims a relation its text does not hold: the edits keep the text's, and the check sees one missing.
    const claimed = { ...b, record: { ...b.record, relations: [{ type: 'amends', target: '0001-a.md' }] } };
    assert.throws(() => checkLifecycle(a, claimed), /does not read back "amends → doc\/adr\/0001-a\.md"/);
  });
});
