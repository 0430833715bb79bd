/**
 * The repetition hunt: super-linear time on hostile text, found by measuring. Each token (`{`, `](`,
 * `<!--`, `>`, `1. `, a space, `<<[UNRESOLVED`, … more than 60) is repeated to a target size in each
 * place a record can hold it (a body paragraph, on one line and wrapped, a heading, the title, the
 * status line, bullet and front matter value, a bullet, a considered option, the chosen option line,
 * a front matter value, a link, a record link's label and fragment, a paragraph of citations, a review date as bullet, line and front matter key, a metadata line,
 * an unresolved question, the configuration's files), and the text goes through every stage
 * that reads it: parse (`parseRecord`, which runs `scanOutline`), lint (`lintText`, alone and with a
 * workspace of records that link to it, for the cross-record rules), render (`renderMarkdown`), and
 * config (`parseConfig`, `sectionsFromTemplate`, and `findAdrFolder` reading `.adr-dir` and
 * `.log4brains.yml`). A stage that throws fails too.
 *
 * This is the one kind of timing test the project allows: the ratio of the same code's time at two
 * sizes, each the best of 3 runs or more, never an absolute time. Time is the process's CPU time, so
 * that other work on the machine (tests run beside other jobs) does not count. Linear code grows as the size; quadratic
 * code as its square. Between sizes a < b the limit is (b/a)^1.5: 8× from 4 KB to 16 KB, where
 * linear gives 4× and quadratic 16×.
 *
 * Sizes: `HUNT_SIZES`, a comma-separated list of byte counts, each compared with the next (default
 * `4096,16384`, what `npm test` runs). `npm run fuzz` runs the ladder to 40 KB:
 * `HUNT_SIZES=4096,8192,16384,32768,40960`. `HUNT_VERBOSE=1` prints each case's time as it runs.
 *
 * Stack traces are captured to 100 frames, as in VS Code's extension host (mocha captures them whole).
 *
 * Noise: a ratio is judged only when the larger size took at least {@link FLOOR_MS}. Below that,
 * timer resolution, a garbage collection or a JIT tier-up is a large part of the measurement and a
 * ratio says nothing; and code that stays under a few milliseconds at 16 KB is not what freezes an
 * editor (a quadratic one still crosses the floor on the ladder to 40 KB, where it is caught). To
 * stay fast, the larger size runs once first: under the floor, the case passes. Otherwise both sizes
 * run 3 times, taking turns (a busy moment of the machine slows both), and the best of each makes the
 * ratio; a ratio over the limit gets 3 more turns, so a failure is the best of 6 against the best of 6.
 * Each of those measures repeats a short run until it has gathered {@link SAMPLE_MS} of CPU and takes
 * the mean, so a 4 KB case of half a millisecond is not judged on one run (CI once failed a linear
 * scanner at 8.1× on a 1.0 ms sample).
 */
import * as assert from 'node:assert/strict';
import { parseConfig, sectionsFromTemplate } from '../../src/core/config';
import { findAdrFolder, type FolderProbe } from '../../src/core/folders';
import { lintText, type WorkspaceRecords } from '../../src/core/lint';
import { parseRecord } from '../../src/core/record';
import { renderMarkdown } from '../../src/core/render';
import { COMMENT_SYNTAX } from '../../src/core/codeComments';
import { ADR_SCHEME, RFC_SCHEME, findCodeReferences } from '../../src/core/references';

/** `HUNT_VERBOSE=1` prints every case's time at the larger size to stderr, as it runs. */
const VERBOSE = process.env.HUNT_VERBOSE === '1';

/** Below this many milliseconds at the larger size, a ratio is not judged (see the header). */
const FLOOR_MS = 5;
/** The CPU time one measure gathers, in ms, repeating a short run (see timeRun). */
const SAMPLE_MS = 10;

const SIZES = (process.env.HUNT_SIZES ?? '4096,16384').split(',').map(s => Number(s.trim()));
if (SIZES.length < 2 || SIZES.some((s, i) => !Number.isInteger(s) || s <= 0 || (i > 0 && s <= SIZES[i - 1]))) {
  throw new Error(`HUNT_SIZES must list at least two increasing byte counts, not "${process.env.HUNT_SIZES}"`);
}

/** A token repeated after an optional prefix: `{` then `a`×n is a different attack from `{a`×n. */
interface Token {
  readonly name: string;
  readonly unit: string;
  readonly prefix?: string;
}

const t = (unit: string, prefix?: string): Token => ({ name: prefix ? `${prefix}${unit}…` : unit, unit, prefix });

/** The tokens: Markdown's punctuation, what the rules and the parsers look for, and runs the issue found slow. */
const TOKENS: readonly Token[] = [
  t('{'), t('}'), t('a', '{'), t('{a'), t('['), t(']'), t('[a'), t('a]'), t(']('), t('](#'), t('[^'), t('!['), t('[x]'),
  t('<!--'), t('-->'), t('<!-- '), t('<'), t('</'), t('<a '), t('>'), t('> '), t('<<[UNRESOLVED'), t('<<[UNRESOLVED '),
  t('1. '), t('1) '), t('1.'), t('- '), t('* '), t('+ '), t('-'), t('#'), t('# '), t('`'), t('``'), t('```'), t('~~~'), t('~'),
  t('*'), t('**'), t('_'), t('__'), t('*a'), t('a_'), t('|'), t('| '), t('\\'), t('\\['), t('&#'), t('&'), t('&amp;'),
  t(' '), t('\t'), t(' ', 'a'), t(' \t'), t('\u00a0'), t('\u2028'), t(':'), t(': '), t('"'), t("'"), t('('), t(')'), t('!'),
  t('http://'), t('www.'), t('@'), t('---'), t('==='), t('Status:'), t('Chosen option:'), t('Chosen option: '), t('because '),
  t('spec-first-disable'), t('<!-- spec-first-disable'), t('<!-- spec-first-disable SF012 '), t('TODO '), t('Superseded by '),
  t('adrFolder:'), t('? '), t(','), t('.'), t('a'), t('é'), t('😀'),
  t('a* '), t('a_ '), t('x_y '), t('*('), t('<div>'), t('<b>'), t('[a]: x\n[a]\n'), t('> - 1. '),
  t('ADR-1 '), t('a/ADR-1 '), t('[ADR-1](0002-other-2.md#'), t('[ADR-1]('),
];

/** A record file: its path and text. */
interface Doc {
  readonly path: string;
  readonly text: string;
}

/** A place a record can hold a payload, and whether the preview renders it differently from the others. */
interface Place {
  readonly name: string;
  readonly make: (payload: string) => Doc;
  readonly render: boolean;
}

/** log4brains (MADR 2): the rules for MADR's options and placeholders, `[placeholder]`s and metadata bullets. */
function log4brains(o: { title?: string; status?: string; context?: string; heading?: string; option?: string; chosen?: string; bullet?: string; link?: string; meta?: string; question?: string }): Doc {
  const text = [
    `# ${o.title ?? 'Use a queue'}`, '',
    `- Status: ${o.status ?? 'accepted'}`, '- Date: 2024-01-15', '- Tags: messaging', ...(o.meta !== undefined ? [`- ${o.meta}`] : []), '',
    '## Context and Problem Statement', '', o.context ?? 'We need to decouple the services.', '',
    ...(o.heading !== undefined ? [`## ${o.heading}`, '', 'Text.', ''] : []),
    '## Considered Options', '', '- Kafka', '- RabbitMQ', ...(o.option !== undefined ? [`- ${o.option}`] : []), '',
    '## Decision Outcome', '', o.chosen ?? 'Chosen option: "Kafka", because it scales.', '',
    '### Positive Consequences', '', `- ${o.bullet ?? 'Throughput.'}`, '', '### Negative Consequences', '', '- Bad, because it costs more.', '',
    '## Links', '', `- ${o.link ?? 'Supersedes [old](20240101-old.md)'}`, '',
    ...(o.question !== undefined ? ['## Unresolved questions', '', `- ${o.question}`, ''] : []),
  ].join('\n');
  return { path: 'docs/adr/20240115-use-a-queue.md', text };
}

/** Nygard (adr-tools): the Status paragraph, its relation lines and the numbered title. */
function nygard(o: { title?: string; status?: string; meta?: string }): Doc {
  const text = [
    `# 1. ${o.title ?? 'Record architecture decisions'}`, '', 'Date: 2024-01-15', ...(o.meta !== undefined ? [o.meta] : []), '',
    '## Status', '', o.status ?? 'Accepted', '',
    '## Context', '', 'We need to record decisions.', '', '## Decision', '', 'We will use ADRs.', '',
    '## Consequences', '', 'It costs some time.', '',
  ].join('\n');
  return { path: 'doc/adr/0001-record-architecture-decisions.md', text };
}

/** MADR 4 with front matter. */
function madr(frontMatter: string): Doc {
  const text = [
    '---', frontMatter, 'date: 2024-01-15', '---', '', '# Use a queue', '',
    '## Context and Problem Statement', '', 'We need to decouple the services.', '',
    '## Considered Options', '', '* Kafka', '* RabbitMQ', '',
    '## Decision Outcome', '', 'Chosen option: "Kafka", because it scales.', '',
    '### Consequences', '', '* Bad, because it costs more.', '',
  ].join('\n');
  return { path: 'docs/decisions/0001-use-a-queue.md', text };
}

/** The payload cut into lines of 80 characters (a paragraph as editors wrap it). */
const wrapped = (payload: string) => payload.match(/[^]{1,80}/g)?.join('\n') ?? '';

const PLACES: readonly Place[] = [
  { name: 'body paragraph', render: true, make: p => log4brains({ context: p }) },
  { name: 'body paragraph (wrapped)', render: true, make: p => log4brains({ context: wrapped(p) }) },
  { name: 'heading', render: true, make: p => log4brains({ heading: p }) },
  { name: 'title', render: false, make: p => nygard({ title: p }) }, // rendered as the heading is
  { name: 'status line', render: false, make: p => nygard({ status: p }) },
  { name: 'status bullet', render: false, make: p => log4brains({ status: p }) },
  { name: 'front matter status', render: true, make: p => madr(`status: ${p}`) },
  { name: 'front matter value', render: false, make: p => madr(`tags: ${p}`) },
  { name: 'bullet', render: true, make: p => log4brains({ bullet: p }) },
  { name: 'considered option', render: false, make: p => log4brains({ option: p }) },
  { name: 'chosen option line', render: false, make: p => log4brains({ chosen: `Chosen option: ${p}` }) },
  { name: 'link', render: false, make: p => log4brains({ link: `Supersedes ${p}` }) },
  { name: 'review date bullet', render: false, make: p => log4brains({ meta: `Review by: ${p}` }) },
  { name: 'review date line', render: false, make: p => nygard({ meta: `Review by: ${p}` }) },
  { name: 'front matter review date', render: false, make: p => madr(`review-by: ${p}`) },
  { name: 'metadata line', render: false, make: p => nygard({ meta: p }) },
  { name: 'unresolved question', render: false, make: p => log4brains({ question: p }) },
  // The reference rules (SF016's identifiers, SF023–SF025): a label, a fragment, a paragraph of citations.
  { name: 'record link label', render: false, make: p => log4brains({ context: `See [${p}](0002-other-2.md#context).` }) },
  { name: 'record link fragment', render: false, make: p => log4brains({ context: `See [ADR-0003](0002-other-2.md#${p}).` }) },
  { name: 'citations', render: false, make: p => log4brains({ context: `Builds on ADR-0005, ADR-0009, [ADR-0003](0002-other-2.md#nope) and ${p}` }) },
];

/** Other records, each pointing at the record under test, so that every cross-record rule has work. */
function workspaceFor(doc: Doc): WorkspaceRecords {
  const folder = doc.path.slice(0, doc.path.lastIndexOf('/'));
  const name = doc.path.slice(doc.path.lastIndexOf('/') + 1);
  const others = [2, 3, 4].map(n => ({
    path: `${folder}/000${n}-other-${n}.md`,
    text: `# ${n}. Other ${n}\n\nDate: 2024-02-0${n}\n\n## Status\n\nAccepted\n\nSupercedes [1. First](${name})\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nBad.\n`,
  }));
  // A superseded record that the citations name (SF023 follows its successor).
  others.push({ path: `${folder}/0005-other-5.md`, text: `# 5. Other 5\n\nDate: 2024-02-05\n\n## Status\n\nSuperseded by [2. Other 2](0002-other-2.md)\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nBad.\n` });
  const records = [doc, ...others].flatMap(d => {
    const record = parseRecord(d.path, d.text);
    return record ? [{ path: d.path, record }] : [];
  });
  return { records, files: new Set(records.map(r => r.path)) };
}

/** A stage: what runs on a document (sync or async), and which places it reads. */
interface Stage {
  readonly name: string;
  readonly run: (payload: string) => unknown;
}

const recordStages = (place: Place): Stage[] => [
  { name: 'parse', run: p => { const d = place.make(p); return parseRecord(d.path, d.text); } },
  { name: 'lint', run: p => { const d = place.make(p); return lintText(d.path, d.text); } },
  { name: 'lint with workspace', run: p => { const d = place.make(p); return lintText(d.path, d.text, { workspace: workspaceFor(d) }); } },
  ...(place.render ? [{ name: 'render', run: (p: string) => renderMarkdown(place.make(p).text) }] : []),
];

const probe = (files: Record<string, string>): FolderProbe => ({
  isDirectory: async () => false,
  readText: async path => files[path],
});

/** The configuration's files, each a place and a stage at once. */
const CONFIG_STAGES: readonly Stage[] = [
  { name: '.spec-first.json value', run: p => parseConfig(`{ "statuses": ["${p}"], "rules": { "SF012": "off" } }`) },
  { name: '.spec-first.yaml value', run: p => parseConfig(`statuses:\n  - ${p}\nrules:\n  SF012: off\n`) },
  { name: 'configuration text', run: p => parseConfig(p) },
  { name: 'kind template heading', run: p => sectionsFromTemplate(`# Template\n\n## ${p}\n\nPrompt.\n\n<!-- ${p} -->\n## Next\n`) },
  { name: '.adr-dir', run: p => findAdrFolder('', probe({ '.adr-dir': p })) },
  { name: '.log4brains.yml', run: p => findAdrFolder('', probe({ '.log4brains.yml': `project:\n  adrFolder: ${p}\n  tz: UTC\n` })) },
  { name: '.log4brains.yml text', run: p => findAdrFolder('', probe({ '.log4brains.yml': p })) },
];

/** Source code's tokens: the record tokens, and what the comment scanner of each language looks for. */
const CODE_TOKENS: readonly Token[] = [
  ...TOKENS, t('/*'), t('*/'), t('/* '), t('//'), t('"""'), t("'''"), t('r#"'), t('"#'), t('r##"'), t('=begin\n'), t('\n=end'),
  t('@"'), t('""'), t('ADR-1 '), t('ADR-'), t('// ADR-1\n'), t('# ADR-1\n'), t('a#'), t(' #'),
];

/** Source code in each language of the comment table: the whole text, a comment, a string. */
const CODE_STAGES: readonly Stage[] = [...new Set(Object.values(COMMENT_SYNTAX))].flatMap(syntax => {
  const language = Object.keys(COMMENT_SYNTAX).find(id => COMMENT_SYNTAX[id] === syntax) ?? '?';
  const refs = (text: string) => findCodeReferences(text, syntax, [ADR_SCHEME, RFC_SCHEME], 'src/x');
  return [
    { name: `${language} text`, run: (p: string) => refs(p) },
    { name: `${language} comment`, run: (p: string) => refs(`x = 1 ${syntax.line[0] ?? ''} ${p}\ny = 2\n`) },
    { name: `${language} string`, run: (p: string) => refs(`x = "${p}"\n`) },
  ];
});

/** The payload: the prefix, then the unit repeated, cut to `size` characters. */
function payloadOf(token: Token, size: number): string {
  const prefix = token.prefix ?? '';
  return (prefix + token.unit.repeat(Math.ceil(Math.max(0, size - prefix.length) / token.unit.length))).slice(0, size);
}

/**
 * Milliseconds of CPU one run takes (awaited when it returns a promise): the process's user and system
 * time, not the wall clock, so that other processes busy on the machine do not count.
 */
async function timeOnce(run: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  const result = run();
  if (result instanceof Promise) await result;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Milliseconds of CPU one run takes on average over as many runs as make `SAMPLE_MS` (at most 64), so
 * that a run of a millisecond or less is not measured alone: at that scale one collection or one
 * compilation of the scanner weighs as much as the work, and the ratio between sizes is noise.
 */
async function timeRun(run: () => unknown): Promise<number> {
  let total = 0, runs = 0;
  while (runs < 64 && (runs === 0 || total < SAMPLE_MS)) {
    total += await timeOnce(run);
    runs++;
  }
  return total / runs;
}

/**
 * Hunts one stage over every token: for each pair of consecutive sizes, the ratio of times against
 * the limit. Returns one line per failure: token, place, stage, sizes and times, or what was thrown.
 */
async function hunt(place: string, stage: Stage, tokens: readonly Token[] = TOKENS): Promise<string[]> {
  const failures: string[] = [];
  for (const token of tokens) {
    for (let i = 1; i < SIZES.length; i++) {
      const [a, b] = [SIZES[i - 1], SIZES[i]];
      const what = `token ${JSON.stringify(token.name)} in ${place}, stage ${stage.name}`;
      const small = payloadOf(token, a), large = payloadOf(token, b);
      const limit = (b / a) ** 1.5;
      try {
        let big = await timeOnce(() => stage.run(large));
        if (VERBOSE) process.stderr.write(`${what}: ${b} B ${big.toFixed(1)} ms\n`);
        if (big < FLOOR_MS) continue;
        // The garbage of the cases before is collected first (mocha runs with --expose-gc), so that
        // neither size is charged for collecting what others allocated.
        (globalThis as { gc?: () => void }).gc?.();
        // The best of 3 at each size, the sizes taking turns, so that a busy moment slows both; then,
        // only if the ratio is over the limit, 3 more turns, in case the machine was busy throughout.
        let little = Infinity;
        for (let round = 0; round < 6 && (round < 3 || big / little > limit); round++) {
          little = Math.min(little, await timeRun(() => stage.run(small)));
          if (round > 0) big = Math.min(big, await timeRun(() => stage.run(large)));
        }
        if (big / little > limit) {
          failures.push(`${what}: ${b} B ${big.toFixed(1)} ms / ${a} B ${little.toFixed(1)} ms = ${(big / little).toFixed(1)}× (limit ${limit.toFixed(1)}×)`);
        }
      } catch (err) {
        failures.push(`${what}: threw ${(err as Error).name}: ${(err as Error).message.split('\n')[0].slice(0, 200)}`);
      }
    }
  }
  return failures;
}

describe(`repetition hunt: ${TOKENS.length} tokens at ${SIZES.join(', ')} bytes (time ratio, best of 3)`, function () {
  this.timeout(600_000);

  // Mocha captures every stack trace whole (Error.stackTraceLimit = Infinity): an error made deep in a
  // recursion then costs as much as the recursion is deep, which no host does. Measure as VS Code's
  // extension host does (100 frames).
  let limit: number;
  before(() => { limit = Error.stackTraceLimit; Error.stackTraceLimit = 100; });
  after(() => { Error.stackTraceLimit = limit; });

  it(`has at least 60 tokens`, () => assert.ok(TOKENS.length >= 60, `${TOKENS.length} tokens`));

  for (const place of PLACES) {
    it(`${place.name}: parse, lint, lint with workspace${place.render ? ', render' : ''}`, async () => {
      const failures: string[] = [];
      for (const stage of recordStages(place)) failures.push(...await hunt(place.name, stage));
      assert.deepEqual(failures, [], `super-linear or failing:\n${failures.join('\n')}`);
    });
  }

  for (const stage of CODE_STAGES) {
    it(`source code: ${stage.name}`, async () => {
      const failures = await hunt('source code', stage, CODE_TOKENS);
      assert.deepEqual(failures, [], `super-linear or failing:\n${failures.join('\n')}`);
    });
  }

  for (const stage of CONFIG_STAGES) {
    it(`configuration: ${stage.name}`, async () => {
      const failures = await hunt('configuration', stage);
      assert.deepEqual(failures, [], `super-linear or failing:\n${failures.join('\n')}`);
    });
  }
});
