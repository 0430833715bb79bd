/** The health report's median time to decide (`medianDecisionTime`): odd and even counts, bad pairs left out. */
import * as assert from 'node:assert/strict';
import { medianDecisionTime } from '../../src/core/health';

describe('medianDecisionTime', () => {
  it('the middle value of an odd count, the rounded mean of the two middle ones of an even count', () => {
    assert.deepEqual(medianDecisionTime([{ first: '2025-01-10', decided: '2025-01-22' }, { first: '2025-02-01', decided: '2025-02-01' }, { first: '2025-01-10', decided: '2025-02-09' }]), { medianDays: 12, records: 3 });
    assert.deepEqual(medianDecisionTime([{ first: '2025-01-01', decided: '2025-01-02' }, { first: '2025-01-01', decided: '2025-01-05' }]), { medianDays: 3, records: 2 });
  });

  it('counts calendar days across months, leap days and the clock change', () => {
    assert.deepEqual(medianDecisionTime([{ first: '2024-02-28', decided: '2024-03-01' }]), { medianDays: 2, records: 1 });
    assert.deepEqual(medianDecisionTime([{ first: '2025-03-29', decided: '2025-03-31' }]), { medianDays: 2, records: 1 });
  });

  it('leaves out a pair with a missing or invalid date, or a decision before the first commit; none left is undefined', () => {
    assert.equal(medianDecisionTime([]), undefined);
    assert.equal(medianDecisionTime([{ first: '2025-01-10' }, { decided: '2025-01-10' }, { first: '2025-13-01', decided: '2025-12-01' }, { first: '2025-02-01', decided: '2025-01-01' }]), undefined);
  });
});
