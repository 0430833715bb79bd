/**
 * What a click on a link in the preview opens. The core decides where the link leads
 * (`resolvePreviewLink`: kept inside the document's workspace folder); this opens it: web and mail
 * links outside VS Code, files of the workspace in the editor at the heading their fragment names.
 */
import * as vscode from 'vscode';
import { headingLineForFragment, resolvePreviewLink } from '../core/previewLinks';
import { errorMessage, log } from '../util/log';

/**
 * Opens `href`, a link clicked in the preview of `document`: web and mail links outside VS Code;
 * relative paths (another record, a file of the repository) in the editor beside the document's
 * editor, at the heading their fragment names, if they stay inside the document's workspace folder
 * (the document's own folder for a document outside the workspace). Other schemes (`command:`,
 * `file:`…) and paths that leave the folder are refused, logged and shown as a warning: the document
 * is untrusted text. A fragment of the page itself is the webview's to scroll to. A missing file is a
 * warning; nothing is thrown.
 */
export async function openPreviewLink(href: string, document: vscode.Uri): Promise<void> {
  const root = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
  const link = resolvePreviewLink(href, document.path, root.path);
  switch (link.kind) {
    case 'external':
      await vscode.env.openExternal(vscode.Uri.parse(link.url));
      return;
    case 'refused':
      log().info(`Preview: did not open "${href}": ${link.reason}.`);
      void vscode.window.showWarningMessage(`Spec-First: the preview did not open "${href}": ${link.reason}.`);
      return;
    case 'fragment':
      return;
    case 'file':
      await openFile(href, root.with({ path: link.path }), link.heading, document);
  }
}

/** Opens `target` (which `href` named) in the editor group of `from`'s editor, at `heading` when it has one. */
async function openFile(href: string, target: vscode.Uri, heading: string | undefined, from: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    void vscode.window.showWarningMessage(`Spec-First: "${href}" does not exist.`);
    return;
  }
  const column = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === from.toString())?.viewColumn ?? vscode.ViewColumn.One;
  let selection: vscode.Range | undefined;
  if (heading) {
    try {
      const line = headingLineForFragment((await vscode.workspace.openTextDocument(target)).getText(), heading);
      if (line !== undefined) selection = new vscode.Range(line, 0, line, 0);
    } catch (err) {
      log().debug(`Preview: could not read ${target.toString(true)} for "#${heading}": ${errorMessage(err)}`);
    }
  }
  await vscode.commands.executeCommand('vscode.open', target, { viewColumn: column, ...(selection ? { selection } : {}) });
}
