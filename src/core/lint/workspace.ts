/**
 * The workspace snapshot: the records the cross-record rules (SF015–SF018) compare a record with,
 * and the lookups they need — records by path, by number and by slug in each folder, and the
 * relations that name each record — built once per lint run (the CLI's run over a project, the
 * editor's index between two changes) and shared by every rule and every record's lint. Building it
 * is linear in the records and their relations; a record's cross-record lint then costs map lookups
 * for its own links and for the relations that name it, whatever the size of the workspace.
 */
import { basename, dirname, resolveLink } from '../paths';
import { parseRecordFileName, type Relation } from '../record';
import type { WorkspaceRecord, WorkspaceRecords } from './types';

/** A relation written in the record `from`, as the record it names sees it. */
export interface IncomingRelation {
  readonly from: WorkspaceRecord;
  readonly relation: Relation;
}

/** A record id as a relation writes it: `ADR-0123`, `adr0123`, `0123`, `123` (case ignored). */
const RECORD_ID = /^(?:adr-?)?0*(\d{1,9})$/i;

/** A key within a folder: `docs/adr` and `7` → `docs/adr/7` (the part after the folder never holds a `/`). */
const inFolder = (folder: string, name: string | number) => `${folder}/${name}`;

/**
 * True when a relation's target is written as a path to a Markdown file (`0002-x.md`, `../0002-x.md#status`):
 * it ends with `.md`, or has `.md#` followed by no line break. A scan, not a pattern: linear on any text.
 */
function namesMarkdownFile(target: string): boolean {
  const lower = target.toLowerCase();
  if (lower.endsWith('.md')) return true;
  const fragment = lower.indexOf('.md#');
  if (fragment < 0) return false;
  const rest = lower.slice(fragment + 4);
  return !/[\n\r\u2028\u2029]/.test(rest);
}

/**
 * The records of a workspace with their lookups. Build it once from the records (the snapshot never
 * changes: build a new one when the records do) and pass it as `workspace` to every `lintRecord` /
 * `lintText` of the run. Records are compared by identity: `resolve` and `incoming` return the
 * entries of `records`, the first one when several share a path, number or slug.
 */
export class WorkspaceSnapshot implements WorkspaceRecords {
  readonly records: readonly WorkspaceRecord[];
  readonly files: ReadonlySet<string> | undefined;
  private readonly byPath = new Map<string, WorkspaceRecord>();
  private readonly byNumber = new Map<string, WorkspaceRecord[]>();
  private readonly bySlug = new Map<string, WorkspaceRecord>();
  /** The relations naming each record; built on first use (only SF017 and SF018 need them). */
  private incomingByTarget: Map<WorkspaceRecord, IncomingRelation[]> | undefined;

  /** Indexes `workspace.records` (and keeps `workspace.files`). Linear in the number of records. */
  constructor(workspace: WorkspaceRecords) {
    this.records = workspace.records;
    this.files = workspace.files;
    for (const entry of this.records) {
      if (!this.byPath.has(entry.path)) this.byPath.set(entry.path, entry);
      const name = parseRecordFileName(basename(entry.path));
      if (!name) continue;
      const folder = dirname(entry.path);
      if (name.number !== undefined) {
        const key = inFolder(folder, name.number);
        const same = this.byNumber.get(key);
        if (same) same.push(entry);
        else this.byNumber.set(key, [entry]);
      }
      const slug = inFolder(folder, name.slug);
      if (!this.bySlug.has(slug)) this.bySlug.set(slug, entry);
    }
  }

  /** The record at a workspace-relative path (the first, if several claim it), or undefined. */
  recordAt(path: string): WorkspaceRecord | undefined {
    return this.byPath.get(path);
  }

  /** True when a record, or a record-like file of `files` (a "Moved to …" stub), is at `path`. */
  exists(path: string): boolean {
    return this.byPath.has(path) || (this.files?.has(path) ?? false);
  }

  /** The records of `folder` (`docs/adr`, `` for the root) whose file name has `number`, in the records' order. */
  numbered(folder: string, number: number): readonly WorkspaceRecord[] {
    return this.byNumber.get(inFolder(folder, number)) ?? [];
  }

  /**
   * The record a relation written in the file at `from` (workspace-relative) names: a relative link
   * to a `.md` file (adr-tools, log4brains; `'unresolved'` when no record is there), else an id such
   * as `ADR-0123` (MADR) or a slug (`use-postgres`), looked up in the same folder (undefined when
   * none matches). Never throws.
   */
  resolve(from: string, relation: Relation): WorkspaceRecord | undefined | 'unresolved' {
    const path = namesMarkdownFile(relation.target) ? resolveLink(from, relation.target) : undefined;
    if (path !== undefined) return this.byPath.get(path) ?? 'unresolved';
    const folder = dirname(from);
    const id = RECORD_ID.exec(relation.target);
    if (id) return this.byNumber.get(inFolder(folder, +id[1]))?.[0];
    const slug = relation.target.startsWith('./') ? relation.target.slice(2) : relation.target;
    return this.bySlug.get(inFolder(folder, slug));
  }

  /**
   * The relations that name `target` (an entry of `records`), its own included, in the order of
   * `records` and of each record's relations. The first call indexes every relation of the
   * workspace (linear); later calls are lookups.
   */
  incoming(target: WorkspaceRecord): readonly IncomingRelation[] {
    if (!this.incomingByTarget) {
      this.incomingByTarget = new Map();
      for (const from of this.records) {
        for (const relation of from.record.relations) {
          const to = this.resolve(from.path, relation);
          if (to === undefined || to === 'unresolved') continue;
          const list = this.incomingByTarget.get(to);
          if (list) list.push({ from, relation });
          else this.incomingByTarget.set(to, [{ from, relation }]);
        }
      }
    }
    return this.incomingByTarget.get(target) ?? [];
  }
}

/** Snapshots already built for a `WorkspaceRecords` object or a records array, so that reusing one never rebuilds. */
const built = new WeakMap<object, WorkspaceSnapshot>();

/**
 * The snapshot of `workspace`: itself when it is one, else the one built for this object (or, for a
 * bare records array, for this array) the first time it was asked for. The object and its arrays
 * must not change afterwards (they are `readonly`); pass a new object when the records change.
 */
export function workspaceSnapshot(workspace: WorkspaceRecords | readonly WorkspaceRecord[]): WorkspaceSnapshot {
  if (workspace instanceof WorkspaceSnapshot) return workspace;
  let snapshot = built.get(workspace);
  if (!snapshot) {
    snapshot = new WorkspaceSnapshot(isRecordList(workspace) ? { records: workspace } : workspace);
    built.set(workspace, snapshot);
  }
  return snapshot;
}

function isRecordList(workspace: WorkspaceRecords | readonly WorkspaceRecord[]): workspace is readonly WorkspaceRecord[] {
  return Array.isArray(workspace);
}
