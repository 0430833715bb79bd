/** Conversions between the core's plain data and VS Code's objects. */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/lint';
import type { Range } from '../core/text';

/** A core range (0-based lines and characters) as a VS Code range. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Core text edits as VS Code text edits. */
export function toTextEdits(edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map(e => new vscode.TextEdit(toRange(e.range), e.newText));
}
