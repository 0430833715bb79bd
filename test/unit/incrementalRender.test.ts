/**
 * The preview's incremental renderer: after any sequence of edits, the blocks it returns make exactly
 * the HTML of a full `renderMarkdown` of the same text (a property test on corpus records, RFCs and
 * the hostile corpus, with edits that open and close fences, add headings that repeat others, add and
 * remove reference definitions, footnotes, raw HTML and front matter); an edit inside one paragraph
 * renders one block; and the stamping of lines and diagram numbers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { IncrementalRenderer, blocksHtml, followHtml, stampBlock } from '../../src/core/incrementalRender';
import { renderMarkdown } from '../../src/core/render';
import { hostileDocument } from '../support/hostileCorpus';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const read = (relative: string) => fs.readFileSync(path.join(FIXTURES, relative), 'utf8');

/** Corpus documents of every family, small enough for many full renders. */
/** Part of the largest RFC: a stretch of its goals, and the end of its reference definitions. */
function rfcExcerpt(): string {
  const text = read('workspace/rust-rfcs/text/3935-Project-Goals-2026.md');
  const at = text.indexOf('\n## ', Math.floor(text.length * 0.6));
  return `${text.slice(at + 1, at + 7000)}\n\n${text.slice(-3000)}`;
}

const CORPUS: readonly (readonly [string, string])[] = [
  ['adr-tools 0005', read('workspace/adr-tools/doc/adr/0005-help-comments.md')],
  ['MADR with front matter', read('workspace/madr/docs/decisions/0000-use-markdown-architectural-decision-records.md')],
  ['log4brains', read('workspace/log4brains/docs/adr/20201103-use-lunr-for-search.md')],
  ['Rust RFC 3531', read('workspace/rust-rfcs/text/3531-macro-fragment-policy.md')],
  ['Rust RFC 0001 (cut)', read('workspace/rust-rfcs/text/0001-private-fields.md').slice(0, 6000)],
  ['RFC 3935: goals, tables and reference definitions', rfcExcerpt()],
  ['hostile corpus', hostileDocument('https://canary.invalid')],
  ['constructed', [
    '# Title', '', 'A [link][ref] and [x] and <b>bold</b> text.', '', '## Summary', '', '- one', '- two', '', '  indented', '',
    '```mermaid', 'flowchart LR', '  A --> B', '```', '', '<details>', '', 'hidden *text*', '', '</details>', '',
    '## Summary', '', '> quote', '', '    code', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', '[ref]: https://example.com "T"', '',
    '1. first', '', '2. second', '', '## Summary', '', 'end',
  ].join('\n')],
];

/** What an edit inserts: Markdown that changes how the text around it parses. */
const PIECES = [
  '\n', '\n\n', '```\n', '```mermaid\nflowchart LR\n  A --> B\n```\n', '~~~', '# ', '## Summary\n', '## Motivation\n\n', 'Summary',
  '[x]: https://example.com/x\n', '\n[ref]: /other\n', '[x]', '[ref]', '[^1]', '\n[^1]: a note\n', '- ', '1. ', '> ', '    ', '  ',
  '<details>\n', '</details>\n', '<div>', '</div>', '<!--', '-->', '---\n', '| a | b |\n| - | - |\n', 'word ', '*', '_', '`',
  '![remote](https://example.com/x.png)', '<b>', '</b>', '\r\n', 'ü', '[', ']', '\t',
];

interface Edit { readonly at: number; readonly remove: number; readonly insert: string }

const edit = fc.record({
  at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map(n => n / 1e6),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 80 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map(p => p.join(''))),
});

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('IncrementalRenderer', function () {
  this.timeout(300_000);

  it('renders each corpus document as renderMarkdown does, in blocks', () => {
    for (const [name, text] of CORPUS) {
      const r = new IncrementalRenderer().render(text);
      assert.equal(blocksHtml(r.blocks), renderMarkdown(text).html, name);
    }
  });

  it('after random edits, renders exactly what a full render does (HTML and diagrams)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: CORPUS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (doc, edits) => {
      let text = CORPUS[doc][1];
      const renderer = new IncrementalRenderer();
      renderer.render(text);
      for (const e of edits) {
        text = apply(text, e);
        const r = renderer.render(text);
        const full = renderMarkdown(text);
        assert.equal(blocksHtml(r.blocks), full.html);
        assert.deepEqual(r.blocks.flatMap(b => b.diagrams.map(d => ({ ...d, line: d.line + b.line, endLine: d.endLine + b.line }))), full.diagrams);
      }
    }), { numRuns: 150, seed: 14 });
  });

  it('renders only the block of a paragraph edited in a long RFC, and reuses the others', () => {
    const text = read('workspace/rust-rfcs/text/3935-Project-Goals-2026.md');
    const renderer = new IncrementalRenderer();
    const first = renderer.render(text);
    assert.ok(first.full && first.blocks.length > 100, `${first.blocks.length} blocks`);
    const at = text.indexOf('Some architectures cannot support guaranteed tail calls');
    assert.ok(at > 0);
    const edited = `${text.slice(0, at)}Typed. ${text.slice(at)}`;
    const second = renderer.render(edited);
    assert.equal(second.full, false);
    assert.equal(second.rendered, 1);
    const before = new Set(first.blocks.map(b => b.id));
    assert.equal(second.blocks.filter(b => !before.has(b.id)).length, 1);
    assert.equal(blocksHtml(second.blocks), renderMarkdown(edited).html);
    // The same text again renders nothing.
    assert.equal(renderer.render(edited).rendered, 0);
  });

  it('numbers repeated headings across blocks: a heading added above renumbers the ones after it', () => {
    const text = '# A\n\n## Goals\n\ntext\n\n## Goals\n\nmore\n';
    const renderer = new IncrementalRenderer();
    renderer.render(text);
    const edited = text.replace('text', '## Goals\n\ntext');
    const r = renderer.render(edited);
    assert.equal(r.full, false);
    assert.match(blocksHtml(r.blocks), /id="user-content-goals-2"/);
    assert.equal(blocksHtml(r.blocks), renderMarkdown(edited).html);
  });

  it('renders in full when an edit changes a reference definition, and as one block with footnotes', () => {
    const text = 'See [x].\n\nMore.\n\n[x]: https://a.example\n';
    const renderer = new IncrementalRenderer();
    renderer.render(text);
    const changed = renderer.render(text.replace('a.example', 'b.example'));
    assert.equal(changed.full, true);
    assert.match(blocksHtml(changed.blocks), /href="https:\/\/b\.example"/);
    const footnotes = renderer.render('A claim.[^1]\n\nMore.\n\n[^1]: The source.\n');
    assert.equal(footnotes.blocks.length, 1);
  });
});

describe('stampBlock', () => {
  it('moves data-line and data-diagram attributes, never text that looks like them', () => {
    const html = '<p data-line="0">data-line="3" a "q"</p>\n<div class="sf-mermaid" data-diagram="0" data-line="2"><pre title="a > b data-line=&#x22;1&#x22;">x</pre></div>';
    assert.equal(stampBlock(html, 10, 2), '<p data-line="10">data-line="3" a "q"</p>\n<div class="sf-mermaid" data-diagram="2" data-line="12"><pre title="a > b data-line=&#x22;1&#x22;">x</pre></div>');
    assert.equal(stampBlock(html, 0, 0), html);
  });
});

describe('followHtml', () => {
  const open = (html: string) => { const stack: string[] = []; followHtml(html, stack); return stack; };
  it('keeps the elements raw HTML leaves open, erring on the side of open', () => {
    assert.deepEqual(open('<details><summary>x</summary>'), ['details']);
    assert.deepEqual(open('<br><img src="a>b"><div title=\'>\'></div>'), []);
    assert.deepEqual(open('<span></div>'), ['span']);
    assert.deepEqual(open('<b><i></b></i>'), ['b']);
    assert.deepEqual(open('<!-- <div> --><p>'), ['p']);
  });
});
