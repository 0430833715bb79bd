import { basename, relativeLink } from '../../paths';
import { relationType } from '../relations';
import { setStatusEdits } from '../edits';
import { linkLabel } from '../../lifecycle';
import type { Rule } from '../types';

/** SF018: a record that another one supersedes, still accepted. */
export const supersededAccepted: Rule = {
  code: 'SF018', name: 'superseded-still-accepted', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A record superseded by a newer decision but still "accepted" tells its readers that both decisions hold. The older record\'s status should say what replaced it.',
  *check(c) {
    if (!c.workspace || (c.record.status !== 'accepted' && c.record.status !== 'proposed')) return;
    const self = c.workspace.recordAt(c.record.path);
    if (!self) return;
    const by = c.workspace.incoming(self).find(({ from, relation }) => from !== self && relationType(relation.type) === 'supersedes')?.from;
    if (!by) return;
    const link = relativeLink(c.record.path, by.path);
    const status = c.record.kind === 'nygard' ? `Superceded by [${linkLabel(by, 'nygard')}](${link})`
      : c.record.kind === 'madr' ? `superseded by ADR-${by.record.id}`
        : `superseded by [${by.record.title}](${link})`;
    yield {
      range: c.record.statusRange ?? c.anchor,
      message: `${basename(by.path)} supersedes this record, but its status is still "${c.record.status}".`,
      fix: { title: `Set the status to "${status}"`, edits: setStatusEdits(c.record, status, c.sections, c.spec, c.lines, c.eol) },
    };
  },
};
