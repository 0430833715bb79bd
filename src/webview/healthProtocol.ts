/**
 * The messages between the health report's panel (extension host) and its webview
 * (`dist/webview/health.js`), and the checks each side runs on what it receives. Both sides import
 * this file: types and small checks.
 */
import type { HealthReport } from '../core/health';

/** Extension → webview: the report to draw, or why there is none. */
export type ToHealthPage = { readonly type: 'report'; readonly report: HealthReport } | { readonly type: 'error'; readonly message: string };

/** What the page drew: each chart (`data-chart`), its bars and its drawn width in CSS pixels; the error boxes shown. */
export interface HealthDrawn {
  readonly type: 'drawn';
  readonly charts: readonly { readonly chart: string; readonly marks: number; readonly width: number }[];
  readonly errors: number;
}

/** Webview → extension: loaded (send the report), drawn, or the Export button pressed. */
export type FromHealthPage = { readonly type: 'ready' } | HealthDrawn | { readonly type: 'export' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** `value` as a {@link FromHealthPage}, or undefined when it is none: every field checked. */
export function fromHealthPage(value: unknown): FromHealthPage | undefined {
  if (!isObject(value)) return undefined;
  if (value.type === 'ready' || value.type === 'export') return { type: value.type };
  if (value.type !== 'drawn' || !Array.isArray(value.charts) || value.charts.length > 10 || typeof value.errors !== 'number') return undefined;
  const charts = value.charts.map(c => (isObject(c) && typeof c.chart === 'string' && c.chart.length < 40 && typeof c.marks === 'number' && typeof c.width === 'number' ? { chart: c.chart, marks: c.marks, width: c.width } : undefined));
  return charts.every(c => c !== undefined) ? { type: 'drawn', charts: charts as HealthDrawn['charts'], errors: value.errors } : undefined;
}

/** `value` as a {@link ToHealthPage}, or undefined: the report's lists must be lists (their texts are escaped as drawn). */
export function toHealthPage(value: unknown): ToHealthPage | undefined {
  if (!isObject(value)) return undefined;
  if (value.type === 'error' && typeof value.message === 'string') return { type: 'error', message: value.message };
  const r = value.report;
  if (value.type !== 'report' || !isObject(r) || typeof r.today !== 'string' || typeof r.records !== 'number') return undefined;
  const lists = ['byStatus', 'byQuarter', 'reviewsDue', 'staleProposals', 'drift', 'openQuestions'];
  return lists.every(k => Array.isArray(r[k])) ? { type: 'report', report: r as unknown as HealthReport } : undefined;
}
