/**
 * Proves that record numbers, slugs and file names are the ones adr-tools makes: every `adr new` of
 * adr-tools' own expected outputs (funny characters, octal-looking numbers, options before the title)
 * gives the same file name and the same next number, titles in non-Latin scripts still get a slug,
 * and dated (log4brains) names and today's date are formatted as documented.
 */
import * as assert from 'node:assert/strict';
import { datedFileName, isoDate, nextNumber, readNamePrefix, readNumberedFileName, recordFileName, slugify } from '../../src/core/numbering';
import { adrNewTitle, parseTranscript } from '../support/adrToolsExpected';
import { expectedNames, readExpected } from '../support/fixtures';

/** A record file named in a transcript line (`doc/adr/0002-x.md`, `EDITOR doc/adr/0001-x.md`, `adrs/0003-x.md:Date: …`). */
const RECORD_NAME = /(?:^|[\s/])(\d{4}-[^\s/:]+\.md)(?::|$)/;

interface NewRecord { readonly file: string; readonly command: string; readonly title: string; readonly fileName: string; readonly before: readonly string[] }

/** Every `adr new` of every expected output: the title passed, the file adr-tools made, and the record files made before it. */
function adrNewCommands(): NewRecord[] {
  const out: NewRecord[] = [];
  for (const file of expectedNames()) {
    const made: string[] = [];
    for (const step of parseTranscript(readExpected(file))) {
      const title = adrNewTitle(step.command);
      const produced = step.output.map(l => RECORD_NAME.exec(l)?.[1]).filter((n): n is string => n !== undefined);
      if (title !== undefined && produced.length > 0) out.push({ file, command: step.command, title, fileName: produced[0], before: [...made] });
      if (/^adr (new|init)\b/.test(step.command)) for (const n of produced) if (!made.includes(n)) made.push(n);
    }
  }
  return out;
}

describe('numbering', () => {
  describe('slugify', () => {
    it("matches funny-characters.expected: each title's slug is the one adr-tools wrote", () => {
      const steps = parseTranscript(readExpected('funny-characters'));
      const pairs = steps.filter(s => s.command.startsWith('adr new ')).map(s => [adrNewTitle(s.command), s.output[0]]);
      assert.deepEqual(pairs, [
        ['Something About Node.JS', 'doc/adr/0001-something-about-node-js.md'],
        ['Slash/Slash/Slash/', 'doc/adr/0002-slash-slash-slash.md'],
        ['-Bar-', 'doc/adr/0003-bar.md'],
      ]);
      pairs.forEach(([title, written], i) => assert.equal(`doc/adr/${String(i + 1).padStart(4, '0')}-${slugify(title!)}.md`, written));
    });

    const table: [string, string][] = [
      ['Something About Node.JS', 'something-about-node-js'],
      ['Slash/Slash/Slash/', 'slash-slash-slash'],
      ['-Bar-', 'bar'],
      ['The First Decision', 'the-first-decision'],
      ['Use ISO 8601 Format for Dates', 'use-iso-8601-format-for-dates'],
      ['  spaces   everywhere  ', 'spaces-everywhere'],
      ['C++ & C#: which one?', 'c-c-which-one'],
      ['under_score and.dot', 'under-score-and-dot'],
      ['ALLCAPS', 'allcaps'],
      ['v2.0 -> v3.0', 'v2-0-v3-0'],
      // adr-tools keeps ASCII letters only: accented letters are separators, as `adr new` does in the C locale.
      ['Café au lait', 'caf-au-lait'],
      ['Use 設計 documents', 'use-documents'],
    ];
    for (const [title, slug] of table) {
      it(`${JSON.stringify(title)} → ${slug}`, () => assert.equal(slugify(title), slug));
    }

    it('keeps letters and digits of any script when a title has no ASCII letter or digit', () => {
      assert.equal(slugify('設計'), '設計');
      assert.equal(slugify('データベースの選定'), 'データベースの選定');
      assert.equal(slugify('Выбор базы данных'), 'выбор-базы-данных');
      assert.equal(slugify('Ελληνικά: Όροι!'), 'ελληνικά-όροι');
      assert.equal(slugify('استخدام قاعدة بيانات'), 'استخدام-قاعدة-بيانات');
      assert.equal(slugify('—設計 / 計画—'), '設計-計画');
    });

    it('composes decomposed letters (NFC) in non-Latin slugs', () => {
      // "Ёлка" typed as Е + combining diaeresis: one letter in the slug, as the composed form.
      assert.equal(slugify('\u0415\u0308\u043b\u043a\u0430'), '\u0451\u043b\u043a\u0430');
    });

    it('gives "untitled" to a title with no letter or digit at all', () => {
      assert.equal(slugify(''), 'untitled');
      assert.equal(slugify('---'), 'untitled');
      assert.equal(slugify('?! / …'), 'untitled');
    });
  });

  describe('adr new, over every adr-tools expected output', () => {
    const commands = adrNewCommands();

    it('finds the adr new commands of the expected outputs, options included', () => {
      // 54 `adr new` lines in the 22 transcripts, each followed by the file it made.
      assert.equal(commands.length, 54);
      const linked = commands.find(c => c.command.startsWith('adr new -l'));
      assert.deepEqual(linked && [linked.title, linked.fileName], ['Third Record', '0003-third-record.md']);
      const twice = commands.find(c => c.command.startsWith('adr new -s 1 -s 2'));
      assert.deepEqual(twice && [twice.title, twice.fileName], ['Third Record', '0003-third-record.md']);
    });

    it('recordFileName(nextNumber(files so far), title) is the file adr-tools made, for every command', () => {
      const wrong = commands
        .map(c => ({ ...c, ours: recordFileName(nextNumber(c.before), c.title) }))
        .filter(c => c.ours !== c.fileName)
        .map(c => `${c.file}: ${c.command} → ${c.ours}, adr-tools: ${c.fileName}`);
      assert.deepEqual(wrong, []);
    });

    it('avoid-octal-numbers: 0008 and 0009 follow 0007, and 0010 follows 0009', () => {
      const steps = parseTranscript(readExpected('avoid-octal-numbers'));
      const listing = steps.find(s => s.command === 'ls doc/adr')!.output;
      assert.equal(listing.length, 9);
      assert.equal(nextNumber(listing.slice(0, 7)), 8);
      assert.equal(nextNumber(listing.slice(0, 8)), 9);
      assert.equal(nextNumber(listing), 10);
      assert.equal(recordFileName(nextNumber(listing.slice(0, 8)), 'Ninth Decision'), listing[8]);
    });
  });

  describe('nextNumber', () => {
    const cases: [string, Iterable<string>, number][] = [
      ['an empty folder', [], 1],
      ['two records', ['0001-a.md', '0002-b.md'], 3],
      ['octal-looking numbers read as decimal', ['0007-a.md', '0008-b.md', '0009-c.md'], 10],
      ['the highest number, not the last name', ['0010-x.md', '0002-y.md'], 11],
      ['gaps: highest + 1', ['0001-a.md', '0005-e.md'], 6],
      ['date-prefixed names ignored', ['20240115-use-x.md', '20201016-y.md', '0003-a.md'], 4],
      ['only date-prefixed names', ['20240115-use-x.md'], 1],
      ['non-records ignored', ['README.md', 'index.md', 'template.md', '0007-x.md'], 8],
      ['a number not followed by "-" ignored', ['0042.md', '0042_x.md', 'adr-0099.md', '0003-ok.md'], 4],
      ['five digits', ['99999-last.md'], 100000],
      ['six digits: a record too (numbers from 100000 were not)', ['100000-x.md'], 100001],
      ['nine digits', ['123456789-x.md'], 123456790],
      ['ten digits: no number', ['1234567890-x.md', '0002-b.md'], 3],
      ['eight digits that are no date (30 February) are a number', ['20240230-x.md'], 20240231],
      ['29 February of a leap year is a date', ['20240229-x.md', '0001-a.md'], 2],
      ['29 February of another year is a number', ['20230229-x.md'], 20230230],
      ['a date before 1970 is a number', ['19691231-x.md'], 19691232],
      ['eight digits that are no date (month 13) are a number', ['20241301-x.md'], 20241302],
      ['0000-template.md alone', ['0000-template.md'], 1],
      ['a Set', new Set(['0001-a.md', '0004-d.md']), 5],
    ];
    for (const [name, names, expected] of cases) {
      it(`${name} → ${expected}`, () => assert.equal(nextNumber(names), expected));
    }
    it('takes any iterable, such as a generator', () => {
      function* names() { yield '0011-k.md'; yield '0012-l.md'; }
      assert.equal(nextNumber(names()), 13);
    });
  });

  describe('readNamePrefix and readNumberedFileName', () => {
    const cases: [string, ReturnType<typeof readNumberedFileName>][] = [
      ['0007-use-x.md', { number: 7, slug: 'use-x' }],
      ['0008-x.MD', { number: 8, slug: 'x' }],
      ['100000-x.md', { number: 100000, slug: 'x' }],
      ['999999999-x.md', { number: 999999999, slug: 'x' }],
      ['1000000000-x.md', undefined],
      ['20240115-use-postgres.md', { date: '2024-01-15', slug: 'use-postgres' }],
      ['20240230-x.md', { number: 20240230, slug: 'x' }],
      ['2024011-x.md', { number: 2024011, slug: 'x' }],
      ['202401150-x.md', { number: 202401150, slug: 'x' }],
      ['0001-.md', undefined],
      ['0001-x.txt', undefined],
      ['0001x.md', undefined],
      ['x-0001.md', undefined],
      ['-0001-x.md', undefined],
      ['', undefined],
    ];
    for (const [name, expected] of cases) {
      it(`${JSON.stringify(name)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(readNumberedFileName(name), expected));
    }

    it('counts the prefix\'s digits, and reads any name, not only Markdown files', () => {
      assert.deepEqual(readNamePrefix('0042-notes'), { number: 42, length: 4 });
      assert.deepEqual(readNamePrefix('20201016-y'), { date: '2020-10-16', length: 8 });
      assert.equal(readNamePrefix('0042'), undefined);
    });

    it('reads a long run of digits in time linear in the prefix (it stops after 10 digits)', () => {
      assert.equal(readNamePrefix(`${'1'.repeat(1_000_000)}-x.md`), undefined);
    });
  });

  describe('file names and dates', () => {
    it('recordFileName pads to 4 digits as printf %04d, never truncates', () => {
      assert.equal(recordFileName(1, 'The First Decision'), '0001-the-first-decision.md');
      assert.equal(recordFileName(42, 'Use Node.JS'), '0042-use-node-js.md');
      assert.equal(recordFileName(1234, 'x'), '1234-x.md');
      assert.equal(recordFileName(12345, 'x'), '12345-x.md');
      assert.equal(recordFileName(0, 'Use Markdown'), '0000-use-markdown.md');
      assert.equal(recordFileName(7, '設計'), '0007-設計.md');
      assert.equal(recordFileName(3, '!!!'), '0003-untitled.md');
    });

    it('datedFileName makes log4brains names from an ISO date', () => {
      assert.equal(datedFileName('2024-01-15', 'Use Postgres'), '20240115-use-postgres.md');
      assert.equal(datedFileName('2020-09-26', 'Use the ADR number as its unique ID'), '20200926-use-the-adr-number-as-its-unique-id.md');
    });

    it('isoDate formats a local date as YYYY-MM-DD', () => {
      assert.equal(isoDate(new Date(2024, 0, 5)), '2024-01-05');
      assert.equal(isoDate(new Date(1992, 0, 12, 23, 59, 59)), '1992-01-12');
      assert.equal(isoDate(new Date(2024, 11, 31, 0, 0, 1)), '2024-12-31');
      assert.equal(isoDate(new Date(2024, 1, 29, 12)), '2024-02-29');
    });

    it('isoDate without an argument is today in local time', () => {
      const before = new Date();
      const today = isoDate();
      const after = new Date();
      const ok = [before, after].map(d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
      assert.ok(ok.includes(today), `${today} is neither of ${ok.join(', ')}`);
    });
  });
});
