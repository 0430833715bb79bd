/**
 * Benchmark: what one edit costs the preview, on two real RFCs — RFC 3668 (async closures, with a
 * Mermaid diagram) and RFC 3935 (Project Goals 2026, 172 KB, the largest of the fixtures).
 *
 * - extension host: what PreviewManager does per edit — `document.getText()` (VS Code joins the
 *   document's lines into one string) and `webview.postMessage()` (VS Code serializes the message as
 *   JSON); emulated here with the same operations on the same text;
 * - webview: renderMarkdown() (unified, GFM, sanitize, anchors), which runs in the webview, not in the
 *   extension host; Mermaid's drawing comes on top, only for diagrams that changed;
 * - baseline: a bare remark parse of the same text, measured in the same run.
 *
 * Prints milliseconds (best of several runs) and ratios. Timing is reported, never asserted.
 * Usage: npm run bench   (or node out/bench/preview.js after npm run build)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { renderMarkdown } from '../src/core/render';
import { REPO, best } from './support';

const documents = [
  'test/fixtures/workspace/rust-rfcs/text/3668-async-closures.md',
  'test/fixtures/workspace/rust-rfcs/text/3935-Project-Goals-2026.md',
];

const remark = unified().use(remarkParse);
const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1).padStart(8)} ms`;

console.log('preview: the cost of one edit (best of 20 runs; renderMarkdown and remark best of 5)\n');
console.log(`${'document'.padEnd(34)} ${'size'.padStart(8)}  ${'host update'.padStart(11)}  ${'remark parse'.padStart(12)}  ${'renderMarkdown'.padStart(14)}  host vs remark  render vs remark`);
for (const relative of documents) {
  const text = fs.readFileSync(path.join(REPO, relative), 'utf8');
  // The document as the editor holds it: lines. getText() joins them; postMessage serializes the message.
  const lines = text.split(/\r?\n/);
  const uri = `file://${path.join(REPO, relative)}`;
  let version = 1;
  const host = best(20, () => {
    const current = lines.join('\n');
    JSON.stringify({ type: 'update', uri, version: ++version, text: current });
  });
  const parse = best(5, () => { remark.parse(text); });
  const render = best(5, () => { renderMarkdown(text); });
  const diagrams = renderMarkdown(text).diagrams.length;
  const name = `${path.basename(relative)}${diagrams ? ` (${diagrams} diagram${diagrams > 1 ? 's' : ''})` : ''}`;
  console.log(`${name.padEnd(34)} ${`${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`.padStart(8)}  ${fmt(host)}  ${fmt(parse).padStart(12)}  ${fmt(render).padStart(14)}  ${`${(parse / host).toFixed(0)}x less`.padStart(14)}  ${`${(render / parse).toFixed(1)}x`.padStart(16)}`);
}
console.log('\nhost update: what the extension host does per edit (getText + postMessage serialization); the');
console.log('rendering (renderMarkdown, then Mermaid for changed diagrams only) runs in the webview.');
