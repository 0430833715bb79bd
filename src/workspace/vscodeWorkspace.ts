/**
 * The editor's {@link DecisionWorkspace}: `vscode.workspace.fs` (so the same code serves VS Code in
 * Node and in the browser, and any file system provider), for the files of one scheme and authority
 * (a workspace folder's). Paths are the URIs' `path`s. Never throws.
 */
import * as vscode from 'vscode';
import { looksBinary, stripBom } from '../core/text';
import type { DecisionWorkspace, DirectoryEntry } from '../core/workspace';

const typeOf = (t: vscode.FileType): DirectoryEntry['type'] =>
  (t & vscode.FileType.File) !== 0 ? 'file' : (t & vscode.FileType.Directory) !== 0 ? 'directory' : 'other';

/** `vscode.workspace.fs` under one scheme and authority, as a {@link DecisionWorkspace}. */
export class VsCodeWorkspace implements DecisionWorkspace {
  /** `base`: any URI of the scheme and authority to read (a workspace folder's). */
  constructor(private readonly base: vscode.Uri) {}

  /** The URI of a path. */
  uriOf(path: string): vscode.Uri {
    return this.base.with({ path, query: '', fragment: '' });
  }

  async list(path: string): Promise<readonly DirectoryEntry[] | undefined> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uriOf(path));
      return entries.map(([name, t]) => ({ name, type: typeOf(t), symlink: (t & vscode.FileType.SymbolicLink) !== 0 }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return undefined;
    }
  }

  async readText(path: string): Promise<string | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(this.uriOf(path));
      return looksBinary(bytes) ? undefined : stripBom(new TextDecoder().decode(bytes));
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<DirectoryEntry['type'] | undefined> {
    try {
      return typeOf((await vscode.workspace.fs.stat(this.uriOf(path))).type);
    } catch {
      return undefined;
    }
  }
}
