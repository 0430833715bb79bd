import * as assert from 'node:assert/strict';
import { Disposable, disposeAll } from '../../src/util/dispose';

class Owner extends Disposable {
  add(d: { dispose(): void }) { return this._register(d); }
  get done() { return this.isDisposed; }
}

describe('Disposable', () => {
  it('disposes what it registered once, last first, and disposes late registrations at once', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.add({ dispose: () => order.push('a') });
    owner.add({ dispose: () => order.push('b') });
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['b', 'a']);
    assert.equal(owner.done, true);
    owner.add({ dispose: () => order.push('late') });
    assert.deepEqual(order, ['b', 'a', 'late']);
  });

  it('disposeAll goes on past a failure and throws the first error after', () => {
    const order: string[] = [];
    const list = [{ dispose: () => order.push('a') }, { dispose: () => { throw new Error('b'); } }, { dispose: () => { throw new Error('c'); } }];
    assert.throws(() => disposeAll(list), /c/);
    assert.deepEqual(order, ['a']);
    assert.equal(list.length, 0);
  });
});
