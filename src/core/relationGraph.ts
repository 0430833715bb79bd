/**
 * The relations between a host's records, as a reader follows them: each relation a record writes,
 * resolved to the record it names with the cross-record rules' lookups (`lint/workspace.ts`), and,
 * on the record it names, the same relation read the other way (`lint/relations.ts`). Generic over
 * the host's handle of a record (see {@link RecordHandle}); linear in the records and their relations.
 */
import { relationType, reverseOf } from './lint/relations';
import type { WorkspaceRecord } from './lint/types';
import { WorkspaceSnapshot } from './lint/workspace';
import type { Relation } from './record';
import { compareRecords, recordLabel, type RecordHandle } from './recordGroups';

/** The record a relation names, among the records given; undefined when it names none of them. */
export type RelationResolver<T> = (from: T, relation: Relation) => T | undefined;

/** A relation of a record, from that record's side. */
export interface RelationLink<T> {
  /** The relation in one spelling (`superseded by`, `amends`…; see `relationType`), read from this record's side. */
  readonly type: string;
  /** The record it names; undefined when the target names no record of the scope. */
  readonly target: T | undefined;
  /** The target as written (the link's label, else its target), shown when it names no record. */
  readonly written: string;
  /** True when the other record writes the relation (its reverse is shown here). */
  readonly incoming: boolean;
  /** For an incoming relation whose reverse is unknown: the type as the other record writes it. */
  readonly writtenType?: string;
}

/**
 * A resolver over `records`: a relation written in one of them names a record of the same scope
 * (`scopeOf`, such as the editor's workspace folder, whose records' `record.path`s are relative to
 * it; one scope when omitted), found as {@link WorkspaceSnapshot.resolve} finds it (a relative link
 * to a `.md` file, an id such as `ADR-0123`, or a slug; the first record when several match).
 * Building it is linear in the records; each call is a lookup. Never throws.
 */
export function relationResolver<T extends RecordHandle>(records: readonly T[], scopeOf: (entry: T) => string = () => ''): RelationResolver<T> {
  const scopes = new Map<string, WorkspaceRecord[]>();
  const handles = new Map<WorkspaceRecord, T>();
  for (const entry of records) {
    const near: WorkspaceRecord = { path: entry.record.path, record: entry.record };
    handles.set(near, entry);
    const scope = scopeOf(entry);
    const list = scopes.get(scope);
    if (list) list.push(near);
    else scopes.set(scope, [near]);
  }
  const snapshots = new Map([...scopes].map(([scope, list]) => [scope, new WorkspaceSnapshot({ records: list })]));
  return (from, relation) => {
    const found = snapshots.get(scopeOf(from))?.resolve(from.record.path, relation);
    return found === undefined || found === 'unresolved' ? undefined : handles.get(found);
  };
}

/**
 * Every record's relations, both directions, as a map from record to its links: first what the
 * record writes itself, in its order, then what other records write about it (their reverse type,
 * or the type as written when its reverse is unknown), from the records in {@link compareRecords}
 * order; a link already listed (same type and target) is not repeated. Relations to URLs and
 * fragments are left out; a record without relations has no entry. Targets resolve within the
 * record's scope (see {@link relationResolver}). Linear in the records and their relations, plus one sort.
 */
export function relationGraph<T extends RecordHandle>(records: readonly T[], scopeOf?: (entry: T) => string): ReadonlyMap<T, readonly RelationLink<T>[]> {
  const resolve = relationResolver(records, scopeOf);
  const ids = new Map(records.map((entry, i) => [entry, i]));
  const graph = new Map<T, RelationLink<T>[]>();
  const listed = new Map<T, Set<string>>();
  const add = (entry: T, link: RelationLink<T>) => {
    const key = `${link.writtenType ?? link.type}|${link.target ? `#${ids.get(link.target)}` : `=${link.written}`}`;
    const keys = listed.get(entry);
    if (!keys) {
      listed.set(entry, new Set([key]));
      graph.set(entry, [link]);
    } else if (!keys.has(key)) {
      keys.add(key);
      graph.get(entry)!.push(link);
    }
  };
  const incoming: [T, RelationLink<T>][] = [];
  for (const entry of [...records].sort(compareRecords)) {
    for (const relation of entry.record.relations) {
      if (namesNoRecord(relation.target)) continue;
      const target = resolve(entry, relation);
      const type = relationType(relation.type);
      add(entry, { type, target, written: relation.label || relation.target, incoming: false });
      if (target && target !== entry) {
        const reverse = reverseOf(type);
        incoming.push([target, { type: reverse ?? type, target: entry, written: entry.record.path, incoming: true, writtenType: reverse ? undefined : type }]);
      }
    }
  }
  for (const [entry, link] of incoming) add(entry, link);
  return graph;
}

/** The text of a relation: "superseded by 0007 Use Pulsar"; `"type" from 0007 Use Pulsar` for an incoming relation whose reverse is unknown. */
export function relationLabel<T extends RecordHandle>(link: RelationLink<T>): string {
  const name = link.target ? recordLabel(link.target) : link.written;
  return link.writtenType ? `"${link.writtenType}" from ${name}` : `${link.type} ${name}`;
}

/** True for targets that name no record: URLs (`https:`, `mailto:`) and fragments. */
function namesNoRecord(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#');
}
