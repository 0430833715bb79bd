/**
 * The lifecycle operations against adr-tools' own expected outputs: `adr new -s` (supersede one and
 * several records), `adr link` and `adr new -l` (linking), `adr generate toc` (plain, with a prefix,
 * with intro and outro) replayed on records Spec-First renders, byte for byte. Then the same
 * operations on MADR and log4brains records, status changes with dates, renumbering with its links,
 * and the decision graph.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileEdits, RecordText, adrToolsVerb, changeStatusEdits, linkEdits, renumberEdits, supersedeEdits, tableOfContents } from '../../src/core/lifecycle';
import { lintText } from '../../src/core/lint';
import { FORMATS } from '../../src/core/formats';
import { recordFileName } from '../../src/core/numbering';
import { resolveLink } from '../../src/core/paths';
import type { Range } from '../../src/core/text';
import { parseRecord } from '../../src/core/record';
import { renderTemplate } from '../../src/core/templates';
import { parseTranscript } from '../support/adrToolsExpected';
import { FIXTURES } from '../support/fixtures';
import { applyEdits } from '../support/textEdits';

const DATE = '1992-01-12';

/** A folder of records in memory, driven by adr-tools commands. */
class Log {
  readonly files = new Map<string, string>();
  constructor(private readonly dir = 'doc/adr') {}

  get(number: number): RecordText {
    const prefix = `${this.dir}/${String(number).padStart(4, '0')}-`;
    const file = [...this.files.keys()].find(f => f.startsWith(prefix));
    assert.ok(file, `no record ${number}`);
    return this.read(file);
  }

  read(file: string): RecordText {
    const text = this.files.get(file)!;
    return { path: file, text, record: parseRecord(file, text, { folderHint: 'adr' })! };
  }

  apply(changes: readonly FileEdits[]): void {
    for (const c of changes) this.files.set(c.path, applyEdits(this.files.get(c.path)!, c.edits));
  }

  /** `adr new [-s N]… [-l "N:Rel:Rev"]… Title`. */
  run(command: string): void {
    const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map(m => m[1] ?? m[2]).slice(2);
    if (command.startsWith('adr link ')) {
      const [source, relation, target, reverse] = args;
      this.apply(linkEdits(this.get(+source), relation, this.get(+target), reverse));
      return;
    }
    const supersede: number[] = [];
    const links: string[] = [];
    while (args[0] === '-s' || args[0] === '-l') {
      const [flag, value] = args.splice(0, 2);
      if (flag === '-s') supersede.push(+value);
      else links.push(value);
    }
    const title = args.join(' ');
    const number = this.files.size + 1;
    const file = `${this.dir}/${recordFileName(number, title)}`;
    this.files.set(file, renderTemplate('nygard', { number, title, date: DATE, status: 'Accepted' }).text);
    for (const n of supersede) this.apply(supersedeEdits(this.get(n), this.read(file)));
    for (const l of links) {
      const [target, relation, reverse] = l.split(':');
      this.apply(linkEdits(this.read(file), relation, this.get(+target), reverse));
    }
  }
}

function replay(name: string): number {
  const log = new Log();
  let checked = 0;
  const steps = parseTranscript(fs.readFileSync(path.join(FIXTURES, 'adr-tools-expected', `${name}.expected`), 'utf8'));
  const written = new Map<string, string>();
  for (const step of steps) {
    const cat = /^cat > (\S+) <<EOF$/.exec(step.command);
    if (cat) written.set(cat[1], step.output.slice(0, -1).join('\n'));
    else if (step.command.startsWith('adr new') || step.command.startsWith('adr link')) log.run(step.command);
    else if (step.command.startsWith('head ')) {
      const [, n, file] = /^head -(\d+) (\S+)$/.exec(step.command)!;
      assert.equal(log.files.get(file)!.split('\n').slice(0, +n).join('\n').replace(/\n+$/, ''), step.output.join('\n').replace(/\n+$/, ''), step.command);
      checked++;
    } else if (step.command.startsWith('adr generate toc')) {
      const intro = / -i (\S+)/.exec(step.command)?.[1];
      const outro = / -o (\S+)/.exec(step.command)?.[1];
      const prefix = / -p (\S+)/.exec(step.command)?.[1];
      const records = [...log.files.keys()].map(f => log.read(f));
      const toc = tableOfContents(records, { prefix, intro: intro && written.get(intro), outro: outro && written.get(outro) });
      assert.equal(toc, `${step.output.join('\n').replace(/\n+$/, '')}\n`, step.command);
      checked++;
    }
  }
  return checked;
}

describe('lifecycle', () => {
  describe("adr-tools' expected outputs, replayed", () => {
    for (const [name, steps] of [['supercede-existing-adr', 2], ['supercede-multiple-adrs', 3], ['linking', 3], ['linking-new-records', 3],
      ['generate-contents', 1], ['generate-contents-with-prefix', 1], ['generate-contents-with-header-and-footer', 1]] as const) {
      it(name, () => assert.equal(replay(name), steps));
    }

    it('keeps other status paragraphs when superseding, and lint finds the pair consistent', () => {
      const log = new Log();
      log.run('adr new First Record');
      log.run('adr new Second Record');
      log.run('adr link 2 Amends 1 "Amended by"');
      log.run('adr new -s 1 Third Record');
      const first = log.get(1).text;
      assert.match(first, /\n## Status\n\nAmended by \[2\. Second Record\]\(0002-second-record\.md\)\n\nSuperceded by \[3\. Third Record\]\(0003-third-record\.md\)\n\n## Context\n/);
      const records = [1, 2, 3].map(n => log.get(n));
      const workspace = { records: records.map(r => ({ path: r.path, record: r.record })) };
      for (const r of records) {
        const relational = lintText(r.path, r.text, { workspace }).filter(f => ['SF016', 'SF017', 'SF018'].includes(f.code));
        assert.deepEqual(relational, [], r.path);
      }
    });
  });

  describe('MADR and log4brains, in their own way', () => {
    const madr = (n: number, title: string) => {
      const path = `docs/decisions/${recordFileName(n, title)}`;
      const text = `---\nstatus: accepted\ndate: 2024-01-0${n}\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* a\n* b\n\n## Decision Outcome\n\nChosen option: "a", because it is.\n`;
      return { path, text, record: parseRecord(path, text)! };
    };

    it('MADR: "superseded by ADR-0002" in the older record, a Supersedes bullet under More Information in the newer', () => {
      const older = madr(1, 'Use Kafka');
      const newer = madr(2, 'Use Pulsar');
      const [a, b] = supersedeEdits(older, newer);
      const olderText = applyEdits(older.text, a.edits);
      const newerText = applyEdits(newer.text, b.edits);
      assert.match(olderText, /^status: superseded by ADR-0002$/m);
      assert.ok(newerText.endsWith('\n## More Information\n\n* Supersedes [ADR-0001](0001-use-kafka.md)\n'), newerText);
      const o = parseRecord(older.path, olderText)!;
      assert.equal(o.status, 'superseded');
      const n = parseRecord(newer.path, newerText)!;
      assert.deepEqual(n.relations.map(r => [r.type, r.target]), [['supersedes', '0001-use-kafka.md']]);
    });

    it('log4brains: the Status bullet names the successor; the Links section gets the Supersedes bullet', () => {
      const l4b = (date: string, title: string, links = '') => {
        const path = `docs/adr/${date.replace(/-/g, '')}-${title.toLowerCase().replace(/\W+/g, '-')}.md`;
        const text = `# ${title}\n\n- Status: accepted\n- Date: ${date}\n\n## Context and Problem Statement\n\nc\n\n## Decision Outcome\n\nd\n${links}`;
        return { path, text, record: parseRecord(path, text)! };
      };
      const older = l4b('2024-01-01', 'Use Kafka');
      const newer = l4b('2024-02-01', 'Use Pulsar', '\n## Links\n\n- Relates to [Use Kafka](20240101-use-kafka.md)\n');
      const [a, b] = supersedeEdits(older, newer);
      assert.match(applyEdits(older.text, a.edits), /^- Status: superseded by \[Use Pulsar\]\(20240201-use-pulsar\.md\)$/m);
      assert.ok(applyEdits(newer.text, b.edits).endsWith('## Links\n\n- Relates to [Use Kafka](20240101-use-kafka.md)\n- Supersedes [Use Kafka](20240101-use-kafka.md)\n'));
    });

    it('MADR without a number: the status links the successor, so it resolves (a bare title did not)', () => {
      const older = madr(1, 'Use Kafka');
      const text = `---\nstatus: accepted\n---\n\n# Use Pulsar: the sequel #2\n\n## Context and Problem Statement\n\nc\n`;
      const newer = { path: 'docs/decisions/use-pulsar.md', text, record: parseRecord('docs/decisions/use-pulsar.md', text)! };
      const olderText = applyEdits(older.text, supersedeEdits(older, newer)[0].edits);
      const read = parseRecord(older.path, olderText)!;
      assert.equal(read.status, 'superseded');
      assert.deepEqual(read.relations.map(r => [r.type, resolveLink(older.path, r.target)]), [['superseded by', newer.path]]);
    });

    it('a date the record reads from a key the edits cannot find is left alone: the front matter stays whole (its `---` was replaced)', () => {
      const text = '---\nstatus: accepted\n"date": 2024-01-01\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n\nc\n';
      const r = { path: 'docs/decisions/0001-use-kafka.md', text, record: parseRecord('docs/decisions/0001-use-kafka.md', text)! };
      assert.equal(r.record.date, '2024-01-01');
      const changed = applyEdits(text, changeStatusEdits(r, 'deprecated', '2026-11-23'));
      assert.match(changed, /^---\nstatus: deprecated\n/);
      assert.equal(parseRecord(r.path, changed)!.status, 'deprecated');
    });

    it('changes a status and records the date where the format keeps one', () => {
      const r = madr(1, 'Use Kafka');
      const text = applyEdits(r.text, changeStatusEdits(r, 'deprecated', '2026-11-23'));
      assert.match(text, /^---\nstatus: deprecated\ndate: 2026-11-23\n---\n/);
      const log = new Log();
      log.run('adr new First Record');
      const nygard = log.get(1);
      const changed = applyEdits(nygard.text, changeStatusEdits(nygard, 'deprecated', '2026-11-23'));
      assert.match(changed, /\nDate: 1992-01-12\n\n## Status\n\nDeprecated\n/, 'adr-tools\' Date: is the creation date: kept');
    });
  });

  describe('hand-edited Nygard records', () => {
    const NEWER = '# 2. Use Pulsar\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n';
    const nygard = (path: string, text: string): RecordText => ({ path, text, record: parseRecord(path, text, { folderHint: 'adr' })! });
    const newer = nygard('doc/adr/0002-use-pulsar.md', NEWER);
    /** Supersedes `olderText` (record 1) with record 2; returns the older record's new text, read back. */
    const supersede = (olderText: string) => {
      const older = nygard('doc/adr/0001-use-kafka.md', olderText);
      const [a, b] = supersedeEdits(older, newer);
      const text = applyEdits(older.text, a.edits);
      const read = parseRecord(older.path, text, { folderHint: 'adr' })!;
      const newerRead = parseRecord(newer.path, applyEdits(newer.text, b.edits), { folderHint: 'adr' })!;
      assert.deepEqual(newerRead.relations.map(r => [r.type, r.target]), [['supercedes', '0001-use-kafka.md']]);
      return { text, status: read.status, relations: read.relations.map(r => [r.type, r.target]) };
    };
    const HEAD = '# 1. Use Kafka\n\nDate: 2024-01-01\n\n## Status\n\n';

    it('a paragraph before Accepted: the paragraph stays, Accepted goes, the link ends the section (edits overlapped)', () => {
      const r = supersede(`${HEAD}We discussed this at length.\n\nAccepted\n\n## Context\n\nc\n`);
      assert.equal(r.text, `${HEAD}We discussed this at length.\n\nSuperceded by [2. Use Pulsar](0002-use-pulsar.md)\n\n## Context\n\nc\n`);
      assert.equal(r.status, 'superseded');
      assert.deepEqual(r.relations, [['superceded by', '0002-use-pulsar.md']]);
    });

    it('Accepted on the last line of a file without a final line break (an edit ended past the text)', () => {
      const r = supersede(`${HEAD}We discussed this.\n\nAccepted`);
      assert.equal(r.text, `${HEAD}We discussed this.\n\nSuperceded by [2. Use Pulsar](0002-use-pulsar.md)`);
      assert.equal(r.status, 'superseded');
    });

    it('a sub-heading under Status: the link goes before it, so the status reads back (the record had none left)', () => {
      const r = supersede(`${HEAD}Accepted\n\n### History\n\nProposed in May.\n\n## Context\n\nc\n`);
      assert.equal(r.text, `${HEAD}Superceded by [2. Use Pulsar](0002-use-pulsar.md)\n\n### History\n\nProposed in May.\n\n## Context\n\nc\n`);
      assert.equal(r.status, 'superseded');
      assert.deepEqual(r.relations, [['superceded by', '0002-use-pulsar.md']]);
    });

    it('a sub-heading under Status: a link is added before it too', () => {
      const source = nygard('doc/adr/0001-use-kafka.md', `${HEAD}Accepted\n\n### History\n\nProposed in May.\n`);
      const [a] = linkEdits(source, 'Amends', newer, 'Amended by');
      const read = parseRecord(source.path, applyEdits(source.text, a.edits), { folderHint: 'adr' })!;
      assert.equal(read.status, 'accepted');
      assert.deepEqual(read.relations.map(r => [r.type, r.target]), [['amends', '0002-use-pulsar.md']]);
    });

    it('changing the status keeps a relation paragraph written before the status word (it was replaced)', () => {
      const r = nygard('doc/adr/0001-use-kafka.md', `${HEAD}Amended by [2. Use Pulsar](0002-use-pulsar.md)\n\nAccepted\n\n## Context\n\nc\n`);
      const text = applyEdits(r.text, changeStatusEdits(r, 'deprecated', '2026-11-23'));
      assert.equal(text, `${HEAD}Deprecated\n\nAmended by [2. Use Pulsar](0002-use-pulsar.md)\n\n## Context\n\nc\n`);
      const read = parseRecord(r.path, text, { folderHint: 'adr' })!;
      assert.equal(read.status, 'deprecated');
      assert.deepEqual(read.relations.map(x => [x.type, x.target]), [['amended by', '0002-use-pulsar.md']]);
    });

    it('changing a superseded record\'s status replaces its "Superceded by" paragraph, which was its status', () => {
      const r = nygard('doc/adr/0001-use-kafka.md', `${HEAD}Superceded by [2. Use Pulsar](0002-use-pulsar.md)\n\n## Context\n\nc\n`);
      const read = parseRecord(r.path, applyEdits(r.text, changeStatusEdits(r, 'accepted')), { folderHint: 'adr' })!;
      assert.equal(read.status, 'accepted');
    });

    it('a title with brackets and a file name with spaces and parentheses: the link reads back to the record', () => {
      const odd = nygard('doc/adr/0002-use (odd) names.md', NEWER.replace('Use Pulsar', 'Use [brackets] and \\ here'));
      const older = nygard('doc/adr/0001-use-kafka.md', `${HEAD}Accepted\n`);
      const [a, b] = supersedeEdits(older, odd);
      const text = applyEdits(older.text, a.edits);
      assert.equal(text, `${HEAD}Superceded by [2. Use \\[brackets\\] and \\\\ here](0002-use%20%28odd%29%20names.md)\n`);
      const read = parseRecord(older.path, text, { folderHint: 'adr' })!;
      assert.deepEqual(read.relations.map(x => [x.type, resolveLink(older.path, x.target)]), [['superceded by', odd.path]]);
      const back = parseRecord(odd.path, applyEdits(odd.text, b.edits), { folderHint: 'adr' })!;
      assert.deepEqual(back.relations.map(x => [x.type, resolveLink(odd.path, x.target)]), [['supercedes', older.path]]);
    });

    it('statusAsWritten and adrToolsVerb take empty and blank words without throwing', () => {
      assert.equal(FORMATS.nygard.statusAsWritten(''), '');
      assert.equal(FORMATS.madr.statusAsWritten(''), '');
      assert.equal(adrToolsVerb('  '), '');
      assert.equal(adrToolsVerb(''), '');
      assert.equal(adrToolsVerb('  superseded   by '), 'Superceded by');
    });
  });

  describe('renumber', () => {
    it('renames the record, its title\'s number and every link to it, adr-tools\' labels included', () => {
      const log = new Log();
      log.run('adr new First Record');
      log.run('adr new Second Record');
      log.run('adr new -s 2 Third Record');
      const second = log.get(2);
      const others = [1, 3].map(n => log.get(n));
      const { newPath, files } = renumberEdits(second, 7, others);
      assert.equal(newPath, 'doc/adr/0007-second-record.md');
      const own = files.find(f => f.path === second.path)!;
      assert.match(applyEdits(second.text, own.edits), /^# 7\. Second Record\n/);
      const third = files.find(f => f.path === others[1].path)!;
      assert.match(applyEdits(others[1].text, third.edits), /\nSupercedes \[7\. Second Record\]\(0007-second-record\.md\)\n/);
      assert.equal(files.some(f => f.path === others[0].path), false, 'a record without links is not touched');
    });
  });

  describe('records the fuzzer broke (test/support/fuzz.ts): every edit reads back', () => {
    const read = (path: string, text: string, folderHint: 'adr' | 'rfc' = 'adr') => ({ path, text, record: parseRecord(path, text, { folderHint })! });
    const l4b = (path: string, text: string) => read(`docs/adr/${path}`, text);
    const OLDER = l4b('20240101-use-kafka.md', '# Use Kafka\n\n- Status: accepted\n- Date: 2024-01-01\n\n## Context and Problem Statement\n\nc\n');
    const after = (r: RecordText, edits: readonly { range: Range; newText: string }[], folderHint: 'adr' | 'rfc' = 'adr') => parseRecord(r.path, applyEdits(r.text, edits), { folderHint })!;
    const relations = (r: { relations: readonly { type: string; target: string }[] }) => r.relations.map(x => [x.type, x.target]);

    for (const [what, tail] of [['a code block never closed', '\n```sh\nnpm install\n'], ['an HTML comment never closed', '\n<!-- to do\n\nmore\n']] as const) {
      it(`a record ending in ${what}: the new Links section is closed off from it (it was code, or comment)`, () => {
        const newer = l4b('20240201-use-pulsar.md', `# Use Pulsar\n\n- Status: accepted\n- Date: 2024-02-01\n\n## Context and Problem Statement\n\nc\n${tail}`);
        const [, b] = supersedeEdits(OLDER, newer);
        assert.deepEqual(relations(after(newer, b.edits)), [['supersedes', '20240101-use-kafka.md']]);
      });
    }

    it('a Nygard record whose text after the title is one open code block: the new Status section reads back', () => {
      const r = read('doc/adr/0005-help.md', '# 5. Help comments\n~~~\nDate: 2016-02-13\n\n## Status\n\nAccepted\n');
      assert.equal(r.record.status, 'missing');
      assert.equal(after(r, changeStatusEdits(r, 'deprecated')).status, 'deprecated');
    });

    it('a Rust RFC keeps its Start Date when its status changes (it was replaced, as a last-changed date)', () => {
      const r = read('text/0001-x.md', '- Feature Name: x\n- Start Date: 2014-03-11\n- RFC PR: [#1](https://x.test/1)\n\n# Summary\n\ns\n', 'rfc');
      const changed = after(r, changeStatusEdits(r, 'accepted', '2026-11-23'), 'rfc');
      assert.equal(changed.status, 'accepted');
      assert.equal(changed.date, '2014-03-11');
    });

    it('a date on the line where new front matter goes is still changed (edits on one line need not overlap)', () => {
      const r = read('docs/rfcs/0001-x.md', '- Date: 2024-01-01\n\n# Use X\n\n## Summary\n\ns\n', 'rfc');
      assert.equal(r.record.kind, 'rfc');
      const changed = after(r, changeStatusEdits(r, 'accepted', '2026-11-23'), 'rfc');
      assert.deepEqual([changed.status, changed.date], ['accepted', '2026-11-23']);
    });

    it('an empty "- Date:" bullet gets the date after its colon (the value was placed at the start of the line)', () => {
      const r = l4b('20240101-x.md', '# X\n\n- Status: accepted\n- Date:\n\n## Context and Problem Statement\n\nc\n');
      const text = applyEdits(r.text, changeStatusEdits(r, 'deprecated', '2026-11-23'));
      assert.match(text, /^- Date: 2026-11-23$/m);
      assert.deepEqual([parseRecord(r.path, text)!.status, parseRecord(r.path, text)!.date], ['deprecated', '2026-11-23']);
    });

    it('a status value that also occurs earlier in its line is replaced where it is (`- Status: a`: the `a` of "Status" was)', () => {
      const r = l4b('20240101-x.md', '# X\n\n- Status: a\n- Date: 2024-01-01\n\n## Context and Problem Statement\n\nc\n');
      assert.equal(after(r, changeStatusEdits(r, 'accepted')).status, 'accepted');
    });

    it('a status bullet where the metadata is not read is not the one changed: text above the title, or the bullet 40 lines down', () => {
      for (const text of [
        '- Date: 2024-01-01\n\n# X\n\n- Status: accepted\n\n## Context and Problem Statement\n\nc\n## Considered Options\n\n- a\n\n## Decision Outcome\n\nd\n',
        `# X\n${'\n'.repeat(45)}- Status: accepted\n- Date: 2024-01-01\n\n## Context and Problem Statement\n\nc\n## Decision Outcome\n\nd\n`,
      ]) {
        const r = l4b('20240101-x.md', text);
        assert.equal(after(r, changeStatusEdits(r, 'deprecated')).status, 'deprecated', text.slice(0, 30));
        const [a] = supersedeEdits(r, OLDER);
        assert.equal(after(r, a.edits).status, 'superseded', text.slice(0, 30));
      }
    });

    it('a Rust RFC with a "- Status:" bullet: the status goes where a Rust RFC\'s status is read (the bullet is not)', () => {
      const r = read('text/0002-x.md', '- Status: accepted\n- Feature Name: x\n- Start Date: 2014-03-11\n\n# Summary\n\ns\n', 'rfc');
      const other = read('text/0003-y.md', '- Feature Name: y\n- Start Date: 2014-04-11\n\n# Summary\n\ns\n', 'rfc');
      assert.equal(r.record.kind, 'rust-rfc');
      const [a] = supersedeEdits(r, other);
      const read2 = after(r, a.edits, 'rfc');
      assert.equal(read2.status, 'superseded');
      assert.deepEqual(relations(read2), [['superseded by', '0003-y.md']]);
    });

    it('a quoted status key in front matter is the one replaced (the front matter\'s `---` was, and the record lost its status)', () => {
      const text = '---\n"status": accepted\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n\nc\n';
      const r = read('docs/decisions/0001-use-kafka.md', text);
      const changed = applyEdits(text, changeStatusEdits(r, 'deprecated'));
      assert.ok(changed.startsWith('---\nstatus: deprecated\n---\n'), changed);
      assert.equal(parseRecord(r.path, changed)!.status, 'deprecated');
    });

    it('a status key written twice in front matter: both say the new status (the first changed, YAML read the second)', () => {
      const text = '---\nstatus: accepted\nparent: Decisions\nstatus: on hold\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n\nc\n';
      const r = read('docs/decisions/0001-use-kafka.md', text);
      assert.equal(r.record.statusText, 'on hold', 'YAML reads the last key');
      const [a] = supersedeEdits(r, read('docs/decisions/0002-use-pulsar.md', text.replace('Kafka', 'Pulsar')));
      const changed = applyEdits(text, a.edits);
      assert.equal(changed.match(/^status: superseded by ADR-0002$/gm)?.length, 2, changed);
      assert.equal(parseRecord(r.path, changed)!.status, 'superseded');
    });

    it('renumbering a record named by ADR id in a status key written twice: both ids follow (the second, the one YAML reads, did not)', () => {
      const text = '---\nstatus: superseded by ADR-0002\nparent: Decisions\nstatus: superseded by ADR-0002\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n\nc\n';
      const older = read('docs/decisions/0001-use-kafka.md', text);
      const newer = read('docs/decisions/0002-use-pulsar.md', '---\nstatus: accepted\n---\n\n# Use Pulsar\n\n## Context and Problem Statement\n\nc\n');
      const { files } = renumberEdits(newer, 7, [older]);
      const changed = applyEdits(text, files.find(f => f.path === older.path)!.edits);
      assert.equal(changed.match(/^status: superseded by ADR-0007$/gm)?.length, 2, changed);
    });

    it('a title holding U+2028 (a line separator to JavaScript, not to Markdown): the link bullet still reads back', () => {
      const odd = l4b('20240301-odd.md', '# Odd\u2028title\n\n- Status: accepted\n- Date: 2024-03-01\n\n## Context and Problem Statement\n\nc\n');
      const [a] = linkEdits(OLDER, 'Amends', odd, 'Amended by');
      assert.deepEqual(relations(after(OLDER, a.edits)), [['amends', '20240301-odd.md']]);
    });
  });

  describe('renumber, beyond adr-tools', () => {
    it('a record numbered from 100000 gets the new number in place of its whole prefix (five digits were replaced)', () => {
      const text = '# 100000. Big Log\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n';
      const target = { path: 'doc/adr/100000-big-log.md', text, record: parseRecord('doc/adr/100000-big-log.md', text, { folderHint: 'adr' })! };
      const { newPath, files } = renumberEdits(target, 7, []);
      assert.equal(newPath, 'doc/adr/0007-big-log.md');
      assert.match(applyEdits(text, files[0].edits), /^# 7\. Big Log\n/);
    });

    it('MADR: the ADR-NNNN id of a "superseded by" status and the label of a Supersedes bullet follow the number', () => {
      const madr = (n: number, title: string, extra = '') => {
        const path = `docs/decisions/${recordFileName(n, title)}`;
        const text = `---\nstatus: accepted\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nc\n${extra}`;
        return { path, text, record: parseRecord(path, text)! };
      };
      const older = madr(1, 'Use Kafka');
      const newer = madr(2, 'Use Pulsar');
      const [a, b] = supersedeEdits(older, newer);
      const o = { ...older, text: applyEdits(older.text, a.edits) };
      const superseded = { ...o, record: parseRecord(o.path, o.text)! };
      const { newPath, files } = renumberEdits(newer, 7, [superseded]);
      const olderText = applyEdits(superseded.text, files.find(f => f.path === older.path)!.edits);
      assert.match(olderText, /^status: superseded by ADR-0007$/m);
      const n = { ...newer, text: applyEdits(newer.text, b.edits) };
      const moved = renumberEdits(older, 9, [{ ...n, record: parseRecord(n.path, n.text)! }]);
      assert.ok(applyEdits(n.text, moved.files[0].edits).endsWith('* Supersedes [ADR-0009](0009-use-kafka.md)\n'));
      assert.equal(newPath, 'docs/decisions/0007-use-pulsar.md');
    });
  });

});
