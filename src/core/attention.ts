/**
 * What needs attention now, as the editor's "Needs attention" view shows it: reviews due, stale
 * proposals, drift, open questions and number collisions, each an item per lint finding (SF020,
 * SF021, SF018, SF014, SF015) so that the view, the diagnostics and `spec-first health` never
 * disagree: a rule turned off or suppressed in a record shows nothing here either.
 */
import { RULE_LIST } from './lint/rules';
import type { Finding, RuleLevel } from './lint/types';
import type { DecisionRecord } from './record';
import { isIsoDate } from './calendar';
import { HealthSettings, reviewDueOf } from './reviewDates';

/** The groups, in the order they are shown. */
export const ATTENTION_KINDS = ['review-due', 'stale', 'drift', 'open-questions', 'collision'] as const;
export type AttentionKind = typeof ATTENTION_KINDS[number];

/** Each group's lint rule and label. */
const GROUPS: Readonly<Record<AttentionKind, { readonly code: string; readonly label: string }>> = {
  'review-due': { code: 'SF020', label: 'Reviews due' },
  stale: { code: 'SF021', label: 'Stale proposals' },
  drift: { code: 'SF018', label: 'Drift' },
  'open-questions': { code: 'SF014', label: 'Open questions' },
  collision: { code: 'SF015', label: 'Number collisions' },
};

/** A record as the host gives it: `key` is the host's handle for it (a URI), `file` its path as shown. */
export interface AttentionEntry<K> {
  readonly key: K;
  readonly file: string;
  readonly record: DecisionRecord;
  /** The text's lines, as linted. */
  readonly lines: readonly string[];
  /** Its lint findings, cross-record rules included. */
  readonly findings: readonly Finding[];
  readonly settings: HealthSettings;
  /** The day git first saw its file (`YYYY-MM-DD`), when the host read it. */
  readonly firstCommitted?: string;
}

/** One thing to look at: a finding of a record. */
export interface AttentionItem<K> {
  readonly key: K;
  readonly file: string;
  /** The record's label: `ADR-0002 Use NATS`, or its title when it has no number. */
  readonly label: string;
  /** A short description: `due on 2025-01-01`, `since 2024-02-02`, or the finding's message. */
  readonly detail: string;
  /** The finding's message. */
  readonly message: string;
  /** Where the finding is: 0-based line and character. */
  readonly line: number;
  readonly character: number;
}

/** A group of items, never empty. */
export interface AttentionGroup<K> {
  readonly kind: AttentionKind;
  readonly label: string;
  readonly items: readonly AttentionItem<K>[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The groups of `entries` (their findings), in {@link ATTENTION_KINDS} order, empty groups left out.
 * Reviews due are ordered by due date, the oldest first; stale proposals by the date they are open
 * since, the oldest first; the others by file, then line. Ties by file, then line. Linear in the
 * findings, plus sorts.
 */
export function attentionGroups<K>(entries: readonly AttentionEntry<K>[]): AttentionGroup<K>[] {
  const byKind = new Map<AttentionKind, { item: AttentionItem<K>; order: string }[]>();
  for (const e of entries) {
    const label = e.record.number !== undefined ? `${e.record.id} ${e.record.title}` : e.record.title;
    for (const f of e.findings) {
      const kind = ATTENTION_KINDS.find(k => GROUPS[k].code === f.code);
      if (!kind) continue;
      let detail = f.message;
      let order = '';
      if (kind === 'review-due') {
        const due = reviewDueOf(e.record, e.lines, e.settings)?.due;
        if (due) { detail = `due on ${due}`; order = due; }
      } else if (kind === 'stale') {
        // As SF021 counts: from the record's date, else from the day git first saw its file.
        const since = e.record.date !== undefined && isIsoDate(e.record.date) ? e.record.date : e.firstCommitted;
        if (since) { detail = `${e.record.status} since ${since}`; order = since; }
      }
      const item: AttentionItem<K> = { key: e.key, file: e.file, label, detail, message: f.message, line: f.range.start.line, character: f.range.start.character };
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind)!.push({ item, order });
    }
  }
  return ATTENTION_KINDS.filter(k => byKind.has(k)).map(kind => ({
    kind, label: GROUPS[kind].label,
    items: byKind.get(kind)!.sort((a, b) => compare(a.order, b.order) || compare(a.item.file, b.item.file) || a.item.line - b.item.line).map(x => x.item),
  }));
}

/** The rules whose findings the health views read (the report's drift and open questions among them). */
export const ATTENTION_CODES: ReadonlySet<string> = new Set(ATTENTION_KINDS.map(k => GROUPS[k].code));

/**
 * Rule levels for a lint that serves only the health views: `rules` (the project's and the user's
 * levels, by code or name) with every other rule turned off, so that a log of thousands of records
 * is linted for what the views show and no more. The health rules keep their configured level.
 */
export function attentionRules(rules: Readonly<Record<string, RuleLevel>> = {}): Record<string, RuleLevel> {
  const off: Record<string, RuleLevel> = {};
  for (const rule of RULE_LIST) if (!ATTENTION_CODES.has(rule.code)) off[rule.code] = 'off';
  return { ...rules, ...off };
}

/** How many items the groups hold (the view's badge). */
export function attentionCount(groups: readonly AttentionGroup<unknown>[]): number {
  return groups.reduce((n, g) => n + g.items.length, 0);
}
