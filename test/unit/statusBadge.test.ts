/**
 * The preview's status badge reads the front matter's status with the record's vocabulary: a
 * configured status (`on hold`) gets its label and a class of its own with a neutral style, built-in
 * statuses keep their colours, and anything else is "unknown" with its words kept.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_STATUSES } from '../../src/core/record';
import { CUSTOM_STATUS_CLASS, UNKNOWN_STATUS_CLASS, statusBadge, statusClassSuffix } from '../../src/core/statusBadge';

const onHold = ['proposed', 'accepted', 'on hold', 'superseded'];

describe('status badge', () => {
  it('labels a configured status and gives it its own class and the neutral one', () => {
    assert.deepEqual(statusBadge('On hold', onHold), { label: 'On hold', classes: ['sf-status-on-hold', CUSTOM_STATUS_CLASS], title: 'Status: On hold' });
    assert.deepEqual(statusBadge('on hold until Q3', onHold).classes, ['sf-status-on-hold', CUSTOM_STATUS_CLASS]);
  });

  it('is unknown outside the vocabulary, keeping the words as written', () => {
    assert.deepEqual(statusBadge('On hold'), { label: 'On hold', classes: [UNKNOWN_STATUS_CLASS], title: 'Status: On hold' });
    assert.deepEqual(statusBadge('draft', onHold).classes, [UNKNOWN_STATUS_CLASS], 'draft is not in this vocabulary');
  });

  it('keeps the built-in statuses\' own classes', () => {
    for (const status of DEFAULT_STATUSES) assert.deepEqual(statusBadge(status.toUpperCase()).classes, [`sf-status-${status}`]);
    assert.deepEqual(statusBadge('superseded by ADR-0005'), { label: 'Superseded', classes: ['sf-status-superseded'], title: 'Status: superseded by ADR-0005' });
  });

  it('makes a class safe for any status text', () => {
    assert.equal(statusClassSuffix('On hold'), 'on-hold');
    assert.equal(statusClassSuffix('  needs   review! "><script>'), 'needs-review-script');
    assert.equal(statusClassSuffix('geprüft'), 'gepr-ft');
    assert.equal(statusClassSuffix('已接受'), '');
    const badge = statusBadge('已接受', ['已接受']);
    assert.deepEqual(badge, { label: '已接受', classes: [CUSTOM_STATUS_CLASS], title: 'Status: 已接受' });
    for (const status of ['a b', 'x"y', '<b>', 'é', '-lead-', 'tab\there']) {
      for (const c of statusBadge(status, [status]).classes) assert.match(c, /^sf-status-[a-z0-9]+(?:-[a-z0-9]+)*$/, status);
    }
  });
});
