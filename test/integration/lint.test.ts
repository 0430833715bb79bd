/**
 * Lint warnings in the real editor: a record missing its alternatives gets the warning, the quick
 * fix inserts the section and the warning goes; complete records (adr-tools', MADR's) get no
 * missing-section warning; other Markdown is never linted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addDuration, localToday } from '../../src/core/calendar';
import { activate, codeOf, diagnosticsWhere, fixture, openAndLint, codeActions, remove } from './helpers';

describe('Lint warnings', () => {
  before(async () => {
    const api = await activate();
    await api.index.ready();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('warns on a record without alternatives, and the quick fix inserts "Considered Options" where MADR puts it', async () => {
    const uri = fixture('problems/docs/adr/0002-skip-the-alternatives.md');
    const diagnostics = await openAndLint(uri);
    const missing = diagnostics.find(d => codeOf(d) === 'SF001' && /alternatives/i.test(d.message));
    assert.ok(missing, `expected an SF001 alternatives warning, got ${JSON.stringify(diagnostics.map(d => d.message))}`);
    assert.equal(missing.source, 'spec-first');
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(missing.range.start.line, missing.range.end.line, 'the range is on the title line');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.lineAt(missing.range.start.line).text, /^# /, 'the warning sits on the title');
    assert.ok(typeof missing.code === 'object' && missing.code.target.path.endsWith('docs/rules/SF001.md'), 'code links to the rule docs');

    const actions = await codeActions(uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    // vscode.executeCodeActionProvider returns actions without their diagnostics: find the fix by title.
    const fix = actions.find(a => a.isPreferred && a.title === 'Add section "Considered Options"');
    assert.ok(fix?.edit, `expected a preferred quick fix, got ${JSON.stringify(actions.map(a => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = await diagnosticsWhere(uri, ds => !ds.some(d => codeOf(d) === 'SF001'));
    const key = (d: vscode.Diagnostic) => `${codeOf(d)} ${d.message}`;
    const before = new Set(diagnostics.filter(d => d !== missing).map(key));
    assert.ok([...before].every(k => after.some(d => key(d) === k)), 'the fix removes only its own warning');
    // What it adds is the template's prompt, which the author is still to replace.
    const added = after.filter(d => !before.has(key(d)));
    assert.ok(added.every(d => /Considered Options|\{title of option/.test(d.message)), `only the prompt is new: ${JSON.stringify(added.map(key))}`);

    const lines = document.getText().split(/\r?\n/);
    const context = lines.findIndex(l => l === '## Context and Problem Statement');
    const options = lines.findIndex(l => l === '## Considered Options');
    const outcome = lines.findIndex(l => l === '## Decision Outcome');
    assert.ok(context >= 0 && context < options && options < outcome, `section inserted between context and outcome:\n${document.getText()}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('finds no structural or metadata problem in adr-tools\' nine records', async () => {
    for (let n = 1; n <= 9; n++) {
      const [name] = (await vscode.workspace.fs.readDirectory(fixture('adr-tools/doc/adr'))).map(([f]) => f).filter(f => f.startsWith(`000${n}-`));
      const ds = await openAndLint(fixture(`adr-tools/doc/adr/${name}`));
      // Structure and metadata only: some of adr-tools' records do list no downside (SF012), rightly.
      const found = ds.filter(d => codeOf(d) !== 'SF012');
      assert.deepEqual(found.map(d => `${codeOf(d)} ${d.message}`), [], name);
    }
  });

  it('finds no missing or empty section in MADR\'s own decisions', async () => {
    const names = (await vscode.workspace.fs.readDirectory(fixture('madr/docs/decisions'))).map(([f]) => f).filter(f => /^\d{4}-.*\.md$/.test(f));
    assert.ok(names.length >= 19);
    for (const name of names) {
      const ds = await openAndLint(fixture(`madr/docs/decisions/${name}`));
      const structural = ds.filter(d => codeOf(d) === 'SF001' || codeOf(d) === 'SF002');
      assert.deepEqual(structural.map(d => d.message), [], name);
    }
  });

  it('never lints Markdown that is not a decision document', async () => {
    const notes = fixture('problems/notes/0001-meeting-notes.md');
    const readme = fixture('problems/docs/adr/README.md');
    for (const uri of [notes, readme]) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Documents are linted in the order they open: once a record opened after them is linted, they were too.
    const record = await openAndLint(fixture('problems/docs/adr/0001-use-a-message-queue.md'));
    assert.deepEqual(record.map(d => d.message), [], 'the complete record has no warning');
    assert.deepEqual(vscode.languages.getDiagnostics(notes), []);
    assert.deepEqual(vscode.languages.getDiagnostics(readme), []);
  });

  it('reports a status outside the vocabulary on the status', async () => {
    const unknown = await openAndLint(fixture('problems/docs/adr/0003-unknown-status.md'));
    const status = unknown.find(d => codeOf(d) === 'SF004');
    assert.ok(status && /maybe later/.test(status.message), JSON.stringify(unknown.map(d => d.message)));
    const document = await vscode.workspace.openTextDocument(fixture('problems/docs/adr/0003-unknown-status.md'));
    assert.match(document.lineAt(status.range.start.line).text, /^status:/);
  });

  it('reports a review due on "today" as SPEC_FIRST_TODAY pins it; "Mark reviewed today" and "Snooze 3 months" move the date where MADR keeps it', async () => {
    // The Node host reads SPEC_FIRST_TODAY, which test/host/run.mjs pins; a web worker has no environment: the clock decides there.
    const today = typeof process === 'undefined' ? localToday() : process.env.SPEC_FIRST_TODAY;
    assert.ok(today, 'test/host/run.mjs pins SPEC_FIRST_TODAY');
    const uri = fixture('health/docs/decisions/0001-review-the-queue.md');
    const text = (front: string) => `---\nstatus: accepted\ndate: 2020-01-01\n${front}---\n\n# Review the queue\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* A\n* B\n\n## Decision Outcome\n\nChosen option: "A", because it is cheap.\n\n### Consequences\n\n* Good, because cheap.\n* Bad, because slow.\n`;
    // Due the day before the pinned today: a clock's today (later) would give other dates in the fixes.
    const dueOn = addDuration(today, { years: 0, months: 0, days: -1 })!;
    const api = await activate();
    try {
      for (const [title, front] of [['Mark reviewed today', `review-by: ${addDuration(today, { years: 1, months: 0, days: 0 })}\nreviewed: ${today}\n`], ['Snooze 3 months', `review-by: ${addDuration(today, { years: 0, months: 3, days: 0 })}\n`]]) {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text(`review-by: ${dueOn}\n`)));
        await api.index.refresh(uri);
        await openAndLint(uri);
        const ds = await diagnosticsWhere(uri, all => all.some(d => codeOf(d) === 'SF020'));
        const due = ds.find(d => codeOf(d) === 'SF020')!;
        assert.equal(due.message, `Review was due on ${dueOn} (review-by): review the decision, then mark it reviewed or set a new date.`);
        const actions = await codeActions(uri, due.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(a => a.title === title);
        assert.ok(fix?.edit, `expected "${title}", got ${JSON.stringify(actions.map(a => a.title))}`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        const document = await vscode.workspace.openTextDocument(uri);
        assert.equal(document.getText(), text(front), title);
        await diagnosticsWhere(uri, all => !all.some(d => codeOf(d) === 'SF020'));
        await document.save();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    } finally {
      await remove(fixture('health'));
    }
  });

  it('lints CRLF records with a byte-order mark without false warnings', async () => {
    const ds = await openAndLint(fixture('problems/docs/adr/0005-crlf-bom.md'));
    assert.deepEqual(ds.map(d => d.message), []);
  });
});

