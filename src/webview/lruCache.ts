/**
 * A bounded cache that drops the entries used least recently: the preview's diagram caches, where what
 * was just drawn, or put back when the theme changed, must never be what a full cache drops.
 */
export class LruCache<V> {
  /** A `Map` iterates in insertion order: its first keys are the ones used least recently. */
  private readonly entries = new Map<string, V>();

  /** @param capacity entries kept at most (at least 1). */
  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`an LRU cache holds at least one entry, not ${capacity}`);
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, made the most recently used; undefined when there is none. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  /** Keeps `value` under `key` as the most recently used entry, dropping the least recently used ones past the capacity. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}
