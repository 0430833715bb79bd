import * as assert from 'node:assert/strict';
import { isSettledGroup, orderStatusGroups, statusGroupOf, statusLabel } from '../../src/core/statusGroups';
import { normalizeStatus } from '../../src/core/record';

describe('status groups', () => {
  it('gives a configured status its own group, and missing or unknown ones the "unknown" group', () => {
    const vocabulary = ['proposed', 'accepted', 'on hold'];
    assert.equal(statusGroupOf(normalizeStatus('On hold until Q3', vocabulary)), 'on hold');
    assert.equal(statusGroupOf(normalizeStatus('maybe', vocabulary)), 'unknown');
    assert.equal(statusGroupOf('missing'), 'unknown');
    assert.equal(statusGroupOf('Accepted'), 'accepted');
  });

  it('orders groups by lifecycle, then the project\'s own statuses by name, then unknown', () => {
    assert.deepEqual(orderStatusGroups(['unknown', 'parked', 'superseded', 'on hold', 'draft', 'accepted', 'accepted']),
      ['draft', 'accepted', 'superseded', 'on hold', 'parked', 'unknown']);
  });

  it('labels and collapses groups', () => {
    assert.equal(statusLabel('on hold'), 'On hold');
    assert.equal(statusLabel(''), '');
    assert.deepEqual(['accepted', 'superseded', 'on hold', 'rejected', 'deprecated'].map(isSettledGroup), [false, true, false, true, true]);
  });
});
