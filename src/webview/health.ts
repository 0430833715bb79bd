/**
 * The health report's browser code (its own bundle, `dist/webview/health.js`): draws the report the
 * extension sends with the core's `healthPageBody` (escaped HTML, inline SVG charts), reports what it
 * drew (charts, bars, error boxes), and forwards the Export button. A report it cannot draw shows
 * an error box.
 */
import { escapeHtml, healthPageBody } from '../core/healthCharts';
import { type FromHealthPage, toHealthPage } from './healthProtocol';

declare function acquireVsCodeApi(): { postMessage(message: FromHealthPage): void };

const vscode = acquireVsCodeApi();
const content = document.getElementById('content')!;

function draw(html: string): void {
  content.innerHTML = html;
  document.getElementById('export')?.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  const charts = [...content.querySelectorAll<SVGSVGElement>('svg.chart')].map(s => ({ chart: s.dataset.chart ?? '', marks: s.querySelectorAll('rect').length, width: s.getBoundingClientRect().width }));
  vscode.postMessage({ type: 'drawn', charts, errors: content.querySelectorAll('.error').length });
}

window.addEventListener('message', event => {
  const message = toHealthPage(event.data);
  if (!message) return;
  let html: string;
  try {
    html = message.type === 'report' ? healthPageBody(message.report) : `<p class="error">${escapeHtml(message.message)}</p>`;
  } catch (err) {
    html = `<p class="error">The report could not be drawn: ${escapeHtml(String(err))}</p>`;
  }
  draw(html);
});
vscode.postMessage({ type: 'ready' });
