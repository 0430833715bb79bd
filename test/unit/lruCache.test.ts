import * as assert from 'assert';
import { LruCache } from '../../src/webview/lruCache';

describe('LruCache (the preview\'s diagram caches)', () => {
  it('drops the entry used least recently once past its capacity', () => {
    const cache = new LruCache<string>(3);
    for (const k of ['a', 'b', 'c']) cache.set(k, k.toUpperCase());
    cache.get('a'); // a is now the newest: b is the oldest
    cache.set('d', 'D');
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b'), undefined);
    assert.deepEqual(['a', 'c', 'd'].map(k => cache.get(k)), ['A', 'C', 'D']);
  });

  it('keeps what was put back last when the cache fills (diagrams remembered on a theme switch, then others drawn)', () => {
    const cache = new LruCache<string>(300);
    for (let i = 0; i < 299; i++) cache.set(`default\nold ${i}`, 'svg');
    cache.set('default\nflowchart A', 'light A');
    cache.set('default\nflowchart B', 'light B');
    cache.set('dark\nflowchart A', 'dark A');
    cache.set('dark\nflowchart B', 'dark B');
    assert.equal(cache.size, 300);
    assert.equal(cache.get('default\nflowchart A'), 'light A');
    assert.equal(cache.get('default\nflowchart B'), 'light B');
    assert.equal(cache.get('default\nold 0'), undefined);
  });

  it('replaces a value under the same key without growing', () => {
    const cache = new LruCache<number>(2);
    cache.set('k', 1);
    cache.set('k', 2);
    assert.equal(cache.size, 1);
    assert.equal(cache.get('k'), 2);
  });

  it('refuses a capacity below one', () => {
    assert.throws(() => new LruCache(0), /at least one entry/);
    assert.throws(() => new LruCache(Number.NaN), /at least one entry/);
  });
});
