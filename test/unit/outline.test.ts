/**
 * Proves that the outline scanner finds what CommonMark finds where headings matter: ATX headings
 * (closing #s, indentation, 7 #s), setext headings (multi-line, not after lists), fenced blocks (```
 * and ~~~, longer closers, unclosed), nothing inside fences or HTML comments, front matter only at the
 * top; that sections know their end, whether they hold content and their last content line; that CRLF,
 * lone CR and a BOM change nothing; and that normalizeHeading reduces heading text as section names need.
 */
import * as assert from 'node:assert/strict';
import { Heading, normalizeHeading, scanOutline } from '../../src/core/outline';
import { firstNonSpace, isWhiteSpaceCode } from '../../src/core/scan';
import { range, splitLines } from '../../src/core/text';

const doc = (...lines: string[]) => lines.join('\n');
/** Level, text and line of each heading. */
const brief = (text: string | readonly string[]) => scanOutline(text).headings.map(h => [h.level, h.text, h.line]);
const byText = (headings: readonly Heading[], text: string) => headings.find(h => h.text === text)!;

describe('outline', () => {
  describe('ATX headings', () => {
    it('finds levels, text, lines and the range of the text', () => {
      const o = scanOutline(doc('# Title', '', '## Context', '', 'text', ''));
      assert.equal(o.lineCount, 6);
      assert.deepEqual(o.headings.map(h => [h.level, h.text, h.line, h.range]), [
        [1, 'Title', 0, range(0, 2, 0, 7)],
        [2, 'Context', 2, range(2, 3, 2, 10)],
      ]);
    });

    const table: [string, [number, string] | undefined, [number, number]?][] = [
      ['## Status ##', [2, 'Status'], [3, 9]],
      ['# Title #####   ', [1, 'Title'], [2, 7]],
      ['### Options ###x', [3, 'Options ###x'], [4, 16]],
      ['## Use C#', [2, 'Use C#'], [3, 9]],
      ['## C# language', [2, 'C# language'], [3, 14]],
      ['### ###', [3, ''], [3, 3]],
      ['#', [1, ''], [1, 1]],
      ['#\tTabbed', [1, 'Tabbed'], [2, 8]],
      ['   ### Three spaces', [3, 'Three spaces'], [7, 19]],
      ['###### Six', [6, 'Six'], [7, 10]],
      ['##   Spaced   out   ', [2, 'Spaced   out'], [5, 17]],
      ['####### Seven', undefined],
      ['#5 bolts', undefined],
      ['#hashtag', undefined],
      ['    # indented code', undefined],
      ['\t# tab-indented code', undefined],
      ['\\# escaped', undefined],
      ['text # not a heading', undefined],
    ];
    for (const [line, expected, span] of table) {
      it(`${JSON.stringify(line)} → ${expected ? `h${expected[0]} ${JSON.stringify(expected[1])}` : 'no heading'}`, () => {
        const hs = scanOutline(line).headings;
        if (!expected) return assert.deepEqual(hs, []);
        assert.equal(hs.length, 1);
        assert.deepEqual([hs[0].level, hs[0].text], expected);
        assert.deepEqual(hs[0].range, range(0, span![0], 0, span![1]));
      });
    }
  });

  describe('setext headings', () => {
    it('reads = and - underlines under a paragraph', () => {
      const o = scanOutline(doc('Title', '=====', '', 'Sub', '---', '', 'text'));
      assert.deepEqual(o.headings.map(h => [h.level, h.text, h.line, h.range]), [
        [1, 'Title', 0, range(0, 0, 0, 5)],
        [2, 'Sub', 3, range(3, 0, 3, 3)],
      ]);
    });

    it('joins a multi-line paragraph; the range covers its first line', () => {
      const o = scanOutline(doc('  Line one  ', 'line two', '==='));
      assert.deepEqual(o.headings.map(h => [h.level, h.text, h.line, h.range]), [[1, 'Line one line two', 0, range(0, 2, 0, 10)]]);
    });

    it('a single - is an underline too', () => {
      assert.deepEqual(brief(doc('Decision', '-')), [[2, 'Decision', 0]]);
    });

    it('not after a blank line, a list item, a quote or a heading: those make thematic breaks', () => {
      assert.deepEqual(brief(doc('Para', '', '---')), []);
      assert.deepEqual(brief(doc('- item', '---')), []);
      assert.deepEqual(brief(doc('1. item', '===')), []);
      assert.deepEqual(brief(doc('> quote', '---')), []);
      assert.deepEqual(brief(doc('# ATX', '---')), [[1, 'ATX', 0]]);
    });

    it('an underline with text after it is no underline', () => {
      assert.deepEqual(brief(doc('Para', '--- x')), []);
      assert.deepEqual(brief(doc('Para', '== =')), []);
    });

    it("the paragraph's lines are not content of the section before", () => {
      const o = scanOutline(doc('# Doc', '', '## A', '', 'abc', '', 'B', '-', '', 'body'));
      const [docH, a, b] = o.headings;
      assert.deepEqual([a.text, a.endLine, a.hasContent, a.lastContentLine], ['A', 6, true, 4]);
      assert.deepEqual([b.text, b.level, b.line, b.endLine, b.hasContent, b.lastContentLine], ['B', 2, 6, 10, true, 9]);
      assert.deepEqual([docH.endLine, docH.lastContentLine], [10, 9]);
    });

    it('an empty section before a setext heading stays empty', () => {
      // "Context" holds nothing: "Decision" below is a heading, not its content.
      const o = scanOutline(doc('# 1. Title', '', '## Context', '', 'Decision', '--------', '', 'We do X.'));
      const context = byText(o.headings, 'Context');
      const decision = byText(o.headings, 'Decision');
      assert.deepEqual([context.hasContent, context.lastContentLine, context.endLine], [false, 2, 4]);
      assert.deepEqual([decision.level, decision.hasContent, decision.lastContentLine], [2, true, 7]);
      const title = o.headings[0];
      assert.deepEqual([title.hasContent, title.lastContentLine], [true, 7]);
    });

    it('the last content line before a setext heading is that content, not the blank line after it', () => {
      const o = scanOutline(doc('## A', '', 'text', '', 'B', '---'));
      assert.deepEqual([o.headings[0].hasContent, o.headings[0].lastContentLine], [true, 2]);
    });
  });

  describe('fenced code blocks', () => {
    it('``` and ~~~ blocks, with the language, and no headings inside', () => {
      const o = scanOutline(doc('# T', '```Mermaid {theme: dark}', '# not a heading', '```', '~~~', '## nor this', '~~~', 'after'));
      assert.deepEqual(o.fences.map(f => [f.lang, f.startLine, f.endLine, f.closed]), [['mermaid', 1, 3, true], ['', 4, 6, true]]);
      assert.deepEqual(o.headings.map(h => h.text), ['T']);
    });

    it('an unclosed fence runs to the end of the document', () => {
      const o = scanOutline(doc('## A', '~~~', '# hidden', 'more', ''));
      assert.deepEqual(o.fences.map(f => [f.startLine, f.endLine, f.closed]), [[1, 4, false]]);
      assert.deepEqual(o.headings.map(h => h.text), ['A']);
      assert.deepEqual([o.headings[0].hasContent, o.headings[0].lastContentLine], [true, 4]);
    });

    it('closes only on the same character, at least as long, with nothing after it', () => {
      const o = scanOutline(doc('````', '```', '~~~~', '```` x', '# still code', '`````', '# Out'));
      assert.deepEqual(o.fences.map(f => [f.startLine, f.endLine, f.closed]), [[0, 5, true]]);
      assert.deepEqual(brief(doc('````', '```', '~~~~', '```` x', '# still code', '`````', '# Out')), [[1, 'Out', 6]]);
    });

    it('a closing fence may be indented up to three spaces and followed by spaces', () => {
      assert.deepEqual(scanOutline(doc('```', 'x', '   ```  ', '# H')).fences.map(f => [f.endLine, f.closed]), [[2, true]]);
      assert.deepEqual(brief(doc('```', 'x', '    ```', '# H')), []);
    });

    it('backticks in a ``` info string: no fence; ~~~ allows them', () => {
      assert.deepEqual(scanOutline(doc('``` a`b', '# H')).fences, []);
      assert.deepEqual(brief(doc('``` a`b', '# H')), [[1, 'H', 1]]);
      assert.deepEqual(scanOutline(doc('~~~ a`b', '# H')).fences.map(f => [f.lang, f.closed]), [['a`b', false]]);
    });

    it('two backticks or four-space indentation open nothing', () => {
      assert.deepEqual(scanOutline(doc('``', '# H')).fences, []);
      assert.deepEqual(scanOutline(doc('    ```', '# H')).fences, []);
      assert.deepEqual(brief(doc('    ```', '# H')), [[1, 'H', 1]]);
    });

    it('a fence counts as content of its section', () => {
      const o = scanOutline(doc('## A', '', '```', '```', '', '## B'));
      assert.deepEqual([o.headings[0].hasContent, o.headings[0].lastContentLine], [true, 3]);
    });
  });

  describe('HTML comments', () => {
    it('headings inside a multi-line comment are ignored', () => {
      assert.deepEqual(brief(doc('<!--', '# hidden', '## hidden too', '-->', '# Shown')), [[1, 'Shown', 4]]);
    });

    it('a comment alone is not content; text after its end is', () => {
      const o = scanOutline(doc('## A', '<!-- note -->', '', '## B', '<!--', 'x', '--> tail', '## C', '<!-- a --> text'));
      assert.deepEqual(o.headings.map(h => [h.text, h.hasContent, h.lastContentLine]), [['A', false, 0], ['B', true, 6], ['C', true, 8]]);
    });

    it('an unclosed comment hides the rest of the document', () => {
      assert.deepEqual(brief(doc('# T', '<!-- open', '## Hidden', 'text')), [[1, 'T', 0]]);
      assert.equal(scanOutline(doc('# T', '<!-- open', '## Hidden', 'text')).headings[0].hasContent, false);
    });
  });

  describe('front matter', () => {
    it('reads the YAML between --- lines at the top', () => {
      const o = scanOutline(doc('---', 'status: accepted', 'date: 2024-01-15', '---', '# T'));
      assert.deepEqual(o.frontMatter, { raw: 'status: accepted\ndate: 2024-01-15', contentStartLine: 1, endLine: 3 });
      assert.deepEqual(brief(doc('---', 'status: accepted', 'date: 2024-01-15', '---', '# T')), [[1, 'T', 4]]);
    });

    it('may close with ..., have trailing spaces, be empty', () => {
      assert.deepEqual(scanOutline(doc('---', 'a: 1', '...', '# T')).frontMatter, { raw: 'a: 1', contentStartLine: 1, endLine: 2 });
      assert.deepEqual(scanOutline(doc('---  ', 'a: 1', '---\t', '')).frontMatter, { raw: 'a: 1', contentStartLine: 1, endLine: 2 });
      assert.deepEqual(scanOutline(doc('---', '---', '# T')).frontMatter, { raw: '', contentStartLine: 1, endLine: 1 });
    });

    it('a # line inside front matter is YAML, not a heading', () => {
      assert.deepEqual(brief(doc('---', '# a YAML comment', 'a: 1', '---', '## S')), [[2, 'S', 4]]);
    });

    it('only on the first line: later or unclosed --- lines are no front matter', () => {
      assert.equal(scanOutline(doc('', '---', 'a: 1', '---')).frontMatter, undefined);
      assert.equal(scanOutline(doc('# T', '---', 'a: 1', '---')).frontMatter, undefined);
      const unclosed = scanOutline(doc('---', 'a: 1', '# T'));
      assert.equal(unclosed.frontMatter, undefined);
      assert.deepEqual(unclosed.headings.map(h => [h.text, h.line]), [['T', 2]]);
    });

    it('after a byte-order mark', () => {
      assert.deepEqual(scanOutline(doc('\uFEFF---', 'a: 1', '---', '# T')).frontMatter, { raw: 'a: 1', contentStartLine: 1, endLine: 2 });
    });
  });

  describe('sections', () => {
    const lines = [
      '# T', // 0
      '', // 1
      '## A', // 2
      '', // 3
      'a text', // 4
      '', // 5
      '### A.1', // 6
      '', // 7
      'sub text', // 8
      '', // 9
      '## B', // 10
      '', // 11
      '<!-- only a comment -->', // 12
      '***', // 13
      '## C', // 14
      '```', // 15
      'code', // 16
      '```', // 17
      '', // 18
    ];

    it('endLine, hasContent and lastContentLine of nested sections', () => {
      const o = scanOutline(doc(...lines));
      assert.equal(o.lineCount, 19);
      assert.deepEqual(o.headings.map(h => [h.text, h.endLine, h.hasContent, h.lastContentLine]), [
        ['T', 19, true, 17],
        ['A', 10, true, 8],
        ['A.1', 10, true, 8],
        ['B', 14, false, 10],
        ['C', 19, true, 17],
      ]);
    });

    it('a section with only a sub-section that has content has content', () => {
      const o = scanOutline(doc('## Options', '', '### One', '', 'text', '## Next'));
      assert.deepEqual(o.headings.map(h => [h.text, h.endLine, h.hasContent]), [['Options', 5, true], ['One', 5, true], ['Next', 6, false]]);
    });

    it('a deeper heading ends at the next heading of its level or higher only', () => {
      const o = scanOutline(doc('### a', '## b', '#### c', '##### d', '### e', '# f'));
      assert.deepEqual(o.headings.map(h => [h.text, h.endLine]), [['a', 1], ['b', 5], ['c', 4], ['d', 4], ['e', 5], ['f', 6]]);
    });

    it('CRLF and lone CR line ends give the same outline as LF', () => {
      const lf = scanOutline(doc(...lines));
      assert.deepEqual(scanOutline(lines.join('\r\n')), lf);
      assert.deepEqual(scanOutline(lines.join('\r')), lf);
    });

    it('a byte-order mark changes nothing but is kept in line 0', () => {
      const text = doc(...lines);
      const withBom = scanOutline(`\uFEFF${text}`);
      assert.deepEqual(withBom.headings.map(h => [h.level, h.text, h.line, h.endLine, h.hasContent]), scanOutline(text).headings.map(h => [h.level, h.text, h.line, h.endLine, h.hasContent]));
      assert.equal(splitLines(`\uFEFF${text}`)[0], '\uFEFF# T');
    });

    it('takes lines as well as text', () => {
      assert.deepEqual(scanOutline(lines), scanOutline(doc(...lines)));
    });
  });

  describe('empty and odd documents', () => {
    it('an empty document has one line and nothing else', () => {
      assert.deepEqual(scanOutline(''), { lineCount: 1, frontMatter: undefined, headings: [], fences: [] });
      assert.deepEqual(scanOutline([]), { lineCount: 0, frontMatter: undefined, headings: [], fences: [] });
    });

    it('whitespace only', () => {
      assert.deepEqual(scanOutline(' \n\t\n   ').headings, []);
    });

    it('a heading alone on the last line ends at the line count', () => {
      const o = scanOutline('text\n## Last');
      assert.deepEqual(o.headings.map(h => [h.text, h.line, h.endLine, h.hasContent, h.lastContentLine]), [['Last', 1, 2, false, 1]]);
    });
  });

  describe('normalizeHeading', () => {
    const table: [string, string][] = [
      ['3. Decision Outcome:', 'decision outcome'],
      ['Decision Outcome', 'decision outcome'],
      ['3) Decision', 'decision'],
      ['1.2.3 Context', 'context'],
      ['12 Consequences', 'consequences'],
      ['III. Consequences', 'consequences'],
      ['iv) Status', 'status'],
      ['A. Considered Options', 'considered options'],
      ['b) Considered Options', 'considered options'],
      ['**Status**', 'status'],
      ['_Context_', 'context'],
      ['`Status`', 'status'],
      ['~~Old~~ New', 'old new'],
      ['[Context](#context)', 'context'],
      ['Pros & Cons of the Options', 'pros and cons of the options'],
      ['Context  and   Problem\tStatement', 'context and problem statement'],
      ['Decision Outcome <!-- required -->', 'decision outcome'],
      ['Decision Drivers <!-- optional', 'decision drivers'],
      ['Unresolved questions?', 'unresolved questions'],
      ['Status -', 'status'],
      ['Status ...!', 'status'],
      ['Goals and Non-Goals', 'goals and non-goals'],
      ['Guide-level explanation', 'guide-level explanation'],
      ['TL;DR', 'tl;dr'],
      ['Vision', 'vision'],
      ['   Padded   ', 'padded'],
      ['', ''],
    ];
    for (const [text, expected] of table) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.equal(normalizeHeading(text), expected));
    }

    it('applies to heading text as the scanner gives it', () => {
      assert.equal(normalizeHeading(scanOutline('## 3. Decision Outcome: ##').headings[0].text), 'decision outcome');
    });
  });
});

describe('white space as the scanner reads it', () => {
  it('isWhiteSpaceCode and firstNonSpace agree with String.prototype.trim on every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isWhiteSpaceCode(c), ch.trim() === '', `U+${c.toString(16)}`);
      assert.equal(firstNonSpace(`${ch}${ch}x`), `${ch}${ch}x`.length - `${ch}${ch}x`.trimStart().length, `U+${c.toString(16)}`);
    }
  });
});
