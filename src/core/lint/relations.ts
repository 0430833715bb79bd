/**
 * Relations between records, as the cross-record rules see them: each relation's type in one
 * spelling, its reverse, and the record its target names — a relative link (adr-tools, log4brains),
 * an id such as `ADR-0123` (MADR) or a slug.
 */
import type { Relation } from '../record';
import { relationType } from '../recordRelations';
import type { WorkspaceRecord } from './types';
import { WorkspaceSnapshot, workspaceSnapshot } from './workspace';

export { relationType } from '../recordRelations';

/** The reverse of the relations whose reverse is known (adr-tools' `-s` and the usual `adr link` pairs). */
const REVERSE: Readonly<Record<string, string>> = {
  supersedes: 'superseded by', 'superseded by': 'supersedes',
  amends: 'amended by', 'amended by': 'amends',
  clarifies: 'clarified by', 'clarified by': 'clarifies',
  extends: 'extended by', 'extended by': 'extends',
};

/** The reverse relation type, or undefined when it is not known. */
export function reverseOf(type: string): string | undefined {
  return REVERSE[relationType(type)];
}

/**
 * The record a relation written in `from` names: a relative link to a `.md` file (`'unresolved'`
 * when no record is there), an id such as `ADR-0123` (MADR) or a slug, looked up in `from`'s folder
 * (undefined when none matches). `records` is the workspace's snapshot, or a records array whose
 * snapshot is built on first use and reused for the same array (see {@link workspaceSnapshot}).
 */
export function resolveRelation(from: WorkspaceRecord, relation: Relation, records: WorkspaceSnapshot | readonly WorkspaceRecord[]): WorkspaceRecord | undefined | 'unresolved' {
  return workspaceSnapshot(records).resolve(from.path, relation);
}
