/**
 * Writes stay inside the workspace folder, in the real host: folder hints that climb out (`..`) or
 * are absolute, a records folder reached through a symbolic link, a `directory` argument outside
 * the folder — New ADR refuses each, creating nothing anywhere; a kind's template outside the
 * folder is a diagnostic on `.spec-first.json`. The workspace folder is a temporary copy, so
 * "outside" is a sibling folder of that copy, removed afterwards.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, diagnosticsWhere, fixture, remove, workspaceRoot } from './helpers';

async function useAdrFolder(folder: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('specFirst').update('adr.directory', folder, vscode.ConfigurationTarget.Workspace);
}

/** A folder beside the workspace folder (outside it), absent at first. */
function outside(name: string): string {
  return path.join(path.dirname(workspaceRoot().fsPath), `outside-${name}`);
}

const newAdr = (args: Record<string, unknown>) => vscode.commands.executeCommand<vscode.Uri | undefined>('specFirst.newAdr', { template: 'nygard', ...args });

describe('Containment: New ADR writes only inside the workspace folder', () => {
  const made: string[] = [];
  before(() => activate());
  afterEach(async () => {
    await useAdrFolder(undefined);
    await remove(fixture('.adr-dir'));
    await remove(fixture('.spec-first.json'));
    await remove(fixture('scratch/contained'));
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a specFirst.adr.directory that climbs out with ..', async () => {
    const escape = outside('setting');
    made.push(escape);
    await useAdrFolder(`../${path.basename(escape)}/adr`);
    assert.equal(await newAdr({ title: 'Escape by setting' }), undefined);
    assert.equal(fs.existsSync(escape), false, `${escape} was created`);
  });

  it('refuses an absolute specFirst.adr.directory instead of re-rooting it', async () => {
    await useAdrFolder('/scratch/contained/absolute');
    assert.equal(await newAdr({ title: 'Absolute' }), undefined);
    assert.equal(fs.existsSync(fixture('scratch/contained').fsPath), false);
  });

  it('refuses an .adr-dir that climbs out with ..', async () => {
    const escape = outside('adr-dir');
    made.push(escape);
    await vscode.workspace.fs.writeFile(fixture('.adr-dir'), new TextEncoder().encode(`../${path.basename(escape)}\n`));
    assert.equal(await newAdr({ title: 'Escape by adr-dir' }), undefined);
    assert.equal(fs.existsSync(escape), false, `${escape} was created`);
  });

  it('never writes through a symbolic link in the records folder\'s path', async () => {
    const target = outside('linked');
    made.push(target);
    fs.mkdirSync(target, { recursive: true });
    fs.mkdirSync(fixture('scratch/contained').fsPath, { recursive: true });
    fs.symlinkSync(target, fixture('scratch/contained/linked').fsPath);
    await useAdrFolder('scratch/contained/linked/adr');
    assert.equal(await newAdr({ title: 'Through a link' }), undefined);
    assert.deepEqual(fs.readdirSync(target), [], 'something was written through the link');
  });

  it('refuses a directory argument outside the workspace folder', async () => {
    const escape = outside('argument');
    made.push(escape);
    assert.equal(await newAdr({ title: 'Escape by argument', directory: vscode.Uri.file(escape) }), undefined);
    assert.equal(fs.existsSync(escape), false, `${escape} was created`);
  });

  it('still creates a record where a hint with .. stays inside', async () => {
    await useAdrFolder('scratch/contained/../contained/doc/adr');
    const uri = await newAdr({ title: 'Inside' });
    assert.ok(uri);
    assert.equal(vscode.workspace.asRelativePath(uri, false), 'scratch/contained/doc/adr/0001-inside.md');
  });

  it('.spec-first.json: a kind\'s template outside the folder is a diagnostic on the file, and is not read', async () => {
    const dir = outside('template');
    made.push(dir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'template.md'), '# Title\n\n## Summary\n');
    const config = fixture('.spec-first.json');
    const text = JSON.stringify({ kinds: [{ id: 'kep', files: ['keps/**/README.md'], template: `../${path.basename(dir)}/template.md` }] }, null, 2);
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
    const found = await diagnosticsWhere(config, ds => ds.some(d => d.message.includes('outside the configuration\'s folder')));
    const d = found.find(x => x.message.includes('outside'))!;
    assert.match(d.message, /^kinds\[0\]\.template: the template path names "\.\.\/outside-template\/template\.md", which is outside the configuration's folder: refused\.$/);
    assert.equal(d.range.start.line, text.split('\n').findIndex(l => l.includes('"template"')));
  });
});
