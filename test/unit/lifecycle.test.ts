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
import { FileEdits, RecordText, changeStatusEdits, linkEdits, renumberEdits, supersedeEdits, tableOfContents } from '../../src/core/lifecycle';
import { lintText } from '../../src/core/lint';
import { recordFileName } from '../../src/core/numbering';
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
});
