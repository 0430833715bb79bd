/** Helpers for the integration tests, which run inside a real VS Code extension host. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecFirstApi } from '../../src/extension';

/** The workspace folder the suite runs in (test/fixtures/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need the fixture workspace open');
  return folder.uri;
}

/** A URI inside the fixture workspace. */
export function fixture(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Spec-First in the host the tests run in. */
function extension(): vscode.Extension<SpecFirstApi> {
  const ext = vscode.extensions.getExtension<SpecFirstApi>('spec-first.spec-first');
  assert.ok(ext, 'extension spec-first.spec-first is not installed');
  return ext;
}

/** Activates Spec-First and returns its API. */
export async function activate(): Promise<SpecFirstApi> {
  return extension().activate();
}

/**
 * A file of this repository (the extension's folder), such as `test/fixtures/adr-tools-expected/linking.expected`,
 * as text. Read through `vscode.workspace.fs`, so in every extension host, the web worker's included.
 */
export async function repositoryText(relativePath: string): Promise<string> {
  const uri = vscode.Uri.joinPath(extension().extensionUri, ...relativePath.split('/'));
  // @vscode/test-web serves the extension's folder over HTTP, which no file system provider reads.
  if (uri.scheme === 'http' || uri.scheme === 'https') return (await fetch(uri.toString(true))).text();
  return readText(uri);
}

/** Resolves when `predicate` holds for the diagnostics of `uri`, checked now and on every change. Rejects after `ms`. */
export function diagnosticsWhere(uri: vscode.Uri, predicate: (d: readonly vscode.Diagnostic[]) => boolean, ms = 15000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'spec-first');
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`diagnostics of ${uri.path} never matched; last: ${JSON.stringify(ours().map(d => [codeOf(d), d.message]))}`)); }, ms);
    const check = () => {
      const now = ours();
      if (predicate(now)) { clearTimeout(timer); sub.dispose(); resolve(now); }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(e => { if (e.uris.some(u => u.toString() === uri.toString())) check(); });
    check();
  });
}

/**
 * Opens a document and resolves with Spec-First's diagnostics once it has linted it. For a document
 * not open yet, waits for its first diagnostics event (the controller publishes even an empty list);
 * a document already open was linted when it opened, so its diagnostics are current.
 */
export async function openAndLint(uri: vscode.Uri, ms = 15000): Promise<vscode.Diagnostic[]> {
  const alreadyOpen = vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString());
  let sub: vscode.Disposable | undefined;
  const published = alreadyOpen ? Promise.resolve() : new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics published for ${uri.path}`)), ms);
    sub = vscode.languages.onDidChangeDiagnostics(e => { if (e.uris.some(u => u.toString() === uri.toString())) { clearTimeout(timer); resolve(); } });
  });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  try {
    await published;
  } finally {
    sub?.dispose();
  }
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'spec-first');
}

/** A diagnostic's code as a string. */
export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

/** Reads a workspace file as text. */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Writes `text` to a workspace file. A document VS Code still holds for it (a test opened it, the file
 * was deleted and is now written again) is given the text too and saved: VS Code may not reload a
 * hidden document from disk for many seconds, and the extension reads open documents first.
 */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  const held = () => vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
  const open = held();
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
    // The document may have been closed meanwhile (the web worker host closes hidden ones): saved if still held.
    const now = held();
    if (now?.isDirty) await now.save();
  }
  if (!open || (await readText(uri).catch(() => undefined)) !== text) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/**
 * Writes `files` (workspace-relative path → text) with {@link writeText} once the index has scanned,
 * and has the index read each now (its watcher may be late). Resolves with the extension's API.
 */
export async function writeFiles(files: Readonly<Record<string, string>>): Promise<SpecFirstApi> {
  const api = await activate();
  await api.index.ready();
  for (const [path, text] of Object.entries(files)) {
    await writeText(fixture(path), text);
    await api.index.refresh(fixture(path));
  }
  return api;
}

/**
 * Closes the editors, deletes `folder` (workspace-relative) and has the index read `paths` again, so
 * that it forgets them even where the watcher misses the deletion: no later test meets these files.
 */
export async function removeFiles(folder: string, paths: readonly string[]): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await remove(fixture(folder));
  const api = await activate();
  for (const path of paths) await api.index.refresh(fixture(path));
}

/** Deletes a file or folder if present. */
export async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  } catch {
    // absent
  }
}

/**
 * `vscode.executeCodeActionProvider` for `uri` and `range` (of `kind`), asked again until it returns
 * an action or `ms` pass. VS Code sometimes answers a request made right after a document was opened
 * with no action at all, although the providers returned some (seen about one run in four at
 * activation); asking again gets them. A test still fails when no action ever comes.
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string, ms = 5000): Promise<vscode.CodeAction[]> {
  const until = Date.now() + ms;
  for (;;) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
    if (actions.length > 0 || Date.now() > until) return actions;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
