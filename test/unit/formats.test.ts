/**
 * The format objects (core/formats.ts) and the one Status/Links heading matcher (core/recordSections.ts):
 * every lifecycle edit on every heading variant reads back as intended without a second Status
 * section; a project kind is written by the format its configuration names; Rust RFCs are refused;
 * relations written as sentences are read, outside code and quotes; and the vocabulary is resolved
 * in one place.
 */
import * as assert from 'node:assert/strict';
import { FORMATS, FORMAT_IDS, formatOf, lifecycleRefusal, relationPhraseProblem } from '../../src/core/formats';
import { KINDS, ProjectKind } from '../../src/core/kinds';
import { RecordText, addRelationEdits, changeStatusEdits, linkEdits, supersedeEdits } from '../../src/core/lifecycle';
import { lintText } from '../../src/core/lint';
import { scanOutline } from '../../src/core/outline';
import { DecisionRecord, ParseOptions, parseRecord, statusVocabulary } from '../../src/core/record';
import { SENTENCE_RELATIONS } from '../../src/core/recordRelations';
import { isLinksHeading, isStatusHeading, statusSection } from '../../src/core/recordSections';
import { LINK_TYPES } from '../../src/core/lifecycle';
import { applyTextEdits } from '../../src/core/text';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;

function recordText(path: string, text: string, options: ParseOptions = { folderHint: 'adr' }): RecordText {
  const record = parseRecord(path, text, options);
  assert.ok(record, `${path} reads as a record`);
  return { path, text, record };
}

/** The text after `edits`, read back as a record with the same options. */
function after(r: RecordText, edits: readonly { range: unknown; newText: string }[], options: ParseOptions = { folderHint: 'adr' }): { text: string; record: DecisionRecord } {
  const text = applyTextEdits(r.text, edits as never);
  const record = parseRecord(r.path, text, options);
  assert.ok(record, `${r.path} still reads as a record:\n${text}`);
  return { text, record };
}

const statusHeadings = (text: string) => scanOutline(text).headings.filter(isStatusHeading).length;

/** A Nygard record whose Status heading is written `statusHeading` (one line, or two for setext). */
const nygardWith = (n: number, title: string, statusHeading: string[], status = 'Accepted') =>
  doc(`# ${n}. ${title}`, '', 'Date: 2024-01-01', '', ...statusHeading, '', status, '', '## Context', '', 'c', '', '## Decision', '', 'd', '', '## Consequences', '', 'It costs a cluster.');

describe('format objects and the Status/Links headings', () => {
  const variants: [string, string[]][] = [
    ['## Status', ['## Status']],
    ['## Status:', ['## Status:']],
    ['## **Status**', ['## **Status**']],
    ['## 2. Status', ['## 2. Status']],
    ['### Status', ['### Status']],
    ['setext Status / ------', ['Status', '------']],
  ];

  for (const [name, heading] of variants) {
    describe(`a Nygard record whose Status heading is "${name}"`, () => {
      const a = recordText('doc/adr/0001-use-kafka.md', nygardWith(1, 'Use Kafka', heading));
      const b = recordText('doc/adr/0002-use-pulsar.md', nygardWith(2, 'Use Pulsar', heading));

      it('is read: its status, and where it is written', () => {
        assert.equal(a.record.status, 'accepted');
        assert.equal(a.record.statusText, 'Accepted');
        const at = a.record.statusRange!;
        assert.equal(a.text.split('\n')[at.start.line].slice(at.start.character, at.end.character), 'Accepted', 'the range covers the status, not the underline');
      });

      it('Change Status rewrites it there, without a second Status section', () => {
        const out = after(a, changeStatusEdits(a, 'deprecated'));
        assert.equal(out.record.status, 'deprecated');
        assert.equal(statusHeadings(out.text), 1, out.text);
      });

      it('Link Records adds the relation to it, and the record reads it back', () => {
        const [from, to] = linkEdits(a, 'Amends', b, 'Amended by');
        const outA = after(a, from.edits);
        const outB = after(b, to.edits);
        assert.equal(statusHeadings(outA.text), 1, outA.text);
        assert.equal(statusHeadings(outB.text), 1, outB.text);
        assert.deepEqual(outA.record.relations.map(r => [r.type, r.target]), [['amends', '0002-use-pulsar.md']]);
        assert.deepEqual(outB.record.relations.map(r => [r.type, r.target]), [['amended by', '0001-use-kafka.md']]);
        assert.equal(outA.record.status, 'accepted');
      });

      it('Supersede writes "Superceded by" in it, and "Supercedes" in the newer record', () => {
        const [older, newer] = supersedeEdits(a, b);
        const outA = after(a, older.edits);
        const outB = after(b, newer.edits);
        assert.equal(outA.record.status, 'superseded');
        assert.equal(statusHeadings(outA.text), 1, outA.text);
        assert.match(outA.text, /^Superceded by \[2\. Use Pulsar\]\(0002-use-pulsar\.md\)$/m);
        assert.deepEqual(outB.record.relations.map(r => [r.type, r.target]), [['supercedes', '0001-use-kafka.md']]);
      });
    });
  }

  it('one matcher: Status and Links headings at any level from 2, any markup and numbering; never the title', () => {
    const outline = scanOutline(doc('# Status', '', '## 3) **Links**', '', '## More information:', '', '## Statuses'));
    assert.deepEqual(outline.headings.map(h => [isStatusHeading(h), isLinksHeading(h)]), [[true, false], [false, true], [false, true], [false, false]]);
    assert.equal(statusSection(outline), undefined, 'a document titled "Status" has no Status section');
  });

  it('every format object is the built-in kind of the same id, and says how it writes', () => {
    for (const id of FORMAT_IDS) assert.equal(FORMATS[id].spec, KINDS[id]);
    assert.equal(FORMATS.nygard.statusAsWritten('accepted'), 'Accepted');
    assert.equal(FORMATS.madr.statusAsWritten('accepted'), 'accepted');
    assert.equal(FORMATS.nygard.relationAsWritten('superseded by'), 'Superceded by');
    assert.equal(FORMATS.log4brains.relationAsWritten('superseded by'), 'Superseded by');
    const r = recordText('doc/adr/0007-use-x.md', nygardWith(7, 'Use X', ['## Status'])).record;
    assert.deepEqual(FORMAT_IDS.map(id => FORMATS[id].linkLabel(r)), ['7. Use X', 'ADR-0007', 'Use X', 'Use X', 'Use X']);
  });

  describe('a project kind is written by its format', () => {
    const kind = (format?: ProjectKind['format']): ProjectKind => ({
      kind: 'kep', label: 'KEP', missingStatus: 'warning', files: ['keps/**/README.md'], format,
      sections: [{ title: 'Summary', level: 2, required: true, aliases: [], prompt: '…' }, { title: 'Status', level: 2, required: true, aliases: [], prompt: '…', concept: 'status' }],
    });
    const kep = doc('# KEP-1: Sidecars', '', '## Summary', '', 's', '', '## Status', '', 'provisional');
    const options = (format?: ProjectKind['format']): ParseOptions => ({ kinds: [kind(format)], statuses: ['provisional', 'implementable', 'implemented'] });

    it('"format": "nygard": the status is read from and written to its Status section', () => {
      const r = recordText('keps/0001/README.md', kep, options('nygard'));
      assert.equal(r.record.kind, 'kep');
      assert.equal(r.record.format, 'nygard');
      assert.equal(r.record.status, 'provisional');
      const out = after(r, changeStatusEdits(r, 'implementable', undefined, options('nygard').statuses), options('nygard'));
      assert.equal(out.record.status, 'implementable');
      assert.equal(out.text, kep.replace('provisional', 'Implementable'), 'the status of the project\'s vocabulary gives way');
      assert.ok(!out.text.startsWith('---'), 'no front matter added');
    });

    it('"format": "madr": the status goes to front matter, as MADR keeps it', () => {
      const text = doc('---', 'status: provisional', '---', '', '# Sidecars', '', '## Summary', '', 's');
      const r = recordText('keps/0001/README.md', text, options('madr'));
      assert.equal(r.record.format, 'madr');
      const out = after(r, changeStatusEdits(r, 'implemented'), options('madr'));
      assert.equal(out.record.status, 'implemented');
      assert.match(out.text, /^---\nstatus: implemented\n---/);
    });

    it('without "format", the format its content reads as', () => {
      const r = recordText('keps/0001/README.md', doc('# Sidecars', '', '- Status: provisional', '- Date: 2024-01-01', '', '## Summary', '', 's'), options());
      assert.equal(r.record.format, 'log4brains');
      const out = after(r, changeStatusEdits(r, 'implemented', '2024-02-02'), options());
      assert.match(out.text, /- Status: implemented\n- Date: 2024-02-02\n/);
    });
  });

  it('Rust RFCs keep no status: lifecycle commands are refused with a message, other formats are not', () => {
    const rust = recordText('text/0060-rename-strbuf.md', doc('- Start Date: 2014-05-01', '- RFC PR: #60', '', '# Summary', '', 's', '', '# Motivation', '', 'm', '', '# Drawbacks', '', 'd', '', '# Rationale and alternatives', '', 'a'), {});
    assert.equal(rust.record.format, 'rust-rfc');
    assert.match(lifecycleRefusal(rust.record) ?? '', /Rust RFC: its status is its pull request's/);
    for (const id of FORMAT_IDS.filter(f => f !== 'rust-rfc')) assert.equal(lifecycleRefusal({ ...rust.record, format: id }), undefined, id);
  });

  describe('relations written as sentences', () => {
    const base = (...body: string[]) => doc('# 4. Cache sessions', '', 'Date: 2024-01-01', '', '## Status', '', 'Accepted', '', '## Context', '', ...body, '', '## Decision', '', 'd', '', '## Consequences', '', 'c');
    const relations = (...body: string[]) => parseRecord('doc/adr/0004-cache-sessions.md', base(...body), { folderHint: 'adr' })!.relations.map(r => [r.type, r.target]);

    it('a paragraph, a bullet or a numbered item starting with a relation phrase and a link or an id', () => {
      assert.deepEqual(relations('Supersedes [3. Use PostgreSQL](0003-use-postgres.md) for session storage.'), [['supersedes', '0003-use-postgres.md']]);
      assert.deepEqual(relations('- Amends: [ADR-0002](0002-use-kafka.md)', '1. Extended by ADR-0009', '* Clarified by ADR 7, later.'),
        [['amends', '0002-use-kafka.md'], ['extended by', 'ADR-0009'], ['clarified by', 'ADR-7']]);
      assert.deepEqual(relations('Depends on <https://example.com>, not a record.', '', 'Relates to [the wiki](https://example.com/a.md)'), [['relates to', 'https://example.com/a.md']]);
    });

    it('not inside code, block quotes or comments, not mid-paragraph, not without a link or an id', () => {
      assert.deepEqual(relations(
        '```', 'Supersedes [3](0003-use-postgres.md)', '```', '',
        '> Supersedes [3](0003-use-postgres.md)', '',
        '<!-- Supersedes [3](0003-use-postgres.md) -->', '',
        'We looked at it.', 'Supersedes [3](0003-use-postgres.md) is a continuation line.', '',
        'Extends the deadline by a week.', '', 'Supersedesx [3](0003-use-postgres.md)',
      ), []);
    });

    it('a relation written twice (in the status and as a sentence) is one relation', () => {
      const text = base('Amended by [2. Use Kafka](0002-use-kafka.md)').replace('Accepted', 'Accepted\n\nAmended by [2. Use Kafka](0002-use-kafka.md)');
      assert.deepEqual(parseRecord('doc/adr/0004-cache-sessions.md', text, { folderHint: 'adr' })!.relations.map(r => r.type), ['amended by']);
    });

    it('every relation Link Records offers is read as a sentence, both ways', () => {
      for (const pair of LINK_TYPES) for (const phrase of pair) assert.ok(SENTENCE_RELATIONS.includes(phrase.toLowerCase()), phrase);
    });

    it('a sentence relation to a record is one-sided (SF017) until the other record writes its reverse', () => {
      const text = base('Amends [3. Use PostgreSQL](0003-use-postgres.md) for sessions.');
      const other = nygardWith(3, 'Use PostgreSQL', ['## Status']);
      const workspace = [
        { path: 'doc/adr/0004-cache-sessions.md', record: parseRecord('doc/adr/0004-cache-sessions.md', text, { folderHint: 'adr' })! },
        { path: 'doc/adr/0003-use-postgres.md', record: parseRecord('doc/adr/0003-use-postgres.md', other, { folderHint: 'adr' })! },
      ];
      const codes = lintText('doc/adr/0003-use-postgres.md', other, { folderHint: 'adr', workspace: { records: workspace } }).map(f => f.code);
      assert.ok(codes.includes('SF017'), codes.join());
    });
  });

  it('the status vocabulary: a setting the user set, else the project\'s, else the default; trimmed, lower case, no repeats', () => {
    assert.deepEqual(statusVocabulary(), ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
    assert.deepEqual(statusVocabulary({ project: ['Proposed', ' On hold ', 'proposed'] }), ['proposed', 'on hold']);
    assert.deepEqual(statusVocabulary({ setting: ['Accepted'], project: ['proposed'] }), ['accepted']);
    assert.deepEqual(statusVocabulary({ setting: [' '], project: ['proposed'] }), ['proposed'], 'a blank setting is no setting');
  });

  it('Link Records on a MADR record without a links section makes "More Information" with "*" bullets; log4brains "Links" with "-"', () => {
    const madr = recordText('docs/decisions/0003-x.md', doc('---', 'status: accepted', '---', '', '# X', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '', '## Decision Outcome', '', 'Chosen option: "a"'), {});
    const target = { path: 'docs/decisions/0002-y.md', record: { ...madr.record, number: 2, title: 'Y' } };
    assert.equal(formatOf(madr.record).id, 'madr');
    assert.match(applyTextEdits(madr.text, addRelationEdits(madr, 'amends', target)), /## More Information\n\n\* Amends \[ADR-0002\]\(0002-y\.md\)\n$/);
    const l4b = recordText('docs/adr/20240101-x.md', doc('# X', '', '- Status: accepted', '', '## Context and Problem Statement', '', 'c'), {});
    assert.match(applyTextEdits(l4b.text, addRelationEdits(l4b, 'amends', target)), /## Links\n\n- Amends \[Y\]\(\.\.\/decisions\/0002-y\.md\)\n$/);
  });
});

describe('relations a user names (Link Records, "Other…")', () => {
  const a = recordText('doc/adr/0001-use-kafka.md', nygardWith(1, 'Use Kafka', ['## Status']));
  const b = recordText('doc/adr/0002-use-pulsar.md', nygardWith(2, 'Use Pulsar', ['## Status']));
  const l4b = recordText('docs/adr/20240101-x.md', doc('# X', '', '- Status: accepted', '', '## Context and Problem Statement', '', 'c'), {});

  it('a phrase it accepts is written so that the record reads it back, in the status (Nygard) and as a Links bullet', () => {
    for (const phrase of ['Refines', 'Refined by', 'Is blocked-by', 'Relates   to', 'x', 'Follows-']) {
      assert.equal(relationPhraseProblem(phrase), undefined, phrase);
      for (const from of [a, l4b]) {
        const out = after(from, addRelationEdits(from, phrase, b), from === a ? { folderHint: 'adr' } : {});
        assert.ok(out.record.relations.some(r => r.type === phrase.trim().replace(/\s+/g, ' ').toLowerCase()), `${phrase} in ${from.path}:\n${out.text}`);
      }
    }
  });

  it('refuses what would not read back: brackets, digits, punctuation, a blank, a sentence', () => {
    for (const phrase of ['', '  ', '[Refines]', '2nd of', 'Refines:', 'Refines (partly)', '-Refines', 'a'.repeat(41)]) {
      assert.ok(relationPhraseProblem(phrase), JSON.stringify(phrase));
    }
  });
});

describe('front matter keys as YAML writes them', () => {
  it('a quoted "status" or "date" key is where the status and the date are written (not the front matter\'s ---)', () => {
    const text = doc('---', '"status": proposed', "'date': 2024-01-01", '---', '', '# Use X', '', '## Context and Problem Statement', '', 'c');
    const r = recordText('docs/decisions/0001-use-x.md', text, {});
    assert.deepEqual([r.record.status, r.record.statusRange?.start.line, r.record.date, r.record.dateRange?.start.line], ['proposed', 1, '2024-01-01', 2]);
    const out = after(r, changeStatusEdits(r, 'accepted', '2024-02-02'), {});
    assert.match(out.text, /^---\nstatus: accepted\n'date': 2024-02-02\n---\n/);
  });
});

describe('kind detection in an RFC folder', () => {
  it('a document with front matter status and no sections yet is an RFC there (it read as MADR)', () => {
    const text = doc('---', 'status: draft', '---', '', '# Streams', '', 'To be written.');
    assert.equal(parseRecord('docs/rfcs/0009-streams.md', text, { folderHint: 'rfc' })?.kind, 'rfc');
    assert.equal(parseRecord('docs/adr/0009-streams.md', text, { folderHint: 'adr' })?.kind, 'madr', 'in an ADR folder, still MADR');
  });
});

describe('red-team findings', () => {
  const relationsOf = (...body: string[]) => parseRecord('doc/adr/0004-x.md', doc('# 4. X', '', '## Status', '', 'Accepted', '', '## Context', '', ...body), { folderHint: 'adr' })!.relations.map(r => [r.type, r.target]);

  it('prose with a word and a number is no relation; an ADR id is', () => {
    assert.deepEqual(relationsOf('Depends on Java 17 being available.', '', 'Extends beyond 2 regions.', '', 'Relates to GDPR 2016 rules.'), []);
    assert.deepEqual(relationsOf('Amended by ADR 3, in part.', '', 'Extends adr-0005.'), [['amended by', 'ADR-3'], ['extends', 'adr-0005']]);
  });

  it('no relation from indented code or from inside an HTML comment, blank lines included', () => {
    assert.deepEqual(relationsOf('Text.', '', '    Supersedes [x](0002-x.md)', '', '<!--', 'help', '', 'Supersedes [x](0002-x.md)', '-->', '', '\tAmends [y](0003-y.md)'), []);
  });

  it('Change Status keeps a paragraph that only starts with a status word, and text in a fence or a comment', () => {
    const text = doc('# 1. Use X', '', 'Date: 2024-01-01', '', '## Status', '', 'Accepted', '', 'Proposed by the platform team in 2019,', 'see the minutes.', '', '<!--', 'Proposed', '-->', '', '## Context', '', 'c');
    const r = recordText('doc/adr/0001-use-x.md', text);
    const out = after(r, changeStatusEdits(r, 'deprecated'));
    assert.equal(out.record.status, 'deprecated');
    assert.match(out.text, /## Status\n\nDeprecated\n\nProposed by the platform team in 2019,\nsee the minutes\.\n\n<!--\nProposed\n-->\n\n## Context/);
  });

  it('MADR superseded by a record of another folder gets a link: an id names a record of its own folder', () => {
    const older = recordText('docs/decisions/0003-x.md', doc('---', 'status: accepted', '---', '', '# X', '', '## Context and Problem Statement', '', 'c'), {});
    const same = { path: 'docs/decisions/0009-y.md', record: { ...older.record, number: 9, title: 'Y' } };
    const elsewhere = { path: 'docs/rfcs/0009-y.md', record: { ...older.record, number: 9, title: 'Y' } };
    assert.match(applyTextEdits(older.text, supersedeEdits(older, { ...same, text: '' })[0].edits), /status: superseded by ADR-0009\n/);
    assert.match(applyTextEdits(older.text, supersedeEdits(older, { ...elsewhere, text: '' })[0].edits), /status: superseded by \[ADR-0009\]\(\.\.\/rfcs\/0009-y\.md\)\n/);
  });
});
