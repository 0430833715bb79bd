import { addRelationEdits, adrToolsVerb, linkLabel } from '../../lifecycle';
import { basename, relativeLink } from '../../paths';
import { relationType, resolveRelation, reverseOf } from '../relations';
import type { Fix, Rule, RuleContext, WorkspaceRecord } from '../types';

/** Records that point at this one with a relation whose reverse this record lacks. */
export function oneSided(c: RuleContext): { other: WorkspaceRecord; type: string; reverse: string }[] {
  if (!c.workspace) return [];
  const self: WorkspaceRecord = { path: c.record.path, record: c.record };
  const out: { other: WorkspaceRecord; type: string; reverse: string }[] = [];
  for (const other of c.workspace.records) {
    if (other.path === c.record.path) continue;
    for (const relation of other.record.relations) {
      const reverse = reverseOf(relation.type);
      if (!reverse || resolveRelation(other, relation, c.workspace.records) !== c.workspace.records.find(r => r.path === self.path)) continue;
      const has = c.record.relations.some(mine => relationType(mine.type) === reverse && resolveRelation(self, mine, c.workspace!.records) === other);
      if (!has) out.push({ other, type: relationType(relation.type), reverse });
    }
  }
  return out;
}

/** SF017: a supersede or amend link present on one side only. */
export const oneSidedRelation: Rule = {
  code: 'SF017', name: 'one-sided-relation', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A supersede or amend link written on one side only (dotnet-adr#190, adr-j#47) sends readers of the older record on to a decision that no longer holds, with nothing to tell them.',
  *check(c) {
    const spelled = (type: string) => (c.record.kind === 'nygard' ? adrToolsVerb(type) : type[0].toUpperCase() + type.slice(1));
    for (const { other, type, reverse } of oneSided(c)) {
      let fix: Fix | undefined;
      // A superseded MADR or log4brains record says so in its status: that is SF018's fix.
      if (c.record.kind === 'nygard' || reverse !== 'superseded by') {
        const edits = addRelationEdits({ path: c.record.path, text: c.text, record: c.record }, reverse, other);
        const link = `${spelled(reverse)} [${linkLabel(other, c.record.kind)}](${relativeLink(c.record.path, other.path)})`;
        fix = { title: `Add "${link}" to ${c.record.kind === 'nygard' ? 'the status' : 'the record\'s links'}`, edits };
      }
      yield {
        range: c.anchor,
        message: `${basename(other.path)} says "${spelled(type)}" this record, but this record has no "${spelled(reverse)}" link back to it.`,
        fix,
      };
    }
  },
};
