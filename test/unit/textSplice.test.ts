/**
 * textSplice / applySplice: applying the splice of two texts gives back the second exactly, on edits
 * of corpus documents (typing, deleting, pasting, CRLF, surrogate pairs cut), and the splice is the
 * smallest single replacement; a splice that does not fit is refused.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applySplice, textSplice } from '../../src/core/textSplice';

const RFC = readFileSync(path.resolve(__dirname, '../../../test/fixtures/workspace/rust-rfcs/text/3935-Project-Goals-2026.md'), 'utf8');

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('textSplice', () => {
  it('is the smallest single replacement: a word typed near the end of a 168 KB RFC', () => {
    const at = RFC.length - 500;
    const after = `${RFC.slice(0, at)} zebra${RFC.slice(at)}`;
    const splice = textSplice(RFC, after);
    assert.deepEqual(splice, { start: at, end: at, text: ' zebra' });
    assert.equal(applySplice(RFC, splice), after);
  });

  it('equal texts make an empty splice at the end; a deletion and a replacement read back', () => {
    assert.deepEqual(textSplice('abc', 'abc'), { start: 3, end: 3, text: '' });
    assert.deepEqual(textSplice('abcdef', 'abef'), { start: 2, end: 4, text: '' });
    assert.deepEqual(textSplice('aaaa', 'aa'), { start: 2, end: 4, text: '' });
    assert.deepEqual(textSplice('', 'new'), { start: 0, end: 0, text: 'new' });
    assert.equal(applySplice('a\r\nb', textSplice('a\r\nb', 'a\nb')), 'a\nb');
  });

  it('reads back exactly after random edits of the corpus, surrogate pairs cut included', () => {
    const next = random(20261202);
    let text = `${RFC.slice(0, 4000)}😀 emoji 😀\n`;
    for (let i = 0; i < 2000; i++) {
      const a = Math.floor(next() * (text.length + 1));
      const b = Math.min(text.length, a + Math.floor(next() * 20));
      const inserted = ['', 'x', '😀', '\r\n', ' word', '\ud83d'][Math.floor(next() * 6)];
      const after = text.slice(0, a) + inserted + text.slice(b);
      const splice = textSplice(text, after);
      assert.equal(applySplice(text, splice), after, `edit ${i}`);
      assert.ok(splice.end - splice.start <= b - a && splice.text.length <= inserted.length, `edit ${i}: no larger than the edit`);
      text = after;
    }
  });

  it('a splice that does not fit the text is refused', () => {
    assert.equal(applySplice('abc', { start: 2, end: 4, text: '' }), undefined);
    assert.equal(applySplice('abc', { start: 2, end: 1, text: '' }), undefined);
    assert.equal(applySplice('abc', { start: -1, end: 1, text: '' }), undefined);
    assert.equal(applySplice('abc', { start: 0.5, end: 1, text: '' }), undefined);
  });
});
