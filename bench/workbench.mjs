/* global document, window, MutationObserver, setTimeout */
// `npm run bench:workbench`: the preview as a person sees it, in the real workbench (the provisioned VS
// Code Server's web workbench in headless Chromium, test/host), next to VS Code's own Markdown preview
// measured in the same window:
//   - first open: from the command ("Spec-First: Open Decision Preview to the Side", "Markdown: Open
//     Preview to the Side") to the preview's DOM showing the document's last heading;
//   - an edit: a word typed into a paragraph near the end of the 168 KB Rust RFC 3935, from the
//     keystroke to the preview's DOM showing the word (a MutationObserver in the preview's frame);
// then Spec-First's activation in a 3,000-file documentation workspace next to Markdown Language
// Features' (bench/activation.mjs). Prints, never asserts; takes a few minutes.
// Usage: node bench/workbench.mjs [--edits N] [--activation-runs N]
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { ROOT } from '../test/host/provision.mjs';
import { openWorkbench, runFromPalette } from '../test/e2e/workbench.mjs';

const { values: options } = parseArgs({ options: { edits: { type: 'string', default: '7' }, 'activation-runs': { type: 'string', default: '2' } } });
const EDITS = Number(options.edits);
const DOCUMENT = 'rust-rfcs/text/3935-Project-Goals-2026.md';
const TEXT = readFileSync(join(ROOT, 'test/fixtures/workspace', DOCUMENT), 'utf8');
const POLL_MS = 20;
const WAIT_MS = 60_000;

/** The 1-based line of the last prose paragraph line (outside fences, not a heading, list, table or quote), and the last heading's text. */
function landmarks(text) {
  const lines = text.split('\n');
  let fence = false;
  let paragraph = 0;
  let heading = '';
  for (const [i, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    else if (!fence && /^#{1,6}\s/.test(line)) heading = line.replace(/^#+\s*/, '').replace(/[`*_]/g, '').trim();
    else if (!fence && /^[A-Za-z][^|]*[a-z.]$/.test(line) && line.length > 40) paragraph = i + 1;
  }
  return { paragraph, heading };
}

/** The median of `values`. */
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];


/** Polls every frame of the page until the preview of `kind` (`ours`, `vscode`) shows `text`; returns it and when (Date.now()) it was seen. */
async function frameShowing(page, kind, text) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      // Which frame is which preview: Spec-First's has `#content`, VS Code's its `#vscode-markdown-preview-data` element.
      const seen = await frame.evaluate(([which, wanted]) => {
        const vscodes = document.getElementById('vscode-markdown-preview-data') !== null;
        const is = which === 'vscode' ? vscodes : !vscodes && document.getElementById('content') !== null;
        return is && document.body.textContent.includes(wanted);
      }, [kind, text]).catch(() => false);
      if (seen) return { frame, at: Date.now() };
    }
    await page.waitForTimeout(POLL_MS);
  }
  throw new Error(`no preview frame showed "${text}" within ${WAIT_MS / 1000} s`);
}

/** Arms a MutationObserver in `frame` that resolves `window.__benchSeen` with Date.now() when `word` is added to the DOM. */
async function armObserver(frame, word) {
  await frame.evaluate(wanted => {
    window.__benchSeen = new Promise(resolve => {
      const observer = new MutationObserver(records => {
        for (const r of records) {
          const nodes = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
          if (nodes.some(n => n.textContent?.includes(wanted))) {
            observer.disconnect();
            resolve(Date.now());
            return;
          }
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, word);
}

/** Types `count` words into the paragraph at `line` of the active editor, one at a time; the keystroke-to-DOM time of each in `frame`, in ms. */
async function editTimes(page, frame, line, count, tag) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const word = `zq${tag}${i}x`;
    await page.keyboard.press('Control+G');
    await page.keyboard.insertText(String(line));
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.waitForTimeout(700); // the preview follows the cursor (scroll sync) before the word is typed
    await armObserver(frame, word);
    const typed = Date.now();
    await page.keyboard.insertText(` ${word}`);
    const seen = await frame.evaluate(ms => Promise.race([window.__benchSeen, new Promise(resolve => setTimeout(() => resolve(undefined), ms))]), WAIT_MS);
    if (seen === undefined) throw new Error(`the preview never showed ${word}`);
    times.push(seen - typed);
    await page.waitForTimeout(700); // the preview settles (diagrams, scroll sync) before the next word
  }
  return times;
}

/** Opens a preview with `command`, returns its frame and the ms from the command to its DOM showing the last heading. */
async function openPreview(page, command, kind, heading) {
  const started = Date.now();
  await runFromPalette(page, 'F1', `>${command}`);
  const { frame, at } = await frameShowing(page, kind, heading);
  return { frame, firstOpen: at - started };
}

const { paragraph, heading } = landmarks(TEXT);
console.log(`The preview in the real workbench: ${DOCUMENT} (${(TEXT.length / 1024).toFixed(0)} KB), ${EDITS} words typed into line ${paragraph}; median ms (all runs)`);
const rows = [];
for (const [name, command, kind] of [
  ['Spec-First', 'Spec-First: Open Decision Preview to the Side', 'ours'],
  ['VS Code\'s Markdown preview', 'Markdown: Open Preview to the Side', 'vscode'],
]) {
  // A window of its own for each, so that neither preview pays for the other's work.
  const { page, close } = await openWorkbench({ workspace: 'test/fixtures/workspace' });
  try {
    await runFromPalette(page, 'workbench.action.quickOpen', DOCUMENT.slice(DOCUMENT.lastIndexOf('/') + 1));
    await page.locator('.editor-group-container.active .monaco-editor').first().waitFor({ timeout: WAIT_MS });
    await page.waitForTimeout(3000); // activation, the first index scan
    const { frame, firstOpen } = await openPreview(page, command, kind, heading);
    // Focus back in the editor (the preview took it), then the edits.
    await page.keyboard.press('Control+1');
    await page.waitForTimeout(1000);
    const edits = await editTimes(page, frame, paragraph, EDITS, name === 'Spec-First' ? 's' : 'v');
    rows.push({ name, firstOpen, edits });
    console.log(`  ${name.padEnd(28)} first open ${String(firstOpen).padStart(5)} ms   an edit ${String(median(edits)).padStart(5)} ms  (${edits.join(', ')})`);
  } finally {
    await close();
  }
}
const [ours, theirs] = rows;
const ratio = (a, b) => (a <= b ? `${(b / Math.max(a, 1)).toFixed(1)}× faster` : `${(a / b).toFixed(1)}× slower`);
console.log(`  Spec-First vs VS Code's preview: first open ${ratio(ours.firstOpen, theirs.firstOpen)}, an edit ${ratio(median(ours.edits), median(theirs.edits))} (target: an edit ≤ 50 ms and 4× faster)`);

console.log('');
const activation = spawnSync(process.execPath, [join(ROOT, 'bench/activation.mjs'), '--runs', options['activation-runs']], { stdio: 'inherit' });
process.exit(activation.status ?? 0);
