/**
 * The preview's renderer in plain Node: GitHub-flavoured Markdown as GitHub renders it (tables, task
 * lists, strikethrough, autolinks, footnotes, heading anchors with GitHub's slugs), the front matter as
 * a header and never as YAML, Mermaid placeholders with their lines, `data-line` for scroll sync,
 * remote images as placeholders, and the hostile corpus sanitized away.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { REMOTE_IMAGE_CLASS, renderMarkdown } from '../../src/core/render';
import { hostileDocument, hostilePayloads } from '../support/hostileCorpus';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const html = (markdown: string) => renderMarkdown(markdown).html;

type Element = DefaultTreeAdapterMap['element'];

/** Every element of an HTML fragment, parsed as a browser parses `innerHTML` (parse5 is the HTML standard's parser). */
function elements(fragment: string): Element[] {
  const out: Element[] = [];
  const walk = (node: { childNodes?: unknown[]; content?: { childNodes: unknown[] } }) => {
    for (const child of [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])] as Element[]) {
      if ('tagName' in child) out.push(child);
      walk(child);
    }
  };
  walk(parseFragment(fragment));
  return out;
}

describe('renderMarkdown', () => {
  describe('GitHub-flavoured Markdown', () => {
    it('renders a table with its alignment', () => {
      const out = html('| a | b |\n| :-- | --: |\n| 1 | 2 |\n');
      assert.match(out, /<table[^>]*>/);
      assert.match(out, /<th align="left">a<\/th>/);
      assert.match(out, /<td align="right">2<\/td>/);
    });

    it('renders task lists with disabled checkboxes, checked as written', () => {
      const out = html('- [x] done\n- [ ] to do\n');
      assert.match(out, /<ul class="contains-task-list"/);
      assert.match(out, /<input type="checkbox" checked disabled>/);
      assert.match(out, /<input type="checkbox" disabled>/);
    });

    it('renders strikethrough and autolinks', () => {
      const out = html('~~gone~~ see www.example.com and https://example.org/x.\n');
      assert.match(out, /<del>gone<\/del>/);
      assert.match(out, /<a href="http:\/\/www\.example\.com">www\.example\.com<\/a>/);
      assert.match(out, /<a href="https:\/\/example\.org\/x">https:\/\/example\.org\/x<\/a>\./);
    });

    it('renders footnotes with GitHub\'s user-content- ids, prefixed once', () => {
      const out = html('A claim.[^1]\n\n[^1]: The source.\n');
      // The link keeps the author's fragment (the webview maps `#fn-1` to `user-content-fn-1`, as github.com's script does).
      assert.match(out, /<a href="#fn-1" id="user-content-fnref-1"/);
      assert.match(out, /<li id="user-content-fn-1"/);
      assert.doesNotMatch(out, /user-content-user-content-/);
    });

    it('gives headings GitHub\'s slugs as user-content- ids, with an anchor link, duplicates numbered', () => {
      const out = html('# Decision Outcome\n\n## Pros & Cons (v2)\n\n## Pros & Cons (v2)\n\n### `code` and *emphasis*\n');
      assert.match(out, /<h1 id="user-content-decision-outcome"[^>]*><a class="anchor" href="#decision-outcome" aria-hidden="true" tabindex="-1"><\/a>Decision Outcome<\/h1>/);
      assert.match(out, /<h2 id="user-content-pros--cons-v2"/);
      assert.match(out, /<h2 id="user-content-pros--cons-v2-1"/);
      assert.match(out, /<h3 id="user-content-code-and-emphasis"/);
    });

    it('overrides an id the author wrote on a heading, as GitHub does', () => {
      assert.match(html('<h2 id="mine">Title</h2>\n'), /<h2 id="user-content-title"/);
    });
  });

  describe('front matter', () => {
    const madr = '---\nstatus: accepted\ndate: 2024-05-01\ndecision-makers: [Ana, Bo]\nconsulted: Cy\n---\n\n# Use Postgres\n';

    it('is a header with a status badge, the date and the people, never raw YAML', () => {
      const out = html(madr);
      assert.match(out, /^<header class="sf-front-matter" data-line="0">/);
      assert.match(out, /<span class="sf-badge sf-status-accepted" title="Status: accepted">Accepted<\/span>/);
      assert.match(out, /<dt>Date<\/dt><dd>2024-05-01<\/dd>/);
      assert.match(out, /<dt>Decision makers<\/dt><dd>Ana, Bo<\/dd>/);
      assert.match(out, /<dt>Consulted<\/dt><dd>Cy<\/dd>/);
      assert.doesNotMatch(out, /status:|decision-makers:/);
    });

    it('reads the status badge with the record\'s vocabulary: a configured status has its label and class', () => {
      const onHold = '---\nstatus: on hold\n---\n\n# Pause\n';
      const configured = renderMarkdown(onHold, { statuses: ['proposed', 'accepted', 'on hold'] }).html;
      assert.match(configured, /<span class="sf-badge sf-status-on-hold sf-status-custom" title="Status: on hold">On hold<\/span>/);
      assert.match(html(onHold), /<span class="sf-badge sf-status-unknown" title="Status: on hold">on hold<\/span>/, 'outside the default vocabulary');
    });

    it('says the front matter is invalid instead of showing it', () => {
      const out = html('---\nstatus: [unclosed\n---\n\n# T\n');
      assert.match(out, /sf-status-invalid/);
      assert.doesNotMatch(out, /unclosed/);
    });

    it('escapes what the front matter holds', () => {
      const out = html('---\nstatus: accepted\ndate: "<img src=x onerror=alert(1)>"\n---\n');
      assert.match(out, /<dd>&#x3C;img src=x onerror=alert\(1\)></);
      assert.doesNotMatch(out, /<img/);
    });
  });

  describe('Mermaid blocks', () => {
    it('become placeholders with their source, opening and closing fence lines', () => {
      const text = '# T\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\ntext\n\n~~~mermaid\nsequenceDiagram\n  A->>B: <hi>\n~~~\n\n```mermaid-example\npie\n```\n';
      const r = renderMarkdown(text);
      assert.deepEqual(r.diagrams, [
        { source: 'flowchart LR\n  A --> B', line: 2, endLine: 5 },
        { source: 'sequenceDiagram\n  A->>B: <hi>', line: 9, endLine: 12 },
      ]);
      assert.match(r.html, /<div class="sf-mermaid" data-diagram="0" data-line="2"><pre class="sf-mermaid-source">flowchart LR\n {2}A --> B<\/pre><\/div>/);
      assert.match(r.html, /A->>B: &#x3C;hi><\/pre>/);
      // GitHub draws only ```mermaid: other info strings stay code.
      assert.match(r.html, /<code class="language-mermaid-example">pie\n<\/code>/);
    });

    it('an unclosed fence ends at the document\'s last line', () => {
      const r = renderMarkdown('text\n\n```mermaid\nflowchart LR\n  A --> B\n');
      assert.deepEqual(r.diagrams, [{ source: 'flowchart LR\n  A --> B', line: 2, endLine: 5 }]);
    });
  });

  describe('scroll sync', () => {
    it('puts the 0-based source line on top-level blocks and list items, whatever the line ends', () => {
      const out = html('\uFEFF# Title\r\n\r\nPara\r\n\r\n- one\r\n- two\r\n');
      assert.match(out, /<h1 id="user-content-title" data-line="0">/);
      assert.match(out, /<p data-line="2">Para<\/p>/);
      assert.match(out, /<li data-line="4">one<\/li>/);
      assert.match(out, /<li data-line="5">two<\/li>/);
    });

    it('an author cannot forge data-line or other data attributes', () => {
      const out = html('<p data-line="999" data-x="1">p</p>\n');
      assert.match(out, /<p data-line="0">p<\/p>/);
    });
  });

  describe('images', () => {
    it('keeps relative images, for the page\'s base to resolve', () => {
      assert.match(html('![diagram](images/arch.png)\n'), /<img src="images\/arch\.png" alt="diagram">/);
    });

    for (const src of ['https://tracker.example/p.gif', 'http://127.0.0.1:9/p.gif', '//cdn.example/p.gif']) {
      it(`replaces the remote image ${src} by a placeholder showing its URL`, () => {
        const out = html(`![pixel](${src})\n\n<img src="${src}">\n`);
        assert.doesNotMatch(out, /<img/);
        assert.equal(out.split(`class="${REMOTE_IMAGE_CLASS}"`).length - 1, 2);
        assert.ok(out.includes(`pixel: ${src}</span>`), out);
      });
    }

    it('drops a <source> with a remote srcset and keeps a relative fallback', () => {
      const out = html('<picture><source srcset="https://x.example/a.png"><img src="local.png"></picture>\n');
      assert.doesNotMatch(out, /<source/);
      assert.match(out, /<img src="local\.png">/);
    });
  });

  describe('the hostile corpus', () => {
    const canary = 'http://127.0.0.1:9';
    const out = html(hostileDocument(canary));

    const parsed = elements(out);

    it('keeps no script, frame, style, form, base, meta, link, object, embed, SVG, MathML or media element', () => {
      const forbidden = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'style', 'form', 'base', 'meta', 'link', 'svg', 'math', 'video', 'audio', 'noscript', 'template', 'button', 'select', 'textarea']);
      assert.deepEqual(parsed.filter(e => forbidden.has(e.tagName)).map(e => e.tagName), []);
      assert.ok(parsed.length > 50, 'the document is rendered');
    });

    it('keeps no on* handler, style, srcdoc, srcset, formaction or poster attribute', () => {
      const bad = parsed.flatMap(e => e.attrs.filter(a => /^on|^(style|srcdoc|srcset|formaction|poster|autofocus)$/i.test(a.name)).map(a => `${e.tagName}[${a.name}]`));
      assert.deepEqual(bad, []);
    });

    it('keeps no javascript:, vbscript: or data: URL in any attribute', () => {
      const bad = parsed.flatMap(e => e.attrs.filter(a => /^(javascript|vbscript|data):/i.test(Array.from(a.value).filter(c => c.charCodeAt(0) > 0x20).join(''))).map(a => `${e.tagName}[${a.name}=${a.value.slice(0, 40)}]`));
      assert.deepEqual(bad, []);
    });

    it('never loads the canary: only links (opened outside, on a click) may name it', () => {
      const loads = parsed.flatMap(e => e.attrs.filter(a => a.value.includes('127.0.0.1:9') && !(e.tagName === 'a' && a.name === 'href')).map(a => `${e.tagName}[${a.name}]`))
        .filter(x => !/^(p|span)\[title\]$/.test(x)); // text in a tooltip loads nothing
      assert.deepEqual(loads, []);
    });

    it('still renders the document: every heading, and the Mermaid blocks as placeholders', () => {
      const r = renderMarkdown(hostileDocument(canary));
      for (const p of hostilePayloads(canary)) assert.ok(r.html.includes(`id="user-content-${p.id}"`), `heading ${p.id}`);
      assert.match(r.html, /id="user-content-end"/);
      assert.equal(r.diagrams.length, hostilePayloads(canary).filter(p => p.diagram).length);
    });
  });

  it('renders every fixture record without throwing, with a data-line on each top-level block', function () {
    this.timeout(120_000); // every fixture, the 168 KB RFC among them: seconds on a busy machine
    const dir = path.join(FIXTURES, 'workspace/rust-rfcs/text');
    const files = fs.readdirSync(dir).filter(f => f.endsWith('.md'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const r = renderMarkdown(fs.readFileSync(path.join(dir, f), 'utf8'));
      assert.ok(r.html.length > 1000, f);
    }
    assert.equal(renderMarkdown(fs.readFileSync(path.join(dir, '3691-trusted-publishing-cratesio.md'), 'utf8')).diagrams.length, 2);
  });
});

describe('renderMarkdown: images a browser reads as remote', () => {
  for (const src of ['/\\host/x.png', '\\\\host/x.png', '\\/host/x.png', '/\t/host/x.png', ' //host/x.png']) {
    it(`${JSON.stringify(src)} becomes a placeholder, never an <img>`, () => {
      const { html } = renderMarkdown(`<img src="${src}">\n`);
      assert.ok(html.includes(REMOTE_IMAGE_CLASS), html);
      assert.ok(!/<img\b/.test(html), html);
    });
  }
});
