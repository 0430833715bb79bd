/**
 * The extension host's GitHub slugs (core/slug.ts) agree with github-slugger, which the preview's
 * anchors use: on every character of the scripts in use, and on the numbering of repeated headings.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import GithubSlugger, { slug as librarySlug } from 'github-slugger';
import { Slugger, githubSlug } from '../../src/core/slug';

/** Code point ranges to compare: Latin to Arabic and beyond (before Unicode 14's additions there), CJK, Hangul, symbols and emoji. */
const RANGES: readonly [number, number][] = [[0, 0x086f], [0x0900, 0x0dff], [0x1e00, 0x2bff], [0x3000, 0x9fff], [0xac00, 0xd7a3], [0xff00, 0xffef], [0x1f300, 0x1f6ff]];

describe('GitHub slugs without github-slugger', () => {
  it('drop and keep every character of the scripts in use as github-slugger does', () => {
    const differ: string[] = [];
    for (const [from, to] of RANGES) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (githubSlug(ch) !== librarySlug(ch)) differ.push(cp.toString(16));
      }
    }
    // Only letters Unicode 14 and 15 added (Telugu, Kannada, CJK), which github-slugger's tables predate.
    assert.deepEqual(differ, ['c3c', 'c5c', 'c5d', 'cdc', 'cdd', 'cf3', '9ffd', '9ffe', '9fff']);
  });

  it('number repeated headings as github-slugger does (random headings from a few words)', () => {
    const title = fc.array(fc.constantFrom('Status', 'status', 'Options', 'Options-1', 'Ä ö', '`code`', 'a b', ' ', '-', '1', 'É'), { maxLength: 3 }).map(w => w.join(' '));
    fc.assert(fc.property(fc.array(title, { maxLength: 12 }), titles => {
      const ours = new Slugger();
      const theirs = new GithubSlugger();
      assert.deepEqual(titles.map(t => ours.slug(t)), titles.map(t => theirs.slug(t)));
    }), { numRuns: 500, seed: 7 });
  });
});
