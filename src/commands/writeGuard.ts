/**
 * What a command checks before it writes. The target must be inside its workspace folder, and no
 * component of its path below the folder may be a symbolic link: `vscode.workspace.fs` has no
 * realpath, so a link (a cloned repository can hold one) could lead the write anywhere. And in
 * Restricted Mode (`vscode.workspace.isTrusted` false) the user agrees first, in a modal naming the
 * file, unless the caller passes `{ confirmed: true }` (a keybinding, a test, another extension).
 */
import * as vscode from 'vscode';
import { normalizeAbsolutePath } from '../core/paths';

/** Options of every command that creates or renames files. */
export interface WriteOptions {
  /** Skips the Restricted Mode confirmation: the caller has asked the user, or is a test or a keybinding. */
  readonly confirmed?: boolean;
}

/**
 * Whether a command argument is {@link WriteOptions} (`{ "confirmed": true }`, as a keybinding's
 * `args` passes it) rather than a record or a folder.
 */
export function isWriteOptions(arg: unknown): arg is WriteOptions {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && 'confirmed' in arg && !('entry' in arg);
}

/**
 * Why Spec-First must not write `targets` (files or folders, existing or not), or undefined when it
 * may: each must be inside `folder` (after `..` is resolved), and no existing component of its path
 * below `folder`, the target itself included, may be a symbolic link (`FileType.SymbolicLink` in
 * `stat`'s type). The message names the offending path, relative to the workspace. Never throws.
 */
export async function writeRefusal(folder: vscode.WorkspaceFolder, targets: readonly vscode.Uri[]): Promise<string | undefined> {
  const base = normalizeAbsolutePath(folder.uri.path) ?? folder.uri.path;
  const root = base.endsWith('/') ? base : `${base}/`;
  for (const target of targets) {
    const normalized = normalizeAbsolutePath(target.path);
    const inside = normalized !== undefined && target.scheme === folder.uri.scheme && target.authority === folder.uri.authority
      && (normalized === base || normalized.startsWith(root));
    if (!inside) return `${target.scheme === 'file' ? target.fsPath : target.toString()} is outside the workspace folder ${folder.name}: Spec-First writes only inside it.`;
    const segments = normalized.slice(root.length).split('/').filter(Boolean);
    for (let i = 1; i <= segments.length; i++) {
      const component = vscode.Uri.joinPath(folder.uri, ...segments.slice(0, i));
      let type: vscode.FileType;
      try {
        type = (await vscode.workspace.fs.stat(component)).type;
      } catch {
        break; // not there yet: it will be created as a plain folder or file
      }
      if (type & vscode.FileType.SymbolicLink) {
        return `${vscode.workspace.asRelativePath(component)} is a symbolic link: Spec-First does not write through links (one could lead outside the workspace folder).`;
      }
    }
  }
  return undefined;
}

/**
 * In Restricted Mode, asks the user in a modal — "Spec-First will `what`. Continue?" — before a
 * command creates or renames files. Returns true when the command may go on: the workspace is
 * trusted, `options.confirmed` is set, or the user chose Continue.
 */
export async function confirmInRestrictedMode(what: string, options?: WriteOptions): Promise<boolean> {
  if (vscode.workspace.isTrusted || options?.confirmed === true) return true;
  const answer = await vscode.window.showWarningMessage(`Spec-First will ${what}. Continue?`, {
    modal: true,
    detail: 'This workspace is in Restricted Mode: its folder settings are ignored, but .adr-dir, .log4brains.yml and .spec-first.json still choose where records go.',
  }, 'Continue');
  return answer === 'Continue';
}
