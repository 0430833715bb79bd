import * as assert from 'node:assert/strict';
import { nonOverlapping, safeFixes } from '../../src/core/lint/fixAll';
import type { Finding, TextEdit } from '../../src/core/lint';

const edit = (l1: number, c1: number, l2: number, c2: number, newText: string): TextEdit => ({ range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } }, newText });

describe('fix all', () => {
  it('keeps edits in document order, drops one that starts inside another and a repeated one', () => {
    const a = edit(5, 0, 5, 4, 'A'), inside = edit(5, 2, 5, 6, 'B'), same = edit(5, 0, 5, 4, 'A'), later = edit(9, 0, 9, 0, 'C');
    const insertFirst = edit(1, 0, 1, 0, 'x'), insertSecond = edit(1, 0, 1, 0, 'y');
    assert.deepEqual(nonOverlapping([later, a, inside, same, insertFirst, insertSecond]), [insertFirst, insertSecond, a, later]);
  });

  it('takes only the fixes a rule marks safe', () => {
    const f = (safe: boolean | undefined): Finding => ({ code: 'SF001', severity: 'warning', message: 'm', range: edit(0, 0, 0, 0, '').range, fix: { title: 't', edits: [], safe } } as Finding);
    assert.equal(safeFixes([f(true), f(false), f(undefined), { ...f(true), fix: undefined }]).length, 1);
  });
});
