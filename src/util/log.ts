/**
 * The extension's log: one `LogOutputChannel` named "Spec-First", created on first use. Features log
 * what happened to a user's files here (a record that could not be read, invalid front matter…) so
 * that nothing fails silently and nothing throws into the extension host.
 */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Spec-First" log channel (created lazily, disposed with the extension). */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Spec-First', { log: true });
  return channel;
}

/** Disposes the channel if it was created; registered in `context.subscriptions` by `activate`. */
export const logDisposable: vscode.Disposable = { dispose: () => { channel?.dispose(); channel = undefined; } };

/** A short message for an unknown thrown value. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
