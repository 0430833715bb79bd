/**
 * The health report's charts as inline SVG: records by status (horizontal bars) and records per
 * quarter of their date (columns, empty quarters included). Pure and offline: every text escaped,
 * no script, no link, no remote resource; colours are CSS classes (`bar`, `s-accepted`…) that the
 * page's stylesheet (`media/health.css`) maps to VS Code's theme variables (`var(--vscode-charts-blue)`…),
 * since SVG presentation attributes do not read CSS variables. Also the page's body
 * ({@link healthPageBody}), which the report's webview script draws.
 */
import { decisionTimeText, type HealthRecord, type HealthReport } from './health';
import { statusLabel } from './statusGroups';

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The statuses that have a colour of their own; others are drawn as `bar`. */
const STATUS_CLASSES = new Set(['accepted', 'proposed', 'draft', 'deprecated', 'superseded', 'rejected', 'unknown']);

/** At most this many status bars (a vocabulary of hundreds would not be read anyway); the rest summed. */
const MAX_STATUSES = 20;

/** At most this many quarters: the latest ones (20 years). */
export const MAX_QUARTERS = 80;

/**
 * Records by status: one bar per status group, in the report's order, labelled with the status and
 * its count. An SVG element (`class="chart" data-chart="status"`, `role="img"` with a title).
 */
export function statusChart(byStatus: HealthReport['byStatus']): string {
  let rows = byStatus.map(s => ({ label: statusLabel(s.status), cls: STATUS_CLASSES.has(s.status) ? `s-${s.status}` : 'bar', count: s.count }));
  if (rows.length > MAX_STATUSES) {
    const rest = rows.slice(MAX_STATUSES - 1).reduce((n, r) => n + r.count, 0);
    rows = [...rows.slice(0, MAX_STATUSES - 1), { label: 'Other statuses', cls: 'bar', count: rest }];
  }
  const max = Math.max(1, ...rows.map(r => r.count));
  const row = 24, labelWidth = 140, barWidth = 300, height = Math.max(1, rows.length) * row + 8;
  const bars = rows.map((r, i) => {
    const y = 4 + i * row, w = Math.max(1, Math.round((r.count / max) * barWidth));
    return `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(r.label.length > 20 ? `${r.label.slice(0, 19)}…` : r.label)}</text>`
      + `<rect class="${r.cls}" x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}"><title>${escapeHtml(`${r.label}: ${r.count}`)}</title></rect>`
      + `<text x="${labelWidth + w + 6}" y="${y + 16}">${r.count}</text>`;
  });
  const total = rows.reduce((n, r) => n + r.count, 0);
  return `<svg class="chart" data-chart="status" role="img" width="${labelWidth + barWidth + 50}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title>${escapeHtml(`Records by status: ${total} records`)}</title>${bars.join('')}</svg>`;
}

/** `2024-Q1` → a number counting quarters from year 0, or undefined for another text. */
function quarterIndex(quarter: string): number | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : undefined;
}

/**
 * Records per quarter of their date: a column per quarter from the first to the last the report has
 * (empty quarters included, at most {@link MAX_QUARTERS}, the latest), years labelled under their
 * first quarter. An SVG element (`class="chart" data-chart="quarter"`); without dated records, a
 * chart with no column and a title saying so.
 */
export function quarterChart(byQuarter: HealthReport['byQuarter']): string {
  const counts = new Map<number, number>();
  for (const q of byQuarter) {
    const i = quarterIndex(q.quarter);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + q.count);
  }
  const keys = [...counts.keys()];
  const last = keys.length ? Math.max(...keys) : 0;
  const first = keys.length ? Math.max(Math.min(...keys), last - MAX_QUARTERS + 1) : 1;
  const left = keys.reduce((n, k) => n + (k < first ? counts.get(k)! : 0), 0);
  const columns = Math.max(0, last - first + 1);
  const max = Math.max(1, ...counts.values());
  const col = Math.max(6, Math.min(24, Math.floor(480 / Math.max(1, columns)))), plot = 120, top = 16;
  const width = Math.max(200, columns * col + 40), height = top + plot + 24;
  const parts: string[] = [`<line class="axis" x1="20" y1="${top + plot}" x2="${width - 10}" y2="${top + plot}"/>`];
  for (let i = 0; i < columns; i++) {
    const q = first + i, n = counts.get(q) ?? 0;
    const year = Math.floor(q / 4), name = `${year}-Q${(q % 4) + 1}`;
    const h = Math.round((n / max) * plot), x = 20 + i * col;
    if (n > 0) parts.push(`<rect class="bar" x="${x + 1}" y="${top + plot - h}" width="${col - 2}" height="${h}"><title>${escapeHtml(`${name}: ${n}`)}</title></rect>`);
    if (q % 4 === 0 || i === 0) parts.push(`<text x="${x}" y="${top + plot + 16}">${year}</text>`);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const title = columns === 0 ? 'Records per quarter: no record has a YYYY-MM-DD date'
    : `Records per quarter of their date: ${total} records${left ? `, ${left} dated before ${Math.floor(first / 4)}-Q${(first % 4) + 1} not shown` : ''}`;
  return `<svg class="chart" data-chart="quarter" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title>${escapeHtml(title)}</title><text x="20" y="12">${max} max</text>${parts.join('')}</svg>`;
}

const recordName = (r: HealthRecord) => `${r.id === r.title ? '' : `${escapeHtml(r.id)} `}${escapeHtml(r.title)} <code class="muted">${escapeHtml(r.file)}</code>`;

function table<T extends HealthRecord>(items: readonly T[], head: string, cells: (item: T) => string): string {
  return items.length === 0 ? '<p class="muted">None.</p>' : `<table><tr>${head}</tr>${items.map(i => `<tr>${cells(i)}</tr>`).join('')}</table>`;
}

/**
 * The health report's page body as HTML: counts, the two charts, reviews due in the next 90 days
 * (overdue ones marked), the oldest open proposals, drift and open questions. Every text escaped;
 * the Export button is `<button id="export">`.
 */
export function healthPageBody(r: HealthReport): string {
  return [
    '<h1>Decision health</h1>',
    `<p>${r.records} record${r.records === 1 ? '' : 's'} on ${escapeHtml(r.today)}. <button id="export" type="button">Export as Markdown</button></p>`,
    `<div class="charts"><section><h2>By status</h2>${statusChart(r.byStatus)}</section>`,
    `<section><h2>By quarter of their date</h2>${quarterChart(r.byQuarter)}</section></div>`,
    '<h2>Reviews due in the next 90 days</h2>',
    table(r.reviewsDue, '<th>Due</th><th>Record</th>', i => `<td${i.overdue ? ' class="overdue"' : ''}>${escapeHtml(i.due)}${i.overdue ? ' (overdue)' : ''}</td><td>${recordName(i)}</td>`),
    '<h2>Oldest open proposals</h2><p class="muted">Open longer than the project\'s <code>staleAfter</code> (60 days unless set), the oldest first.</p>',
    table(r.staleProposals, '<th>Open since</th><th>Record</th>', i => `<td>${escapeHtml(i.since)}</td><td>${recordName(i)}</td>`),
    '<h2>Drift</h2>', table(r.drift, '<th>Record</th><th>Finding</th>', i => `<td>${recordName(i)}</td><td>${escapeHtml(i.message)}</td>`),
    '<h2>Open questions</h2>', table(r.openQuestions, '<th>Record</th><th>Finding</th>', i => `<td>${recordName(i)}</td><td>${escapeHtml(i.message)}</td>`),
    ...(r.decisionTime ? ['<h2>Time to decide</h2>', `<p id="decision-time">${escapeHtml(decisionTimeText(r.decisionTime))}.</p>`] : []),
  ].join('\n');
}
