/**
 * The health report's median time to decide (`medianDecisionTime`): odd and even counts, bad pairs left
 * out; and which records every host reads git for (`recordsToTime`).
 */
import * as assert from 'node:assert/strict';
import { DECISIONS_TIMED, medianDecisionTime, recordsToTime } from '../../src/core/health';
import { type DecisionRecord, parseRecord } from '../../src/core/record';

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

describe('recordsToTime', () => {
  /** A MADR record file with this status and, when given, this date. */
  const record = (file: string, status: string, date?: string): { record: DecisionRecord } => {
    const parsed = parseRecord(`docs/decisions/${file}`, `---\nstatus: ${status}\n${date ? `date: ${date}\n` : ''}---\n\n# ${file}\n`);
    assert.ok(parsed, file);
    return { record: parsed };
  };

  it('takes the accepted and rejected records, the most recently dated first, undated last, the same date by path', () => {
    const entries = [
      record('0001-a.md', 'accepted', '2024-01-01'),
      record('0002-b.md', 'proposed', '2025-01-01'),
      record('0003-c.md', 'rejected', '2025-06-01'),
      record('0004-d.md', 'accepted'),
      record('0006-f.md', 'accepted', '2025-06-01'),
      record('0005-e.md', 'accepted', '2025-06-01'),
      record('0007-g.md', 'superseded by [ADR-0001](0001-a.md)', '2026-01-01'),
    ];
    assert.deepEqual(recordsToTime(entries).map(e => e.record.path.split('/').pop()), ['0003-c.md', '0005-e.md', '0006-f.md', '0001-a.md', '0004-d.md']);
    assert.equal(entries[0].record.path, 'docs/decisions/0001-a.md', 'the entries keep their order');
  });

  it(`takes at most ${DECISIONS_TIMED}, the most recent`, () => {
    const entries = Array.from({ length: DECISIONS_TIMED + 20 }, (_, i) => record(`${String(i + 1).padStart(4, '0')}-r.md`, 'accepted', `2025-01-01`.replace('01-01', `${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`)));
    const timed = recordsToTime(entries);
    assert.equal(timed.length, DECISIONS_TIMED);
    const oldestTimed = timed[timed.length - 1].record.date ?? '';
    assert.ok(entries.filter(e => !timed.includes(e)).every(e => (e.record.date ?? '') <= oldestTimed), 'no record left out is more recent than one timed');
    assert.deepEqual(recordsToTime(entries, 3).length, 3);
  });
});
