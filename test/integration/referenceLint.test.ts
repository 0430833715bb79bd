/**
 * Lint on decision references in the real host: in an accepted record citing others, each diagnostic
 * appears — SF016 on an identifier that names no record, SF023 on a citation of a superseded record,
 * SF024 on a link to a missing `#heading`, SF025 on a label naming another record — and its quick fix,
 * asked through `vscode.executeCodeActionProvider`, applies and makes the diagnostic go. Records
 * 0801–0804 in a folder of their own, written for the test and removed after it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, codeOf, diagnosticsWhere, fixture, openAndLint, removeFiles, writeFiles } from './helpers';

const record = (n: number, title: string, status: string, context = 'c') =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n - 800}\n\n## Status\n\n${status}\n\n## Context\n\n${context}\n\n## Decision\n\nd\n\n## Consequences\n\nA cost.\n`;
const FILES: Record<string, string> = {
  'reflint/docs/adr/0801-use-kafka.md': record(801, 'Use Kafka', 'Superseded by [802. Use Pulsar](0802-use-pulsar.md)'),
  'reflint/docs/adr/0802-use-pulsar.md': record(802, 'Use Pulsar', 'Accepted\n\nSupersedes [801. Use Kafka](0801-use-kafka.md)'),
  'reflint/docs/adr/0803-log-format.md': record(803, 'Log format', 'Accepted',
    'Events go through ADR-0801 and ADR-0899.\n\nSee [ADR-0801](0802-use-pulsar.md) and [why](0802-use-pulsar.md#contxt).'),
};
const CITING = fixture('reflint/docs/adr/0803-log-format.md');

describe('Lint on decision references', function () {
  this.timeout(60_000);

  before(() => writeFiles(FILES));
  after(() => removeFiles('reflint', Object.keys(FILES)));

  /** The one diagnostic of `code` on the citing record, once the index has every record. */
  const diagnostic = async (code: string) => {
    const found = await diagnosticsWhere(CITING, ds => ds.some(d => codeOf(d) === code));
    const ours = found.filter(d => codeOf(d) === code);
    assert.equal(ours.length, 1, JSON.stringify(found.map(d => `${codeOf(d)} ${d.message}`)));
    return ours[0];
  };
  /** Applies the quick fix titled `title` for `d`, then waits until no diagnostic of `code` is left. */
  const fix = async (d: vscode.Diagnostic, code: string, title: string) => {
    const actions = await codeActions(CITING, d.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find(a => a.title === title);
    assert.ok(action?.edit, `no "${title}" in ${JSON.stringify(actions.map(a => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    await diagnosticsWhere(CITING, ds => !ds.some(x => codeOf(x) === code));
  };
  const text = async () => (await vscode.workspace.openTextDocument(CITING)).getText();

  it('reports each problem, on its text, with a link to its rule', async () => {
    await openAndLint(CITING);
    const document = await vscode.workspace.openTextDocument(CITING);
    const expected: [string, string, RegExp][] = [
      ['SF016', 'ADR-0899', /No record is "ADR-0899"/],
      ['SF023', 'ADR-0801', /ADR-0801 is superseded; ADR-0802 is the decision in force/],
      ['SF024', '#contxt', /0802-use-pulsar\.md has no heading "#contxt"/],
      ['SF025', 'ADR-0801', /The label says "ADR-0801" but the link leads to ADR-0802/],
    ];
    for (const [code, covered, message] of expected) {
      const d = await diagnostic(code);
      assert.equal(document.getText(d.range), covered, code);
      assert.match(d.message, message);
      assert.equal(d.source, 'spec-first');
      assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith(`docs/rules/${code}.md`), code);
    }
  });

  it('SF025: "Change the label to ADR-0802" fixes the label', async () => {
    await openAndLint(CITING);
    await fix(await diagnostic('SF025'), 'SF025', 'Change the label to ADR-0802');
    assert.match(await text(), /See \[ADR-0802\]\(0802-use-pulsar\.md\)/);
  });

  it('SF024: the fix drops the missing #heading', async () => {
    await openAndLint(CITING);
    await fix(await diagnostic('SF024'), 'SF024', 'Link to 0802-use-pulsar.md without "#contxt"');
    assert.match(await text(), /\[why\]\(0802-use-pulsar\.md\)\./);
  });

  it('SF023: "Point to ADR-0802, its successor" rewrites the identifier', async () => {
    await openAndLint(CITING);
    await fix(await diagnostic('SF023'), 'SF023', 'Point to ADR-0802, its successor');
    assert.match(await text(), /Events go through ADR-0802 and ADR-0899\./);
    // SF016 stays: no fix, a number only the author can tell.
    assert.equal((await diagnostic('SF016')).message, 'No record is "ADR-0899": it was renumbered, removed or never merged.');
  });
});
