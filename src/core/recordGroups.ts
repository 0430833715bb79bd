/**
 * How a decision log is listed: each record's label, the order of records, and their groups by status,
 * folder or kind with the order of the groups. Generic over the host's handle of a record (the editor's
 * indexed record with its URI, the CLI's `{ path, record }`): any value with a parsed `record`, so that
 * every host lists records the same way. Status groups follow `statusGroups.ts`.
 */
import type { BuiltinKind } from './kinds';
import { dirname } from './paths';
import type { DecisionRecord } from './record';
import { orderStatusGroups, statusGroupOf } from './statusGroups';

/** A host's handle of a record: any value carrying the parsed record (and whatever the host needs besides). */
export interface RecordHandle {
  readonly record: DecisionRecord;
}

/** How records are grouped: by status group, by the folder holding them, or by kind. */
export type GroupBy = 'status' | 'folder' | 'kind';

/** The ways to group, in the order a host offers them. */
export const GROUP_BY: readonly GroupBy[] = ['status', 'folder', 'kind'];

/** The built-in kinds in the order their groups come: ADR formats from the oldest, then RFCs. Project kinds follow. */
export const KIND_ORDER: readonly BuiltinKind[] = ['nygard', 'madr', 'log4brains', 'rfc', 'rust-rfc'];

/** The built-in kinds' names as people say them. */
const KIND_LABELS: Readonly<Record<BuiltinKind, string>> = {
  nygard: 'Nygard (adr-tools)', madr: 'MADR', log4brains: 'log4brains', rfc: 'RFC', 'rust-rfc': 'Rust RFC',
};

/** A group of records: its key (a status group, a folder path, `` for the root, or a kind id) and its records in {@link compareRecords} order. */
export interface RecordGroup<T> {
  readonly key: string;
  readonly records: readonly T[];
}

/** A record's label: "0007 Use PostgreSQL" (its id and title) when it is numbered, the title alone for a dated record. */
export function recordLabel(entry: RecordHandle): string {
  const r = entry.record;
  return r.number !== undefined ? `${r.id} ${r.title}` : r.title;
}

/** A kind's name as people say it ("Nygard (adr-tools)", "MADR", "Rust RFC"…); a project kind's id as is. */
export function kindLabel(kind: string): string {
  return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as BuiltinKind] : kind;
}

/**
 * Orders records: numbered ones by number, then the others; then by date (`YYYY-MM-DD` as text,
 * undated first), by title, and by path (`record.path`) so that the order never depends on the input's.
 * A comparator for `Array.prototype.sort`.
 */
export function compareRecords(a: RecordHandle, b: RecordHandle): number {
  const x = a.record, y = b.record;
  return (x.number ?? Infinity) - (y.number ?? Infinity)
    || (x.date ?? '').localeCompare(y.date ?? '')
    || x.title.localeCompare(y.title)
    || compareText(x.path, y.path);
}

/**
 * Groups records `by` status group ({@link statusGroupOf} of each normalized status, groups in
 * {@link orderStatusGroups} order), by folder (the folder of `record.path`, folders sorted by path) or
 * by kind ({@link KIND_ORDER}, then project kinds by id). Each group's records are in
 * {@link compareRecords} order; groups without records are not returned. Linear in the records, plus the sorts.
 */
export function groupRecords<T extends RecordHandle>(records: readonly T[], by: GroupBy): RecordGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const entry of records) {
    const key = groupKey(entry.record, by);
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return orderGroupKeys(groups.keys(), by).map(key => ({ key, records: groups.get(key)!.sort(compareRecords) }));
}

function groupKey(record: DecisionRecord, by: GroupBy): string {
  switch (by) {
    case 'status': return statusGroupOf(record.status);
    case 'folder': return dirname(record.path);
    case 'kind': return record.kind;
  }
}

function orderGroupKeys(keys: Iterable<string>, by: GroupBy): string[] {
  switch (by) {
    case 'status': return orderStatusGroups(keys);
    case 'folder': return [...keys].sort(compareText);
    case 'kind': {
      const rank = (kind: string) => {
        const i = KIND_ORDER.indexOf(kind as BuiltinKind);
        return i < 0 ? KIND_ORDER.length : i;
      };
      return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    }
  }
}

/** Orders strings by UTF-16 code units, as `Array.prototype.sort` does by default: the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
