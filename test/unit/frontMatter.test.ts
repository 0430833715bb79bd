/**
 * Proves that front matter is read as YAML into a mapping, that invalid YAML, a non-mapping and an
 * alias bomb give an error (never an exception) whose range is on the document line the YAML parser
 * blames, and that frontMatterString turns scalars and dates into one line of text.
 */
import * as assert from 'node:assert/strict';
import { frontMatterString, parseFrontMatter } from '../../src/core/frontMatter';
import { scanOutline } from '../../src/core/outline';
import { range, splitLines } from '../../src/core/text';
import { readWorkspaceFile } from '../support/fixtures';

/** Parses the front matter of a whole document, as parseRecord does. */
function fm(text: string) {
  const block = scanOutline(text).frontMatter;
  assert.ok(block, 'the document has front matter');
  return parseFrontMatter(block);
}

describe('frontMatter', () => {
  describe('parseFrontMatter', () => {
    it('reads a mapping of strings, lists and nested values', () => {
      const r = fm('---\nstatus: accepted\ndate: 2024-01-15\ndecision-makers: [Ana, Ben]\nconsulted:\n  - Chiara\nreview: {by: Dan}\n---\n# T\n');
      assert.deepEqual(r, {
        data: { status: 'accepted', date: '2024-01-15', 'decision-makers': ['Ana', 'Ben'], consulted: ['Chiara'], review: { by: 'Dan' } },
      });
    });

    it("reads MADR's own front matter (parent, nav_order, status)", () => {
      const r = fm(readWorkspaceFile('madr/docs/decisions/0003-provide-own-madr-tools.md'));
      assert.deepEqual(r, { data: { parent: 'Decisions', nav_order: 3, status: 'on hold' } });
    });

    it('an empty or comment-only block is an empty mapping, no error', () => {
      assert.deepEqual(fm('---\n---\n'), { data: {} });
      assert.deepEqual(fm('---\n# nothing yet\n---\n'), { data: {} });
    });

    it('duplicate keys: the last one wins, no error', () => {
      assert.deepEqual(fm('---\nstatus: proposed\nstatus: accepted\n---\n'), { data: { status: 'accepted' } });
    });

    it('reads CRLF front matter', () => {
      assert.deepEqual(fm('---\r\nstatus: accepted\r\ndate: 2024-01-15\r\n---\r\n'), { data: { status: 'accepted', date: '2024-01-15' } });
    });

    describe('errors on the document line the YAML parser blames', () => {
      const cases: [string, string, string, [number, number]][] = [
        ['an unclosed flow sequence (blamed on the next line)', '---\nstatus: [accepted\ndate: 2024-05-20\n---\n', 'Flow sequence in block collection must be sufficiently indented and end with a ]', [2, 0]],
        ['a nested mapping in a compact one', '---\na: 1\nb: 2\nkey: value: other\n---\n', 'Nested mappings are not allowed in compact mappings', [3, 5]],
        // At the end of a line: an empty range there, never one past the line's end.
        ['an unterminated quote', '---\ntitle: "open\nstatus: accepted\n---\n', 'Missing closing "quote', [2, 16]],
        ['a tab as indentation', '---\nconsulted:\n\t- Ana\n---\n', 'Tabs are not allowed as indentation', [2, 0]],
        ['after blank lines and comments', '---\n# metadata\n\nstatus: ok\n\nx: [1, 2\n\ny: 3\n---\n', 'Flow sequence in block collection must be sufficiently indented and end with a ]', [7, 0]],
      ];
      for (const [name, text, message, [line, character]] of cases) {
        it(name, () => {
          const r = fm(text);
          assert.deepEqual(r.data, {});
          assert.equal(r.error?.message, message);
          // One character, on a YAML line of the document inside the front matter, never past the line's end.
          const lines = splitLines(text);
          assert.deepEqual(r.error?.range, range(line, character, line, Math.min(character + 1, lines[line].length)));
          assert.ok(line >= 1 && line < scanOutline(text).frontMatter!.endLine);
          assert.ok(character <= lines[line].length);
        });
      }
    });

    it('the fixture with broken front matter: error on line 2, data empty', () => {
      const r = fm(readWorkspaceFile('problems/docs/adr/0004-broken-front-matter.md'));
      assert.deepEqual(r.data, {});
      assert.deepEqual(r.error?.range, range(2, 0, 2, 1));
      assert.doesNotMatch(r.error!.message, /at line \d+|column/);
    });

    it('a list, a scalar or a number is not a mapping: error on the first YAML line', () => {
      const message = 'Front matter must be a YAML mapping of keys to values (such as `status: accepted`).';
      for (const body of ['- a\n- b', 'just text', '42', '"quoted"']) {
        assert.deepEqual(fm(`---\n${body}\n---\n# T\n`), { data: {}, error: { message, range: range(1, 0, 1, 0) } }, body);
      }
    });

    it('nesting deeper than 64 levels is refused before parsing, on the line where it gets too deep', () => {
      // Unguarded, `? ? ? …` 300 deep took the yaml package 6 s (600: over a minute), and 1 000, then
      // 2 000 nested `- ` overflowed its stack inside a regex compilation: a fatal, uncatchable abort.
      const shapes: Record<string, (n: number) => string> = {
        'block sequences': n => `${'- '.repeat(n)}x`,
        'complex keys': n => `${'? '.repeat(n)}x`,
        'flow sequences': n => `a: ${'['.repeat(n)}${']'.repeat(n)}`,
        'flow mappings': n => `a: ${'{a: '.repeat(n)}x${'}'.repeat(n)}`,
        'indented mappings': n => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
        'indented sequences': n => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}-`).join('\n'),
        'flow over lines': n => `a:\n${Array.from({ length: n }, () => '  [').join('\n')}`,
        // Compact nesting inside one line: `yaml` recurses into it too (and makes an error, with a stack trace, per level).
        'compact mappings': n => `status: ${'Chosen option: '.repeat(n)}x`,
        'complex keys with values': n => `${'? a: '.repeat(n)}x`,
      };
      for (const [name, yaml] of Object.entries(shapes)) {
        for (const n of [300, 1_000, 2_000, 5_000]) {
          // No absolute time is asserted (the repetition hunt compares times across sizes): the error
          // below is the guard's, given before the parser sees the text, and the test ends at all.
          const r = fm(`---\nstatus: accepted\n${yaml(n)}\n---\n# T\n`);
          assert.deepEqual(r.data, {}, `${name} ${n}`);
          assert.equal(r.error?.message, 'Front matter is nested more than 64 levels deep.', `${name} ${n}`);
          assert.equal(r.error?.range.start.line, name === 'indented mappings' ? 2 + 257 : name === 'indented sequences' ? 2 + 127 : name === 'flow over lines' ? 2 + 64 : 2, `${name} ${n}`);
        }
      }
    });

    it('nesting up to the limit is read', () => {
      assert.deepEqual(fm(`---\na: ${'['.repeat(60)}1${']'.repeat(60)}\n---\n`).error, undefined);
      assert.deepEqual(fm('---\na:\n  b:\n    c:\n      - d: [1, {e: 2}]\n---\n'), { data: { a: { b: { c: [{ d: [1, { e: 2 }] }] } } } });
      // A block scalar indented far is text, not nesting.
      assert.deepEqual(fm(`---\nnote: |\n${' '.repeat(200)}indented text\n---\n`), { data: { note: 'indented text\n' } });
    });

    it('an unresolved alias gives an error, not an exception', () => {
      const r = fm('---\nstatus: *nope\n---\n');
      assert.deepEqual(r.data, {});
      assert.ok(r.error);
      assert.equal(r.error.range.start.line, 1);
    });

    it('an alias bomb (billion laughs) is stopped with an error, quickly', () => {
      const yaml = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i), name = String.fromCharCode(97 + i);
        yaml.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      const r = fm(`---\n${yaml.join('\n')}\n---\n`);
      assert.deepEqual(r.data, {});
      assert.match(r.error!.message, /^Front matter could not be read: /);
      assert.deepEqual(r.error!.range, range(1, 0, 1, 0));
    });
  });

  describe('frontMatterString', () => {
    const data = {
      status: '  accepted  ', empty: '   ', number: 3, yes: true, list: ['a'], map: { a: 1 }, nothing: null,
      date: new Date(Date.UTC(2024, 0, 15)), datetime: new Date(Date.UTC(2024, 0, 15, 23, 30)), invalid: new Date(NaN),
    };
    const cases: [string, string | undefined][] = [
      ['status', 'accepted'], ['empty', undefined], ['number', '3'], ['yes', 'true'], ['list', undefined],
      ['map', undefined], ['nothing', undefined], ['absent', undefined],
      ['date', '2024-01-15'], ['datetime', '2024-01-15'], ['invalid', undefined],
    ];
    for (const [key, expected] of cases) {
      it(`${key} → ${JSON.stringify(expected)}`, () => assert.equal(frontMatterString(data, key), expected));
    }

    it('dates as front matter writes them stay as written', () => {
      const r = fm('---\na: 2024-01-15\nb: "2024-01-15"\nc: 2024-01-15T10:00:00Z\nd: 15.01.2024\n---\n');
      assert.deepEqual(['a', 'b', 'c', 'd'].map(k => frontMatterString(r.data, k)), ['2024-01-15', '2024-01-15', '2024-01-15T10:00:00Z', '15.01.2024']);
    });
  });
});
