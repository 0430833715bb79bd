import { formatOf } from '../../formats';
import { addRelationEdits, relationLink } from '../../lifecycle';
import { basename } from '../../paths';
import { relationType, reverseOf } from '../relations';
import type { Fix, Rule, RuleContext, WorkspaceRecord } from '../types';

/**
 * Records that point at this one with a relation whose reverse this record (as linted now) lacks:
 * each with the relation's type and the reverse it expects. Empty without a workspace, and for a
 * record the workspace does not hold (nothing in the workspace can name it).
 */
export function oneSided(c: RuleContext): { other: WorkspaceRecord; type: string; reverse: string }[] {
  const self = c.workspace?.recordAt(c.record.path);
  if (!c.workspace || !self) return [];
  // What this record's own links name, by reverse type: the text being edited, not the snapshot's copy.
  const answered = new Map<WorkspaceRecord, Set<string>>();
  for (const mine of c.record.relations) {
    const target = c.workspace.resolve(c.record.path, mine);
    if (target === undefined || target === 'unresolved') continue;
    const types = answered.get(target) ?? new Set<string>();
    types.add(relationType(mine.type));
    answered.set(target, types);
  }
  const out: { other: WorkspaceRecord; type: string; reverse: string }[] = [];
  for (const { from: other, relation } of c.workspace.incoming(self)) {
    if (other.path === c.record.path) continue;
    const reverse = reverseOf(relation.type);
    if (reverse && !answered.get(other)?.has(reverse)) out.push({ other, type: relationType(relation.type), reverse });
  }
  return out;
}

/** SF017: a supersede or amend link present on one side only. */
export const oneSidedRelation: Rule = {
  code: 'SF017', name: 'one-sided-relation', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A supersede or amend link written on one side only (dotnet-adr#190, adr-j#47) sends readers of the older record on to a decision that no longer holds, with nothing to tell them.',
  *check(c) {
    const format = formatOf(c.record);
    const spelled = (type: string) => format.relationAsWritten(type);
    const inStatus = format.relationHome === 'status-section';
    const self = { path: c.record.path, text: c.text, record: c.record };
    for (const { other, type, reverse } of oneSided(c)) {
      let fix: Fix | undefined;
      // A superseded MADR or log4brains record says so in its status: that is SF018's fix.
      if (inStatus || reverse !== 'superseded by') {
        // What Link Records writes on this side: the lifecycle's edits and link.
        const written = `${spelled(reverse)} ${relationLink(self, other)}`;
        fix = { title: `Add "${written}" to ${inStatus ? 'the status' : 'the record\'s links'}`, edits: addRelationEdits(self, reverse, other) };
      }
      yield {
        range: c.anchor,
        message: `${basename(other.path)} says "${spelled(type)}" this record, but this record has no "${spelled(reverse)}" link back to it.`,
        fix,
      };
    }
  },
};
