/**
 * The lint engine in the real host: rule levels from the settings and from `.spec-first.json`, a bad
 * configuration reported on the file, cross-record rules that follow the workspace index, the status
 * pick list, and "Fix all" as a `source.fixAll.spec-first` action.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsWhere, fixture, openAndLint, readText, remove, codeActions } from './helpers';

/**
 * Writes a file and has the index read it at once. VS Code Server's file watcher sometimes misses a
 * file created in a folder made a moment before (seen in about one full run in three here), and these
 * tests are about the rules across records, not about the watcher.
 */
async function write(path: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fixture(path), new TextEncoder().encode(text));
  await (await activate()).index.refresh(fixture(path));
}

const nygard = (n: number, title: string, status: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a queue to run.\n`;

describe('Lint engine', () => {
  before(async () => {
    const api = await activate();
    await api.index.ready();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('turns a rule off and on with specFirst.lint.rules', async () => {
    const uri = fixture('problems/docs/adr/0003-unknown-status.md');
    await openAndLint(uri);
    await diagnosticsWhere(uri, ds => ds.some(d => codeOf(d) === 'SF004'));
    const config = vscode.workspace.getConfiguration('specFirst');
    await config.update('lint.rules', { 'unknown-status': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsWhere(uri, ds => !ds.some(d => codeOf(d) === 'SF004'));
      await config.update('lint.rules', { SF004: 'error' }, vscode.ConfigurationTarget.Workspace);
      const ds = await diagnosticsWhere(uri, d => d.some(x => codeOf(x) === 'SF004' && x.severity === vscode.DiagnosticSeverity.Error));
      const unknown = ds.find(d => codeOf(d) === 'SF004')!;
      assert.match(unknown.message, /"maybe later"/, 'SF004 names the status as written');
      assert.equal(unknown.range.start.line, 1, 'on the front matter\'s status line');
    } finally {
      await config.update('lint.rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('offers every status of the vocabulary for an unknown status, and writes the chosen one', async () => {
    const uri = fixture('problems/docs/adr/0003-unknown-status.md');
    const ds = await openAndLint(uri);
    const unknown = ds.find(d => codeOf(d) === 'SF004');
    assert.ok(unknown);
    const actions = await codeActions(uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map(a => a.title);
    for (const s of ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded']) assert.ok(titles.includes(`Set the status to "${s}"`), `${s} in ${JSON.stringify(titles)}`);
    const accept = actions.find(a => a.title === 'Set the status to "accepted"')!;
    assert.ok(await vscode.workspace.applyEdit(accept.edit!));
    await diagnosticsWhere(uri, d => !d.some(x => codeOf(x) === 'SF004'));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), /^status: accepted$/m);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('applies every safe fix at once with source.fixAll.spec-first', async () => {
    const uri = fixture('problems/docs/adr/0002-skip-the-alternatives.md');
    await openAndLint(uri);
    const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.spec-first');
    const all = actions.find(a => a.kind?.value === 'source.fixAll.spec-first');
    assert.ok(all?.edit, JSON.stringify(actions.map(a => [a.title, a.kind?.value])));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    await diagnosticsWhere(uri, ds => !ds.some(d => codeOf(d) === 'SF001'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('finds two records with one number, and forgets it when one is renumbered', async () => {
    await write('crossrecord/doc/adr/0001-use-kafka.md', nygard(1, 'Use Kafka', 'Accepted'));
    await write('crossrecord/doc/adr/0001-use-rabbitmq.md', nygard(1, 'Use RabbitMQ', 'Accepted'));
    const uri = fixture('crossrecord/doc/adr/0001-use-kafka.md');
    try {
      await openAndLint(uri);
      const ds = await diagnosticsWhere(uri, d => d.some(x => codeOf(x) === 'SF015'));
      const dup = ds.find(d => codeOf(d) === 'SF015')!;
      assert.equal(dup.severity, vscode.DiagnosticSeverity.Error);
      assert.match(dup.message, /0001-use-rabbitmq\.md/);
      await vscode.workspace.fs.rename(fixture('crossrecord/doc/adr/0001-use-rabbitmq.md'), fixture('crossrecord/doc/adr/0002-use-rabbitmq.md'));
      const api = await activate();
      await api.index.refresh(fixture('crossrecord/doc/adr/0001-use-rabbitmq.md'));
      await api.index.refresh(fixture('crossrecord/doc/adr/0002-use-rabbitmq.md'));
      await diagnosticsWhere(uri, d => !d.some(x => codeOf(x) === 'SF015'));
    } finally {
      await remove(fixture('crossrecord'));
    }
  });

  it('finds a supersede written on one side, and adds the other side as adr-tools writes it', async () => {
    await write('supersede/doc/adr/0001-use-kafka.md', nygard(1, 'Use Kafka', 'Accepted'));
    await write('supersede/doc/adr/0002-use-pulsar.md', nygard(2, 'Use Pulsar', 'Accepted\n\nSupercedes [1. Use Kafka](0001-use-kafka.md)'));
    const old = fixture('supersede/doc/adr/0001-use-kafka.md');
    try {
      await openAndLint(old);
      const ds = await diagnosticsWhere(old, d => d.some(x => codeOf(x) === 'SF018'));
      const stale = ds.find(d => codeOf(d) === 'SF018')!;
      const actions = await codeActions(old, stale.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find(a => a.title.startsWith('Set the status to superseded by'));
      assert.ok(fix?.edit, JSON.stringify(actions.map(a => a.title)));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await vscode.workspace.save(old);
      assert.match(await readText(old), /\n## Status\n\nSuperceded by \[2\. Use Pulsar\]\(0002-use-pulsar\.md\)\n/);
      await diagnosticsWhere(old, d => !d.some(x => codeOf(x) === 'SF018' || codeOf(x) === 'SF017'));
    } finally {
      await remove(fixture('supersede'));
    }
  });

  it('reads rule levels from .spec-first.json, and reports a bad file on the file itself', async () => {
    const configUri = fixture('.spec-first.json');
    const record = fixture('problems/docs/adr/0003-unknown-status.md');
    await openAndLint(record);
    try {
      await write('.spec-first.json', '{ "rules": { "SF004": "off" } }\n');
      await diagnosticsWhere(record, d => !d.some(x => codeOf(x) === 'SF004'));
      await write('.spec-first.json', '{\n  "rules": { "SF004": "loud" },\n  "rulez": {}\n}\n');
      const problems = await diagnosticsWhere(configUri, d => d.length >= 2);
      assert.deepEqual(problems.map(p => p.range.start.line).sort(), [1, 2]);
      assert.ok(problems.some(p => /level must be one of/.test(p.message)));
      assert.ok(problems.some(p => /Unknown key "rulez"/.test(p.message)));
      await diagnosticsWhere(record, d => d.some(x => codeOf(x) === 'SF004'));
    } finally {
      await remove(configUri);
    }
  });
});
