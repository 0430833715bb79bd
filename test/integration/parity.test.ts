/**
 * One decision model: on a folder of every format (adr-tools, MADR, log4brains and Rust RFC records,
 * an unnumbered record in the ADR folder, a duplicate number, a broken and a one-sided link, a
 * relation written as a sentence, and a nested `.spec-first.json` with its own status), the
 * diagnostics the editor publishes once each record has been opened equal, finding for finding (file,
 * line, code), what `spec-first lint --no-mermaid` prints for the same folder — run from the project
 * root, and from an unrelated directory with an absolute path.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, codeOf, fixture, openAndLint, workspaceRoot } from './helpers';

const PROJECT = 'parity';

/** `spec-first lint --no-mermaid --format json <target>` from `cwd`: each finding as `path:line code`, the path relative to the project. */
function cli(cwd: string, target: string): string[] {
  const extension = vscode.extensions.getExtension('spec-first.spec-first')!.extensionPath;
  const r = spawnSync(process.execPath, [path.join(extension, 'dist/cli.js'), 'lint', '--no-mermaid', '--format', 'json', target], { cwd, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  const root = path.join(workspaceRoot().fsPath, PROJECT);
  return (JSON.parse(r.stdout) as { file: string; line: number; code: string }[])
    .map(f => `${path.relative(root, path.resolve(cwd, f.file)).split(path.sep).join('/')}:${f.line} ${f.code}`).sort();
}

describe('Parity: the editor and the CLI find the same problems', function () {
  this.timeout(120_000);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('every record opened in the editor gets exactly the findings the CLI prints, from the root and from elsewhere', async () => {
    const api = await activate();
    await api.index.ready();
    const records = api.index.all().filter(e => vscode.workspace.asRelativePath(e.uri, false).startsWith(`${PROJECT}/`));
    assert.equal(records.length, 13, records.map(e => e.uri.path).join('\n'));
    const editor: string[] = [];
    for (const entry of records) {
      const rel = vscode.workspace.asRelativePath(entry.uri, false).slice(PROJECT.length + 1);
      for (const d of await openAndLint(entry.uri)) editor.push(`${rel}:${d.range.start.line + 1} ${codeOf(d)}`);
    }
    editor.sort();

    const root = fixture(PROJECT).fsPath;
    const fromRoot = cli(root, '.');
    assert.ok(['SF015', 'SF016', 'SF017', 'SF004'].every(code => fromRoot.some(f => f.endsWith(` ${code}`))), fromRoot.join('\n'));
    assert.ok(!fromRoot.some(f => f.startsWith('services/pay/') && f.endsWith(' SF004')), 'the nested configuration\'s "on hold" is a status');
    assert.deepEqual(editor, fromRoot);
    assert.deepEqual(cli(os.tmpdir(), root), fromRoot);
  });
});
