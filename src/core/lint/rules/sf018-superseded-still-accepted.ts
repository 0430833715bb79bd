import { formatOf } from '../../formats';
import { supersededStatusEdits, supersededStatusOf } from '../../lifecycle';
import { basename } from '../../paths';
import { setStatusEdits } from '../edits';
import { relationType } from '../relations';
import type { Fix, Rule, RuleContext, WorkspaceRecord } from '../types';

/** What ended or changed a decision, as the older record would say it. */
type Drift = 'superseded by' | 'deprecated by' | 'amended by';

/** The relations, as the newer record writes them, that end or change the older decision. */
const FROM_NEWER: Readonly<Record<string, Drift>> = { supersedes: 'superseded by', deprecates: 'deprecated by', amends: 'amended by' };
/** The same, as the older record writes them. */
const FROM_OLDER: ReadonlySet<string> = new Set<Drift>(['superseded by', 'deprecated by', 'amended by']);

/**
 * The records that supersede, deprecate or amend this one, each once per relation: from the other
 * records' relations naming it (`Supersedes`, `Deprecates`, `Amends`) and from its own (`Superseded
 * by`, `Deprecated by`, `Amended by`), in every form the record model reads (status lines, Links or
 * More Information bullets, sentences). Empty without a workspace, or for a record it does not hold.
 */
function laterDecisions(c: RuleContext): { by: WorkspaceRecord; drift: Drift }[] {
  const self = c.workspace?.recordAt(c.record.path);
  if (!c.workspace || !self) return [];
  const out: { by: WorkspaceRecord; drift: Drift }[] = [];
  const add = (by: WorkspaceRecord, drift: Drift) => {
    if (by !== self && !out.some(o => o.by === by && o.drift === drift)) out.push({ by, drift });
  };
  for (const { from, relation } of c.workspace.incoming(self)) {
    const drift = FROM_NEWER[relationType(relation.type)];
    if (drift) add(from, drift);
  }
  for (const relation of c.record.relations) {
    const drift = relationType(relation.type);
    const by = FROM_OLDER.has(drift) ? c.workspace.resolve(c.record.path, relation) : undefined;
    if (by && by !== 'unresolved') add(by, drift as Drift);
  }
  return out;
}

/**
 * SF018: a record still in force by its status although a later decision ended it or built on it:
 * superseded or deprecated while accepted or proposed; amended by an accepted record while still
 * proposed or draft (an accepted record amended by another is what adr-tools writes, and holds).
 */
export const supersededAccepted: Rule = {
  code: 'SF018', name: 'superseded-still-accepted', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A record superseded or deprecated by a newer decision but still "accepted" tells its readers that both decisions hold; one amended by an accepted record but still "proposed" says the decision it amends was never taken. The older record\'s status should say what happened to it.',
  *check(c) {
    const status = c.record.status;
    const self = { path: c.record.path, text: c.text, record: c.record };
    const setStatus = (to: string): Fix | undefined => (c.statuses.includes(to)
      ? { title: `Set the status to "${formatOf(c.record).statusAsWritten(to)}"`, edits: setStatusEdits(c.record, to, c.sections, c.spec, c.lines, c.eol) }
      : undefined);
    const range = c.record.statusRange ?? c.anchor;
    for (const { by, drift } of laterDecisions(c)) {
      const name = basename(by.path);
      if (drift === 'amended by') {
        if ((status !== 'proposed' && status !== 'draft') || by.record.status !== 'accepted') continue;
        yield { range, message: `${name} amends this record and is accepted, but this record's status is still "${status}": accept it, or withdraw the amendment.`, fix: setStatus('accepted') };
      } else if (status === 'accepted' || status === 'proposed') {
        if (drift === 'deprecated by') {
          yield { range, message: `${name} deprecates this record, but its status is still "${status}".`, fix: setStatus('deprecated') };
          continue;
        }
        // What Supersede writes in the older record, as its format writes it.
        const edits = supersededStatusEdits(self, by);
        yield {
          range, message: `${name} supersedes this record, but its status is still "${status}".`,
          fix: { title: `Set the status to "${supersededStatusOf(self, by)}"`, edits },
        };
      }
    }
  },
};
