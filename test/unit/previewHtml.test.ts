/**
 * The preview's HTML shell and Content-Security-Policy, in plain Node: `default-src 'none'`, scripts
 * only by this load's nonce, styles and images from the webview's own origin (images also `data:`),
 * nothing remote; the shell escapes what it is given. And the bundles: Mermaid is in the webview's,
 * not the extension host's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentSecurityPolicy, makeNonce, previewHtml } from '../../src/preview/html';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

/** The policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map(d => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('preview Content-Security-Policy', () => {
  const nonce = makeNonce();
  const csp = directives(contentSecurityPolicy(CSP_SOURCE, nonce));

  it('denies everything by default', () => {
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('form-action'), ["'none'"]);
  });

  it('runs scripts only by this load\'s nonce: no origin, no inline, no eval', () => {
    assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`]);
  });

  it('loads images only from the webview\'s own origin and data:', () => {
    assert.deepEqual(csp.get('img-src'), [CSP_SOURCE, 'data:']);
  });

  it('loads styles and fonts only from the webview\'s origin (inline styles for Mermaid\'s SVG)', () => {
    assert.deepEqual(csp.get('style-src'), [CSP_SOURCE, "'unsafe-inline'"]);
    assert.deepEqual(csp.get('font-src'), [CSP_SOURCE]);
  });

  it('allows nothing else: no connect, frame, media, object or worker sources', () => {
    assert.deepEqual([...csp.keys()].sort(), ['default-src', 'font-src', 'form-action', 'img-src', 'script-src', 'style-src']);
    for (const sources of csp.values()) assert.ok(!sources.some(s => s === '*' || /^https?:$/.test(s) || s === "'unsafe-eval'"), sources.join(' '));
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.match(n, /^[0-9a-f]{32}$/);
  });
});

describe('previewHtml', () => {
  const options = {
    cspSource: CSP_SOURCE, nonce: 'abc123', scriptUri: 'https://file.vscode-cdn.net/ext/dist/webview/preview.js',
    mermaidUri: 'https://file.vscode-cdn.net/ext/dist/webview/mermaid.js',
    styleUri: 'https://file.vscode-cdn.net/ext/media/preview.css', baseHref: 'https://file.vscode-cdn.net/ws/docs/',
    title: '0001-"quoted" <b>.md',
  };
  const page = previewHtml(options);

  it('puts the policy in a meta element before any resource', () => {
    const meta = page.indexOf('http-equiv="Content-Security-Policy"');
    assert.ok(meta > 0 && meta < page.indexOf('<link') && meta < page.indexOf('<script'));
    assert.ok(page.includes(`content="${contentSecurityPolicy(CSP_SOURCE, 'abc123').replace(/'/g, "'")}"`));
  });

  it('loads exactly one script, the extension\'s bundle, with the nonce; it names Mermaid\'s, loaded with the first diagram', () => {
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map(m => m[0]);
    assert.deepEqual(scripts, [`<script nonce="abc123" src="${options.scriptUri}" data-mermaid="${options.mermaidUri}">`]);
  });

  it('sets the base to the document\'s folder and escapes the title', () => {
    assert.ok(page.includes(`<base href="${options.baseHref}">`));
    assert.ok(page.includes('<title>0001-&quot;quoted&quot; &lt;b&gt;.md</title>'));
  });

  it('holds no document content: the body is an empty container', () => {
    assert.match(page, /<main id="content" class="markdown-body"><\/main>/);
  });
});

describe('bundles', () => {
  const root = path.resolve(__dirname, '../../..');
  const extension = path.join(root, 'dist/extension.js');
  const webview = path.join(root, 'dist/webview/preview.js');
  const mermaid = path.join(root, 'dist/webview/mermaid.js');

  it('Mermaid is in its own webview bundle, neither in the preview\'s script nor in the extension host\'s', function () {
    if (!fs.existsSync(extension) || !fs.existsSync(webview) || !fs.existsSync(mermaid)) this.skip(); // `npm run build` makes them; `npm test` always does
    const host = fs.readFileSync(extension, 'utf8');
    const browser = fs.readFileSync(webview, 'utf8');
    const diagrams = fs.readFileSync(mermaid, 'utf8');
    for (const marker of ['flowchart-v2', 'sequenceDiagram', 'dompurify']) {
      assert.ok(diagrams.includes(marker), `Mermaid's bundle carries ${marker}`);
      assert.ok(!host.includes(marker), `extension host bundle does not carry ${marker}`);
      // (The preview's script names Mermaid's `dompurifyConfig` key, which it makes secure.)
      if (marker !== 'dompurify') assert.ok(!browser.includes(marker), `the preview's script does not carry ${marker}`);
    }
    assert.ok(fs.statSync(extension).size < 1_500_000, `extension host bundle is ${fs.statSync(extension).size} bytes`);
  });
});
