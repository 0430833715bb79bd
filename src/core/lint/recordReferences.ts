/**
 * What the reference rules share (SF016's identifiers, SF023 reference-to-superseded, SF024
 * broken-heading-link, SF025 link-label-mismatch): the workspace's identifier schemes, which of them
 * name numbered records, the heading slugs of a record, a record's successor chain, and the parts of
 * a link as written. Each lookup is computed once per snapshot (or per record) and kept with it, so a
 * run over N records stays linear in the records, their references and their headings.
 */
import type { ProjectKind } from '../kinds';
import { plainText } from '../previewLinks';
import type { DecisionRecord } from '../record';
import { familyOf, referenceSchemes, type IdScheme } from '../references';
import { Slugger } from '../slug';
import { relationType } from '../recordRelations';
import type { WorkspaceRecord } from './types';
import type { WorkspaceSnapshot } from './workspace';

/** A snapshot's schemes for one list of project kinds, and the schemes at least one of its numbered records is in. */
export interface WorkspaceSchemes {
  readonly schemes: readonly IdScheme[];
  /**
   * The schemes with a numbered record: an identifier of another scheme has nothing to be checked
   * against. Rust RFCs do not count: their texts cite RFC pull requests by number, most never merged.
   */
  readonly numbered: ReadonlySet<IdScheme>;
}

const NO_KINDS: readonly ProjectKind[] = [];
const schemesOf = new WeakMap<WorkspaceSnapshot, Map<readonly ProjectKind[], WorkspaceSchemes>>();

/**
 * The identifier schemes of `snapshot` with the project's `kinds` (see `referenceSchemes`): ADR, RFC
 * when the snapshot holds an RFC, each kind's `"idPattern"` prefix; and which of them have numbered
 * records. Computed once per snapshot and kinds array (linear in the records), then a lookup.
 */
export function workspaceSchemes(snapshot: WorkspaceSnapshot, kinds: readonly ProjectKind[] = NO_KINDS): WorkspaceSchemes {
  let byKinds = schemesOf.get(snapshot);
  if (!byKinds) schemesOf.set(snapshot, byKinds = new Map());
  let found = byKinds.get(kinds);
  if (!found) {
    const schemes = referenceSchemes(snapshot.records, kinds);
    const numbered = new Set<IdScheme>();
    for (const r of snapshot.records) {
      const scheme = r.record.number === undefined || r.record.kind === 'rust-rfc' ? undefined : familyOf(r.record, schemes);
      if (scheme) numbered.add(scheme);
    }
    found = { schemes, numbered };
    byKinds.set(kinds, found);
  }
  return found;
}

const slugsOf = new WeakMap<DecisionRecord, ReadonlySet<string>>();

/**
 * The `#fragment`s that name a heading of `record`: GitHub's slugs of its headings' plain text (as
 * the preview and GitHub make them, repeated ones numbered `-1`, `-2`…). Computed once per record.
 */
export function headingSlugs(record: DecisionRecord): ReadonlySet<string> {
  let slugs = slugsOf.get(record);
  if (!slugs) {
    const slugger = new Slugger();
    slugs = new Set(record.outline.headings.map(h => slugger.slug(plainText(h.text))));
    slugsOf.set(record, slugs);
  }
  return slugs;
}

/** True for a status that says a decision no longer holds. */
export const isReplaced = (record: DecisionRecord) => record.status === 'superseded' || record.status === 'deprecated';

/** Relations, as the older record writes them, naming what replaced it; and as the newer one writes them. */
const REPLACED_BY: ReadonlySet<string> = new Set(['superseded by', 'deprecated by']);
const REPLACES: ReadonlySet<string> = new Set(['supersedes', 'deprecates']);
/** A chain of successors is followed this far (a cycle stops it sooner). */
const MAX_CHAIN = 16;

/** The record that directly replaced `record`: its own "Superseded by" / "Deprecated by", else another's "Supersedes" / "Deprecates" naming it. */
function directSuccessor(snapshot: WorkspaceSnapshot, record: WorkspaceRecord): WorkspaceRecord | undefined {
  for (const relation of record.record.relations) {
    if (!REPLACED_BY.has(relationType(relation.type))) continue;
    const to = snapshot.resolve(record.path, relation);
    if (to !== undefined && to !== 'unresolved' && to !== record) return to;
  }
  for (const { from, relation } of snapshot.incoming(record)) {
    if (from !== record && REPLACES.has(relationType(relation.type))) return from;
  }
  return undefined;
}

/**
 * The records that replaced `record` in turn, oldest first: its successor, the successor's while that
 * one is superseded or deprecated too, and so on (at most 16, a cycle stopping it). Empty when nothing
 * names a successor. The last one is the decision in force, as far as the records say.
 */
export function successorChain(snapshot: WorkspaceSnapshot, record: WorkspaceRecord): WorkspaceRecord[] {
  const chain: WorkspaceRecord[] = [];
  const seen = new Set<WorkspaceRecord>([record]);
  for (let at = directSuccessor(snapshot, record); at && !seen.has(at) && chain.length < MAX_CHAIN; at = isReplaced(at.record) ? directSuccessor(snapshot, at) : undefined) {
    seen.add(at);
    chain.push(at);
  }
  return chain;
}

/** The parts of a link as written, in characters from the start of its text (`[`). */
export interface LinkParts {
  /** The label, without its brackets: `[labelStart, labelEnd)`. */
  readonly labelStart: number;
  readonly labelEnd: number;
  /** The destination, without `<…>`: `[destinationStart, destinationEnd)`. */
  readonly destinationStart: number;
  readonly destinationEnd: number;
  /** True for a reference definition (`[label]: destination`), whose label is a key, not shown. */
  readonly definition: boolean;
}

/**
 * The label and destination of a link's text (`[label](destination "title")` or `[label]: destination`,
 * as `findReferences` reports it), or undefined when the text is neither. Linear: one pass over the label
 * (brackets nested, `\` escapes), one over the destination.
 */
export function linkParts(text: string): LinkParts | undefined {
  if (text.charCodeAt(0) !== 91 /* [ */) return undefined;
  let depth = 0;
  let close = -1;
  for (let i = 0; i < text.length && close < 0; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91) depth++;
    else if (c === 93 /* ] */ && --depth === 0) close = i;
  }
  if (close < 0) return undefined;
  const after = text.charCodeAt(close + 1);
  if (after !== 40 /* ( */ && after !== 58 /* : */) return undefined;
  let start = close + 2;
  while (text.charCodeAt(start) === 32) start++;
  let end: number;
  if (text.charCodeAt(start) === 60 /* < */) {
    start++;
    end = text.indexOf('>', start);
    if (end < 0) return undefined;
  } else {
    end = start;
    while (end < text.length && text.charCodeAt(end) > 32 && !(after === 40 && text.charCodeAt(end) === 41 /* ) */)) end++;
  }
  return { labelStart: 1, labelEnd: close, destinationStart: start, destinationEnd: end, definition: after === 58 };
}
