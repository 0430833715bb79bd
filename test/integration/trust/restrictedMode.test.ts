/**
 * Restricted Mode, in a real host started with Workspace Trust on and the workspace folder untrusted
 * (test/host/run.mjs). The runner answers each modal as a user would — Cancel when the message names
 * a file containing "declined", else Continue — so a command that did not ask would create the
 * "declined" files, and one that asked when told not to would lose them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsWhere, fixture, openAndLint, readText, remove, codeActions } from '../helpers';

const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);
const newAdr = (args: Record<string, unknown>) => vscode.commands.executeCommand<vscode.Uri | undefined>('specFirst.newAdr', { template: 'nygard', ...args });
const names = async (folder: string) => (await vscode.workspace.fs.readDirectory(fixture(folder)).then(entries => entries, () => [])).map(([name]) => name).sort();

describe('Restricted Mode (Workspace Trust on, the folder untrusted)', () => {
  before(async () => {
    const api = await activate();
    await api.index.ready();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(fixture('.adr-dir'));
  });

  it('the workspace is untrusted, and Spec-First runs in it (untrustedWorkspaces: limited)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.extensions.getExtension('spec-first.spec-first')?.isActive, true);
  });

  it('the workspace values of the folder settings are ignored (restrictedConfigurations)', async () => {
    const config = () => vscode.workspace.getConfiguration('specFirst');
    await config().update('adr.directory', 'scratch/elsewhere', vscode.ConfigurationTarget.Workspace);
    try {
      // Written to the workspace's settings (VS Code hides the value from inspect() too), and not applied.
      assert.match(await readText(fixture('.vscode/settings.json')), /"specFirst\.adr\.directory": "scratch\/elsewhere"/);
      assert.equal(config().get('adr.directory'), '');
      const uri = await newAdr({ title: 'Where the repository says', confirmed: true });
      assert.ok(uri);
      assert.equal(vscode.workspace.asRelativePath(uri, false), 'docs/adr/0001-where-the-repository-says.md');
    } finally {
      await config().update('adr.directory', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('New ADR asks first: Continue creates the record', async () => {
    const uri = await newAdr({ title: 'Kept after asking' });
    assert.ok(uri, 'not created: the runner answered Continue');
    assert.match(await readText(uri), /^# \d+\. Kept after asking\n/);
  });

  it('New ADR asks first: Cancel creates nothing', async () => {
    assert.equal(await newAdr({ title: 'Declined by the user' }), undefined);
    assert.deepEqual((await names('docs/adr')).filter(n => n.includes('declined')), []);
  });

  it('New RFC asks first: Cancel creates nothing, not even its folder', async () => {
    assert.equal(await vscode.commands.executeCommand('specFirst.newRfc', { title: 'Declined proposal' }), undefined);
    assert.equal(await exists(fixture('docs/rfcs')), false);
  });

  it('{ confirmed: true } skips the question (for keybindings and tests)', async () => {
    const uri = await newAdr({ title: 'Declined but confirmed', confirmed: true });
    assert.ok(uri, 'asked anyway: the runner cancelled');
  });

  it('Supersede asks first, naming both records: Cancel changes neither', async () => {
    const older = await newAdr({ title: 'Old way', confirmed: true });
    assert.ok(older);
    const before = await readText(older);
    assert.equal(await vscode.commands.executeCommand('specFirst.supersedeRecord', older, 'Declined new way'), undefined);
    assert.equal(await readText(older), before);
    assert.deepEqual((await names('docs/adr')).filter(n => n.includes('declined-new-way')), []);
  });

  it('Renumber asks first: Cancel leaves the record where it is; { confirmed: true } renames it', async () => {
    const record = await newAdr({ title: 'Declined renumbering', confirmed: true });
    assert.ok(record);
    assert.equal(await vscode.commands.executeCommand('specFirst.renumberRecord', record, 40), undefined);
    assert.equal(await exists(record), true);
    const moved = await vscode.commands.executeCommand<vscode.Uri>('specFirst.renumberRecord', record, 40, { confirmed: true });
    assert.equal(vscode.workspace.asRelativePath(moved, false), 'docs/adr/0040-declined-renumbering.md');
  });

  it('the SF015 quick fix (renumber a duplicate) asks first: Cancel renames nothing', async () => {
    const nygard = (title: string) => `# 60. ${title}\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`;
    const [a, b] = [fixture('docs/adr/0060-declined-twin-a.md'), fixture('docs/adr/0060-declined-twin-b.md')];
    await vscode.workspace.fs.writeFile(a, new TextEncoder().encode(nygard('Declined twin a')));
    await vscode.workspace.fs.writeFile(b, new TextEncoder().encode(nygard('Declined twin b')));
    // The server's file watcher can miss files written this way, under load: Refresh Decisions reads them, as a user would.
    await vscode.commands.executeCommand('specFirst.refreshExplorer');
    await openAndLint(b);
    const duplicate = (await diagnosticsWhere(b, d => d.some(x => codeOf(x) === 'SF015'))).find(d => codeOf(d) === 'SF015')!;
    const actions = await codeActions(b, duplicate.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.find(x => x.command?.command === 'specFirst.renumberRecord');
    assert.ok(renumber?.command, JSON.stringify(actions.map(x => x.title)));
    assert.equal(await vscode.commands.executeCommand(renumber.command.command, ...(renumber.command.arguments ?? [])), undefined);
    assert.deepEqual([await exists(a), await exists(b)], [true, true]);
  });

  it('Generate Table of Contents asks first: Cancel writes no README', async () => {
    await vscode.workspace.fs.writeFile(fixture('.adr-dir'), new TextEncoder().encode('declined-toc\n'));
    await newAdr({ title: 'Listed', confirmed: true });
    assert.equal(await vscode.commands.executeCommand('specFirst.generateIndex', fixture('')), undefined);
    assert.equal(await exists(fixture('declined-toc/README.md')), false);
    const written = await vscode.commands.executeCommand<vscode.Uri>('specFirst.generateIndex', fixture(''), { confirmed: true });
    assert.equal(vscode.workspace.asRelativePath(written, false), 'declined-toc/README.md');
  });
});
