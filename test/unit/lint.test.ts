/**
 * Proves each lint rule (SF001–SF005) fires on a document that breaks it, with the exact range and a
 * message naming the concept, and stays silent on one that does not; that every quick fix, applied
 * to the text, gives the expected document (sections where the template puts them, statuses where
 * each format keeps them, CRLF kept, documents without a final line break); that adr-tools' and
 * MADR's own records raise no section findings; and that Markdown which is no record gives nothing.
 */
import * as assert from 'node:assert/strict';
import { Finding, LintOptions, RULES, lintText } from '../../src/core/lint';
import { KINDS, NYGARD_PROMPTS } from '../../src/core/kinds';
import { range } from '../../src/core/text';
import { markdownFilesIn, readWorkspaceFile } from '../support/fixtures';
import { applyEdits, rangeProblem } from '../support/textEdits';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;
/** The five rules this file is about: SF001–SF005 (the catalogue has more, each tested on its own). */
const CORE_RULES = new Set(['SF001', 'SF002', 'SF003', 'SF004', 'SF005']);
/** lintText, keeping the findings of SF001–SF005 only. */
const lint = (path: string, text: string, options?: LintOptions): Finding[] => lintText(path, text, options).filter(f => CORE_RULES.has(f.code));
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const codes = (findings: readonly Finding[]) => findings.map(f => f.code);
/** Applies the fix of the only finding with `code`. */
function fixed(path: string, text: string, code: string, options?: LintOptions): string {
  const found = lint(path, text, options).filter(f => f.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(codes(lint(path, text, options)))}`);
  assert.ok(found[0].fix, `${code} has a fix`);
  return applyEdits(text, found[0].fix.edits);
}

const VOCABULARY = 'draft, proposed, accepted, rejected, deprecated, superseded';
const MISSING_STATUS = `No status: readers cannot tell whether this decision is proposed, accepted or superseded. Add one (${VOCABULARY}).`;
const MADR_OPTIONS_PROMPT = ['* {title of option 1}', '* {title of option 2}', '* {title of option 3}'];
const MADR_CONTEXT_PROMPT = KINDS.madr.sections[0].prompt;

/** A complete Nygard record, by parts, so tests can drop or change one. */
const NYGARD = {
  head: ['# 1. Use a queue', '', 'Date: 2024-01-01', ''],
  status: ['## Status', '', 'Accepted', ''],
  context: ['## Context', '', 'Checkout waits on the mail provider.', ''],
  decision: ['## Decision', '', 'Publish a message; a worker sends the mail.', ''],
  consequences: ['## Consequences', '', 'We run a queue.'],
};
const nygard = (parts: Partial<typeof NYGARD> = {}) => {
  const p = { ...NYGARD, ...parts };
  return doc(...p.head, ...p.status, ...p.context, ...p.decision, ...p.consequences);
};
const NYGARD_PATH = 'doc/adr/0001-use-a-queue.md';

/** A complete Spec-First RFC, by section. */
const RFC_SECTIONS: [string, string][] = [
  ['Summary', 'Build faster.'], ['Motivation', 'Builds take 20 minutes.'], ['Goals and non-goals', 'Goal: 5 minutes.'],
  ['Proposal', 'Cache the compiler output.'], ['Alternatives considered', 'Bigger machines.'],
  ['Failure modes and rollback', 'A stale cache: detected by checksums, rolled back by a flag.'], ['Risks', 'Cache poisoning.'],
  ['Unresolved questions', 'Cache size.'],
];
const rfc = (sections: [string, string][]) => doc('---', 'status: proposed', '---', '', '# RFC: Faster builds', ...sections.flatMap(([h, body]) => ['', `## ${h}`, '', ...(body ? [body] : [])]));
const RFC_PATH = 'docs/rfcs/0007-faster-builds.md';
const RFC_HINT: LintOptions = { folderHint: 'rfc' };

describe('lint', () => {
  it('the rules and their default severities', () => {
    assert.deepEqual(Object.entries(RULES).filter(([code]) => CORE_RULES.has(code)).map(([code, r]) => [code, r.name, r.severity]), [
      ['SF001', 'required-section', 'warning'],
      ['SF002', 'empty-section', 'warning'],
      ['SF003', 'missing-status', 'warning'],
      ['SF004', 'unknown-status', 'warning'],
      ['SF005', 'invalid-front-matter', 'warning'],
    ]);
  });

  it('a complete record of each kind has no finding', () => {
    assert.deepEqual(lint(NYGARD_PATH, nygard()), []);
    assert.deepEqual(lint(NYGARD_PATH, crlf(nygard())), []);
    assert.deepEqual(lint(RFC_PATH, rfc(RFC_SECTIONS), RFC_HINT), []);
    assert.deepEqual(lint('problems/docs/adr/0001-use-a-message-queue.md', readWorkspaceFile('problems/docs/adr/0001-use-a-message-queue.md')), []);
  });

  describe('SF001 required-section', () => {
    it('Nygard without Consequences: on the title, naming consequences; the fix appends the section', () => {
      const text = nygard({ consequences: [], decision: ['## Decision', '', 'Publish a message; a worker sends the mail.'] });
      const findings = lint(NYGARD_PATH, text);
      assert.deepEqual(findings.map(f => [f.code, f.severity, f.range, f.message]), [[
        'SF001', 'warning', range(0, 2, 0, 16),
        'No consequences: add a "Consequences" section with what becomes easier, what becomes harder and the risks.',
      ]]);
      assert.equal(findings[0].fix?.title, 'Add section "Consequences"');
      assert.equal(applyEdits(text, findings[0].fix!.edits), nygard({ consequences: ['## Consequences', '', NYGARD_PROMPTS.consequences] }));
    });

    it('Nygard without Context: the fix puts it after Status, before Decision', () => {
      const text = nygard({ context: [] });
      assert.deepEqual(lint(NYGARD_PATH, text).map(f => [f.code, f.range, f.message]), [['SF001', range(0, 2, 0, 16), 'Missing required section "Context" (Nygard ADR (adr-tools)).']]);
      assert.equal(fixed(NYGARD_PATH, text, 'SF001'), nygard({ context: ['## Context', '', NYGARD_PROMPTS.context, ''] }));
    });

    it('Nygard without Consequences and no final line break: the fix still appends', () => {
      const text = nygard({ consequences: [] }).replace(/\n+$/, '');
      assert.equal(fixed(NYGARD_PATH, text, 'SF001'), `${text}\n\n## Consequences\n\n${NYGARD_PROMPTS.consequences}\n`);
    });

    it('MADR without Considered Options (problems/0002): "alternatives" on the title; the fix goes between Context and Decision Outcome', () => {
      const path = 'problems/docs/adr/0002-skip-the-alternatives.md';
      const text = readWorkspaceFile(path);
      const findings = lint(path, text);
      assert.deepEqual(findings.map(f => [f.code, f.severity, f.range, f.message]), [[
        'SF001', 'warning', range(6, 2, 6, 33),
        'No alternatives considered: add a "Considered Options" section naming the options weighed and why they lost.',
      ]]);
      const lines = text.split('\n');
      const expected = [...lines.slice(0, 12), '## Considered Options', '', ...MADR_OPTIONS_PROMPT, '', ...lines.slice(12)].join('\n');
      assert.equal(lines[12], '## Decision Outcome');
      assert.equal(applyEdits(text, findings[0].fix!.edits), expected);
      // The new section holds the template's placeholders, which the author must replace.
      assert.deepEqual(lint(path, expected).map(f => [f.code, f.range, f.message]), [
        ['SF002', range(12, 3, 12, 21), 'Section "Considered Options" still holds only the template\'s prompt or placeholders: write what was decided.'],
      ]);
    });

    it('the same with CRLF line ends: the inserted lines use CRLF', () => {
      const path = 'problems/docs/adr/0002-skip-the-alternatives.md';
      const text = crlf(readWorkspaceFile(path));
      const result = fixed(path, text, 'SF001');
      assert.ok(!/[^\r]\n/.test(result), 'every line break is CRLF');
      assert.equal(result, crlf(fixed(path, readWorkspaceFile(path), 'SF001')));
      assert.deepEqual(codes(lint(path, result)), ['SF002']);
    });

    it('MADR without Context: the fix goes before the first section the template puts after it', () => {
      const text = doc('# Use X', '', '## Considered Options', '', '* a', '* b', '', '## Decision Outcome', '', 'Chosen option: "a".');
      assert.deepEqual(lint('docs/decisions/0002-use-x.md', text).map(f => [f.code, f.range, f.message]), [
        ['SF001', range(0, 2, 0, 7), 'Missing required section "Context and Problem Statement" (MADR).'],
        ['SF003', range(0, 2, 0, 7), MISSING_STATUS],
      ]);
      assert.equal(fixed('docs/decisions/0002-use-x.md', text, 'SF001'),
        doc('# Use X', '', '## Context and Problem Statement', '', MADR_CONTEXT_PROMPT, '', '## Considered Options', '', '* a', '* b', '', '## Decision Outcome', '', 'Chosen option: "a".'));
    });

    it('RFC without failure modes: "failure modes" named; the fix goes after Alternatives considered', () => {
      const text = rfc(RFC_SECTIONS.filter(([h]) => h !== 'Failure modes and rollback'));
      assert.deepEqual(lint(RFC_PATH, text, RFC_HINT).map(f => [f.code, f.range, f.message]), [[
        'SF001', range(4, 2, 4, 20),
        'No failure modes: add a "Failure modes and rollback" section saying what can break, how it is detected and how to roll back.',
      ]]);
      const prompt = KINDS.rfc.sections.find(s => s.title === 'Failure modes and rollback')!.prompt;
      assert.equal(fixed(RFC_PATH, text, 'SF001', RFC_HINT), rfc(RFC_SECTIONS.map(([h, b]) => [h, h === 'Failure modes and rollback' ? prompt : b])));
    });

    it('RFC without alternatives: "alternatives" named', () => {
      const text = rfc(RFC_SECTIONS.filter(([h]) => h !== 'Alternatives considered'));
      assert.deepEqual(lint(RFC_PATH, text, RFC_HINT).map(f => f.message), ['No alternatives considered: add a "Alternatives considered" section naming the options weighed and why they lost.']);
    });

    it('synonyms, numbering and markup count as the section', () => {
      const text = doc('# 1. Use a queue', '', '## Status', '', 'Accepted', '', '## 1. **Context and Problem Statement**', '', 'c', '', '## 2) Decision Outcome:', '', 'd', '', '## III. Consequences', '', 'e');
      assert.deepEqual(lint(NYGARD_PATH, text), []);
      const rfcText = rfc(RFC_SECTIONS.map(([h, b]) => [({ 'Failure modes and rollback': 'Rollout and rollback', 'Alternatives considered': 'Rationale and alternatives', Risks: 'Drawbacks' } as Record<string, string>)[h] ?? h, b]));
      assert.deepEqual(lint(RFC_PATH, rfcText, RFC_HINT), []);
    });

    it('headings inside a fence or an HTML comment do not count', () => {
      const fenced = nygard({ consequences: ['```', '## Consequences', '```'] });
      assert.deepEqual(codes(lint(NYGARD_PATH, fenced)), ['SF001']);
      const commented = nygard({ consequences: ['<!--', '## Consequences', 'x', '-->'] });
      assert.deepEqual(codes(lint(NYGARD_PATH, commented)), ['SF001']);
    });
  });

  describe('SF002 empty-section', () => {
    it('Nygard with an empty Decision: on its heading; the fix adds the prompt', () => {
      const text = nygard({ decision: ['## Decision', ''] });
      const findings = lint(NYGARD_PATH, text);
      assert.deepEqual(findings.map(f => [f.code, f.severity, f.range, f.message]), [['SF002', 'warning', range(12, 3, 12, 11), 'Section "Decision" is empty.']]);
      assert.equal(findings[0].fix?.title, 'Add the template\'s prompt under "Decision"');
      assert.equal(applyEdits(text, findings[0].fix!.edits), nygard({ decision: ['## Decision', '', NYGARD_PROMPTS.decision, ''] }));
    });

    it('an empty last section without a final line break: the prompt goes under the heading', () => {
      const text = nygard({ consequences: ['## Consequences'] }).replace(/\n$/, '');
      assert.ok(text.endsWith('## Consequences'));
      assert.deepEqual(lint(NYGARD_PATH, text).map(f => [f.code, f.range]), [['SF002', range(16, 3, 16, 15)]]);
      assert.equal(fixed(NYGARD_PATH, text, 'SF002'), `${text}\n\n${NYGARD_PROMPTS.consequences}\n`);
    });

    it('MADR with empty Considered Options: asks for the alternatives', () => {
      const text = doc('---', 'status: accepted', '---', '# Use X', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '<!-- to do -->', '', '## Decision Outcome', '', 'd');
      assert.deepEqual(lint('docs/decisions/0003-use-x.md', text).map(f => [f.code, f.range, f.message]), [
        ['SF002', range(9, 3, 9, 21), 'Section "Considered Options" is empty. List the alternatives that were considered.'],
      ]);
      assert.equal(fixed('docs/decisions/0003-use-x.md', text, 'SF002'),
        doc('---', 'status: accepted', '---', '# Use X', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', ...MADR_OPTIONS_PROMPT, '', '<!-- to do -->', '', '## Decision Outcome', '', 'd'));
    });

    it('RFC with empty failure modes: asks what can fail', () => {
      const text = rfc(RFC_SECTIONS.map(([h, b]) => [h, h === 'Failure modes and rollback' ? '' : b]));
      assert.deepEqual(lint(RFC_PATH, text, RFC_HINT).map(f => f.message), ['Section "Failure modes and rollback" is empty. Say what can fail and how it would be detected and rolled back.']);
    });

    it('a comment or a thematic break alone is empty; a sub-section with content is not', () => {
      assert.deepEqual(codes(lint(NYGARD_PATH, nygard({ context: ['## Context', '', '<!-- why? -->', ''] }))), ['SF002']);
      assert.deepEqual(codes(lint(NYGARD_PATH, nygard({ context: ['## Context', '', '---', ''] }))), ['SF002']);
      assert.deepEqual(lint(NYGARD_PATH, nygard({ context: ['## Context', '', '### Background', '', 'text', ''] })), []);
    });

    it('an empty section followed by a setext heading is empty', () => {
      const text = nygard({ context: ['## Context', ''], decision: ['Decision', '--------', '', 'We do X.', ''] });
      assert.deepEqual(lint(NYGARD_PATH, text).map(f => [f.code, f.message]), [['SF002', 'Section "Context" is empty.']]);
    });

    it('an empty setext section: the prompt goes under the underline', () => {
      const text = nygard({ context: ['Context', '-------', ''], decision: ['Decision', '--------', '', 'We do X.', ''] });
      assert.deepEqual(lint(NYGARD_PATH, text).map(f => [f.code, f.range]), [['SF002', range(8, 0, 8, 7)]]);
      assert.equal(fixed(NYGARD_PATH, text, 'SF002'), nygard({ context: ['Context', '-------', '', NYGARD_PROMPTS.context, ''], decision: ['Decision', '--------', '', 'We do X.', ''] }));
    });

    it('an empty optional section is no finding', () => {
      const text = doc('---', 'status: accepted', '---', '# Use X', '', '## Context and Problem Statement', '', 'c', '', '## Decision Drivers', '', '## Considered Options', '', '* a', '', '## Decision Outcome', '', 'd', '', '## More Information', '');
      assert.deepEqual(lint('docs/decisions/0003-use-x.md', text), []);
    });
  });

  describe('SF003 missing-status', () => {
    it('Nygard with an empty Status section: on the Status heading; the fix writes Proposed', () => {
      const text = nygard({ status: ['## Status', ''] });
      const findings = lint(NYGARD_PATH, text);
      assert.deepEqual(findings.map(f => [f.code, f.severity, f.range, f.message]), [['SF003', 'warning', range(4, 3, 4, 9), MISSING_STATUS]]);
      assert.equal(findings[0].fix?.title, 'Set the status to "proposed"');
      const result = applyEdits(text, findings[0].fix!.edits);
      assert.equal(result, nygard({ status: ['## Status', '', 'Proposed', ''] }));
      assert.deepEqual(lint(NYGARD_PATH, result), []);
    });

    it('Nygard without a Status section: on the title; the fix adds the section before Context', () => {
      const text = nygard({ status: [] });
      assert.deepEqual(lint(NYGARD_PATH, text).map(f => [f.code, f.range]), [['SF003', range(0, 2, 0, 16)]]);
      assert.equal(fixed(NYGARD_PATH, text, 'SF003'), nygard({ status: ['## Status', '', 'Proposed', ''] }));
    });

    it('Nygard, CRLF and a BOM as the editor gives them: the fix keeps CRLF', () => {
      const path = 'problems/docs/adr/0005-crlf-bom.md';
      const text = readWorkspaceFile(path).replace(/^\uFEFF/, '').replace('Accepted\r\n', '');
      const result = fixed(path, text, 'SF003');
      assert.equal(result, readWorkspaceFile(path).replace(/^\uFEFF/, '').replace('Accepted\r\n', 'Proposed\r\n\r\n'));
      assert.deepEqual(lint(path, result), []);
    });

    it('Nygard with an empty Status section at the very end, no final line break', () => {
      const text = doc(...NYGARD.head, ...NYGARD.context, ...NYGARD.decision, ...NYGARD.consequences, '', '## Status').replace(/\n$/, '');
      assert.equal(fixed(NYGARD_PATH, text, 'SF003'), `${text}\n\nProposed\n`);
    });

    it('log4brains with an empty Status bullet: the fix fills the bullet', () => {
      const path = 'docs/adr/20240101-use-x.md';
      const text = doc('# Use X', '', '- Status:', '- Date: 2024-01-01', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '- a', '', '## Decision Outcome', '', 'd');
      const findings = lint(path, text);
      assert.deepEqual(findings.map(f => [f.code, f.severity, f.range]), [['SF003', 'warning', range(0, 2, 0, 7)]]);
      const result = applyEdits(text, findings[0].fix!.edits);
      assert.equal(result, text.replace('- Status:\n', '- Status: proposed\n'));
      assert.deepEqual(lint(path, result), []);
    });

    it('Nygard with an empty setext Status section: Proposed goes under the underline', () => {
      const text = nygard({ status: ['Status', '======', ''] });
      assert.equal(fixed(NYGARD_PATH, text, 'SF003'), nygard({ status: ['Status', '======', '', 'Proposed', ''] }));
    });

    it('log4brains with a setext title and an empty Status bullet further down', () => {
      const path = 'docs/adr/20240101-use-x.md';
      const text = doc('Use X', '=====', '', '- Deciders: Ana', '- Status: <!-- to do -->', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '- a', '', '## Decision Outcome', '', 'd');
      assert.deepEqual(lint(path, text).map(f => [f.code, f.range]), [['SF003', range(0, 0, 0, 5)]]);
      assert.equal(fixed(path, text, 'SF003'), text.replace('- Status: <!-- to do -->', '- Status: proposed'));
    });

    it('MADR front matter without status: information; the fix adds status before the closing ---', () => {
      const path = 'docs/decisions/0004-use-x.md';
      const body = ['# Use X', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '', '## Decision Outcome', '', 'd'];
      const text = doc('---', 'date: 2024-01-01', '---', ...body);
      const findings = lint(path, text);
      assert.deepEqual(findings.map(f => [f.code, f.severity, f.range]), [['SF003', 'information', range(3, 2, 3, 7)]]);
      assert.equal(applyEdits(text, findings[0].fix!.edits), doc('---', 'date: 2024-01-01', 'status: proposed', '---', ...body));
      assert.equal(fixed(path, crlf(text), 'SF003'), crlf(doc('---', 'date: 2024-01-01', 'status: proposed', '---', ...body)));
    });

    it('MADR front matter with an empty status key: the fix sets that key, no duplicate', () => {
      const path = 'docs/decisions/0004-use-x.md';
      const body = ['# Use X', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '', '## Decision Outcome', '', 'd'];
      for (const value of ['status:', 'status: ', 'status: ~', 'status: []', 'status:\n  - a\n  - b']) {
        const text = doc('---', value, 'date: 2024-01-01', '---', ...body);
        assert.deepEqual(codes(lint(path, text)), ['SF003'], value);
        const result = fixed(path, text, 'SF003');
        assert.equal(result, doc('---', 'status: proposed', 'date: 2024-01-01', '---', ...body), value);
      }
    });

    it('MADR without front matter: the fix adds front matter with the status', () => {
      const path = 'docs/decisions/0004-use-x.md';
      const body = ['# Use X', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '', '## Decision Outcome', '', 'd'];
      assert.equal(fixed(path, doc(...body), 'SF003'), doc('---', 'status: proposed', '---', '', ...body));
      assert.equal(fixed(path, crlf(doc(...body)), 'SF003'), crlf(doc('---', 'status: proposed', '---', '', ...body)));
      assert.deepEqual(lint(path, fixed(path, doc(...body), 'SF003')), []);
    });

    it('RFC without status: a warning; Rust RFCs are not checked', () => {
      const text = rfc(RFC_SECTIONS).replace('status: proposed\n', 'date: 2024-01-01\n');
      assert.deepEqual(lint(RFC_PATH, text, RFC_HINT).map(f => [f.code, f.severity]), [['SF003', 'warning']]);
      assert.deepEqual(codes(lint('rust-rfcs/text/3668-async-closures.md', readWorkspaceFile('rust-rfcs/text/3668-async-closures.md'))), []);
    });
  });

  describe('SF004 unknown-status', () => {
    it('MADR 0003 "on hold": on the front matter line, naming the status and the vocabulary', () => {
      const path = 'madr/docs/decisions/0003-provide-own-madr-tools.md';
      const findings = lint(path, readWorkspaceFile(path));
      assert.deepEqual(findings.map(f => [f.code, f.severity, f.range]), [['SF004', 'warning', range(3, 0, 3, 15)]]);
      assert.match(findings[0].message, new RegExp(`^Unknown status "on hold": expected one of ${VOCABULARY} \\(`));
    });

    it('a vocabulary with "on hold" accepts it', () => {
      const path = 'madr/docs/decisions/0003-provide-own-madr-tools.md';
      assert.deepEqual(lint(path, readWorkspaceFile(path), { statuses: [...VOCABULARY.split(', '), 'on hold'] }), []);
    });

    it('Nygard "Pending review": on the status line, first line only in the message; a custom vocabulary is named', () => {
      const text = nygard({ status: ['## Status', '', '  Pending review  ', 'Amends [2. X](0002-x.md)', ''] });
      const findings = lint(NYGARD_PATH, text);
      assert.deepEqual(findings.map(f => [f.code, f.range]), [['SF004', range(6, 2, 6, 16)]]);
      assert.match(findings[0].message, new RegExp(`^Unknown status "Pending review": expected one of ${VOCABULARY} \\(`));
      const custom = lint(NYGARD_PATH, text, { statuses: ['Draft', 'Done'] });
      assert.equal(custom.length, 1);
      assert.match(custom[0].message, /^Unknown status "Pending review": expected one of draft, done \(/i);
      assert.deepEqual(lint(NYGARD_PATH, text, { statuses: ['pending'] }), []);
    });

    it('a known status, superseded spelled either way, is no finding', () => {
      for (const status of ['Accepted', 'Superceded by [2. X](0002-x.md)', 'superseded by ADR-0002', 'deprecated', 'Rejected']) {
        assert.deepEqual(lint(NYGARD_PATH, nygard({ status: ['## Status', '', status, ''] })), [], status);
      }
    });
  });

  describe('SF005 invalid-front-matter', () => {
    it('problems/0004: one finding on the YAML line blamed, and no missing-status finding', () => {
      const path = 'problems/docs/adr/0004-broken-front-matter.md';
      assert.deepEqual(lint(path, readWorkspaceFile(path)).map(f => [f.code, f.severity, f.range, f.message, f.fix]), [[
        'SF005', 'warning', range(2, 0, 2, 1), 'Invalid front matter: Flow sequence in block collection must be sufficiently indented and end with a ]', undefined,
      ]]);
    });

    it('an error past the end of a line is clamped into it', () => {
      const text = doc('---', 'title: "open', 'status: accepted', '---', '# T', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '', '## Decision Outcome', '', 'd');
      assert.deepEqual(lint('docs/decisions/0001-t.md', text).map(f => [f.code, f.range]), [['SF005', range(2, 16, 2, 16)]]);
    });

    it('front matter that is not a mapping', () => {
      const text = doc('---', '- accepted', '---', '# T', '', '## Context and Problem Statement', '', 'c', '', '## Considered Options', '', '* a', '', '## Decision Outcome', '', 'd');
      assert.deepEqual(lint('docs/decisions/0001-t.md', text).map(f => [f.code, f.range, f.message]), [
        ['SF005', range(1, 0, 1, 0), 'Invalid front matter: Front matter must be a YAML mapping of keys to values (such as `status: accepted`).'],
      ]);
    });

    it('valid front matter is no finding', () => {
      const path = 'problems/docs/adr/0003-unknown-status.md';
      assert.deepEqual(codes(lint(path, readWorkspaceFile(path))), ['SF004']);
    });
  });

  describe('real records', () => {
    const adrTools = markdownFilesIn('adr-tools/doc/adr');
    const madr = markdownFilesIn('madr/docs/decisions').filter(p => /\/\d{4}-/.test(p));

    it("adr-tools' nine records: no finding at all", () => {
      assert.equal(adrTools.length, 9);
      for (const path of adrTools) assert.deepEqual(lint(path, readWorkspaceFile(path)), [], path);
    });

    it("MADR's nineteen decisions: no SF001/SF002; an informational missing status, unknown for 0003", () => {
      assert.equal(madr.length, 19);
      for (const path of madr) {
        const findings = lint(path, readWorkspaceFile(path));
        const expected = path.includes('/0003-') ? [['SF004', 'warning']] : [['SF003', 'information']];
        assert.deepEqual(findings.map(f => [f.code, f.severity]), expected, path);
      }
    });

    it('log4brains and Rust RFCs: the sections they really lack, and nothing else', () => {
      const got = [...markdownFilesIn('log4brains/docs/adr').filter(p => /\/\d{8}-/.test(p)), ...markdownFilesIn('rust-rfcs/text'), 'rust-rfcs/0000-template.md']
        .map(p => [p.slice(p.lastIndexOf('/') + 1, p.lastIndexOf('/') + 5), lint(p, readWorkspaceFile(p)).map(f => `${f.code} ${/"([^"]+)"/.exec(f.message)?.[1]}`)])
        .filter(([, f]) => f.length > 0);
      assert.deepEqual(got, [
        ['2020', ['SF001 Context and Problem Statement', 'SF001 Considered Options']], // 20200927-avoid-default-exports: only Decision and Links
        ['2020', ['SF001 Considered Options']], // 20201016-use-the-adr-slug-as-its-unique-id
        ['2021', ['SF001 Considered Options']], // 20210113-distribute-log4brains-as-a-global-npm-package
        ['0001', ['SF001 Drawbacks']], // 2014: the template had no Drawbacks yet
        ['0002', ['SF001 Drawbacks']],
        ['3531', ['SF001 Drawbacks']], // "Background and motivation" counts as Motivation
        ['3935', ['SF001 Drawbacks', 'SF001 Rationale and alternatives']],
      ]);
    });

    it('every quick fix on a real record removes its finding, adding at most the prompt to replace', () => {
      const files = [
        ...markdownFilesIn('log4brains/docs/adr').filter(p => /\/\d{8}-/.test(p)), ...markdownFilesIn('rust-rfcs/text'),
        ...madr, ...markdownFilesIn('problems/docs/adr').filter(p => !/binary|README/.test(p)),
      ];
      let applied = 0;
      for (const path of files) {
        const text = readWorkspaceFile(path).replace(/^\uFEFF/, '');
        for (const f of lint(path, text)) {
          if (!f.fix) continue;
          const before = lint(path, text).map(a => `${a.code} ${a.message}`);
          const after = lint(path, applyEdits(text, f.fix.edits)).map(a => `${a.code} ${a.message}`);
          assert.ok(!after.includes(`${f.code} ${f.message}`), `${path}: ${f.code} ${f.message} still there after "${f.fix.title}"`);
          const added = after.filter(a => !before.includes(a) && !/^SF002 Section "[^"]+" still holds only the template's prompt/.test(a));
          assert.deepEqual(added, [], `${path}: "${f.fix.title}" added findings`);
          applied++;
        }
      }
      assert.ok(applied >= 25, `only ${applied} fixes applied`);
    });
  });

  describe('no record, no findings', () => {
    const cases: [string, string][] = [
      ['problems/notes/0001-meeting-notes.md', readWorkspaceFile('problems/notes/0001-meeting-notes.md')],
      ['problems/docs/adr/README.md', readWorkspaceFile('problems/docs/adr/README.md')],
      ['docs/adr/0001-empty.md', ''],
      ['docs/adr/0002-prose.md', 'Just a paragraph of prose.\nAnd another line.\n'],
      ['README.md', doc('# Project', '', '## Install', '', 'npm i')],
      ['problems/docs/adr/0006-binary.md', readWorkspaceFile('problems/docs/adr/0006-binary.md')],
    ];
    for (const [path, text] of cases) {
      it(path, () => assert.deepEqual(lintText(path, text), []));
    }
  });

  describe('documents with nothing but a folder hint', () => {
    it('an empty file in an ADR folder: every required section and the status; each fix applies cleanly', () => {
      const findings = lint('docs/adr/0001-x.md', '', { folderHint: 'adr' });
      assert.deepEqual(findings.map(f => [f.code, f.range]), [
        ['SF001', range(0, 0, 0, 0)], ['SF001', range(0, 0, 0, 0)], ['SF001', range(0, 0, 0, 0)], ['SF003', range(0, 0, 0, 0)],
      ]);
      for (const f of findings) {
        for (const e of f.fix!.edits) assert.equal(rangeProblem('', e.range), undefined);
        assert.ok(applyEdits('', f.fix!.edits).length > 0);
      }
    });
  });
});

describe('section text and HTML comments', () => {
  const nygard = (consequences: string) => `# 1. Use a queue\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\n${consequences}\n`;
  const codes = (text: string) => lintText('doc/adr/0001-use-a-queue.md', text).map(f => f.code);

  it('a comment spanning lines is not text, its first line included: "list the risks" does not silence SF012', () => {
    assert.ok(codes(nygard('It is faster.\n\n<!-- list the risks,\n     costs and trade-offs -->')).includes('SF012'));
    assert.ok(!codes(nygard('It is faster, but we must run a broker.\n\n<!-- list the risks,\n     costs and trade-offs -->')).includes('SF012'));
  });

  it('text before or after a comment on the same line still counts', () => {
    assert.ok(!codes(nygard('<!-- note --> We must run a broker.')).includes('SF012'));
    assert.ok(!codes(nygard('<!-- a note\nthat ends here --> We must run a broker.')).includes('SF012'));
  });

  it('a section holding only a multi-line comment is empty for the option count (SF010)', () => {
    const madr = '---\nstatus: accepted\ndate: 2024-01-01\n---\n\n# Use a queue\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* Kafka\n<!-- * RabbitMQ\n* NATS -->\n\n## Decision Outcome\n\nChosen option: "Kafka", because it scales.\n';
    assert.ok(lintText('docs/decisions/0001-use-a-queue.md', madr).some(f => f.code === 'SF010'), 'commented-out options are not options');
  });
});
