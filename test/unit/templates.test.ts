/**
 * Proves that new records are written as their tools write them: the Nygard template byte for byte
 * as in adr-tools' expected outputs (create-first-record, create-mutiple-records, funny-characters,
 * avoid-octal-numbers), a project's own template as adr-tools fills it (project-specific-template),
 * MADR 4 full and minimal, log4brains and the RFC with the title in place and the cursor on the first
 * thing to replace, and that `auto` picks the format the folder already uses.
 */
import * as assert from 'node:assert/strict';
import { nextNumber, recordFileName } from '../../src/core/numbering';
import { KINDS } from '../../src/core/kinds';
import { parseRecord } from '../../src/core/record';
import { LintOptions, lintText } from '../../src/core/lint';
import {
  MADR_MINIMAL_TEMPLATE, MADR_TEMPLATE, NYGARD_TEMPLATE, TemplateId, chooseTemplate, fillAdrToolsTemplate, renderTemplate,
} from '../../src/core/templates';
import { range } from '../../src/core/text';
import { adrNewTitle, parseTranscript } from '../support/adrToolsExpected';
import { readExpected } from '../support/fixtures';

/**
 * What lint says of a new record: missing sections, status or front matter problems (SF001, SF003–SF005)
 * must be none. Its sections hold the template's prompts, which SF002 asks the author to replace: each
 * required section of the kind must be among those SF002 names.
 */
function structural(path: string, text: string, kind: keyof typeof KINDS, options?: LintOptions): string[] {
  const findings = lintText(path, text, options);
  const prompted = findings.filter(f => f.code === 'SF002').map(f => /^Section "([^"]+)"/.exec(f.message)?.[1]);
  const unprompted = KINDS[kind].sections.filter(s => s.required && s.concept !== 'status' && !prompted.includes(s.title)).map(s => `not reported as a prompt: ${s.title}`);
  return [...findings.filter(f => /^SF00[1345]$/.test(f.code)).map(f => `${f.code} ${f.message}`), ...unprompted];
}

/** The date adr-tools' test harness fixes (ADR_DATE). */
const DATE = '1992-01-12';
const CONTEXT_PROMPT = 'The issue motivating this decision, and any context that influences or constrains the decision.';

/** Replays a transcript: the records `adr new` made (file name → number and title), and every `cat`/`head -N` of one with its output. */
function replay(name: string) {
  const made = new Map<string, { number: number; title: string }>();
  const shown: { command: string; file: string; lines?: number; output: readonly string[] }[] = [];
  const listings: { output: readonly string[]; expected: string[] }[] = [];
  for (const step of parseTranscript(readExpected(name))) {
    const title = adrNewTitle(step.command);
    if (title !== undefined) {
      const number = nextNumber(made.keys());
      made.set(recordFileName(number, title), { number, title });
      assert.equal(step.output[0], `doc/adr/${recordFileName(number, title)}`, `${name}: ${step.command}`);
      continue;
    }
    const show = /^(?:cat|head -(\d+)) doc\/adr\/(\S+\.md)$/.exec(step.command);
    if (show) shown.push({ command: step.command, file: show[2], lines: show[1] ? +show[1] : undefined, output: step.output });
    if (step.command === 'ls doc/adr') listings.push({ output: step.output, expected: [...made.keys()].sort() });
  }
  return { made, shown, listings };
}

describe('templates', () => {
  describe("Nygard, against adr-tools' expected outputs", () => {
    for (const name of ['create-first-record', 'create-mutiple-records', 'funny-characters', 'avoid-octal-numbers']) {
      it(`${name}: every file shown is what renderTemplate('nygard') writes, byte for byte`, () => {
        const { made, shown, listings } = replay(name);
        assert.ok(made.size > 0);
        for (const s of shown) {
          const record = made.get(s.file);
          assert.ok(record, `${s.file} was not made by adr new`);
          const text = renderTemplate('nygard', { number: record.number, title: record.title, date: DATE }).text;
          if (s.lines === undefined) {
            // `cat` prints the whole file; the transcript drops only its final line break.
            assert.equal(text, `${s.output.join('\n')}\n`, s.command);
          } else {
            assert.deepEqual(text.split('\n').slice(0, s.lines), s.output, s.command);
          }
        }
        for (const l of listings) assert.deepEqual(l.output, l.expected);
        if (name !== 'funny-characters') assert.ok(shown.length > 0, 'the transcript shows at least one file');
      });
    }

    it('create-first-record: the whole file, spelled out', () => {
      const { text, selection } = renderTemplate('nygard', { number: 1, title: 'The First Decision', date: DATE });
      assert.equal(text, [
        '# 1. The First Decision', '', 'Date: 1992-01-12', '', '## Status', '', 'Accepted', '', '## Context', '',
        CONTEXT_PROMPT, '', '## Decision', '', "The change that we're proposing or have agreed to implement.", '',
        '## Consequences', '', 'What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.', '',
      ].join('\n'));
      // The cursor selects the Context prompt (line 10), the first thing the author replaces.
      assert.deepEqual(selection, range(10, 0, 10, CONTEXT_PROMPT.length));
    });

    it('funny characters stay in the title as typed, the number is not padded', () => {
      const { text } = renderTemplate('nygard', { number: 3, title: '-Bar-', date: DATE });
      assert.equal(text.split('\n')[0], '# 3. -Bar-');
      assert.equal(renderTemplate('nygard', { number: 12, title: 'Something About Node.JS', date: DATE }).text.split('\n')[0], '# 12. Something About Node.JS');
    });

    it('writes the status given instead of Accepted', () => {
      const { text } = renderTemplate('nygard', { number: 2, title: 'T', date: DATE, status: 'Proposed' });
      assert.equal(text.split('\n')[6], 'Proposed');
    });

    it('reads back as the record it describes, with no structural finding', () => {
      const { text } = renderTemplate('nygard', { number: 7, title: 'Use a message queue', date: '2024-02-01' });
      const r = parseRecord('doc/adr/0007-use-a-message-queue.md', text)!;
      assert.deepEqual([r.kind, r.number, r.id, r.title, r.status, r.date], ['nygard', 7, '0007', 'Use a message queue', 'accepted', '2024-02-01']);
      assert.deepEqual(structural('doc/adr/0007-use-a-message-queue.md', text, 'nygard'), []);
    });
  });

  describe('project template (adr-tools templates/template.md)', () => {
    const steps = parseTranscript(readExpected('project-specific-template'));
    const heredoc = steps.find(s => s.command.startsWith('cat > adrs/templates/template.md'))!;
    // The heredoc body, without its EOF line; the shell writes each line with its line break.
    const template = `${heredoc.output.slice(0, -1).join('\n')}\n`;
    const cat = (file: string) => `${steps.find(s => s.command === `cat adrs/${file}`)!.output.join('\n')}\n`;

    it('finds the template in the transcript', () => {
      assert.equal(heredoc.output.at(-1), 'EOF');
      assert.ok(template.startsWith('# TITLE\n\nProject specific template!\n'));
      assert.ok(template.endsWith('Date: DATE\n\n'));
    });

    it('fillAdrToolsTemplate gives 0002-aaa-bbb.md and 0003-ccc-ddd.md exactly', () => {
      assert.equal(fillAdrToolsTemplate(template, { number: 2, title: 'Aaa Bbb', date: DATE }), cat('0002-aaa-bbb.md'));
      assert.equal(fillAdrToolsTemplate(template, { number: 3, title: 'Ccc Ddd', date: DATE }), cat('0003-ccc-ddd.md'));
    });

    it("renderTemplate('project') gives the same text, from a CRLF template too", () => {
      const expected = cat('0002-aaa-bbb.md');
      assert.equal(renderTemplate('project', { number: 2, title: 'Aaa Bbb', date: DATE }, template).text, expected);
      assert.equal(renderTemplate('project', { number: 2, title: 'Aaa Bbb', date: DATE }, template.replace(/\n/g, '\r\n')).text, expected);
    });

    it('selects the first line under the second heading when the template has no Nygard prompt', () => {
      const { selection } = renderTemplate('project', { number: 2, title: 'Aaa Bbb', date: DATE }, template);
      // 0 "# Aaa Bbb", 2 "Project specific template!", 4 "# Status", 6 "Accepted".
      assert.deepEqual(selection, range(6, 0, 6, 8));
    });

    it('without a project template text, renders the Nygard template', () => {
      const values = { number: 4, title: 'X', date: DATE };
      assert.equal(renderTemplate('project', values).text, renderTemplate('nygard', values).text);
    });

    it('replaces the first NUMBER, TITLE, DATE and STATUS of each line, as sed without /g', () => {
      assert.equal(fillAdrToolsTemplate('NUMBER NUMBER\nTITLE / TITLE\nDATE STATUS DATE\n', { number: 5, title: 'T', date: DATE }), `5 NUMBER\nT / TITLE\n${DATE} Accepted DATE\n`);
    });

    it('never substitutes inside a value: a title holding DATE or STATUS stays as typed', () => {
      assert.equal(fillAdrToolsTemplate('# NUMBER. TITLE\n\nDate: DATE\n\nSTATUS\n', { number: 1, title: 'Move the DATE and STATUS columns', date: DATE, status: 'Proposed' }),
        `# 1. Move the DATE and STATUS columns\n\nDate: ${DATE}\n\nProposed\n`);
      assert.equal(fillAdrToolsTemplate('TITLE DATE', { number: 1, title: 'DATE', date: '2020-01-01' }), 'DATE 2020-01-01');
    });

    it('is the built-in template that NYGARD_TEMPLATE holds', () => {
      assert.equal(NYGARD_TEMPLATE.split('\n')[0], '# NUMBER. TITLE');
      assert.equal(fillAdrToolsTemplate(NYGARD_TEMPLATE, { number: 1, title: 'A', date: DATE }), renderTemplate('nygard', { number: 1, title: 'A', date: DATE }).text);
    });
  });

  describe('MADR, log4brains and RFC', () => {
    const values = { number: 5, title: 'Use Postgres for storage', date: '2024-01-15' };

    it('MADR: status and date in the front matter, the title as the heading, cursor on the first {placeholder}', () => {
      const { text, selection } = renderTemplate('madr', values);
      const lines = text.split('\n');
      assert.deepEqual(lines.slice(0, 10), [
        '---',
        '# These are optional metadata elements. Feel free to remove any of them.',
        'status: proposed',
        'date: 2024-01-15',
        'decision-makers: {list everyone involved in the decision}',
        'consulted: {list everyone whose opinions are sought (typically subject-matter experts); and with whom there is a two-way communication}',
        'informed: {list everyone who is kept up-to-date on progress; and with whom there is a one-way communication}',
        '---',
        '',
        '# Use Postgres for storage',
      ]);
      assert.deepEqual(selection, range(4, 17, 4, 17 + '{list everyone involved in the decision}'.length));
      // Only those three lines differ from MADR's template.
      assert.equal(lines.length, MADR_TEMPLATE.split('\n').length);
      const differ = MADR_TEMPLATE.split('\n').map((l, i) => l === lines[i] ? -1 : i).filter(i => i >= 0);
      assert.deepEqual(differ, [2, 3, 9]);
    });

    it('MADR: a given status replaces the status placeholder', () => {
      assert.equal(renderTemplate('madr', { ...values, status: 'accepted' }).text.split('\n')[2], 'status: accepted');
    });

    it('MADR: reads back as a proposed MADR record, with no structural finding', () => {
      const { text } = renderTemplate('madr', values);
      const r = parseRecord('docs/decisions/0005-use-postgres-for-storage.md', text)!;
      assert.deepEqual([r.kind, r.number, r.title, r.status, r.date], ['madr', 5, 'Use Postgres for storage', 'proposed', '2024-01-15']);
      assert.equal(r.frontMatter?.error, undefined);
      assert.deepEqual(structural('docs/decisions/0005-use-postgres-for-storage.md', text, 'madr'), []);
    });

    it('MADR minimal: the title in the heading, cursor on the Context placeholder', () => {
      const { text, selection } = renderTemplate('madr-minimal', values);
      assert.equal(text, MADR_MINIMAL_TEMPLATE.replace('{short title, representative of solved problem and found solution}', values.title));
      assert.equal(text.split('\n')[0], '# Use Postgres for storage');
      const line4 = text.split('\n')[4];
      assert.ok(line4.startsWith('{Describe the context and problem statement'));
      assert.deepEqual(selection, range(4, 0, 4, line4.length));
      assert.equal(parseRecord('docs/decisions/0005-x.md', text)?.kind, 'madr');
    });

    it('log4brains: title, metadata bullets, MADR 2 sections; cursor on the Context prompt', () => {
      const { text, selection } = renderTemplate('log4brains', values);
      const lines = text.split('\n');
      assert.deepEqual(lines.slice(0, 10), [
        '# Use Postgres for storage',
        '',
        '- Status: proposed',
        '- Deciders: [list everyone involved in the decision]',
        '- Date: 2024-01-15',
        '- Tags: [space and/or comma separated list of tags]',
        '',
        '## Context and Problem Statement',
        '',
        '[Describe the context and problem statement, e.g., in free form using two to three sentences. You may want to articulate the problem in form of a question.]',
      ]);
      assert.deepEqual(lines.filter(l => l.startsWith('## ')), ['## Context and Problem Statement', '## Considered Options', '## Decision Outcome']);
      assert.deepEqual(selection, range(9, 0, 9, lines[9].length));
      const r = parseRecord('docs/adr/20240115-use-postgres-for-storage.md', text)!;
      assert.deepEqual([r.kind, r.id, r.title, r.status, r.date], ['log4brains', 'use-postgres-for-storage', 'Use Postgres for storage', 'proposed', '2024-01-15']);
      assert.deepEqual(structural('docs/adr/20240115-use-postgres-for-storage.md', text, 'log4brains'), []);
    });

    it('RFC: front matter, title, the eight sections in order; cursor on the authors placeholder', () => {
      const { text, selection } = renderTemplate('rfc', { ...values, number: 12 });
      const lines = text.split('\n');
      assert.deepEqual(lines.slice(0, 7), ['---', 'status: proposed', 'date: 2024-01-15', 'authors: {who writes this RFC}', '---', '', '# Use Postgres for storage']);
      assert.deepEqual(lines.filter(l => l.startsWith('## ')), [
        '## Summary', '## Motivation', '## Goals and non-goals', '## Proposal', '## Alternatives considered',
        '## Failure modes and rollback', '## Risks', '## Unresolved questions',
      ]);
      assert.deepEqual(selection, range(3, 9, 3, 30));
      assert.ok(text.endsWith('What must be settled before acceptance, and what can wait until implementation.\n'));
      const r = parseRecord('docs/rfcs/0012-use-postgres-for-storage.md', text, { folderHint: 'rfc' })!;
      assert.deepEqual([r.kind, r.number, r.title, r.status, r.date], ['rfc', 12, 'Use Postgres for storage', 'proposed', '2024-01-15']);
      assert.deepEqual(structural('docs/rfcs/0012-use-postgres-for-storage.md', text, 'rfc', { folderHint: 'rfc' }), []);
    });

    it('a title, status or date holding $&, $\', $` or $1 is written as typed, in every template', () => {
      const odd = { number: 4, title: "Pay $& keep $' and $` or $1 $$", date: '2024-$&-01', status: 'proposed $\'' };
      for (const id of ['nygard', 'madr', 'madr-minimal', 'log4brains', 'rfc', 'project'] as TemplateId[]) {
        const { text } = renderTemplate(id, odd);
        assert.ok(text.includes(odd.title), `${id}: ${text.split('\n').find(l => l.includes('Pay'))}`);
      }
      const madr = renderTemplate('madr', odd).text.split('\n');
      assert.deepEqual([madr[2], madr[3]], ["status: proposed $'", 'date: 2024-$&-01']);
    });

    it('every template ends with exactly one line break and uses \\n only', () => {
      for (const id of ['nygard', 'madr', 'madr-minimal', 'log4brains', 'rfc', 'project'] as TemplateId[]) {
        const { text } = renderTemplate(id, values);
        assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), id);
        assert.ok(!text.includes('\r'), id);
      }
    });
  });

  describe('chooseTemplate', () => {
    const cases: [string, boolean, string[], TemplateId][] = [
      ['auto', true, [], 'project'],
      ['nygard', true, ['madr'], 'project'],
      ['madr-minimal', true, [], 'project'],
      ['nygard', false, ['madr', 'madr'], 'nygard'],
      ['madr', false, ['nygard'], 'madr'],
      ['madr-minimal', false, [], 'madr-minimal'],
      ['auto', false, [], 'madr'],
      ['auto', false, ['nygard', 'nygard', 'madr'], 'nygard'],
      ['auto', false, ['madr', 'nygard', 'madr'], 'madr'],
      ['auto', false, ['log4brains', 'madr', 'log4brains'], 'log4brains'],
      ['auto', false, ['rfc', 'rust-rfc'], 'madr'],
      ['auto', false, ['rust-rfc', 'nygard'], 'nygard'],
      ['something else', false, ['nygard'], 'nygard'],
      ['', false, [], 'madr'],
    ];
    for (const [setting, project, kinds, expected] of cases) {
      it(`${JSON.stringify(setting)}, project template ${project}, [${kinds.join(', ')}] → ${expected}`, () => {
        assert.equal(chooseTemplate(setting, project, kinds), expected);
      });
    }
  });
});
