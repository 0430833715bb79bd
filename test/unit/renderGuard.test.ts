/**
 * The preview's caps before unified: a block nesting deeper than 64 levels of block quotes and lists
 * (or 500 HTML elements, counting those the blocks before left open), or holding a paragraph with more than 1 000 inline markers, is shown as plain text under
 * a note, never parsed — so that no document overflows the renderer's stack (a 2 KB line of `>` and a
 * 3 KB line of `1. ` did) or takes it quadratic time (40 000 `]` took 9 s; the repetition hunt measures
 * that). Real documents are untouched: big link lists, big tables, the fixture corpus.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { UNPARSED_CLASS, renderMarkdown } from '../../src/core/render';
import { MAX_HTML_NESTING, MAX_INLINE_MARKERS, MAX_LIST_OPENINGS, MAX_NESTING, containerDepth, listMarkers, guardMarkdown, htmlNesting, mostInlineMarkers } from '../../src/core/renderGuard';
import { FIXTURES } from '../support/fixtures';

const unparsed = (html: string) => html.split(`class="${UNPARSED_CLASS}"`).length - 1;

describe('render guard', () => {
  describe('the inputs that overflowed the stack or took seconds', () => {
    const cases: [string, string][] = [
      ['a 2 KB line of >', '>'.repeat(2048)],
      ['a 3 KB line of 1.', '1. '.repeat(1024)],
      ['40 000 ]', ']'.repeat(40_000)],
      ['40 000 ] on lines of 80', `${']'.repeat(80)}\n`.repeat(500)],
      ['10 000 nested <div>', '<div>'.repeat(10_000)],
      ['nested emphasis', `${'*_'.repeat(5_000)}x${'_*'.repeat(5_000)}`],
    ];
    for (const [name, text] of cases) {
      it(`${name}: shown as plain text under a note, the rest rendered`, () => {
        const doc = `# Title\n\nBefore.\n\n${text}\n\nAfter.\n`;
        const { html } = renderMarkdown(doc);
        assert.equal(unparsed(html), 1, html.slice(0, 300));
        assert.match(html, /<p class="sf-unparsed-note">Shown as plain text, not rendered: /);
        assert.match(html, /<h1 id="user-content-title"/);
        assert.match(html, /<p data-line="2">Before\.<\/p>/);
        assert.match(html, /<p data-line="\d+">After\.<\/p>/);
        // In document order: the note sits between the paragraphs around the block.
        assert.ok(html.indexOf('Before.') < html.indexOf(UNPARSED_CLASS) && html.indexOf(UNPARSED_CLASS) < html.indexOf('After.'));
        assert.match(html, new RegExp(`class="${UNPARSED_CLASS}" data-line="4"`));
      });
    }
  });

  it('<div> blocks left open, one per paragraph: past the cap, one block of plain text under one note', () => {
    const { html } = renderMarkdown(`Before.\n\n${'<div>\n\n'.repeat(5_000)}After.\n`);
    assert.equal(unparsed(html), 1);
    const divs = html.split('<div>').length - 1;
    assert.ok(divs <= MAX_HTML_NESTING && divs > MAX_HTML_NESTING - 5, `${divs} <div>`);
    assert.match(html, /<p>After\.<\/p>/);
  });

  it('deep nesting of any shape never throws (quotes, bullets, ordered items, by markers and by indentation, mixed)', () => {
    const marker = fc.constantFrom('>', '> ', '- ', '* ', '1. ', '2) ', '+ ', '  ', '\t', '   ');
    const shape = fc.record({
      unit: fc.array(marker, { minLength: 1, maxLength: 4 }).map(parts => parts.join('')),
      depth: fc.integer({ min: 1, max: 3_000 }),
      perLine: fc.boolean(),
    });
    fc.assert(fc.property(shape, ({ unit, depth, perLine }) => {
      const text = perLine
        ? Array.from({ length: Math.min(depth, 400) }, (_, i) => `${unit.repeat(i)}x`).join('\n') // each line one level deeper
        : `${unit.repeat(depth)}x`;
      renderMarkdown(text);
    }), { numRuns: 60, seed: 7 });
  });

  it('nesting up to the cap is rendered as Markdown', () => {
    const quotes = renderMarkdown(`${'> '.repeat(MAX_NESTING)}deep`).html;
    assert.equal(unparsed(quotes), 0);
    assert.equal(quotes.split(/<blockquote[ >]/).length - 1, MAX_NESTING);
    const list = Array.from({ length: 30 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    assert.equal(unparsed(renderMarkdown(list).html), 0);
  });

  it('real documents are untouched: a 2 000-item link list, a 1 000-row table, long prose, every fixture document', () => {
    const links = Array.from({ length: 2_000 }, (_, i) => `- [ADR-${i}: *Use* \`x_${i}\`](docs/adr/${i}-x.md)`).join('\n');
    const ordered = Array.from({ length: 2_000 }, (_, i) => `${i + 1}. [Record ${i}](${i}.md) **accepted**`).join('\n');
    const table = `| Record | Status |\n| --- | :-: |\n${Array.from({ length: 1_000 }, (_, i) => `| [ADR-${i}](${i}.md) | **accepted** _now_ |`).join('\n')}`;
    const prose = 'We use [Kafka](https://kafka.apache.org) for *events* and `snake_case` names; see [^1]. '.repeat(60);
    for (const text of [links, ordered, table, prose]) assert.equal(guardMarkdown(text).blocks.length, 0, text.slice(0, 60));
    const fixtures = fs.readdirSync(FIXTURES, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name.endsWith('.md'));
    assert.ok(fixtures.length > 100);
    for (const e of fixtures) {
      const file = path.join(e.parentPath, e.name);
      assert.deepEqual(guardMarkdown(fs.readFileSync(file, 'utf8')).blocks.map(b => b.reason), [], file);
    }
  });

  it('a paragraph that only looks like a list or a table is counted as one', () => {
    // `2.` cannot interrupt a paragraph, and a delimiter row with fewer cells than the header makes no table.
    const items = Array.from({ length: 200 }, (_, i) => `${i + 2}. ${'[x]'.repeat(4)}`);
    assert.ok(mostInlineMarkers(['Text', ...items], 0, items.length) > MAX_INLINE_MARKERS);
    const rows = ['a | b', '| - |', ...Array.from({ length: 200 }, () => '[x]'.repeat(4))];
    assert.ok(mostInlineMarkers(rows, 0, rows.length - 1) > MAX_INLINE_MARKERS);
    // Items of one list, and rows of a real table, are counted one by one.
    const list = ['1. x', ...items];
    assert.ok(mostInlineMarkers(list, 0, list.length - 1) < 20);
  });

  it('container depth: markers and half the indentation', () => {
    assert.equal(containerDepth('> > - 1. x'), 4);
    assert.equal(containerDepth('>>>>'), 4);
    assert.equal(containerDepth('      - x'), 4);
    assert.equal(containerDepth('\t\t- x'), 5);
    assert.equal(containerDepth('>     - x'), 4); // one space is the quote's, four are indentation (two levels at most)
    assert.equal(containerDepth('-x'), 0);
    assert.equal(containerDepth('1234567890. x'), 0);
  });

  it('list markers: the list items a line opens, block quotes and indentation skipped', () => {
    assert.equal(listMarkers('> > - 1. x'), 2);
    assert.equal(listMarkers('  + + + x'), 3);
    assert.equal(listMarkers('1) 2) x'), 2);
    assert.equal(listMarkers('-x'), 0);
    assert.equal(listMarkers('text - x'), 0);
  });

  it('a block whose lines open many lists at once is not parsed; nested lists one level per line are', () => {
    // 40 list items opened on each of 100 lines: micromark's time grows as the square of the lines.
    const stacked = Array.from({ length: 100 }, () => `${'+ '.repeat(40)}x`).join('\n');
    const guarded = guardMarkdown(`# T\n\n${stacked}\n\nAfter.\n`);
    assert.equal(guarded.blocks.length, 1);
    assert.match(guarded.blocks[0].reason, new RegExp(`more than ${MAX_LIST_OPENINGS} nested lists`));
    assert.match(renderMarkdown(`# T\n\n${stacked}\n\nAfter.\n`).html, /<p[^>]*>After\.<\/p>/);
    // Two markers on a line (prose's most) cost nothing, however long the list.
    const prose = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i % 6)}1. - item ${i}`).join('\n');
    assert.equal(guardMarkdown(`# T\n\n${prose}\n`).blocks.length, 0);
    // Fenced code is not parsed for lists.
    assert.equal(guardMarkdown(`# T\n\n\`\`\`\n${stacked}\n\`\`\`\n`).blocks.length, 0);
  });

  it('HTML nesting: start tags open, end tags close; void, flat, self-closing elements, autolinks and comments do not', () => {
    assert.deepEqual(htmlNesting('<div><span>a</span><br><img src=x/><li><li><p></div>', 0), { open: 0, deepest: 2 });
    assert.deepEqual(htmlNesting('<https://example.com> <a@b.c> <!-- x --> <x-y/>', 3), { open: 3, deepest: 3 });
  });
});

describe('guardMarkdown and fenced code', () => {
  it('a large diagram (thousands of brackets in a fence) is kept for Mermaid; the same text as a paragraph is not', () => {
    const nodes = Array.from({ length: 1200 }, (_, i) => `  n${i}["label ${i}"]`).join('\n');
    assert.equal(guardMarkdown(`# Big\n\n\`\`\`mermaid\nflowchart TB\n${nodes}\n\`\`\`\n`).blocks.length, 0);
    assert.equal(guardMarkdown(`# Big\n\n${nodes}\n`).blocks.length, 1);
  });
});
