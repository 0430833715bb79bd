/**
 * Proves, with fast-check and hostile input, that the core never throws and never points outside
 * the text: on random strings, on random Markdown-ish line soups and on random mutations of every
 * real fixture record (lines inserted, deleted and replaced, headings, `---`, fences, comments, CRLF,
 * lone CR, a BOM, NULs, truncation), parseRecord and lintText return, every finding's range and every
 * fix edit's range lies inside the text, fixes apply, and CRLF gives the same findings as LF. Then
 * bad input: empty documents, 5 MB documents, 10 000-level nesting, pathological runs of spaces (no
 * catastrophic backtracking), invalid YAML, binary files.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Finding, LintOptions, lintText } from '../../src/core/lint';
import { normalizeHeading, scanOutline } from '../../src/core/outline';
import { ParseOptions, parseRecord } from '../../src/core/record';
import { splitLines } from '../../src/core/text';
import { markdownFilesIn, readWorkspaceFile } from '../support/fixtures';
import { applyEdits, rangeProblem } from '../support/textEdits';

/** Checks every position the core gives for `text`; returns the findings. Throws (failing the property) on any problem. */
function checkAll(path: string, text: string, options: ParseOptions = {}): Finding[] {
  const lines = splitLines(text);
  const inside = (what: string, r: Parameters<typeof rangeProblem>[1]) => {
    const problem = rangeProblem(text, r, lines);
    if (problem) throw new Error(`${what}: ${problem}`);
  };

  const outline = scanOutline(text);
  assert.equal(outline.lineCount, lines.length);
  for (const h of outline.headings) {
    inside(`heading "${h.text}"`, h.range);
    if (!(h.level >= 1 && h.level <= 6)) throw new Error(`heading level ${h.level}`);
    if (!(h.line < h.endLine && h.endLine <= lines.length)) throw new Error(`heading at ${h.line} ends at ${h.endLine} of ${lines.length}`);
    if (!(h.lastContentLine >= h.line && h.lastContentLine < h.endLine)) throw new Error(`heading at ${h.line}..${h.endLine}: last content line ${h.lastContentLine}`);
  }
  for (const f of outline.fences) {
    if (!(f.startLine <= f.endLine && f.endLine < lines.length)) throw new Error(`fence ${f.startLine}..${f.endLine} of ${lines.length}`);
  }

  const record = parseRecord(path, text, options);
  if (record) {
    if (record.statusRange) inside('status', record.statusRange);
    if (record.titleHeading) inside('title', record.titleHeading.range);
    if (record.frontMatter?.error) inside('front matter error start', { start: record.frontMatter.error.range.start, end: record.frontMatter.error.range.start });
    if (typeof record.title !== 'string' || typeof record.id !== 'string' || typeof record.status !== 'string') throw new Error('record fields');
  }

  const findings = lintText(path, text, options);
  if (!record && findings.length > 0) throw new Error('findings on a document that is no record');
  let applied = 0;
  for (const f of findings) {
    inside(`${f.code} range`, f.range);
    if (!f.message) throw new Error(`${f.code} without a message`);
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.alternatives ?? [])]) {
      for (const e of fix.edits) inside(`${f.code} fix edit`, e.range);
      // Applying is linear in the text: the first fixes of a huge document are enough.
      if (applied++ < 3 || text.length < 100_000) applyEdits(text, fix.edits);
    }
  }
  return findings;
}

/** Lines that matter to the scanner and the rules, and some that should not. */
const interesting = fc.constantFrom(
  '# 1. Title', '# Title', '## Status', '## Context', '## Decision', '## Consequences', '## Context and Problem Statement',
  '## Considered Options', '## Decision Outcome', '### Consequences', '## Summary', '## Motivation', '## Drawbacks',
  '## Rationale and alternatives', '## Failure modes and rollback', 'Accepted', 'on hold', 'Superceded by [2. X](0002-x.md)',
  'Supercedes [1. First](0001-first.md)', '- Status: accepted', '- Status:', '- Date: 2024-01-01', '- Start Date: 2024-01-01',
  '- Feature Name: `x`', 'Date: 2024-01-01', 'Date:', '---', '...', '***', '```', '```mermaid', '~~~', '````', '<!--', '-->',
  '<!-- x -->', '===', '-', 'Title', '- item', '1. item', '> quote', '    indented', '', ' ', '\t', 'status: [x', 'status:',
  'status: accepted', 'a: *b', 'key: value: other', '\0', '\uFEFF', '\uD800', '\uDC00x', '#', '####### x', '# ##', '\\# x',
);
const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.string({ maxLength: 20 }), fc.boolean())
  .map(([n, s, closed]) => `${'#'.repeat(n)} ${s}${closed ? ` ${'#'.repeat(n)}` : ''}`);
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c));
const line = fc.oneof(
  { arbitrary: interesting, weight: 6 },
  { arbitrary: heading, weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: anyUnit, maxLength: 12 }), weight: 1 },
).map(l => l.replace(/[\r\n]/g, ' '));
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const path = fc.constantFrom('docs/adr/0001-x.md', 'docs/adr/20240115-y.md', 'docs/rfcs/0002-z.md', 'notes.md', 'README.md', '', '/');
const options: fc.Arbitrary<LintOptions> = fc.record({
  folderHint: fc.constantFrom(undefined, 'adr' as const, 'rfc' as const),
  statuses: fc.option(fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), { nil: undefined }),
});
const soup = fc.tuple(fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 40 }), fc.boolean())
  .map(([bom, parts, endsWithEol]) => {
    const text = parts.map(([l, e]) => l + e).join('');
    return (bom ? '\uFEFF' : '') + (endsWithEol ? text : text.replace(/(\r\n|\r|\n)$/, ''));
  });

/** One change to a document's lines. */
type Mutation =
  | { op: 'insert' | 'replace'; at: number; line: string }
  | { op: 'delete'; at: number }
  | { op: 'nul'; at: number; col: number }
  | { op: 'truncate'; at: number }
  | { op: 'bom' | 'crlf' | 'cr' | 'strip-final-eol' };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('insert' as const, 'replace' as const), at: fc.nat(), line: fc.oneof(line, heading) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('nul' as const), at: fc.nat(), col: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('bom' as const, 'crlf' as const, 'cr' as const, 'strip-final-eol' as const) }),
);
function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let bom = false, eolText = '\n', strip = false;
  for (const m of mutations) {
    const at = 'at' in m ? m.at % (lines.length + 1) : 0;
    switch (m.op) {
      case 'insert': lines.splice(at, 0, m.line); break;
      case 'replace': lines[Math.min(at, lines.length - 1)] = m.line; break;
      case 'delete': if (lines.length > 1) lines.splice(Math.min(at, lines.length - 1), 1); break;
      case 'nul': { const i = Math.min(at, lines.length - 1); const c = m.col % (lines[i].length + 1); lines[i] = `${lines[i].slice(0, c)}\0${lines[i].slice(c)}`; break; }
      case 'truncate': lines = lines.slice(0, Math.max(1, at)); break;
      case 'bom': bom = true; break;
      case 'crlf': eolText = '\r\n'; break;
      case 'cr': eolText = '\r'; break;
      case 'strip-final-eol': strip = true; break;
    }
  }
  const joined = lines.join(eolText);
  return (bom ? '\uFEFF' : '') + (strip ? joined.replace(/(\r\n|\r|\n)+$/, '') : joined);
}

const FIXTURE_PATHS = [
  ...markdownFilesIn('adr-tools/doc/adr'), ...markdownFilesIn('madr/docs/decisions'), ...markdownFilesIn('log4brains/docs/adr'),
  ...markdownFilesIn('rust-rfcs/text'), 'rust-rfcs/0000-template.md', ...markdownFilesIn('problems/docs/adr').filter(p => !p.includes('binary')),
];
const FIXTURES = FIXTURE_PATHS.map(p => ({ path: p, text: readWorkspaceFile(p), hint: (p.startsWith('rust-rfcs') ? 'rfc' : 'adr') as 'adr' | 'rfc' }));
/** Smaller fixtures for the costlier properties (the largest Rust RFC is 172 KB). */
const SMALL_FIXTURES = FIXTURES.filter(f => f.text.length < 20_000);

/** Findings with positions and texts only, CRLF read as LF in fix texts. */
const comparable = (findings: readonly Finding[]) => findings.map(f => ({
  code: f.code, severity: f.severity, message: f.message, range: f.range,
  fix: f.fix && { title: f.fix.title, edits: f.fix.edits.map(e => ({ range: e.range, newText: e.newText.replace(/\r\n/g, '\n') })) },
}));

describe('properties', function () {
  this.timeout(20_000);

  it('random strings of any UTF-16 code units: no exception, every range inside', () => {
    fc.assert(fc.property(path, fc.string({ unit: anyUnit, maxLength: 200 }), options, (p, text, o) => { checkAll(p, text, o); }), { numRuns: 300 });
  });

  it('random Markdown-ish documents: no exception, every range inside', () => {
    fc.assert(fc.property(path, soup, options, (p, text, o) => { checkAll(p, text, o); }), { numRuns: 600 });
  });

  it('mutated fixture records: no exception, every range inside', () => {
    fc.assert(fc.property(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), (f, ms, hinted) => {
      checkAll(f.path, mutate(f.text, ms), hinted ? { folderHint: f.hint } : {});
    }), { numRuns: 250 });
  });

  it('CRLF and lone CR give the findings LF gives, with fixes in the same line ends', () => {
    const lfOnly = fc.array(mutation.filter(m => m.op !== 'crlf' && m.op !== 'cr' && m.op !== 'bom'), { maxLength: 6 });
    fc.assert(fc.property(fc.constantFrom(...SMALL_FIXTURES), lfOnly, (f, ms) => {
      const lf = mutate(f.text, ms);
      const expected = comparable(lintText(f.path, lf, { folderHint: f.hint }));
      for (const other of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
        const findings = lintText(f.path, other, { folderHint: f.hint });
        assert.deepEqual(comparable(findings), expected);
        const eolUsed = other.includes('\r\n') ? '\r\n' : '\n';
        for (const e of findings.flatMap(x => x.fix?.edits ?? [])) {
          assert.ok(!e.newText.replace(/\r\n/g, '').includes(eolUsed === '\r\n' ? '\n' : '\r'), 'fix uses the document\'s line ends');
        }
      }
    }), { numRuns: 100 });
  });

  it('every fixture record as it is: ranges inside, fixes apply', () => {
    for (const f of FIXTURES) {
      checkAll(f.path, f.text);
      checkAll(f.path, f.text, { folderHint: f.hint });
    }
  });

  describe('bad input', () => {
    it('empty and blank documents, with every hint', () => {
      for (const text of ['', '\n', '\r\n', '\r', '   ', '\uFEFF', '\0', '\n\n\n']) {
        for (const folderHint of [undefined, 'adr', 'rfc'] as const) checkAll('docs/adr/0001-x.md', text, { folderHint });
      }
      assert.equal(parseRecord('docs/adr/0001-x.md', ''), undefined);
      assert.deepEqual(lintText('docs/adr/0001-x.md', ''), []);
    });

    it('a 5 MB record: read and linted, nothing reported', () => {
      const paragraph = 'Order confirmation e-mails are sent inside the checkout request, which times out when the provider is slow. ';
      const context = Array.from({ length: Math.ceil(5_000_000 / (paragraph.length * 4 + 1)) }, () => paragraph.repeat(4)).join('\n');
      const text = `# 1. Big\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\n${context}\n\n## Decision\n\nd\n\n## Consequences\n\nc\n`;
      assert.ok(text.length > 5_000_000);
      let findings: Finding[] = [];
      findings = checkAll('docs/adr/0001-big.md', text);
      assert.deepEqual(findings.filter(f => /^SF00[1-5]$/.test(f.code)), []);
    });

    it('5 MB on one line; 250 KB of headings, fences, list items: no exception', () => {
      // (Structure costs more than text: 1 MB of headings takes about 1 s to lint, most of it matching section names.)
      const shapes: [string, string][] = [
        ['one line', 'x'.repeat(5_000_000)],
        ['one heading line', `# ${'word '.repeat(1_000_000)}`],
        ['headings', '## Context\n\n'.repeat(21_000)],
        ['setext headings', 'Decision\n--------\n'.repeat(14_000)],
        ['fences', '```\n# x\n'.repeat(31_000)],
        ['list items', '- Status: accepted\n'.repeat(13_000)],
      ];
      for (const [name, text] of shapes) {
        assert.doesNotThrow(() => checkAll('docs/adr/0001-x.md', text, { folderHint: 'adr' }), name);
      }
    });

    it('10 000 levels of nesting', () => {
      const nested = [
        `${'- '.repeat(10_000)}x`,
        `${'> '.repeat(10_000)}x`,
        `${'1. '.repeat(10_000)}x`,
        `${'['.repeat(10_000)}x${']'.repeat(10_000)}`,
        `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`,
        `${'<!--'.repeat(10_000)}`,
        Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
        Array.from({ length: 10_000 }, (_, i) => `${'#'.repeat(1 + (i % 6))} h${i}`).join('\n'),
      ];
      for (const body of nested) {
        for (const text of [body, `# 1. T\n\n## Status\n\n${body}\n\n## Context\n\n${body}\n`]) {
          assert.doesNotThrow(() => checkAll('docs/adr/0001-x.md', text, { folderHint: 'adr' }), body.slice(0, 20));
        }
      }
    });

    it('long runs of spaces anywhere (no catastrophic backtracking)', () => {
      // 50 000 spaces: linear code takes a millisecond; a quadratic regex seconds; a cubic one hours
      // (past the test's timeout). No absolute time is asserted: the repetition hunt compares sizes.
      const spaces = ' '.repeat(50_000);
      const cases = [
        `# 1. T\n\n## Status\n\nA${spaces}x\n\n## Context\n\nc\n`, // a status line
        `# 1. T\n\n## Status\n\nSuperseded by${spaces}x\n`,
        `# 1. T\n\nDate: x${spaces}y\n\n## Status\n\nAccepted\n`, // the Date: line
        `# T\n\n- Status: x${spaces}y\n`, // a metadata bullet
        `---\nstatus: a${spaces}b\n---\n# T\n`, // front matter
        `---\ndate: a${spaces}b\nstatus: accepted\n---\n# T\n\n## Context and Problem Statement\n`,
        `# T\n\n- Status: accepted\n\n## Links\n\n- Supersedes${spaces}x\n`, // a Links bullet
        `# 1. T\n\n## Con${spaces}text\n`, // a heading
        `#${spaces}x\n`,
        `## a ${'#'.repeat(50_000)}x\n`,
        `## a${spaces}#${spaces}x\n`,
        `Title${spaces}x\n===\n`,
        `# 1. T\n\n${'- '.repeat(50_000)}x\n`,
      ];
      for (const text of cases) {
        assert.doesNotThrow(() => checkAll('docs/adr/0001-x.md', text, { folderHint: 'adr' }), JSON.stringify(text.slice(0, 30)));
      }
      assert.equal(normalizeHeading(`a${spaces}b`), 'a b');
    });

    it('invalid YAML of many kinds: one SF005, nothing thrown', () => {
      const body = '# T\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* a\n\n## Decision Outcome\n\nd\n';
      const yamls = [
        'status: [accepted', 'status: "open', 'a: 1\n  b: 2', 'key: value: other', 'a:\n\t- x', '{a: 1', '? [a\n: b', 'a: &x 1\nb: *y',
        'a: !!binary "%%%"', '- a\nb: c', '"unterminated', 'a: |\n bad\n  indent\nb', `a: ${'['.repeat(5_000)}`, `${'- '.repeat(5_000)}x`,
        'a: 1\na: 2\na: 3', '\t', ':', '@', '%YAML 9.9\n---', 'a: 0o999', 'a: !<tag:x> [1',
      ];
      for (const yaml of yamls) {
        const text = `---\n${yaml}\n---\n${body}`;
        const findings = checkAll('docs/decisions/0001-t.md', text);
        assert.ok(findings.filter(f => f.code === 'SF005').length <= 1, yaml);
      }
      for (const yaml of yamls.slice(0, 8)) {
        assert.deepEqual(lintText('docs/decisions/0001-t.md', `---\n${yaml}\n---\n${body}`).map(f => f.code).filter(c => c === 'SF003' || c === 'SF005'), ['SF005'], yaml);
      }
    });

    it('binary and binary-ish files, with the ADR folder hint', () => {
      const bytes = Buffer.from(readWorkspaceFile('problems/docs/adr/0006-binary.md'), 'utf8');
      const random = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7919 + (i >> 3) * 104729) & 0xff);
      const texts = [
        readWorkspaceFile('problems/docs/adr/0006-binary.md'),
        bytes.toString('latin1'),
        new TextDecoder('utf-8').decode(random),
        Buffer.from(random).toString('latin1'),
        '\uD800\uDC00\uDFFF\uD800# \uDBFF\n## Status\n\uDC00',
        Array.from({ length: 5_000 }, (_, i) => String.fromCharCode(i % 32)).join(''),
        `# 1. T\0\0\0\n\n## Status\n\n\0Accepted\0\n`,
      ];
      for (const text of texts) {
        for (const folderHint of [undefined, 'adr', 'rfc'] as const) checkAll('docs/adr/0006-binary.md', text, { folderHint });
      }
      assert.deepEqual(lintText('problems/docs/adr/0006-binary.md', texts[0]), []);
    });
  });
});
