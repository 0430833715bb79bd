/**
 * "New ADR" in the real VS Code host, against adr-tools' own expected outputs: the same file names
 * and, dates aside, the same bytes; never an overwrite, and two at once get two numbers.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { basename } from '../../src/core/paths';
import { adrNewTitle, parseTranscript } from '../support/adrToolsExpected';
import { activate, fixture, readText, remove, repositoryText } from './helpers';

const EXPECTED = 'test/fixtures/adr-tools-expected';
const DATE = '1992-01-12'; // the date adr-tools' tests run with (ADR_DATE)

async function useAdrFolder(folder: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('specFirst').update('adr.directory', folder, vscode.ConfigurationTarget.Workspace);
}

describe('New ADR', () => {
  before(() => activate());
  after(async () => {
    await useAdrFolder(undefined);
    await remove(fixture('scratch'));
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const name of ['create-first-record', 'create-mutiple-records', 'funny-characters', 'avoid-octal-numbers']) {
    it(`writes what adr-tools writes: ${name}`, async () => {
      const base = `scratch/${name}`;
      await remove(fixture(base));
      await useAdrFolder(`${base}/doc/adr`);
      const steps = parseTranscript(await repositoryText(`${EXPECTED}/${name}.expected`));
      let checked = 0;
      for (const step of steps) {
        const title = adrNewTitle(step.command);
        if (title !== undefined) {
          const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('specFirst.newAdr', { title, template: 'nygard', date: DATE });
          assert.ok(uri, `no record created for "${title}"`);
          assert.equal(vscode.workspace.asRelativePath(uri, false), `${base}/${step.output[0]}`);
          checked++;
          continue;
        }
        const cat = /^cat (\S+)$/.exec(step.command);
        const head = /^head -(\d+) (\S+)$/.exec(step.command);
        if (cat || head) {
          const file = fixture(`${base}/${cat ? cat[1] : head![2]}`);
          let text = await readText(file);
          if (head) text = text.split('\n').slice(0, Number(head[1])).join('\n');
          assert.equal(text.replace(/\n$/, ''), step.output.join('\n').replace(/\n$/, ''), `content of ${step.command}`);
          checked++;
        }
        const ls = /^ls (\S+)$/.exec(step.command);
        if (ls) {
          const names = (await vscode.workspace.fs.readDirectory(fixture(`${base}/${ls[1]}`))).map(([n]) => n).sort();
          assert.deepEqual(names, step.output.filter(Boolean));
          checked++;
        }
      }
      assert.ok(checked >= 2, `checked ${checked} steps`);
    });
  }

  it('opens the new record with the cursor on the first prompt', async () => {
    await useAdrFolder('scratch/cursor/doc/adr');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'Cursor', template: 'nygard' });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.getText(editor.selection), 'The issue motivating this decision, and any context that influences or constrains the decision.');
  });

  it('follows the folder\'s format and defaults to MADR 4 in a new folder', async () => {
    await useAdrFolder('scratch/madr/docs/decisions');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'Use MADR' });
    const text = await readText(uri);
    assert.match(vscode.workspace.asRelativePath(uri, false), /^scratch\/madr\/docs\/decisions\/0001-use-madr\.md$/);
    assert.match(text, /^---\n/);
    assert.match(text, /\n# Use MADR\n/);
    assert.match(text, /\n## Considered Options\n/);
  });

  it('never overwrites: two records created at once get two numbers', async () => {
    await useAdrFolder('scratch/race/doc/adr');
    const dir = fixture('scratch/race/doc/adr');
    await vscode.workspace.fs.createDirectory(dir);
    const existing = vscode.Uri.joinPath(dir, '0001-keep-me.md');
    await vscode.workspace.fs.writeFile(existing, new TextEncoder().encode('KEEP'));
    const [a, b] = await Promise.all([
      vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'Same Title', template: 'nygard' }),
      vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title: 'Same Title', template: 'nygard' }),
    ]);
    const names = [a, b].map(u => basename(u.path)).sort();
    assert.deepEqual(names, ['0002-same-title.md', '0003-same-title.md']);
    assert.equal(await readText(existing), 'KEEP');
    for (const [u, n] of [[a, 0], [b, 0]] as const) assert.match(await readText(u), new RegExp(`^# ${n === 0 ? '[23]' : ''}\\. Same Title\\n`));
  });
});
