/**
 * How records are grouped by status, in every view that groups them (the Decisions view, the graph's
 * legend): one group per status of the vocabulary a record was read with, in lifecycle order, then the
 * project's own statuses (`on hold`, `parked`…) by name, then one "unknown" group for records whose
 * status is missing or outside their vocabulary.
 */

/** The default statuses in the order a decision lives through them (Nygard, MADR 4, log4brains). */
export const LIFECYCLE_ORDER: readonly string[] = ['draft', 'proposed', 'accepted', 'deprecated', 'superseded', 'rejected'];

/** The group of records whose status is missing or outside their vocabulary. */
export const UNKNOWN_GROUP = 'unknown';

/**
 * The group of a record, from its normalized status (`DecisionRecord.status`: a status of its
 * vocabulary, `unknown` or `missing`). A configured status is its own group.
 */
export function statusGroupOf(status: string): string {
  const s = status.trim().toLowerCase();
  return !s || s === 'missing' ? UNKNOWN_GROUP : s;
}

/**
 * Orders groups (as {@link statusGroupOf} returns them): the lifecycle order first, then other
 * statuses alphabetically, then {@link UNKNOWN_GROUP}. Returns a new array without duplicates.
 */
export function orderStatusGroups(groups: Iterable<string>): string[] {
  const rank = (g: string) => g === UNKNOWN_GROUP ? LIFECYCLE_ORDER.length + 1 : LIFECYCLE_ORDER.includes(g) ? LIFECYCLE_ORDER.indexOf(g) : LIFECYCLE_ORDER.length;
  return [...new Set(groups)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A status as a label: its first letter capitalized (`on hold` → `On hold`). */
export function statusLabel(status: string): string {
  return status ? status[0].toUpperCase() + status.slice(1) : status;
}

/** Whether a group starts collapsed: decisions no longer in force (superseded, rejected, deprecated). */
export function isSettledGroup(group: string): boolean {
  return group === 'superseded' || group === 'rejected' || group === 'deprecated';
}
