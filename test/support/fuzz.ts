/**
 * The fuzzer, shared by the unit suite (`test/unit/fuzz.test.ts`: a few thousand inputs, seeded) and
 * `npm run fuzz` (`bench/fuzz.ts`: 100,000 and more). Inputs are built from the corpus — adr-tools'
 * and MADR's own records, log4brains' ADRs, the Rust RFCs, and a few project configurations — and
 * mutated the ways hostile or careless repositories do: a token repeated, lines spliced, deleted or
 * duplicated, hostile tokens inserted (`<!--`, `](`, `{`, `>`, `1. `, runs of spaces, NUL, odd
 * Unicode), CR-only line ends. Each input goes through every entry point of the core — `parseRecord`,
 * `lintText` (with the partner record as its workspace), `renderMarkdown`, `parseConfig`, and every
 * lifecycle edit — and each result through the oracles:
 *
 * - nothing throws (a lint rule's error, which the engine swallows, counts);
 * - every range (a record's, a finding's, a fix's, a configuration error's, a lifecycle edit's) lies
 *   inside the text, and the edits of one fix or one lifecycle operation never overlap;
 * - the preview's HTML, parsed with parse5, holds no `<script>`, no `on…` attribute, no `javascript:`
 *   URL and no remote `src` (nor `srcset`, `poster`, `data`…);
 * - after every lifecycle edit (supersede both sides, link both sides with each relation of
 *   {@link LINK_TYPES}, each status of the vocabulary, renumber both ways) the records read back with
 *   the intended status and relations, and the relations they had;
 * - no input is slow: the time each takes is compared with the median of the inputs of its size
 *   (see {@link slowInputs}); never an absolute time.
 *
 * Everything is deterministic from fast-check's seed: a run's `path` (its index) replays one input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseFragment } from 'parse5';
import { parseConfig } from '../../src/core/config';
import { LINK_TYPES, RecordText, changeStatusEdits, linkEdits, renumberEdits, supersedeEdits } from '../../src/core/lifecycle';
import { Finding, lintText } from '../../src/core/lint';
import { relationType, resolveRelation } from '../../src/core/lint/relations';
import type { TextEdit, WorkspaceRecord } from '../../src/core/lint/types';
import { DEFAULT_STATUSES, DecisionRecord, isNonRecordFileName, normalizeStatus, parseRecord, parseRecordFileName } from '../../src/core/record';
import { renderMarkdown } from '../../src/core/render';
import { Range, splitLines } from '../../src/core/text';
import { FIXTURES } from './fixtures';
import { applyEdits, rangeProblem } from './textEdits';

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

/** The corpus's formats; records of one family sit in one folder, so lifecycle edits pair them. */
export type Family = 'adr-tools' | 'madr' | 'log4brains' | 'rust-rfcs';

/** A record of the corpus: its path (relative, POSIX, the folder as the project has it) and text. */
export interface CorpusRecord {
  readonly path: string;
  readonly text: string;
}

/** The corpus: records by family (each list of one folder), and configuration texts. */
export interface Corpus {
  readonly records: Readonly<Record<Family, readonly CorpusRecord[]>>;
  readonly configs: readonly string[];
}

const FAMILIES: readonly Family[] = ['adr-tools', 'madr', 'log4brains', 'rust-rfcs'];

/** Where each family's records are, under test/fixtures. */
const FOLDERS: Readonly<Record<Family, string>> = {
  'adr-tools': 'workspace/adr-tools/doc/adr',
  madr: 'workspace/madr/docs/decisions',
  log4brains: 'corpus/log4brains/docs/adr',
  'rust-rfcs': 'corpus/rust-rfcs/text',
};

/** Project configurations in both syntaxes, as the README documents them: seeds for `parseConfig`'s inputs. */
const CONFIGS: readonly string[] = [
  `{
  "statuses": ["proposed", "accepted", "rejected", "superseded"],
  "rules": { "SF012": "off", "too-few-options": "error" },
  "kinds": [{
    "id": "kep", "label": "Kubernetes KEP", "files": ["keps/**/README.md"],
    "sections": [{ "title": "Summary", "required": true }, { "title": "Alternatives", "concept": "alternatives" }]
  }]
}
`,
  `statuses: [draft, proposed, accepted, rejected, deprecated, superseded, on hold]
rules:
  SF001: warning
  no-downside: hint
kinds:
  - id: design
    label: Design document
    files: ["docs/design/*.md", "!docs/design/README.md"]
    template: docs/design/template.md
    missingStatus: information
`,
  `# Only rules
rules: { SF017: error, SF018: "off" }
`,
];

/**
 * Reads the corpus from test/fixtures: every record-named Markdown file of each family's folder
 * (README, index and template files left out) up to `maxChars` characters.
 */
export function loadCorpus(maxChars = Infinity): Corpus {
  const records = {} as Record<Family, CorpusRecord[]>;
  for (const family of FAMILIES) {
    const folder = FOLDERS[family];
    const relative = folder.replace(/^(workspace|corpus)\//, '');
    records[family] = fs.readdirSync(path.join(FIXTURES, ...folder.split('/'))).sort()
      .filter(name => name.toLowerCase().endsWith('.md') && !isNonRecordFileName(name) && parseRecordFileName(name))
      .map(name => ({ path: `${relative}/${name}`, text: fs.readFileSync(path.join(FIXTURES, ...folder.split('/'), name), 'utf8') }))
      .filter(r => r.text.length <= maxChars);
  }
  return { records, configs: CONFIGS };
}

/** The folder hint the extension gives a family's folder (ADR folders, RFC folders). */
function hintOf(family: Family): 'adr' | 'rfc' {
  return family === 'rust-rfcs' ? 'rfc' : 'adr';
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/**
 * Tokens that matter to a Markdown scanner, a YAML parser, a sanitizer or a regular expression: the
 * hostile ones of the issue, markup that opens or closes a structure, the words records are made of,
 * and Unicode that changes length when lower-cased, joins, reverses or is no character at all.
 */
export const TOKENS: readonly string[] = [
  '<!--', '-->', '](', '[', ']', '(', ')', '{', '}', '>', '> ', '1. ', '- ', '* ', '+ ', '#', '## ', '### ', '`', '```', '~~~', '```mermaid\n',
  '|', '| --- |', '---', '***', '===', ': ', ' #', '"', "'", '\\', '&', '&#x3C;', '<', '<<[UNRESOLVED', '[^1]', '![x](', '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>', '<a href="javascript:alert(1)">', 'javascript:', '<svg onload=alert(1)>', '<iframe src=//x>', '<img src="/\\x.test/p">',
  'Chosen option: ', 'Status: ', '- Status: ', 'status: ', 'Accepted', 'Superceded by [1. X](0001-x.md)', 'Supersedes ', 'ADR-0001', '<!-- spec-first-disable -->',
  'Date: ', ' ', '    ', '\t', '\0', '\uFEFF', '\u200B', '\u2028', '\u202E', '\uD800', '\uDC00', 'İ', 'ß', 'ﬃ', '\u0301', '🙂', '\r', '\n', '\r\n',
];

/** One change to a document. Positions are any natural numbers, taken modulo the text's length. */
export type Mutation =
  /** `token` repeated `times` at character `at`. */
  | { readonly op: 'insert'; readonly at: number; readonly token: string; readonly times: number }
  /** The document's own text at `at` (`length` characters, a token of it) repeated `times`. */
  | { readonly op: 'repeat'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly op: 'delete-lines'; readonly at: number; readonly count: number }
  /** `count` lines from `at` copied before line `to`. */
  | { readonly op: 'duplicate-lines'; readonly at: number; readonly count: number; readonly to: number }
  /** Line `a` becomes its start (to `cutA`) joined with line `b`'s end (from `cutB`). */
  | { readonly op: 'splice-lines'; readonly a: number; readonly cutA: number; readonly b: number; readonly cutB: number }
  /** Every line end made `eol` (`\r` alone: old Mac files, which editors still open). */
  | { readonly op: 'line-ends'; readonly eol: '\r' | '\r\n' | '\n' };

/** How large the fuzzer's inputs grow. */
export interface FuzzScale {
  /** The most repetitions of a token in one mutation. */
  readonly maxTimes: number;
  /** The most mutations of one record. */
  readonly maxMutations: number;
  /** The largest corpus record used, in characters (the Rust RFCs reach 172 KB). */
  readonly maxChars: number;
}

/** `npm test`: a few thousand inputs in well under a minute. */
export const UNIT_SCALE: FuzzScale = { maxTimes: 64, maxMutations: 6, maxChars: 6_000 };

/**
 * `npm run fuzz`: longer runs of tokens, more mutations, larger records (the repetition hunt takes
 * single tokens to 40 KB; here they mix).
 */
export const FULL_SCALE: FuzzScale = { maxTimes: 512, maxMutations: 10, maxChars: 16_000 };

function mutationArbitrary(scale: FuzzScale): fc.Arbitrary<Mutation> {
  const times = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: scale.maxTimes }), weight: 1 });
  const count = fc.integer({ min: 1, max: 8 });
  return fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS), times }), weight: 6 },
    { arbitrary: fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), times }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('delete-lines' as const), at: fc.nat(), count }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('duplicate-lines' as const), at: fc.nat(), count, to: fc.nat() }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('splice-lines' as const), a: fc.nat(), cutA: fc.nat(), b: fc.nat(), cutB: fc.nat() }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('line-ends' as const), eol: fc.constantFrom('\r' as const, '\r\n' as const, '\n' as const) }), weight: 1 },
  );
}

/** Applies mutations in order. Deterministic: the same text and mutations give the same result. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    switch (m.op) {
      case 'insert': {
        const at = m.at % (out.length + 1);
        out = out.slice(0, at) + m.token.repeat(m.times) + out.slice(at);
        break;
      }
      case 'repeat': {
        const at = m.at % (out.length + 1);
        out = out.slice(0, at) + out.slice(at, at + m.length).repeat(m.times) + out.slice(at);
        break;
      }
      case 'line-ends':
        out = splitLines(out).join(m.eol);
        break;
      default: {
        const eol = /\r\n|\r|\n/.exec(out)?.[0] ?? '\n';
        const lines = splitLines(out);
        const n = lines.length;
        if (m.op === 'delete-lines') lines.splice(m.at % n, m.count);
        else if (m.op === 'duplicate-lines') lines.splice(m.to % (n + 1), 0, ...lines.slice(m.at % n, (m.at % n) + m.count));
        else {
          const a = lines[m.a % n], b = lines[m.b % n];
          lines[m.a % n] = a.slice(0, m.cutA % (a.length + 1)) + b.slice(m.cutB % (b.length + 1));
        }
        out = lines.join(eol);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** A mutated record of a family, with a partner of the same folder (the other side of lifecycle edits), mutated less. */
export interface RecordInput {
  readonly kind: 'record';
  readonly family: Family;
  /** Indexes into the family's records, modulo their count (the partner is never the record itself). */
  readonly record: number;
  readonly partner: number;
  readonly mutations: readonly Mutation[];
  readonly partnerMutations: readonly Mutation[];
}

/** A mutated project configuration. */
export interface ConfigInput {
  readonly kind: 'config';
  readonly config: number;
  readonly mutations: readonly Mutation[];
}

export type FuzzInput = RecordInput | ConfigInput;

/** Mutated records: each family alike (the Rust RFCs would swamp the others). */
export function recordInputArbitrary(scale: FuzzScale): fc.Arbitrary<RecordInput> {
  const mutation = mutationArbitrary(scale);
  return fc.record({
    kind: fc.constant('record' as const), family: fc.constantFrom(...FAMILIES), record: fc.nat(), partner: fc.nat(),
    mutations: fc.array(mutation, { minLength: 1, maxLength: scale.maxMutations }),
    partnerMutations: fc.array(mutation, { maxLength: 2 }),
  });
}

/** The fuzzer's inputs: mutated records, and a mutated configuration one time in ten. */
export function inputArbitrary(scale: FuzzScale): fc.Arbitrary<FuzzInput> {
  const config: fc.Arbitrary<FuzzInput> = fc.record({
    kind: fc.constant('config' as const), config: fc.nat(), mutations: fc.array(mutationArbitrary(scale), { minLength: 1, maxLength: scale.maxMutations }),
  });
  return fc.oneof({ arbitrary: recordInputArbitrary(scale), weight: 9 }, { arbitrary: config, weight: 1 });
}

/** A record input's two documents: the record, and its partner in the same folder. */
export function recordDocuments(input: RecordInput, corpus: Corpus): [CorpusRecord, CorpusRecord] {
  const list = corpus.records[input.family];
  const i = input.record % list.length;
  const j = (i + 1 + (input.partner % (list.length - 1))) % list.length;
  return [
    { path: list[i].path, text: mutate(list[i].text, input.mutations) },
    { path: list[j].path, text: mutate(list[j].text, input.partnerMutations) },
  ];
}

/** The text an input stands for (a record input's first document), for reports. */
export function inputText(input: FuzzInput, corpus: Corpus): { path: string; text: string } {
  if (input.kind === 'config') return { path: '.spec-first.yaml', text: mutate(corpus.configs[input.config % corpus.configs.length], input.mutations) };
  return recordDocuments(input, corpus)[0];
}

// ---------------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------------

/** A problem an oracle found: which check, and what. Thrown, so that fast-check reports the input. */
export class FuzzFinding extends Error {
  constructor(readonly check: string, readonly detail: string) {
    super(`${check}: ${detail}`);
  }

  /** What findings of one kind share: the check, and the detail without its paths, quotations and numbers. */
  get kind(): string {
    return `${this.check.replace(/"[^"]*"/g, '"…"')}: ${this.detail.replace(/\S+\.md\b/g, '…').replace(/"[^"]*"|\[[^\]]*\]/g, '…').replace(/\d+/g, '#').slice(0, 100)}`;
  }
}

/** Runs `f`; anything it throws becomes a finding of `check` (with the error's first stack line). */
function guarded<T>(check: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof FuzzFinding) throw err;
    const e = err as Error;
    throw new FuzzFinding(check, `threw ${e?.name ?? 'a non-error'}: ${e?.message ?? String(err)}${e?.stack ? ` (${e.stack.split('\n')[1]?.trim()})` : ''}`);
  }
}

function inside(check: string, text: string, r: Range, lines: readonly string[]): void {
  const problem = rangeProblem(text, r, lines);
  if (problem) throw new FuzzFinding(check, `range outside the text: ${problem}`);
}

/** Checks edits to `text`: inside it, not overlapping. Returns the text they make. */
function applyChecked(check: string, text: string, edits: readonly TextEdit[], lines = splitLines(text)): string {
  for (const e of edits) inside(check, text, e.range, lines);
  return guarded(`${check} (applying the edits)`, () => applyEdits(text, edits));
}

/** `parseRecord`: no throw, every range of the record inside the text. */
export function checkParse(path: string, text: string, folderHint: 'adr' | 'rfc'): DecisionRecord | undefined {
  const record = guarded('parseRecord', () => parseRecord(path, text, { folderHint }));
  if (!record) return undefined;
  const lines = splitLines(text);
  for (const [what, r] of [['status', record.statusRange], ['date', record.dateRange], ['title', record.titleHeading?.range], ['front matter error', record.frontMatter?.error?.range]] as const) {
    if (r) inside(`parseRecord ${what}`, text, r, lines);
  }
  for (const h of record.outline.headings) inside('parseRecord heading', text, h.range, lines);
  return record;
}

/** `lintText` with the workspace given: no throw (a rule's error counts), findings and fixes inside the text, one fix's edits apart. */
export function checkLint(path: string, text: string, folderHint: 'adr' | 'rfc', workspace: readonly WorkspaceRecord[]): Finding[] {
  const errors: string[] = [];
  const findings = guarded('lintText', () => lintText(path, text, { folderHint, workspace: { records: workspace }, onRuleError: (rule, err) => errors.push(`${rule.code}: ${(err as Error)?.message ?? String(err)}`) }));
  if (errors.length) throw new FuzzFinding('lint rule', `threw: ${errors.join('; ')}`);
  const lines = splitLines(text);
  for (const f of findings) {
    inside(`lint ${f.code}`, text, f.range, lines);
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.alternatives ?? [])]) applyChecked(`lint ${f.code} fix "${fix.title}"`, text, fix.edits, lines);
  }
  return findings;
}

/** Attributes whose value is a URL a browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'xlink:href', 'longdesc', 'ping', 'lowsrc', 'dynsrc']);
/** Attributes whose URL is loaded without a click. */
const LOADED = new Set(['src', 'srcset', 'poster', 'data', 'background', 'lowsrc', 'dynsrc']);

/** A URL as a browser reads it: leading C0 controls and spaces dropped, tabs and line breaks removed, `\` read as `/`. */
function browserUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').replace(/\\/g, '/').toLowerCase();
}

/** Whether a URL leaves the document's own files: a scheme, or `//` (what `/\host` becomes). */
function remote(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/.test(url) || url.startsWith('//');
}

interface Parse5Node { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Parse5Node[]; content?: Parse5Node }

/**
 * Why the preview's HTML is not safe, or undefined: a `<script>` element, an `on…` attribute, a
 * `javascript:`/`vbscript:` URL, or a remote URL the page would load. Parsed with parse5, as a browser
 * parses `innerHTML` (template contents included), never matched with patterns.
 */
export function unsafeHtml(html: string): string | undefined {
  // parse5 7 throws on a lone surrogate in an attribute (a RangeError in its tokenizer); browsers keep
  // them. They make no markup: each is read as U+FFFD here.
  const wellFormed = html.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const stack: Parse5Node[] = [parseFragment(wellFormed) as unknown as Parse5Node];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.tagName === 'script') return '<script> element';
    for (const { name, value } of node.attrs ?? []) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) return `<${node.tagName} ${name}="…">: event handler attribute`;
      if (!URL_ATTRIBUTES.has(lower)) continue;
      const urls = lower === 'srcset' ? value.split(',').map(c => browserUrl(c).split(' ')[0]) : [browserUrl(value)];
      for (const url of urls) {
        if (/^(java|vb)script:/.test(url)) return `<${node.tagName} ${name}="${value.slice(0, 60)}">: script URL`;
        if (LOADED.has(lower) && remote(url)) return `<${node.tagName} ${name}="${value.slice(0, 60)}">: remote URL loaded`;
      }
    }
    stack.push(...(node.childNodes ?? []));
    if (node.content) stack.push(node.content);
  }
  return undefined;
}

/** `renderMarkdown`: no throw, and sanitized HTML (see {@link unsafeHtml}). */
export function checkRender(text: string): void {
  const { html } = guarded('renderMarkdown', () => renderMarkdown(text));
  const problem = unsafeHtml(html);
  if (problem) throw new FuzzFinding('renderMarkdown sanitized output', problem);
}

/** `parseConfig`: no throw, every error's range inside the text. */
export function checkConfig(text: string): void {
  const { errors } = guarded('parseConfig', () => parseConfig(text));
  const lines = splitLines(text);
  for (const e of errors) inside(`parseConfig error "${e.message.slice(0, 60)}"`, text, e.range, lines);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle read-back
// ---------------------------------------------------------------------------------------------

/** A record as the lifecycle functions take it, parsed as the extension parses its folder. */
export interface Side extends RecordText {
  readonly hint: 'adr' | 'rfc';
}

/** A record input's two records, parsed as the extension parses their folder; undefined unless both are records. */
export function recordSides(input: RecordInput, corpus: Corpus): [Side, Side] | undefined {
  const hint = hintOf(input.family);
  const [first, second] = recordDocuments(input, corpus);
  const a = parseRecord(first.path, first.text, { folderHint: hint });
  const b = parseRecord(second.path, second.text, { folderHint: hint });
  return a && b ? [{ ...first, record: a, hint }, { ...second, record: b, hint }] : undefined;
}

/** A record's relations with the record each names among `records` (`to`: its path), as the cross-record rules resolve them. */
function resolvedRelations(side: Side, records: readonly Side[]): { type: string; target: string; to?: string }[] {
  return side.record.relations.map(r => {
    const to = resolveRelation(side, r, records);
    return { type: relationType(r.type), target: r.target, to: typeof to === 'object' ? to.path : undefined };
  });
}

/** The relations of a record that name a record of `records`, as `type → path`. */
function resolvingRelations(side: Side, records: readonly Side[]): { type: string; to: string }[] {
  return resolvedRelations(side, records).filter((r): r is { type: string; target: string; to: string } => r.to !== undefined).map(r => ({ type: r.type, to: r.to }));
}

function reparse(side: Side, text: string, path = side.path): Side {
  const record = guarded('parseRecord after a lifecycle edit', () => parseRecord(path, text, { folderHint: side.hint }));
  if (!record) throw new FuzzFinding('lifecycle read-back', `${path} is no longer a record`);
  return { ...side, path, text, record };
}

/**
 * Applies one lifecycle operation's edits (checked: inside, apart) and reads each record back.
 * `renamed` maps a path to the one it has after the operation.
 */
function applyOperation(check: string, sides: readonly Side[], files: readonly { path: string; edits: readonly TextEdit[] }[], renamed = new Map<string, string>()): Side[] {
  return sides.map(side => {
    const edits = files.filter(f => f.path === side.path).flatMap(f => f.edits);
    const text = edits.length ? applyChecked(check, side.text, edits) : side.text;
    return reparse(side, text, renamed.get(side.path) ?? side.path);
  });
}

/** Fails unless `after` has each relation of `expected` (type → path). */
function expectRelations(check: string, after: Side, records: readonly Side[], expected: readonly { type: string; to: string }[]): void {
  const read = resolvedRelations(after, records);
  for (const e of expected) {
    if (!read.some(r => r.type === e.type && r.to === e.to)) {
      throw new FuzzFinding(check, `${after.path} does not read back "${e.type} → ${e.to}"; it reads ${JSON.stringify(read.map(r => `${r.type} → ${r.to ?? r.target}`))}`);
    }
  }
}

/** Whether an edit adding a relation kept the status: the same, or (adr-tools' way) an empty Nygard Status section given `Amends […]`, which reads as an unknown status. */
function statusKept(before: Side, after: Side): boolean {
  return after.record.status === before.record.status || (before.record.kind === 'nygard' && before.record.status === 'missing' && after.record.status === 'unknown');
}

/**
 * The relations of a record that must survive a change of its status: those its status text did not
 * hold, and, in a Nygard Status section (several lines), those that read as no status (`Amended by`
 * stays; `Superceded by` was the status).
 */
function survivingRelations(side: Side, records: readonly Side[]): { type: string; to: string }[] {
  const status = side.record.statusText ?? '';
  const nygardSection = side.record.kind === 'nygard' && status.includes('\n');
  return resolvedRelations(side, records)
    .filter(r => r.to !== undefined && (!status.includes(r.target) || (nygardSection && normalizeStatus(r.type) === 'unknown')))
    .map(r => ({ type: r.type, to: r.to! }));
}

/**
 * Every lifecycle operation on two records of one folder, each from the original texts: `a`
 * superseded by `b`; `a` linked to `b` with each relation of {@link LINK_TYPES}; `a` given each status
 * of the vocabulary (with a date); after the supersede, `b` then `a` renumbered. Checks the edits
 * (inside, apart) and the read-back: intended status, new relations resolving to the other record,
 * old relations kept. Records whose front matter does not parse are skipped: what they say cannot be read back.
 */
export function checkLifecycle(a: Side, b: Side): void {
  if (a.record.frontMatter?.error || b.record.frontMatter?.error) return;
  const both = [a, b];
  const had = (side: Side) => resolvingRelations(side, both);

  const [a1, b1] = applyOperation('supersede', both, guarded('supersedeEdits', () => supersedeEdits(a, b)));
  if (a1.record.status !== 'superseded') throw new FuzzFinding('supersede', `${a.path} reads back as ${a1.record.status}, not superseded`);
  expectRelations('supersede', a1, [a1, b1], [{ type: 'superseded by', to: b.path }, ...survivingRelations(a, both).filter(r => r.type !== 'superseded by')]);
  if (!statusKept(b, b1)) throw new FuzzFinding('supersede', `${b.path}: status ${b.record.status} became ${b1.record.status}`);
  expectRelations('supersede', b1, [a1, b1], [{ type: 'supersedes', to: a.path }, ...had(b)]);

  for (const [relation, reverse] of LINK_TYPES) {
    const [a2, b2] = applyOperation(`link "${relation}"`, both, guarded('linkEdits', () => linkEdits(a, relation, b, reverse)));
    for (const [before, after, type, to] of [[a, a2, relation, b.path], [b, b2, reverse, a.path]] as const) {
      if (!statusKept(before, after)) throw new FuzzFinding(`link "${relation}"`, `${before.path}: status ${before.record.status} became ${after.record.status}`);
      expectRelations(`link "${relation}"`, after, [a2, b2], [{ type: relationType(type), to }, ...had(before)]);
    }
  }

  for (const status of DEFAULT_STATUSES) {
    const date = '2031-02-03';
    const [a3] = applyOperation(`change status to ${status}`, [a], [{ path: a.path, edits: guarded('changeStatusEdits', () => changeStatusEdits(a, status, date)) }]);
    if (a3.record.status !== status) throw new FuzzFinding(`change status to ${status}`, `${a.path} reads back as ${a3.record.status}`);
    expectRelations(`change status to ${status}`, a3, [a3, b], survivingRelations(a, both));
    const range = a.record.dateRange;
    const dateWritten = range && splitLines(a.text)[range.start.line].slice(range.start.character, range.end.character) === a.record.date;
    if (['madr', 'log4brains', 'rfc'].includes(a.record.kind) && dateWritten && a3.record.date !== date) throw new FuzzFinding(`change status to ${status}`, `${a.path}: date ${a.record.date} not changed to ${date}`);
  }

  for (const [target, other] of [[b1, a1], [a1, b1]] as const) {
    const number = 4321;
    const { newPath, files } = guarded('renumberEdits', () => renumberEdits(target, number, [other]));
    const expected = resolvingRelations(other, [a1, b1]).filter(r => r.to === target.path);
    const [t, o] = applyOperation('renumber', [target, other], files, new Map([[target.path, newPath]]));
    if (t.record.number !== number) throw new FuzzFinding('renumber', `${newPath} reads back as number ${t.record.number}`);
    for (const [before, after] of [[target, t], [other, o]] as const) {
      if (after.record.status !== before.record.status) throw new FuzzFinding('renumber', `${after.path}: status ${before.record.status} became ${after.record.status}`);
    }
    expectRelations('renumber', o, [t, o], expected.map(r => ({ type: r.type, to: newPath })));
  }
}

// ---------------------------------------------------------------------------------------------
// One input, and a run
// ---------------------------------------------------------------------------------------------

/** The stages of {@link checkInput}, each an entry point and its oracles. */
export type Stage = 'parse' | 'lint' | 'render' | 'lifecycle' | 'config';

/**
 * Runs an input through every entry point and oracle; throws a {@link FuzzFinding} on the first
 * problem. Returns the input's size: the characters of its documents (a record's partner included:
 * the lifecycle edits both). `clock`, if given, is told each stage's time (ms).
 */
export function checkInput(input: FuzzInput, corpus: Corpus, clock?: (stage: Stage, ms: number) => void): number {
  const stage = <T>(name: Stage, f: () => T): T => {
    const start = performance.now();
    try {
      return f();
    } finally {
      clock?.(name, performance.now() - start);
    }
  };
  if (input.kind === 'config') {
    const { text } = inputText(input, corpus);
    stage('config', () => checkConfig(text));
    return text.length;
  }
  const hint = hintOf(input.family);
  const [first, second] = recordDocuments(input, corpus);
  const [a, b] = stage('parse', () => [checkParse(first.path, first.text, hint), checkParse(second.path, second.text, hint)]);
  const workspace = [a && { path: first.path, record: a }, b && { path: second.path, record: b }].filter((r): r is WorkspaceRecord => r !== undefined);
  stage('lint', () => checkLint(first.path, first.text, hint, workspace));
  stage('render', () => checkRender(first.text));
  if (a && b) stage('lifecycle', () => checkLifecycle({ ...first, record: a, hint }, { ...second, record: b, hint }));
  return first.text.length + second.text.length;
}

/** How long one input took. */
export interface Timing {
  /** The run's index: fast-check's `path` that replays it with the run's seed. */
  readonly path: string;
  /** The input's size in characters (see {@link checkInput}). */
  readonly size: number;
  readonly ms: number;
  readonly input: FuzzInput;
}

/** A finding, with the run that showed it first. */
export interface FoundProblem {
  /** What problems of this kind share (see {@link FuzzFinding.kind}). */
  readonly kind: string;
  readonly message: string;
  readonly path: string;
  readonly input: FuzzInput;
  /** How many runs showed a problem of this kind. */
  readonly count: number;
}

/** What {@link runFuzz} returns. */
export interface FuzzReport {
  readonly seed: number;
  readonly runs: number;
  readonly ms: number;
  /** Every problem, one per kind, first seen first. */
  readonly problems: readonly FoundProblem[];
  readonly timings: readonly Timing[];
}

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  readonly seed: number;
  readonly runs: number;
  readonly scale: FuzzScale;
  /** Replays from this run (fast-check's `path`): `--path 1234` with `runs` 1 replays run 1234. */
  readonly path?: string;
  /** Called after each run (for progress). */
  readonly onRun?: (done: number) => void;
}

/**
 * Runs `runs` inputs from `seed` through {@link checkInput}, going on after a problem so that one run
 * finds every kind of problem there is (each kind reported once, with the first run that showed it
 * and how many did). Deterministic for a seed. The corpus is read once per call.
 */
export function runFuzz(options: FuzzOptions, corpus = loadCorpus(options.scale.maxChars)): FuzzReport {
  const first = options.path ? Number(options.path.split(':')[0]) : 0;
  const problems = new Map<string, { kind: string; message: string; path: string; input: FuzzInput; count: number }>();
  const timings: Timing[] = [];
  let index = first;
  const start = performance.now();
  fc.check(fc.property(inputArbitrary(options.scale), input => {
    const path = String(index++);
    const t = performance.now();
    try {
      const size = checkInput(input, corpus);
      timings.push({ path, size, ms: performance.now() - t, input });
    } catch (err) {
      const message = err instanceof FuzzFinding ? err.message : `harness: ${(err as Error)?.stack ?? String(err)}`;
      const kind = err instanceof FuzzFinding ? err.kind : message.slice(0, 100);
      const known = problems.get(kind);
      if (known) known.count++;
      else problems.set(kind, { kind, message, path, input, count: 1 });
    }
    options.onRun?.(index - first);
  }), { seed: options.seed, numRuns: options.runs, path: options.path });
  return { seed: options.seed, runs: options.runs, ms: performance.now() - start, problems: [...problems.values()], timings };
}

/** An input much slower than the median of its size, measured again (best of 3). */
export interface SlowInput extends Timing {
  /** The median time of inputs of its size (same power of two), ms. */
  readonly median: number;
  /** The best of 3 measures, ms. */
  readonly best: number;
  /** The best measure's time by stage, ms. */
  readonly stages: Readonly<Partial<Record<Stage, number>>>;
}

/**
 * The inputs slower than `factor` times the median of the inputs of their size (sizes grouped by
 * powers of two; a group of fewer than 8 takes the median time per character of all inputs), once
 * measured again: the best of 3 runs must still be that slow, so that a garbage collection or a
 * busy machine is no finding. Times are compared with each other, never with a constant.
 */
export function slowInputs(timings: readonly Timing[], factor: number, corpus: Corpus, limit = 20): SlowInput[] {
  const group = (size: number) => Math.floor(Math.log2(size + 1));
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] ?? 0;
  const bySize = new Map<number, number[]>();
  for (const t of timings) bySize.set(group(t.size), [...(bySize.get(group(t.size)) ?? []), t.ms]);
  const perChar = median(timings.map(t => t.ms / Math.max(1, t.size)));
  const expected = (t: Timing) => {
    const same = bySize.get(group(t.size)) ?? [];
    return same.length >= 8 ? median(same) : perChar * Math.max(1, t.size);
  };
  const candidates = timings.map(t => ({ ...t, median: expected(t) })).filter(t => t.ms > factor * t.median)
    .sort((x, y) => y.ms / y.median - x.ms / x.median).slice(0, limit);
  const slow: SlowInput[] = [];
  for (const c of candidates) {
    const measured = timeStages(c.input, corpus);
    if (measured.best > factor * c.median) slow.push({ ...c, ...measured });
  }
  return slow;
}

/** The best of `runs` times of an input (ms), with that run's time by stage. */
export function timeStages(input: FuzzInput, corpus: Corpus, runs = 3): { best: number; stages: Partial<Record<Stage, number>> } {
  let result = { best: Infinity, stages: {} as Partial<Record<Stage, number>> };
  for (let i = 0; i < runs; i++) {
    const stages: Partial<Record<Stage, number>> = {};
    const t = performance.now();
    try {
      checkInput(input, corpus, (stage, ms) => { stages[stage] = (stages[stage] ?? 0) + ms; });
    } catch {
      // A problem is reported by the run itself.
    }
    const ms = performance.now() - t;
    if (ms < result.best) result = { best: ms, stages };
  }
  return result;
}
