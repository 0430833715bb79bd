/**
 * Relations between records, as the cross-record rules see them: each relation's type in one
 * spelling, its reverse, and the record its target names — a relative link (adr-tools, log4brains),
 * an id such as `ADR-0123` (MADR) or a slug.
 */
import { parseRecordFileName, Relation } from '../record';
import { basename, dirname, resolveLink } from '../paths';
import type { WorkspaceRecord } from './types';

/** A relation type in one spelling: adr-tools' "Supercedes"/"Superceded by" read as supersede. */
export function relationType(type: string): string {
  return type.toLowerCase().replace(/super[cs]ede/g, 'supersede').replace(/\s+/g, ' ').trim();
}

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

/** How relation targets are written: a path, `ADR-0123` / `0123`, or a slug. */
export function resolveRelation(from: WorkspaceRecord, relation: Relation, records: readonly WorkspaceRecord[]): WorkspaceRecord | undefined | 'unresolved' {
  const path = /\.md(#.*)?$/i.test(relation.target) ? resolveLink(from.path, relation.target) : undefined;
  if (path !== undefined) return records.find(r => r.path === path) ?? 'unresolved';
  const folder = dirname(from.path);
  const id = /^(?:adr-?)?0*(\d{1,5})$/i.exec(relation.target);
  if (id) return records.find(r => dirname(r.path) === folder && parseRecordFileName(basename(r.path))?.number === +id[1]);
  const slug = relation.target.replace(/^\.\//, '');
  return records.find(r => dirname(r.path) === folder && parseRecordFileName(basename(r.path))?.slug === slug);
}
