import type { SectionSpec } from '../../kinds';
import { basename, relativeLink } from '../../paths';
import { range } from '../../text';
import { insertLines } from '../edits';
import { relationType, resolveRelation, reverseOf } from '../relations';
import type { Fix, Rule, RuleContext, WorkspaceRecord } from '../types';

/** adr-tools' spelling of a relation at the start of a status line: "Superceded by", "Amended by". */
export function adrToolsRelation(type: string): string {
  const t = relationType(type).replace(/supersede/g, 'supercede');
  return t[0].toUpperCase() + t.slice(1);
}

/** A Nygard record's link label, as adr-tools writes it: `2. Second Record`. */
export function adrToolsLabel(other: WorkspaceRecord): string {
  return other.record.number !== undefined ? `${other.record.number}. ${other.record.title}` : other.record.title;
}

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
    const spelled = (type: string) => (c.record.kind === 'nygard' ? adrToolsRelation(type) : type[0].toUpperCase() + type.slice(1));
    for (const { other, type, reverse } of oneSided(c)) {
      let fix: Fix | undefined;
      const statusSection = [...c.sections].find(([s]: [SectionSpec, unknown]) => s.concept === 'status')?.[1];
      if (c.record.kind === 'nygard' && statusSection) {
        // adr-tools adds the reverse link as its own paragraph in the Status section.
        const line = `${adrToolsRelation(reverse)} [${adrToolsLabel(other)}](${relativeLink(c.record.path, other.path)})`;
        // After the status's last line, one blank line either side (inserting before the blank line that
        // follows would leave two).
        const last = statusSection.lastContentLine;
        const edit = last > statusSection.line && last < c.lines.length
          ? { range: range(last, c.lines[last].length, last, c.lines[last].length), newText: `${c.eol}${c.eol}${line}` }
          : insertLines(c.lines, last + 1, `${line}${c.eol}`, c.eol);
        fix = { title: `Add "${line}" to the status`, edits: [edit] };
      }
      yield {
        range: c.anchor,
        message: `${basename(other.path)} says "${spelled(type)}" this record, but this record has no "${spelled(reverse)}" link back to it.`,
        fix,
      };
    }
  },
};
