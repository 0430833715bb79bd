import { supersededStatusEdits, supersededStatusOf } from '../../lifecycle';
import { basename } from '../../paths';
import { relationType } from '../relations';
import type { Rule } from '../types';

/** SF018: a record that another one supersedes, still accepted. */
export const supersededAccepted: Rule = {
  code: 'SF018', name: 'superseded-still-accepted', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A record superseded by a newer decision but still "accepted" tells its readers that both decisions hold. The older record\'s status should say what replaced it.',
  *check(c) {
    if (!c.workspace || (c.record.status !== 'accepted' && c.record.status !== 'proposed')) return;
    const held = c.workspace.recordAt(c.record.path);
    if (!held) return;
    const by = c.workspace.incoming(held).find(({ from, relation }) => from !== held && relationType(relation.type) === 'supersedes')?.from;
    if (!by) return;
    const self = { path: c.record.path, text: c.text, record: c.record };
    // What Supersede writes in the older record, as its format writes it.
    const edits = supersededStatusEdits(self, by);
    yield {
      range: c.record.statusRange ?? c.anchor,
      message: `${basename(by.path)} supersedes this record, but its status is still "${c.record.status}".`,
      fix: { title: `Set the status to "${supersededStatusOf(self, by)}"`, edits },
    };
  },
};
