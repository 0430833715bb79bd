/**
 * The front matter fast path (src/core/flatYaml.ts) against the `yaml` package: on generated front
 * matter — flat keys, values of letters, digits, other scripts, punctuation, quotes, the core schema's
 * numbers, booleans and nulls, block and flow lists, comments, blank lines, indentation, tabs and
 * the characters YAML gives a meaning to — whatever the fast path accepts, `yaml` reads without
 * error and to the same value; and it accepts what records write.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { readFlatYaml } from '../../src/core/flatYaml';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { generatedRecords } from '../support/generatedWorkspace';

/** What `yaml` reads, as parseFrontMatter calls it; undefined when it reports an error. */
function yamlValue(raw: string): unknown {
  const doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: false });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }) ?? {};
}

const piece = fc.constantFrom(
  'a', 'Z', 'x1', '2024-01-15', 'é', 'Ж', '字', '𝒜', '٣', '²', ' ', '  ', '\t', '\u00a0', '#', ' #', ':', ': ', '-', '- ', '[', ']', '{', '}', ',', ', ',
  '"', "'", '\\', '`', '|', '>', '&', '*', '!', '%', '@', '?', '~', '.', '+', '=', '<', '(', ')', ';', '/', '_', 'true', 'False', 'NULL', 'null', 'Null',
  '~', '1', '0x1F', '0o17', '1.5', '.5', '1e3', '+1', '-2', '.inf', '-.Inf', '.NaN', '007', '1_000', '0b101', 'yes', 'on', '\u2028', '\u0085', '\r',
);
const word = fc.array(piece, { minLength: 0, maxLength: 6 }).map(p => p.join(''));
const key = fc.oneof(fc.constantFrom('status', 'date', 'title', 'tags', 'decision-makers', 'consulted', 'x_y', 'true', 'null', '1', 'a b', '-a', '_k'), word);
const line = fc.oneof(
  fc.tuple(key, fc.constantFrom(':', ': ', ':  ', ':\t', ' : '), word).map(([k, sep, v]) => `${k}${sep}${v}`),
  fc.tuple(key, word, word).map(([k, a, b]) => `${k}: "${a}${b}"`),
  fc.tuple(key, word).map(([k, a]) => `${k}: '${a}'`),
  fc.tuple(key, fc.array(word, { maxLength: 4 }), fc.constantFrom(',', ', ', ' , ')).map(([k, items, sep]) => `${k}: [${items.join(sep)}]`),
  fc.tuple(fc.constantFrom('', ' ', '  ', '\t', '    '), word).map(([indent, v]) => `${indent}- ${v}`),
  fc.tuple(key).map(([k]) => `${k}:`),
  fc.constantFrom('', ' ', '# a comment', '#x', '  # indented', '---', '...', '-', '%YAML 1.2', '? a', '&a x', 'a: &x b', 'b: *x', 'a: !!str 1'),
  word,
);
const frontMatter = fc.array(line, { maxLength: 8 }).map(lines => lines.join('\n'));

describe('front matter fast path', () => {
  it('what it accepts, yaml reads without error and to the same value', () => {
    let accepted = 0;
    fc.assert(fc.property(frontMatter, raw => {
      const fast = readFlatYaml(raw);
      if (fast === undefined) return;
      accepted++;
      assert.deepStrictEqual(fast, yamlValue(raw), JSON.stringify(raw));
    }), { numRuns: 30_000, seed: 14 });
    assert.ok(accepted > 3000, `the fast path accepted only ${accepted} of the generated inputs`);
  });

  it('accepts the front matter records write, and parseFrontMatter returns what yaml reads', () => {
    const samples = [
      'status: accepted\ndate: 2024-02-01\ndecision-makers: [Ana, Bo]',
      'status: "superseded by ADR-0005"\ndate: 2024-01-15\ndecision-makers: Ana, Bo\nconsulted:\ninformed:',
      '# These are optional metadata elements. Feel free to remove any of them.\nstatus: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"\ndate: {YYYY-MM-DD}',
      'title: Use Markdown records\ntags:\n  - docs\n  - adr\nstatus: proposed',
      'tags: []',
      '',
      ...generatedRecords(20).map(r => /^---\n([\s\S]*?)\n---/.exec(r.text)?.[1]).filter((fm): fm is string => fm !== undefined),
    ];
    for (const raw of samples) {
      const fast = readFlatYaml(raw);
      const expected = yamlValue(raw);
      if (raw.includes('{YYYY')) assert.equal(fast, undefined, 'flow mappings are declined');
      else assert.deepStrictEqual(fast, expected, raw);
      assert.deepStrictEqual(parseFrontMatter({ raw, contentStartLine: 1, endLine: raw.split('\n').length + 1 }).data, expected, raw);
    }
  });

  it('declines what only yaml reads: numbers, booleans, nesting, anchors, duplicate keys, continuation lines', () => {
    for (const raw of ['n: 1', 'b: true', 'x: null', 'a:\n  b: c', 'a: &x b\nc: *x', 'a: b\na: c', 'a: b\n  c', 'a: b # note', 'a: [b, [c]]', 'a: "b\\n"']) {
      assert.equal(readFlatYaml(raw), undefined, raw);
    }
  });
});
