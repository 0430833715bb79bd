/**
 * The CLI's CI formats on crafted findings: GitHub Actions workflow commands (`--format github`) and
 * GitLab's code quality report (`--format gitlab`). Messages and paths carry `%`, CR, LF, commas and
 * colons; each command line is read back the way the Actions runner reads it (split at the first `::`,
 * properties at `,` and the first `=`, then unescaped), so a value that escapes badly reads back wrong.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding, Severity } from '../../src/core/lint';
import { range } from '../../src/core/text';
import { escapeCommandData, escapeCommandProperty, FileResult, githubOutput, gitlabOutput } from '../../src/cli/output';

const finding = (severity: Severity, message: string, line: number, character = 0, endLine = line, endCharacter = character + 3, code = 'SF012'): Finding =>
  ({ code, severity, message, range: range(line, character, endLine, endCharacter) });

/** A workflow command as the Actions runner reads it: `::name k=v,k=v::data`, values unescaped. */
function readCommand(line: string): { name: string; properties: Record<string, string>; data: string } {
  assert.ok(line.startsWith('::'), line);
  const end = line.indexOf('::', 2);
  assert.ok(end > 0, line);
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
  }
  return { name, properties, data: unescape(line.slice(end + 2)) };
}

/** The runner's unescaping, in one pass: `%25`, `%0D`, `%0A`, `%3A`, `%2C`. */
function unescape(text: string): string {
  const codes: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',' };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = codes[text.slice(i, i + 3)];
    if (code !== undefined) { out += code; i += 2; } else out += text[i];
  }
  return out;
}

describe('CLI output: --format github (workflow commands)', () => {
  it('a warning on one line: file, line, endLine, col, endColumn and title, 1-based', () => {
    const out = githubOutput([{ file: 'doc/adr/0002-use-kafka.md', findings: [finding('warning', '"Consequences" names no downside.', 16, 3, 16, 15)] }]);
    assert.equal(out, '::warning file=doc/adr/0002-use-kafka.md,line=17,endLine=17,col=4,endColumn=16,title=SF012 no-downside::"Consequences" names no downside.');
  });

  it('errors are ::error, information and hints ::notice, one line each, in order', () => {
    const out = githubOutput([
      { file: 'a.md', findings: [finding('error', 'e', 0), finding('warning', 'w', 1)] },
      { file: 'b.md', findings: [finding('information', 'i', 2), finding('hint', 'h', 3)] },
    ]);
    assert.deepEqual(out.split('\n').map(l => readCommand(l)).map(c => [c.name, c.properties.file, c.data]), [
      ['error', 'a.md', 'e'], ['warning', 'a.md', 'w'], ['notice', 'b.md', 'i'], ['notice', 'b.md', 'h'],
    ]);
  });

  it('a finding over several lines has line and endLine but no columns (GitHub takes columns on one line only)', () => {
    const [command] = githubOutput([{ file: 'a.md', findings: [finding('warning', 'm', 2, 5, 4, 1)] }]).split('\n').map(readCommand);
    assert.deepEqual(command.properties, { file: 'a.md', line: '3', endLine: '5', title: 'SF012 no-downside' });
  });

  it('escapes %, CR and LF in the message; also : and , in property values; the runner reads back both', () => {
    const message = '100% sure: a, b\r\nc %0A';
    const file = 'doc/adr/0001-a,b:c%.md';
    const line = githubOutput([{ file, findings: [finding('error', message, 0)] }]);
    assert.equal(line.split('\n').length, 1, 'one line');
    assert.equal(line, '::error file=doc/adr/0001-a%2Cb%3Ac%25.md,line=1,endLine=1,col=1,endColumn=4,title=SF012 no-downside::100%25 sure: a, b%0D%0Ac %250A');
    const command = readCommand(line);
    assert.equal(command.data, message);
    assert.equal(command.properties.file, file);
  });

  it('escapeCommandData and escapeCommandProperty read back unchanged for any text', () => {
    const text = fc.string({ unit: fc.constantFrom('%', '\r', '\n', ':', ',', '=', 'a', '0', 'A', 'D', '2', '5', 'é') });
    fc.assert(fc.property(text, text, (message, value) => {
      const command = readCommand(`::warning file=${escapeCommandProperty(value)},line=1::${escapeCommandData(message)}`);
      assert.equal(command.data, message);
      assert.equal(command.properties.file, value);
      assert.doesNotMatch(escapeCommandData(message), /[\r\n]/);
      assert.doesNotMatch(escapeCommandProperty(value), /[\r\n:,]/);
    }), { numRuns: 2000, seed: 11 });
  });

  it('Windows paths are printed with /', () => {
    assert.match(githubOutput([{ file: 'doc\\adr\\0001-x.md', findings: [finding('warning', 'm', 0)] }]), /^::warning file=doc\/adr\/0001-x\.md,/);
  });

  it('no finding: no output', () => {
    assert.equal(githubOutput([{ file: 'a.md', findings: [] }]), '');
  });
});

describe('CLI output: --format gitlab (code quality report)', () => {
  const report = (results: readonly FileResult[]) => JSON.parse(gitlabOutput(results)) as {
    description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } };
  }[];

  it('an array of { description, check_name, fingerprint, severity, location: { path, lines: { begin } } }, begin 1-based', () => {
    const [issue, ...rest] = report([{ file: 'doc/adr/0002-use-kafka.md', findings: [finding('warning', '"Consequences" names no downside.', 16, 3)] }]);
    assert.deepEqual(rest, []);
    assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual({ ...issue, fingerprint: '' }, {
      description: '"Consequences" names no downside.', check_name: 'SF012 no-downside', fingerprint: '', severity: 'minor',
      location: { path: 'doc/adr/0002-use-kafka.md', lines: { begin: 17 } },
    });
  });

  it('severities: error major, warning minor, information and hint info', () => {
    const issues = report([{ file: 'a.md', findings: (['error', 'warning', 'information', 'hint'] as const).map((s, i) => finding(s, s, i)) }]);
    assert.deepEqual(issues.map(i => [i.description, i.severity]), [['error', 'major'], ['warning', 'minor'], ['information', 'info'], ['hint', 'info']]);
  });

  it('a message with %, CR, LF, quotes, commas and colons reads back unchanged; Windows paths use /', () => {
    const message = '100% "sure": a, b\r\nc\\d';
    const [issue] = report([{ file: 'doc\\adr\\0001-a,b:c.md', findings: [finding('error', message, 0)] }]);
    assert.equal(issue.description, message);
    assert.equal(issue.location.path, 'doc/adr/0001-a,b:c.md');
  });

  it('fingerprints: the same from run to run and when lines are added above; unique in a report', () => {
    const a = (line: number) => finding('warning', 'Same words.', line);
    const first = report([{ file: 'a.md', findings: [a(3), a(9), finding('warning', 'Other words.', 9)] }, { file: 'b.md', findings: [a(3)] }]);
    const again = report([{ file: 'a.md', findings: [a(3), a(9), finding('warning', 'Other words.', 9)] }, { file: 'b.md', findings: [a(3)] }]);
    const shifted = report([{ file: 'a.md', findings: [a(5), a(11), finding('warning', 'Other words.', 11)] }, { file: 'b.md', findings: [a(3)] }]);
    const prints = first.map(i => i.fingerprint);
    assert.equal(new Set(prints).size, prints.length, 'unique: the same rule and message twice in a file, and in another file');
    assert.deepEqual(again.map(i => i.fingerprint), prints);
    assert.deepEqual(shifted.map(i => i.fingerprint), prints);
    const otherRule = report([{ file: 'a.md', findings: [finding('warning', 'Same words.', 3, 0, 3, 3, 'SF015')] }]);
    assert.notEqual(otherRule[0].fingerprint, prints[0]);
  });

  it('no finding: an empty array', () => {
    assert.deepEqual(report([]), []);
  });
});
