/**
 * Benchmark: what one edit costs the preview, on two real RFCs — RFC 3668 (async closures, with a
 * Mermaid diagram) and RFC 3935 (Project Goals 2026, 172 KB, the largest of the fixtures).
 *
 * - extension host: what the preview does per edit — `document.getText()` (VS Code joins the
 *   document's lines into one string), the edit since the text sent before (`textSplice`) and
 *   `webview.postMessage()` (VS Code serializes the message as JSON); emulated here with the same
 *   operations on the same text, next to sending the whole text as the preview did before;
 * - webview: the incremental renderer (`IncrementalRenderer`: only the blocks an edit touched are
 *   parsed and rendered) for one word typed into a paragraph near the end of the document, next to a
 *   full renderMarkdown() (unified, GFM, sanitize, anchors) and a bare remark parse of the same text,
 *   measured in the same run. Mermaid's drawing comes on top, only for diagrams that changed.
 *
 * Prints milliseconds (best of several runs) and ratios. Timing is reported, never asserted.
 * Usage: npm run bench   (or node out/bench/preview.js after npm run build)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { IncrementalRenderer } from '../src/core/incrementalRender';
import { renderMarkdown } from '../src/core/render';
import { textSplice } from '../src/core/textSplice';
import { REPO, best, faster } from './support';

const documents = [
  'test/fixtures/workspace/rust-rfcs/text/3668-async-closures.md',
  'test/fixtures/workspace/rust-rfcs/text/3935-Project-Goals-2026.md',
];

const remark = unified().use(remarkParse);
const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1).padStart(8)} ms`;

/** The text with `word` typed into the last paragraph that starts after 90% of it (before its last character). */
function typedNearEnd(text: string, word: string): string {
  let at = text.indexOf('\n\n', Math.floor(text.length * 0.9));
  while (at >= 0 && !/^[A-Za-z]/.test(text.slice(at + 2, at + 3))) at = text.indexOf('\n\n', at + 2);
  const end = at < 0 ? text.length : text.indexOf('\n', at + 2);
  const place = (end < 0 ? text.length : end) - 1;
  return text.slice(0, place) + word + text.slice(place);
}

console.log('preview: the cost of one edit (host best of 20; incremental best of 20; renderMarkdown and remark best of 5)\n');
for (const relative of documents) {
  const text = fs.readFileSync(path.join(REPO, relative), 'utf8');
  // The document as the editor holds it: lines. getText() joins them; postMessage serializes the message.
  const lines = text.split(/\r?\n/);
  const uri = `file://${path.join(REPO, relative)}`;
  let version = 1;
  const whole = best(20, () => {
    const current = lines.join('\n');
    JSON.stringify({ type: 'update', uri, version: ++version, text: current });
  });
  // One word typed per run, into the document as the editor holds it; the text sent before kept.
  let sent = text;
  let word = 0;
  let bytes = 0;
  const host = best(20, () => {
    const current = typedNearEnd(text, ` w${++word}`).split(/\r?\n/).join('\n');
    const message = JSON.stringify({ type: 'edit', uri, version: ++version, base: version - 1, ...textSplice(sent, current) });
    bytes = message.length;
    sent = current;
  });
  const parse = best(5, () => { remark.parse(text); });
  const render = best(5, () => { renderMarkdown(text); });
  // One keystroke after another: each run types one more letter into the same paragraph.
  const renderer = new IncrementalRenderer();
  renderer.render(text);
  let typed = '';
  let blocks = 0;
  let full = false;
  const incremental = best(20, () => {
    typed += 'x';
    const r = renderer.render(typedNearEnd(text, ` ${typed}`));
    blocks = r.rendered;
    full ||= r.full;
  });
  const total = renderer.render(typedNearEnd(text, ` ${typed}`)).blocks.length;
  const diagrams = renderMarkdown(text).diagrams.length;
  const name = `${path.basename(relative)}${diagrams ? ` (${diagrams} diagram${diagrams > 1 ? 's' : ''})` : ''}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`;
  console.log(name);
  console.log(`  host update (getText + the edit + postMessage) ${fmt(host).trimStart()}   ${faster(host, parse)} than a remark parse; a message of ${bytes} bytes`);
  console.log(`  the whole text sent instead (before)  ${fmt(whole)}   a message of ${(text.length / 1024).toFixed(0)} KB`);
  console.log(`  remark parse (baseline)               ${fmt(parse)}`);
  console.log(`  renderMarkdown, full (baseline)       ${fmt(render)}   ${(render / parse).toFixed(1)}× the remark parse`);
  console.log(`  incremental update, one edit near the end ${fmt(incremental).trimStart()}   ${faster(incremental, render)} than renderMarkdown, ${faster(incremental, parse)} than a remark parse; ${blocks} of ${total} blocks rendered${full ? ' (some runs in full)' : ''}`);
}
console.log('\nhost update: what the extension host does per edit (getText, the edit as one replacement, postMessage\'s');
console.log('serialization); the message crosses the workbench to the webview, which applies it to the text it holds;');
console.log('the rendering (the incremental renderer, then Mermaid for changed diagrams only) runs there.');
