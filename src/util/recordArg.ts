/**
 * What commands that act on a record accept as its argument: the Decisions view's node (which holds
 * the record's `entry.uri`), a URI, or a URI string (keybindings, other extensions, tests).
 */
import * as vscode from 'vscode';

/** A record argument, as the view, a keybinding or another extension passes it. */
export type RecordArg = vscode.Uri | string | { readonly entry: { readonly uri: vscode.Uri } } | undefined;

/** The URI a record argument names, or undefined when it names none. Never throws. */
export function uriOfRecordArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  if (arg && typeof arg === 'object' && 'entry' in arg) {
    const entry = (arg as { entry?: { uri?: unknown } }).entry;
    if (entry?.uri instanceof vscode.Uri) return entry.uri;
  }
  return undefined;
}
