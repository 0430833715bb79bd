/**
 * `.spec-first.json` / `.yaml`: parsing, every validation error with its message and 0-based range,
 * kinds' sections read from MADR's and log4brains' templates, resolving kinds, a project kind end to
 * end (parse → kind id → lint), and the glob and link helpers the configuration relies on.
 */
import * as assert from 'node:assert/strict';
import { parseConfig, resolveKinds, sectionsFromTemplate } from '../../src/core/config';
import { lintText } from '../../src/core/lint';
import { relativeLink, resolveLink } from '../../src/core/paths';
import { parseRecord } from '../../src/core/record';
import { range } from '../../src/core/text';
import { readWorkspaceFile } from '../support/fixtures';

const errorsOf = (text: string) => parseConfig(text).errors.map(e => [e.message, e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character]);

describe('parseConfig', () => {
  it('reads valid JSON: statuses, rules by code and name, a kind', () => {
    const { config, errors } = parseConfig(JSON.stringify({
      $schema: './schema.json', statuses: ['Proposed', 'Accepted '], rules: { SF012: 'off', 'too-few-options': 'error' },
      kinds: [{ id: 'kep', label: 'KEP', files: ['keps/**/README.md'], sections: [{ title: 'Summary' }, { title: 'Risks', required: false, concept: 'consequences', aliases: ['Drawbacks'] }] }],
    }, null, 2));
    assert.deepEqual(errors, []);
    assert.deepEqual(config.statuses, ['proposed', 'accepted']);
    assert.deepEqual(config.rules, { SF012: 'off', SF010: 'error' });
    assert.equal(config.kinds.length, 1);
    const kind = config.kinds[0];
    assert.deepEqual([kind.id, kind.label, kind.files, kind.missingStatus], ['kep', 'KEP', ['keps/**/README.md'], 'warning']);
    assert.deepEqual(kind.sections?.map(s => [s.title, s.level, s.required, s.concept, s.aliases]), [['Summary', 2, true, undefined, []], ['Risks', 2, false, 'consequences', ['drawbacks']]]);
  });

  it('reads valid YAML', () => {
    const { config, errors } = parseConfig('rules:\n  SF012: warning\n  no-downside: hint\nkinds:\n  - id: kep\n    files: [keps/**/README.md]\n    template: keps/template.md\n');
    assert.deepEqual(errors, []);
    assert.deepEqual(config.rules, { SF012: 'hint' });
    assert.deepEqual(config.kinds.map(k => [k.id, k.template, k.sections]), [['kep', 'keps/template.md', undefined]]);
  });

  it('reads a kind\'s idPattern as its literal prefix, and refuses any other pattern', () => {
    const kindWith = (idPattern: unknown) => parseConfig(JSON.stringify({ kinds: [{ id: 'kep', files: ['keps/**/README.md'], sections: [], idPattern }] }));
    assert.equal(kindWith('KEP-(\\d+)').config.kinds[0].idPrefix, 'KEP-');
    assert.equal(kindWith('rust-lang/rfcs\\#(\\d+)').config.kinds[0].idPrefix, 'rust-lang/rfcs#');
    assert.equal(kindWith(undefined).config.kinds[0].idPrefix, undefined);
    for (const bad of ['(a+)+(\\d+)', 'KEP-\\d+', 'KEP-(\\d+)x', '-KEP(\\d+)', `${'K'.repeat(41)}(\\d+)`, 'K.*(\\d+)', 42, '(\\d+)']) {
      const { config, errors } = kindWith(bad);
      assert.deepEqual(config.kinds, [], String(bad));
      assert.match(errors[0].message, /^kinds\[0\]\.idPattern: "idPattern" must be a literal prefix followed by \(\\d\+\)/, String(bad));
    }
  });

  it('an empty file is an empty configuration', () => {
    assert.deepEqual(parseConfig('').errors, []);
    assert.deepEqual(parseConfig('').config.kinds, []);
  });

  const ERRORS: [string, string, unknown[][]][] = [
    ['unknown key', '{\n  "rulez": {}\n}', [['Unknown key "rulez": the configuration takes "adr", "rfc", "statuses", "rules", "kinds", "references", "reviewAfter" and "staleAfter".', 1, 2, 1, 9]]],
    ['bad level', '{\n  "rules": { "SF012": "loud" }\n}', [['Rule SF012: the level must be one of off, error, warning, information, hint.', 1, 22, 1, 28]]],
    ['unknown rule', '{\n  "rules": { "SF999": "off" }\n}', [['Unknown rule "SF999": use a code (SF001…) or a name from docs/rules.', 1, 13, 1, 20]]],
    ['bad kind id', '{\n  "kinds": [{ "id": "Kep", "files": ["a"], "sections": [] }]\n}', [['kinds[0].id: "id" must be a lower-case word such as "kep".', 1, 20, 1, 25]]],
    ['duplicate id', '{\n  "kinds": [\n    { "id": "kep", "files": ["a"], "sections": [] },\n    { "id": "kep", "files": ["b"], "sections": [] }\n  ]\n}', [['kinds[1]: the id "kep" is declared twice.', 3, 4, 3, 51]]],
    ['built-in id', '{\n  "kinds": [{ "id": "madr", "files": ["a"], "sections": [] }]\n}', [['kinds[0].id: "madr" is a built-in kind; give yours another id.', 1, 20, 1, 26]]],
    ['missing files', '{\n  "kinds": [{ "id": "kep", "sections": [] }]\n}', [['kinds[0].files: "files" must be a non-empty list of globs, such as ["keps/**/README.md"].', 1, 12, 1, 43]]],
    ['sections and template missing', '{\n  "kinds": [{ "id": "kep", "files": ["a"] }]\n}', [['kinds[0]: give the kind its "sections", or a "template" file whose headings are its sections.', 1, 12, 1, 43]]],
    ['bad concept', '{\n  "kinds": [{ "id": "kep", "files": ["a"], "sections": [{ "title": "X", "concept": "vibes" }] }]\n}', [['kinds[0].sections: sections[0]: "concept" must be one of alternatives, failure-modes, consequences, status, context, decision.', 1, 55, 1, 93]]],
    ['syntax error (its range ends at the line\'s end, not past it)', '{ "rules": ', [['Flow map must end with a }', 0, 11, 0, 11]]],
    ['not an object', '[1]', [['The configuration must be an object: { "rules": …, "statuses": …, "kinds": … }.', 0, 0, 0, 3]]],
    ['bad statuses', '{ "statuses": [] }', [['"statuses" must be a non-empty list of words, such as ["proposed", "accepted", "superseded"].', 0, 14, 0, 16]]],
  ];
  for (const [name, text, expected] of ERRORS) {
    it(`error: ${name}`, () => assert.deepEqual(errorsOf(text), expected));
  }

  it('a bad rule keeps the good ones', () => {
    const { config, errors } = parseConfig('{ "rules": { "SF999": "off", "SF012": "off" } }');
    assert.equal(errors.length, 1);
    assert.deepEqual(config.rules, { SF012: 'off' });
  });
});

describe('parseConfig on hostile input: never throws, never takes the process down', () => {
  /** Runs parseConfig and checks its promises: no throw, every range on one line and inside it. */
  const parsed = (text: string) => {
    const result = parseConfig(text);
    const lines = text.split(/\r\n|\r|\n/);
    for (const e of result.errors) {
      assert.equal(e.range.end.line, e.range.start.line, `${e.message}: the range ends on another line`);
      assert.ok(e.range.start.line < lines.length && e.range.end.character <= lines[e.range.start.line].length, `${e.message}: the range ends past its line`);
      assert.ok(e.range.start.character <= e.range.end.character, `${e.message}: the range is reversed`);
    }
    return result;
  };

  it('nested collections used as keys (a 600-byte {{{…}}}): refused before parsing, no RangeError', () => {
    const { config, errors } = parsed(`${'{'.repeat(300)}${'}'.repeat(300)}`);
    assert.deepEqual(config.kinds, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /nests more than 20 levels deep/);
  });

  it('a 12 KB nested .spec-first.json: refused before parsing', () => {
    const { errors } = parsed(`${'{"a":'.repeat(2400)}1${'}'.repeat(2400)}`);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /nests more than 20 levels deep/);
    assert.deepEqual(errors[0].range.start, { line: 0, character: 95 }); // the 20th {, one level below the document's
  });

  it('a 62-byte .spec-first.yaml of nested complex keys (? ? ? … x): an error, not gigabytes', () => {
    const text = `${'? '.repeat(30)}x\n`;
    assert.equal(text.length, 62);
    const { errors } = parsed(text);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /nests more than 20 levels deep/);
  });

  it('a shallow collection or alias as a key: an error at the key, never stringified', () => {
    for (const text of ['? [rules]\n: 1\n', '{ { a: 1 }: 2 }', 'rules:\n  ? [SF012]\n  : off\n', 'x: &k a\n*k : 1\n']) {
      const { config, errors } = parsed(text);
      assert.deepEqual(config, { rules: {}, kinds: [] }, text);
      assert.deepEqual(errors.map(e => e.message), ['Keys must be plain words or quoted strings, not lists, objects or aliases.'], text);
    }
  });

  it('an alias bomb in a value: never expanded, an error, no throw', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`), 'statuses: *i', ''].join('\n');
    const { config, errors } = parsed(bomb);
    assert.equal(config.statuses, undefined);
    assert.ok(errors.some(e => e.message.startsWith('"statuses" must be')), JSON.stringify(errors.map(e => e.message)));
  });

  it('a file over 64 KB: refused before parsing', () => {
    const { errors } = parsed(`{ "statuses": ["${'a'.repeat(70_000)}"] }`);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /more than the 65536 read/);
  });

  it('a key written twice in one map is an error on the second, found with a set (the parser compares every pair)', () => {
    const text = 'rules:\n  SF012: off\n  SF013: off\n  SF012: warning\n';
    const { config, errors } = parsed(text);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].message, /Map keys must be unique/);
    assert.equal(errors[0].range.start.line, 3);
    assert.deepEqual(config.rules ?? {}, {});
  });

  it('the same key in two maps is no repeat', () => {
    const { errors } = parsed('{ "rules": { "SF012": "off" }, "kinds": [{ "id": "kep", "label": "KEP", "files": ["keps/*.md"], "sections": [{ "title": "Summary" }, { "title": "Motivation" }] }] }');
    assert.deepEqual(errors.map(e => e.message), []);
  });

  it('CR-only line ends (classic Mac) read like LF, with the editor\'s line numbers', () => {
    const lf = '{\n  "rules": {\n    "SF012": "off",\n    "SF999": "off"\n  }\n}\n';
    const cr = lf.replace(/\n/g, '\r');
    const expected = parsed(lf);
    assert.deepEqual(expected.config.rules, { SF012: 'off' });
    assert.deepEqual(parsed(cr), expected);
    assert.deepEqual(expected.errors.map(e => e.range), [range(3, 4, 3, 11)]);
  });

  it('error ranges end on the line they start on (a kind over several lines, a syntax error at the end)', () => {
    const kind = parsed('{\n  "kinds": [\n    {\n      "id": "kep",\n      "files": ["a"]\n    }\n  ]\n}\n');
    assert.deepEqual(kind.errors.map(e => [e.message, e.range]), [['kinds[0]: give the kind its "sections", or a "template" file whose headings are its sections.', range(2, 4, 2, 5)]]);
    const notList = parsed('kinds:\n  id: kep\n  files: [a]\n');
    assert.deepEqual(notList.errors.map(e => e.range), [range(1, 2, 1, 9)]);
    for (const text of ['{ "rules": {\n', '{\n  "statuses": [\n    "a",\n', 'rules:\n  - [\n', '"unterminated\n\n']) parsed(text);
  });

  it('a long key in a message is cut', () => {
    const { errors } = parsed(`{ "${'k'.repeat(10_000)}": 1 }`);
    assert.ok(errors[0].message.length < 200, errors[0].message);
  });
});

describe('sectionsFromTemplate', () => {
  it('MADR 4: optional sections from "<!-- This is an optional element -->", sub-sections of an optional one optional too', () => {
    const sections = sectionsFromTemplate(readWorkspaceFile('madr/docs/decisions/adr-template.md'));
    assert.deepEqual(sections.map(s => [s.title, s.level, s.required, s.concept]), [
      ['Context and Problem Statement', 2, true, undefined], ['Decision Drivers', 2, false, undefined], ['Considered Options', 2, true, 'alternatives'],
      ['Decision Outcome', 2, true, undefined], ['Consequences', 3, false, 'consequences'], ['Confirmation', 3, false, undefined],
      ['Pros and Cons of the Options', 2, false, undefined], ['{title of option 1}', 3, false, undefined], ['{title of other option}', 3, false, undefined],
      ['More Information', 2, false, undefined],
    ]);
    assert.ok(sections[0].prompt.startsWith('{Describe the context and problem statement'), sections[0].prompt);
  });

  it('log4brains: "<!-- optional -->" on the heading; a comment ending the line above does not count', () => {
    const sections = sectionsFromTemplate(readWorkspaceFile('log4brains/docs/adr/template.md'));
    assert.deepEqual(sections.map(s => [s.title, s.level, s.required, s.concept]), [
      ['Context and Problem Statement', 2, true, undefined], ['Decision Drivers', 2, false, undefined], ['Considered Options', 2, true, 'alternatives'],
      ['Decision Outcome', 2, true, undefined], ['Positive Consequences', 3, false, 'consequences'], ['Negative Consequences', 3, false, 'consequences'],
      ['Pros and Cons of the Options', 2, false, undefined], ['[option 1]', 3, false, undefined], ['[option 2]', 3, false, undefined], ['[option 3]', 3, false, undefined],
      ['Links', 2, false, undefined],
    ]);
  });
});

describe('resolveKinds and a project kind end to end', () => {
  const KEP_CONFIG = JSON.stringify({
    kinds: [{ id: 'kep', label: 'KEP', files: ['keps/**/README.md'], missingStatus: 'none', sections: [
      { title: 'Summary' }, { title: 'Motivation' }, { title: 'Proposal' }, { title: 'Drawbacks', concept: 'consequences' }, { title: 'Alternatives', concept: 'alternatives' },
    ] }],
  });

  it('sections from the configuration; globs below the configuration\'s folder', () => {
    const { kinds, errors } = resolveKinds(parseConfig(KEP_CONFIG).config, new Map(), 'enhancements');
    assert.deepEqual(errors, []);
    assert.deepEqual(kinds.map(k => [k.kind, k.label, k.files, k.missingStatus, k.sections.map(s => s.title)]), [
      ['kep', 'KEP', ['enhancements/keps/**/README.md'], 'none', ['Summary', 'Motivation', 'Proposal', 'Drawbacks', 'Alternatives']],
    ]);
  });

  it('sections from a template; an unreadable template is an error and drops the kind', () => {
    const config = parseConfig('{ "kinds": [{ "id": "kep", "files": ["./keps/**/README.md"], "template": "keps/template.md" }] }').config;
    const ok = resolveKinds(config, new Map([['keps/template.md', '# Title\n\n## Summary\n\nSay it.\n\n## Notes <!-- optional -->\n']]));
    assert.deepEqual(ok.errors, []);
    assert.deepEqual(ok.kinds.map(k => [k.files, k.sections.map(s => [s.title, s.required, s.prompt])]), [[['keps/**/README.md'], [['Summary', true, 'Say it.'], ['Notes', false, '…']]]]);
    const missing = resolveKinds(config, new Map([['keps/template.md', undefined]]));
    assert.deepEqual(missing, { kinds: [], errors: ['Kind "kep": its template "keps/template.md" could not be read.'] });
  });

  it('a KEP-like record is parsed as the project kind and linted with its sections', () => {
    const { kinds } = resolveKinds(parseConfig(KEP_CONFIG).config, new Map());
    const path = 'keps/sig-node/1234-faster-pods/README.md';
    const text = '# KEP-1234: Faster pods\n\n## Summary\n\nPods start faster.\n\n## Motivation\n\nThey are slow.\n\n## Proposal\n\nCache images.\n\n## Drawbacks\n\nMore disk.\n';
    assert.equal(parseRecord(path, text, { kinds })?.kind, 'kep');
    assert.equal(parseRecord('docs/other/README.md', text, { kinds })?.kind === 'kep', false);
    const findings = lintText(path, text, { kinds });
    assert.deepEqual(findings.map(f => [f.code, f.range.start.line]), [['SF001', 0]]);
    assert.match(findings[0].message, /Alternatives/);
    assert.deepEqual(lintText(path, `${text}\n## Alternatives\n\nBigger nodes.\n`, { kinds }), []);
  });
});

describe('resolveLink and relativeLink', () => {
  const RESOLVE: [string, string, string | undefined][] = [
    ['docs/adr/0002-b.md', '0001-a.md', 'docs/adr/0001-a.md'],
    ['docs/adr/0002-b.md', './0001-a.md#status', 'docs/adr/0001-a.md'],
    ['docs/adr/0002-b.md', '../rfcs/0001-x.md?plain=1', 'docs/rfcs/0001-x.md'],
    ['docs/adr/0002-b.md', '0001-use%20x.md', 'docs/adr/0001-use x.md'],
    ['docs/adr/0002-b.md', '0001-100%.md', 'docs/adr/0001-100%.md'],
    ['docs/adr/0002-b.md', '../../../x.md', undefined],
    ['docs/adr/0002-b.md', 'https://example.org/0001-a.md', undefined],
    ['docs/adr/0002-b.md', 'mailto:a@b.c', undefined],
    ['docs/adr/0002-b.md', '#status', undefined],
    ['docs/adr/0002-b.md', '/docs/adr/0001-a.md', undefined],
    ['0002-b.md', '0001-a.md', '0001-a.md'],
  ];
  for (const [from, target, expected] of RESOLVE) {
    it(`resolveLink(${from}, ${target}) = ${expected}`, () => assert.equal(resolveLink(from, target), expected));
  }
  const RELATIVE: [string, string, string][] = [
    ['docs/adr/0002-b.md', 'docs/adr/0001-a.md', '0001-a.md'],
    ['docs/adr/0002-b.md', 'docs/rfcs/0001-x.md', '../rfcs/0001-x.md'],
    ['docs/adr/0002-b.md', 'README.md', '../../README.md'],
    ['0002-b.md', 'docs/adr/0001-a.md', 'docs/adr/0001-a.md'],
    ['docs/adr/0002-b.md', 'docs/adr', '../adr'],
  ];
  for (const [from, to, expected] of RELATIVE) {
    it(`relativeLink(${from}, ${to}) = ${expected}`, () => {
      assert.equal(relativeLink(from, to), expected);
      assert.equal(resolveLink(from, relativeLink(from, to)), to);
    });
  }
});

describe('parseConfig: record folders', () => {
  it('adr/rfc directories: a subfolder, contained; not the configuration\'s own folder, not outside it', () => {
    const ok = parseConfig('{ "adr": { "directory": "./docs/decisions/" }, "rfc": { "directory": "rfcs" } }');
    assert.deepEqual([ok.config.adrDirectory, ok.config.rfcDirectory, ok.errors], ['docs/decisions', 'rfcs', []]);
    for (const dir of ['.', './', '../up', '/abs']) {
      const bad = parseConfig(`{ "adr": { "directory": ${JSON.stringify(dir)} } }`);
      assert.equal(bad.config.adrDirectory, undefined, dir);
      assert.equal(bad.errors.length, 1, dir);
    }
    assert.match(parseConfig('{ "adr": { "dir": "x" } }').errors[0].message, /unknown key "dir"/);
  });
});
