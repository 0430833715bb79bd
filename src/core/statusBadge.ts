/**
 * The status badge of the decision preview: what it says and how it is styled, for a status as a
 * record's front matter writes it, read with the record's status vocabulary (the project's
 * `.spec-first.*`, else the `specFirst.status.vocabulary` setting), so that a configured status such
 * as `on hold` is a status of its own, as it is in the Decisions view.
 */
import { DEFAULT_STATUSES, normalizeStatus } from './record';
import { statusLabel } from './statusGroups';

/** The class of a badge whose status has no colours of its own in `media/preview.css`: a neutral style. */
export const CUSTOM_STATUS_CLASS = 'sf-status-custom';

/** The class of a badge whose status is outside the vocabulary. */
export const UNKNOWN_STATUS_CLASS = 'sf-status-unknown';

/** What {@link statusBadge} returns. */
export interface StatusBadge {
  /** The badge's text: the status's label (`On hold`), or the text as written when it is no status of the vocabulary. */
  readonly label: string;
  /** CSS classes besides `sf-badge`: `sf-status-<slug>`, then {@link CUSTOM_STATUS_CLASS} for a status not built in. */
  readonly classes: readonly string[];
  /** The tooltip: `Status: ` and the status as written (`Status: superseded by ADR-0005`). */
  readonly title: string;
}

/**
 * The badge for `written` (a front matter `status`, any case, trimmed or not) read with `vocabulary`
 * (lower case; default {@link DEFAULT_STATUSES}) by `normalizeStatus`: a status of the vocabulary
 * gets its label (`statusLabel`: `on hold` → `On hold`) and the class `sf-status-` followed by
 * {@link statusClassSuffix} (`sf-status-on-hold`); one of the statuses Spec-First knows by default
 * keeps its colours, any other also gets {@link CUSTOM_STATUS_CLASS}. Text outside the vocabulary
 * keeps its words and gets {@link UNKNOWN_STATUS_CLASS}. Never throws.
 */
export function statusBadge(written: string, vocabulary: readonly string[] = DEFAULT_STATUSES): StatusBadge {
  const text = written.trim();
  const title = `Status: ${text}`;
  const status = normalizeStatus(text, vocabulary);
  if (status === 'unknown') return { label: text, classes: [UNKNOWN_STATUS_CLASS], title };
  const suffix = statusClassSuffix(status);
  const builtIn = DEFAULT_STATUSES.includes(status);
  return {
    label: statusLabel(status),
    classes: [...(suffix ? [`sf-status-${suffix}`] : []), ...(builtIn ? [] : [CUSTOM_STATUS_CLASS])],
    title,
  };
}

/**
 * A status as the end of a CSS class name: its runs of ASCII letters and digits, in lower case,
 * joined by `-` (`On hold` → `on-hold`, `needs  review!` → `needs-review`); `''` when it has none
 * (a status written in another script). Linear in the status's length.
 */
export function statusClassSuffix(status: string): string {
  return status.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join('-');
}
