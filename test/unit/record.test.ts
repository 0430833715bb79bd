/**
 * Proves that records are read as each format writes them: file names (numbers never octal, dates,
 * README/index/template excluded), the kind of every fixture record (adr-tools, MADR, log4brains,
 * Rust RFCs, the problems folder) with and without the folder hint, exact number/id/title/status/date
 * for representative records, statuses normalized (adr-tools' "Superceded", multi-line Nygard status,
 * custom vocabularies) and relations from adr-tools' own linking and superseding outputs.
 */
import * as assert from 'node:assert/strict';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { recordFileName, datedFileName, slugify } from '../../src/core/numbering';
import { scanOutline } from '../../src/core/outline';
import { DEFAULT_STATUSES, DecisionRecord, ParseOptions, detectKind, isNonRecordFileName, normalizeStatus, parseRecord, parseRecordFileName } from '../../src/core/record';
import { lintText } from '../../src/core/lint';
import { range, splitLines } from '../../src/core/text';
import { parseTranscript } from '../support/adrToolsExpected';
import { markdownFilesIn, readExpected, readWorkspaceFile } from '../support/fixtures';

const read = (path: string, options?: ParseOptions) => parseRecord(path, readWorkspaceFile(path), options);
const kindOf = (text: string, hint?: 'adr' | 'rfc') => {
  const lines = splitLines(text);
  const outline = scanOutline(lines);
  return detectKind(outline, lines, outline.frontMatter && parseFrontMatter(outline.frontMatter), hint);
};
const doc = (...lines: string[]) => `${lines.join('\n')}\n`;
/** The fields a reader sees, for compact comparison. */
const seen = (r: DecisionRecord | undefined) => r && { kind: r.kind, number: r.number, id: r.id, title: r.title, status: r.status, date: r.date };

describe('record', () => {
  describe('parseRecordFileName', () => {
    const table: [string, ReturnType<typeof parseRecordFileName>][] = [
      ['0001-record-architecture-decisions.md', { number: 1, slug: 'record-architecture-decisions' }],
      ['0008-use-iso-8601-format-for-dates.md', { number: 8, slug: 'use-iso-8601-format-for-dates' }],
      ['0009-help-scripts.MD', { number: 9, slug: 'help-scripts' }],
      ['0010-x.md', { number: 10, slug: 'x' }],
      ['7-short.md', { number: 7, slug: 'short' }],
      ['12345-five-digits.md', { number: 12345, slug: 'five-digits' }],
      ['0001-use-CC0-or-MIT-as-license.md', { number: 1, slug: 'use-CC0-or-MIT-as-license' }],
      ['0001-readme-first.md', { number: 1, slug: 'readme-first' }],
      ['20200926-use-the-adr-number-as-its-unique-id.md', { date: '2020-09-26', slug: 'use-the-adr-number-as-its-unique-id' }],
      ['19700101-epoch.md', { date: '1970-01-01', slug: 'epoch' }],
      ['20241231-last.md', { date: '2024-12-31', slug: 'last' }],
      // Eight digits that are no calendar date from 1970 are a number (records take up to 9 digits).
      ['20241301-month-13.md', { number: 20241301, slug: 'month-13' }],
      ['20240100-day-0.md', { number: 20240100, slug: 'day-0' }],
      ['19691231-before-1970.md', { number: 19691231, slug: 'before-1970' }],
      ['123456-six-digits.md', { number: 123456, slug: 'six-digits' }],
      ['0001-.md', undefined],
      ['0001-x.txt', undefined],
      ['0001_x.md', undefined],
      ['notes.md', undefined],
      ['adr-0001.md', undefined],
      ['README.md', undefined],
      ['readme.md', undefined],
      ['index.md', undefined],
      ['template.md', undefined],
      ['0000-template.md', undefined],
      ['adr-template.md', undefined],
      ['adr-template-minimal.md', undefined],
      ['_template.md', undefined],
      ['toc.md', undefined],
      ['TOC.md', undefined],
      ['contents.md', undefined],
      ['SUMMARY.md', undefined],
      ['CHANGELOG.md', undefined],
      ['0000-readme.md', undefined],
      ['0000-index.md', undefined],
      ['0003-template-engine.md', { number: 3, slug: 'template-engine' }],
      ['20240101-template-engine.md', { date: '2024-01-01', slug: 'template-engine' }],
    ];
    for (const [name, expected] of table) {
      it(`${name} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseRecordFileName(name), expected));
    }

    it('reads back what recordFileName and datedFileName write', () => {
      for (const [n, title] of [[1, 'The First Decision'], [8, 'Eighth'], [9, 'Ninth'], [42, 'Use Node.JS'], [1234, '設計']] as const) {
        assert.deepEqual(parseRecordFileName(recordFileName(n, title)), { number: n, slug: slugify(title) });
      }
      assert.deepEqual(parseRecordFileName(datedFileName('2024-01-15', 'Use Postgres')), { date: '2024-01-15', slug: 'use-postgres' });
    });
  });

  describe('isNonRecordFileName', () => {
    it('README, index, templates, tables of contents, changelogs', () => {
      for (const name of ['README.md', 'index.md', 'template.md', '0000-template.md', 'adr-template.md', 'adr-template-bare.md', '_template-x.md', 'toc.md', 'contents.md', 'summary.md', 'changelog.md', '0000-index.md']) {
        assert.equal(isNonRecordFileName(name), true, name);
      }
    });
    it('not records that merely contain those words', () => {
      for (const name of ['0001-readme-first.md', '0002-index-the-logs.md', '0003-template-engine.md', '0004-templates-for-emails.md', '20240101-template.md', 'notes.md', 'README.txt', '20240101-toc.md']) {
        assert.equal(isNonRecordFileName(name), false, name);
      }
    });
  });

  describe('every fixture document is read as its kind', () => {
    const expectations: [string, string | undefined, 'adr' | 'rfc' | undefined][] = [
      ...markdownFilesIn('adr-tools/doc/adr').map(p => [p, 'nygard', 'adr'] as [string, string, 'adr']),
      ...markdownFilesIn('madr/docs/decisions').filter(p => /\/\d{4}-/.test(p)).map(p => [p, 'madr', 'adr'] as [string, string, 'adr']),
      ['madr/docs/decisions/adr-template.md', 'madr', 'adr'],
      ...markdownFilesIn('log4brains/docs/adr').filter(p => /\/\d{8}-/.test(p)).map(p => [p, 'log4brains', 'adr'] as [string, string, 'adr']),
      ['log4brains/docs/adr/template.md', 'log4brains', 'adr'],
      ...markdownFilesIn('rust-rfcs/text').map(p => [p, 'rust-rfc', 'rfc'] as [string, string, 'rfc']),
      ['rust-rfcs/0000-template.md', 'rust-rfc', 'rfc'],
      ['problems/docs/adr/0001-use-a-message-queue.md', 'nygard', 'adr'],
      ['problems/docs/adr/0002-skip-the-alternatives.md', 'madr', 'adr'],
      ['problems/docs/adr/0003-unknown-status.md', 'madr', 'adr'],
      ['problems/docs/adr/0004-broken-front-matter.md', 'madr', 'adr'],
      ['problems/docs/adr/0005-crlf-bom.md', 'nygard', 'adr'],
      ['problems/notes/0001-meeting-notes.md', undefined, undefined],
    ];

    it('covers all the records: 9 adr-tools, 19 MADR, 9 log4brains, 7 Rust RFC files', () => {
      const count = (k: string) => expectations.filter(e => e[1] === k).length;
      assert.deepEqual([count('nygard'), count('madr'), count('log4brains'), count('rust-rfc')], [9 + 2, 19 + 1 + 3, 9 + 1, 7]);
    });

    for (const [path, kind, hint] of expectations) {
      it(`${path} → ${kind ?? 'no record'}`, () => {
        assert.equal(read(path)?.kind, kind, 'from the content alone');
        assert.equal(read(path, { folderHint: hint })?.kind, kind, `with folder hint ${hint}`);
      });
    }

    it('README and index files are no records without a folder hint (callers skip them by name)', () => {
      for (const path of ['log4brains/docs/adr/README.md', 'log4brains/docs/adr/index.md', 'madr/docs/decisions/index.md', 'problems/docs/adr/README.md']) {
        assert.equal(read(path), undefined, path);
        assert.equal(isNonRecordFileName(path.slice(path.lastIndexOf('/') + 1)), true, path);
      }
    });

    it('a binary file is no record', () => {
      assert.equal(read('problems/docs/adr/0006-binary.md'), undefined);
    });
  });

  describe('fixture records, field by field', () => {
    it('adr-tools 0001: number, title, status, date, ranges', () => {
      const r = read('adr-tools/doc/adr/0001-record-architecture-decisions.md')!;
      assert.deepEqual(seen(r), { kind: 'nygard', number: 1, id: '0001', title: 'Record architecture decisions', status: 'accepted', date: '2016-02-12' });
      assert.equal(r.statusText, 'Accepted');
      assert.deepEqual(r.statusRange, range(6, 0, 6, 8));
      assert.deepEqual(r.titleHeading?.range, range(0, 2, 0, 34));
      assert.deepEqual(r.relations, []);
      assert.equal(r.path, 'adr-tools/doc/adr/0001-record-architecture-decisions.md');
    });

    it('adr-tools: all nine, with their dates and titles', () => {
      const got = markdownFilesIn('adr-tools/doc/adr').map(p => { const r = read(p)!; return [r.number, r.title, r.status, r.date]; });
      assert.deepEqual(got, [
        [1, 'Record architecture decisions', 'accepted', '2016-02-12'],
        [2, 'Implement as shell scripts', 'accepted', '2016-02-12'],
        [3, 'Single command with subcommands', 'accepted', '2016-02-12'],
        [4, 'Markdown format', 'accepted', '2016-02-12'],
        [5, 'Help comments', 'accepted', '2016-02-13'],
        [6, 'Packaging and distribution in other version control repositories', 'accepted', '2016-02-16'],
        [7, 'Invoke adr-config executable to get configuration', 'accepted', '2016-12-17'],
        [8, 'Use ISO 8601 Format for Dates', 'accepted', '2017-02-21'],
        [9, 'Help scripts', 'accepted', '2018-06-26'],
      ]);
    });

    it('adr-tools 0005 and 0009: the Amends / Amended by pair, status still accepted', () => {
      const five = read('adr-tools/doc/adr/0005-help-comments.md')!;
      assert.equal(five.status, 'accepted');
      assert.equal(five.statusText, 'Accepted\nAmended by [9. Help scripts](0009-help-scripts.md)');
      assert.deepEqual(five.relations, [{ type: 'amended by', label: '9. Help scripts', target: '0009-help-scripts.md' }]);
      const nine = read('adr-tools/doc/adr/0009-help-scripts.md')!;
      assert.deepEqual(nine.relations, [{ type: 'amends', label: '5. Help comments', target: '0005-help-comments.md' }]);
    });

    it('log4brains 20200926: superseded, with its relation; id is the slug; date from the bullet', () => {
      const r = read('log4brains/docs/adr/20200926-use-the-adr-number-as-its-unique-id.md')!;
      assert.deepEqual(seen(r), {
        kind: 'log4brains', number: undefined, id: 'use-the-adr-number-as-its-unique-id', title: 'Use the ADR number as its unique ID', status: 'superseded', date: '2020-09-26',
      });
      assert.deepEqual(r.relations, [{ type: 'superseded by', label: '20201016-use-the-adr-slug-as-its-unique-id', target: '20201016-use-the-adr-slug-as-its-unique-id.md' }]);
      assert.deepEqual(r.statusRange, range(2, 10, 2, 115));
    });

    it('log4brains: every record accepted but 20200926; dates from the bullets', () => {
      const got = markdownFilesIn('log4brains/docs/adr').filter(p => /\/\d{8}-/.test(p)).map(p => { const r = read(p)!; return [r.id, r.status, r.date]; });
      assert.deepEqual(got, [
        ['use-markdown-architectural-decision-records', 'accepted', '2020-09-24'],
        ['multi-packages-architecture-in-a-monorepo-with-yarn-and-lerna', 'accepted', '2020-09-25'],
        ['use-prettier-eslint-airbnb-for-the-code-style', 'accepted', '2020-09-25'],
        ['use-the-adr-number-as-its-unique-id', 'superseded', '2020-09-26'],
        ['avoid-default-exports', 'accepted', '2020-09-27'],
        ['use-the-adr-slug-as-its-unique-id', 'accepted', '2020-10-16'],
        ['the-core-api-is-responsible-for-enhancing-the-adr-markdown-body-with-mdx', 'accepted', '2020-10-26'],
        ['use-lunr-for-search', 'accepted', '2020-11-03'],
        ['distribute-log4brains-as-a-global-npm-package', 'accepted', '2021-01-13'],
      ]);
    });

    it('MADR 0003: "on hold" is an unknown status, read from the front matter line', () => {
      const r = read('madr/docs/decisions/0003-provide-own-madr-tools.md')!;
      assert.deepEqual(seen(r), { kind: 'madr', number: 3, id: '0003', title: 'Write Own MADR Tooling', status: 'unknown', date: undefined });
      assert.equal(r.statusText, 'on hold');
      assert.deepEqual(r.statusRange, range(3, 0, 3, 15));
    });

    it('MADR: numbers from the file name (0000 included), titles from the heading, no status but 0003', () => {
      const got = markdownFilesIn('madr/docs/decisions').filter(p => /\/\d{4}-/.test(p)).map(p => { const r = read(p)!; return [r.id, r.title, r.status]; });
      assert.equal(got.length, 19);
      assert.deepEqual(got[0], ['0000', 'Use Markdown Architectural Decision Records', 'missing']);
      assert.deepEqual(got[1], ['0001', 'Dual License the Work', 'missing']);
      assert.deepEqual(got[14], ['0014', 'Allow "neutral" arguments', 'missing']);
      assert.deepEqual(got[18], ['0018', 'Use "Confirmation" as Heading', 'missing']);
      assert.deepEqual(got.filter(g => g[2] !== 'missing'), [['0003', 'Write Own MADR Tooling', 'unknown']]);
    });

    it('Rust RFCs: number, title (heading, feature name or slug), start date, no status', () => {
      const got = markdownFilesIn('rust-rfcs/text').map(p => seen(read(p)));
      assert.deepEqual(got, [
        { kind: 'rust-rfc', number: 1, id: '0001', title: 'private fields', status: 'missing', date: '2014-03-11' },
        { kind: 'rust-rfc', number: 2, id: '0002', title: 'rfc process', status: 'missing', date: '2014-03-11' },
        { kind: 'rust-rfc', number: 3531, id: '3531', title: 'Macro matcher fragment specifiers edition policy', status: 'missing', date: '2023-11-15' },
        { kind: 'rust-rfc', number: 3668, id: '3668', title: 'async_closure', status: 'missing', date: '2024-06-25' },
        { kind: 'rust-rfc', number: 3691, id: '3691', title: 'Security Improvements for CI Publishing to crates.io', status: 'missing', date: '2024-09-10' },
        { kind: 'rust-rfc', number: 3935, id: '3935', title: 'project_goals_2026', status: 'missing', date: '2026-02-23' },
      ]);
    });

    it('problems: front matter status and date; CRLF and BOM read like any other record', () => {
      assert.deepEqual(seen(read('problems/docs/adr/0002-skip-the-alternatives.md')), { kind: 'madr', number: 2, id: '0002', title: 'Store uploads in object storage', status: 'accepted', date: '2024-03-11' });
      assert.deepEqual(read('problems/docs/adr/0002-skip-the-alternatives.md')!.statusRange, range(1, 0, 1, 16));
      assert.deepEqual(seen(read('problems/docs/adr/0003-unknown-status.md')), { kind: 'madr', number: 3, id: '0003', title: 'Adopt GraphQL for the public API', status: 'unknown', date: '2024-04-02' });
      const crlf = read('problems/docs/adr/0005-crlf-bom.md')!;
      assert.deepEqual(seen(crlf), { kind: 'nygard', number: 5, id: '0005', title: 'Record decisions with CRLF line endings', status: 'accepted', date: '2024-06-01' });
      assert.deepEqual(crlf.statusRange, range(6, 0, 6, 8));
    });

    it('problems 0004: broken front matter gives a missing status and the error', () => {
      const r = read('problems/docs/adr/0004-broken-front-matter.md')!;
      assert.deepEqual(seen(r), { kind: 'madr', number: 4, id: '0004', title: 'Use feature flags for risky releases', status: 'missing', date: undefined });
      assert.deepEqual(r.frontMatter?.error?.range, range(2, 0, 2, 1));
    });
  });

  describe('parseRecord on written documents', () => {
    it('the number comes from the file name first, else from the title', () => {
      const text = doc('# 12. Use X', '', 'Date: 2024-01-01', '', '## Status', '', 'Accepted');
      assert.equal(parseRecord('docs/adr/0003-use-x.md', text)?.number, 3);
      const r = parseRecord('notes/use-x.md', text)!;
      assert.deepEqual([r.number, r.id, r.title], [12, '0012', 'Use X']);
    });

    it('title from front matter, else the heading, else the slug, else the file name', () => {
      assert.equal(parseRecord('0001-x.md', doc('---', 'title: From YAML', 'status: accepted', '---', '', '# Heading'))?.title, 'From YAML');
      assert.equal(parseRecord('0001-x.md', doc('---', 'status: accepted', '---', '', '# Heading'))?.title, 'Heading');
      assert.equal(parseRecord('0001-x.md', doc('---', 'title: From YAML', 'status: accepted', '---', '', '## Context and Problem Statement', '', 'x'))?.title, 'From YAML');
      assert.equal(parseRecord('docs/adr/0004-use_snake-case.md', doc('## Context', '', 'x', '## Decision', '', 'y'), { folderHint: 'adr' })?.title, 'use snake case');
      assert.equal(parseRecord('docs/adr/Decision Log.MD', doc('## Context', '', 'x', '## Decision', '', 'y'), { folderHint: 'adr' })?.title, 'Decision Log');
    });

    it('a Nygard status paragraph of several lines keeps its first line as the range', () => {
      const text = doc('# 2. Second', '', 'Date: 1992-01-12', '', '## Status', '', '  Accepted  ', '', 'Supercedes [1. First Record](0001-first-record.md)', '', '## Context', '', 'x');
      const r = parseRecord('doc/adr/0002-second.md', text)!;
      assert.equal(r.status, 'accepted');
      assert.equal(r.statusText, 'Accepted\nSupercedes [1. First Record](0001-first-record.md)');
      assert.deepEqual(r.statusRange, range(6, 2, 6, 10));
      assert.deepEqual(r.relations, [{ type: 'supercedes', label: '1. First Record', target: '0001-first-record.md' }]);
    });

    it('a Status heading with markup or a colon; comments in the status section are skipped', () => {
      const r = parseRecord('0001-x.md', doc('# 1. X', '', '## **Status:**', '', '<!-- proposed, accepted… -->', 'Rejected', '', '## Context', '', 'c'))!;
      assert.deepEqual([r.status, r.statusText, r.statusRange], ['rejected', 'Rejected', range(5, 0, 5, 8)]);
    });

    it('front matter status wins over a Status section', () => {
      const r = parseRecord('0001-x.md', doc('---', 'status: deprecated', '---', '# X', '', '## Status', '', 'Accepted'))!;
      assert.deepEqual([r.status, r.statusRange], ['deprecated', range(1, 0, 1, 18)]);
    });

    it('MADR front matter "superseded by ADR-0123": superseded, with a relation to the id', () => {
      const r = parseRecord('docs/decisions/0007-x.md', doc('---', 'status: superseded by ADR-0123', 'date: 2024-02-02', '---', '', '# X', '', '## Context and Problem Statement', '', 'c'))!;
      assert.deepEqual([r.kind, r.status, r.date], ['madr', 'superseded', '2024-02-02']);
      assert.deepEqual(r.relations, [{ type: 'superseded by', target: 'ADR-0123' }]);
    });

    it('a custom vocabulary, any case', () => {
      const text = doc('---', 'status: Pending', '---', '# X', '', '## Context and Problem Statement', '', 'c');
      assert.equal(parseRecord('0001-x.md', text)?.status, 'unknown');
      assert.equal(parseRecord('0001-x.md', text, { statuses: ['PENDING', 'Done'] })?.status, 'pending');
    });

    it('an empty status bullet or section is a missing status', () => {
      assert.equal(parseRecord('20240101-x.md', doc('# X', '', '- Status:', '- Date: 2024-01-01', '', '## Context and Problem Statement', '', 'c'))?.status, 'missing');
      assert.equal(parseRecord('0001-x.md', doc('# 1. X', '', '## Status', '', '<!-- to do -->', '', '## Context', '', 'c'))?.status, 'missing');
    });

    it('date as written: front matter, Date: line, bullet, Start Date, else the file name', () => {
      assert.equal(parseRecord('0001-x.md', doc('# 1. X', '', 'Date: 12/01/1992', '', '## Status', '', 'Accepted'))?.date, '12/01/1992');
      assert.equal(parseRecord('20240115-x.md', doc('# X', '', '- Status: accepted', '', '## Context', '', 'c'))?.date, '2024-01-15');
      assert.equal(parseRecord('20240115-x.md', doc('# X', '', '- Status: accepted', '- Date: 2024-02-01', '', '## Context', '', 'c'))?.date, '2024-02-01');
    });
  });

  describe('detectKind', () => {
    const cases: [string, string, 'adr' | 'rfc' | undefined, string | undefined][] = [
      ['Nygard sections', doc('# Title', '## Context', 'x', '## Decision', 'y', '## Consequences', 'z'), undefined, 'nygard'],
      ['a numbered title alone', doc('# 1. Title', '', 'Some text.'), undefined, 'nygard'],
      ['a numbered title and a Date: line', doc('# 3. Title', '', 'Date: 2024-01-01'), undefined, 'nygard'],
      ['MADR sections without front matter', doc('# T', '## Context and Problem Statement', 'x', '## Considered Options', '* a', '## Decision Outcome', 'Chosen'), undefined, 'madr'],
      ['MADR front matter and Nygard headings', doc('---', 'status: accepted', '---', '# T', '## Context', 'x', '## Decision', 'y', '## Consequences', 'z'), undefined, 'madr'],
      ['a Status bullet', doc('# T', '', '- Status: accepted', '', '## Context and Problem Statement', 'x'), undefined, 'log4brains'],
      ['a Status bullet in an RFC folder', doc('# T', '', '- Status: accepted', '', '## Summary', 'x'), 'rfc', 'rfc'],
      ['a Status bullet with front matter is not log4brains', doc('---', 'date: 2024-01-01', '---', '# T', '', '- Status: accepted', '', '## Context and Problem Statement', 'x', '## Considered Options', 'o', '## Decision Outcome', 'd'), undefined, 'madr'],
      ['Rust RFC header bullets', doc('- Feature Name: `x`', '- Start Date: 2024-01-01', '', '## Summary', 's'), undefined, 'rust-rfc'],
      ['an RFC PR bullet', doc('- RFC PR: [rust-lang/rfcs#1](x)', '', '# Summary', 's'), undefined, 'rust-rfc'],
      ['a Rationale and alternatives heading', doc('# T', '## Summary', 's', '## Rationale and alternatives', 'r'), undefined, 'rust-rfc'],
      ['Spec-First RFC sections', doc('# T', '## Summary', 's', '## Motivation', 'm', '## Proposal', 'p', '## Alternatives considered', 'a', '## Failure modes and rollback', 'f'), undefined, 'rfc'],
      ['meeting notes', doc('# Meeting notes', '## Attendees', 'Ana', '## Notes', '- x'), undefined, undefined],
      ['meeting notes in an ADR folder', doc('# Meeting notes', '## Attendees', 'Ana'), 'adr', 'nygard'],
      ['meeting notes in an RFC folder', doc('# Meeting notes', '## Attendees', 'Ana'), 'rfc', 'rfc'],
      ['record front matter in an ADR folder', doc('---', 'status: proposed', '---', '# Notes'), 'adr', 'madr'],
      ['a numbered title with record front matter in an ADR folder', doc('---', 'status: proposed', '---', '# 4. Notes'), 'adr', 'madr'],
      ['a numbered title without front matter in an ADR folder', doc('# 4. Notes', '## Attendees'), 'adr', 'nygard'],
      ['an empty document', '', undefined, undefined],
      ['an empty document in an ADR folder', '', 'adr', 'nygard'],
      ['one synonym is not enough', doc('# T', '## Outcome', 'x'), undefined, undefined],
      ["one of MADR's own section titles is", doc('# T', '## Decision Outcome', 'x'), undefined, 'madr'],
    ];
    for (const [name, text, hint, expected] of cases) {
      it(`${name}${hint ? ` (hint ${hint})` : ''} → ${expected ?? 'undefined'}`, () => assert.equal(kindOf(text, hint), expected));
    }
  });

  describe('normalizeStatus', () => {
    const table: [string, string][] = [
      ['Accepted', 'accepted'],
      ['  proposed  ', 'proposed'],
      ['**Accepted**', 'accepted'],
      ['`draft`', 'draft'],
      ['[Accepted]', 'accepted'],
      ['Proposed (2024-01-01)', 'proposed'],
      ['Deprecated: use 0012 instead', 'deprecated'],
      ['Superceded by [2. Second Record](0002-second-record.md)', 'superseded'],
      ['Superseded by [2. Second Record](0002-second-record.md)', 'superseded'],
      ['superseded by ADR-0123', 'superseded'],
      ['SUPERSEDED', 'superseded'],
      ['Accepted\nAmended by [9. Help scripts](0009-help-scripts.md)', 'accepted'],
      ['Amended by [3. Third](0003-third.md)\nAccepted', 'accepted'],
      ['Accepted\nSuperceded by [3. Third Record](0003-third-record.md)', 'superseded'],
      ['Supercedes [1. First Record](0001-first-record.md)\nAccepted', 'accepted'],
      ['Supersedes [1. First](0001-first.md)', 'unknown'],
      ['on hold', 'unknown'],
      ['maybe later', 'unknown'],
      ['Accepted-ish', 'unknown'],
      ['acceptedly', 'unknown'],
      ['', 'unknown'],
      ['42', 'unknown'],
    ];
    for (const [text, expected] of table) {
      it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(normalizeStatus(text), expected));
    }

    it('the default vocabulary', () => {
      assert.deepEqual(DEFAULT_STATUSES, ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
    });

    it('a vocabulary without "superseded" does not produce it', () => {
      assert.equal(normalizeStatus('Superceded by [2. X](0002-x.md)', ['accepted', 'proposed']), 'unknown');
    });

    it('a vocabulary of several words ("on hold", "in review")', () => {
      const vocabulary = ['proposed', 'accepted', 'on hold', 'in review'];
      assert.equal(normalizeStatus('On hold', vocabulary), 'on hold');
      assert.equal(normalizeStatus('in review since May', vocabulary), 'in review');
      assert.equal(normalizeStatus('on holding', vocabulary), 'unknown');
      assert.equal(normalizeStatus('in', vocabulary), 'unknown');
      assert.equal(read('madr/docs/decisions/0003-provide-own-madr-tools.md', { statuses: ['accepted', 'On Hold'] })?.status, 'on hold');
    });
  });

  describe("relations, from adr-tools' own outputs", () => {
    /** Each record shown by `head -N doc/adr/…` in a transcript, parsed. */
    const shown = (name: string) => parseTranscript(readExpected(name))
      .map(s => ({ m: /^head -\d+ doc\/adr\/(\S+\.md)$/.exec(s.command), output: s.output }))
      .filter(s => s.m)
      .map(s => parseRecord(`doc/adr/${s.m![1]}`, `${s.output.join('\n')}\n`)!);

    it('supercede-existing-adr: Superceded by in the old record, Supercedes in the new', () => {
      const [first, second] = shown('supercede-existing-adr');
      assert.deepEqual([first.number, first.status, first.relations], [1, 'superseded', [{ type: 'superceded by', label: '2. Second Record', target: '0002-second-record.md' }]]);
      assert.deepEqual([second.number, second.status, second.relations], [2, 'accepted', [{ type: 'supercedes', label: '1. First Record', target: '0001-first-record.md' }]]);
    });

    it('supercede-multiple-adrs: two superseded records, one that supersedes both', () => {
      const [first, second, third] = shown('supercede-multiple-adrs');
      assert.deepEqual([first.status, first.relations], ['superseded', [{ type: 'superceded by', label: '3. Third Record', target: '0003-third-record.md' }]]);
      assert.deepEqual([second.status, second.relations], ['superseded', [{ type: 'superceded by', label: '3. Third Record', target: '0003-third-record.md' }]]);
      assert.deepEqual([third.status, third.relations], ['accepted', [
        { type: 'supercedes', label: '1. First Record', target: '0001-first-record.md' },
        { type: 'supercedes', label: '2. Second Record', target: '0002-second-record.md' },
      ]]);
    });

    it('linking-new-records: Amends / Clarifies and their reverse links', () => {
      const [first, second, third] = shown('linking-new-records');
      assert.deepEqual(first.relations, [{ type: 'amended by', label: '3. Third Record', target: '0003-third-record.md' }]);
      assert.deepEqual(second.relations, [{ type: 'clarified by', label: '3. Third Record', target: '0003-third-record.md' }]);
      assert.deepEqual(third.relations, [
        { type: 'amends', label: '1. First Record', target: '0001-first-record.md' },
        { type: 'clarifies', label: '2. Second Record', target: '0002-second-record.md' },
      ]);
      assert.deepEqual([first.status, second.status, third.status], ['accepted', 'accepted', 'accepted']);
    });

    it('plain-text relations and a colon after the type', () => {
      const r = (status: string) => parseRecord('0004-x.md', doc('# 4. X', '', '## Status', '', ...status.split('\n'), '', '## Context', '', 'c'))!.relations;
      assert.deepEqual(r('Superseded by ADR-0123'), [{ type: 'superseded by', target: 'ADR-0123' }]);
      assert.deepEqual(r('Amends 0002-y.md'), [{ type: 'amends', target: '0002-y.md' }]);
      assert.deepEqual(r('Superseded by: [5. Five](0005-five.md)'), [{ type: 'superseded by', label: '5. Five', target: '0005-five.md' }]);
      assert.deepEqual(r('Accepted'), []);
      assert.deepEqual(r('See [the wiki](https://example.com/a b)'), []);
    });
  });
});

describe('record file names: up to 9 digits, 8-digit dates stay dates', () => {
  const TABLE: [string, { number?: number; date?: string; slug: string } | undefined][] = [
    ['0007-use-x.md', { number: 7, slug: 'use-x' }],
    ['100000-use-x.md', { number: 100000, slug: 'use-x' }],
    ['123456789-use-x.md', { number: 123456789, slug: 'use-x' }],
    ['1234567890-use-x.md', undefined],
    ['20240115-use-x.md', { date: '2024-01-15', slug: 'use-x' }],
    ['20241399-use-x.md', { number: 20241399, slug: 'use-x' }],
    ['README.md', undefined],
  ];
  for (const [name, expected] of TABLE) {
    it(`${name} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseRecordFileName(name), expected));
  }

  it('a record numbered past 99999 is a record, its title number checked (SF009)', () => {
    const text = '# 123456. Use X\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs.\n';
    assert.equal(parseRecord('doc/adr/123456-use-x.md', text)?.number, 123456);
    assert.ok(lintText('doc/adr/123457-use-x.md', text).some(f => f.code === 'SF009'));
  });
});
