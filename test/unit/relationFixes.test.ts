/**
 * The quick fixes of SF017 (one-sided relation) and SF018 (superseded, still accepted) write what
 * the lifecycle commands write: Link Records (`linkEdits`) for the missing reverse link, Supersede
 * (`supersedeEdits`) for the older record's status, on Nygard, MADR and log4brains records. The
 * records' titles hold brackets, which a link label must escape, so that a fix building its own
 * link differs from the lifecycle's.
 */
import * as assert from 'node:assert/strict';
import { RecordText, linkEdits, supersedeEdits } from '../../src/core/lifecycle';
import { Finding, lintText } from '../../src/core/lint';
import { parseRecord } from '../../src/core/record';
import { applyEdits } from '../support/textEdits';

const record = (path: string, text: string): RecordText => ({ path, text, record: parseRecord(path, text)! });
const edited = (r: RecordText, edits: Parameters<typeof applyEdits>[1]): RecordText => record(r.path, applyEdits(r.text, edits));

/** An older and a newer record of one format, both accepted; the older's status may hold another paragraph. */
interface Format {
  readonly name: string;
  older(extraStatus?: string): RecordText;
  newer(): RecordText;
}

const FORMATS: readonly Format[] = [
  {
    name: 'Nygard',
    older: extra => record('doc/adr/0001-use-a-queue.md', `# 1. Use a queue\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n${extra ? `\n${extra}\n` : ''}\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs.\n`),
    newer: () => record('doc/adr/0002-use-kafka.md', '# 2. Use Kafka [the fast one]\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs.\n'),
  },
  {
    name: 'MADR',
    older: () => record('docs/decisions/0001-use-a-queue.md', '---\nstatus: accepted\ndate: 2024-01-01\n---\n\n# Use a queue\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* a\n* b\n\n## Decision Outcome\n\nChosen option: "a", because it is.\n'),
    newer: () => record('docs/decisions/use-kafka.md', '---\nstatus: accepted\ndate: 2024-02-01\n---\n\n# Use Kafka [the fast one]\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* a\n* b\n\n## Decision Outcome\n\nChosen option: "a", because it is.\n'),
  },
  {
    name: 'log4brains',
    older: () => record('docs/adr/20240101-use-a-queue.md', '# Use a queue\n\n- Status: accepted\n- Date: 2024-01-01\n\n## Context and Problem Statement\n\nc\n\n## Decision Outcome\n\nd\n'),
    newer: () => record('docs/adr/20240201-use-kafka.md', '# Use Kafka [the fast one]\n\n- Status: accepted\n- Date: 2024-02-01\n\n## Context and Problem Statement\n\nc\n\n## Decision Outcome\n\nd\n'),
  },
];

/** The one finding of `code` on `r`, linted with `others` as its workspace. */
function finding(r: RecordText, code: string, others: readonly RecordText[]): Finding {
  const workspace = { records: [r, ...others].map(x => ({ path: x.path, record: x.record })) };
  const found = lintText(r.path, r.text, { workspace }).filter(f => f.code === code);
  assert.equal(found.length, 1, `one ${code}: ${JSON.stringify(found.map(f => f.message))}`);
  return found[0];
}

describe('SF017 and SF018 fixes write what the lifecycle commands write', () => {
  for (const format of FORMATS) {
    it(`${format.name}: SF018's fix sets the older record's status as Supersede does`, () => {
      const older = format.older(format.name === 'Nygard' ? 'Amended by [3. Tune it](0003-tune-it.md)' : undefined);
      // Supersede written on the newer side only: the older record still says accepted.
      const newer = edited(format.newer(), supersedeEdits(older, format.newer())[1].edits);
      const fix = finding(older, 'SF018', [newer]).fix;
      assert.ok(fix);
      const expected = applyEdits(older.text, supersedeEdits(older, newer)[0].edits);
      assert.equal(applyEdits(older.text, fix.edits), expected);
      assert.equal(parseRecord(older.path, expected)!.status, 'superseded');
    });

    it(`${format.name}: SF017's fix adds the reverse link as Link Records does, and its title quotes the link written`, () => {
      const older = format.older();
      // "Amends" written on the newer side only.
      const newer = edited(format.newer(), linkEdits(format.newer(), 'Amends', older, 'Amended by')[0].edits);
      const fix = finding(older, 'SF017', [newer]).fix;
      assert.ok(fix);
      const expected = applyEdits(older.text, linkEdits(newer, 'Amends', older, 'Amended by')[1].edits);
      assert.equal(applyEdits(older.text, fix.edits), expected);
      const quoted = /"(.*)"/.exec(fix.title)?.[1];
      assert.ok(quoted && expected.split('\n').some(l => l.endsWith(quoted)), `${fix.title} quotes a line of\n${expected}`);
    });
  }

  it('Nygard: SF017\'s fix for a one-sided supersede adds adr-tools\' "Superceded by" as Link Records does', () => {
    const older = FORMATS[0].older();
    const newer = edited(FORMATS[0].newer(), supersedeEdits(older, FORMATS[0].newer())[1].edits);
    const fix = finding(older, 'SF017', [newer]).fix;
    assert.ok(fix);
    assert.equal(applyEdits(older.text, fix.edits), applyEdits(older.text, linkEdits(newer, 'Supersedes', older, 'Superseded by')[1].edits));
    assert.equal(fix.title, 'Add "Superceded by [2. Use Kafka \\[the fast one\\]](0002-use-kafka.md)" to the status');
  });
});
