/**
 * Scroll sync, from the editor to the preview: a document opens in the preview at the line at the
 * top of its editor, and the preview follows as that editor scrolls (the webview scrolls to the
 * element that starts at or just before the line). The preview can be scrolled on its own; it does
 * not move the editor.
 */
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';

/** What scroll sync moves: the preview, while it shows `resource`. */
export interface ScrollTarget {
  readonly resource: vscode.Uri | undefined;
  /** Scrolls so that this 0-based source line is at the top. */
  revealLine(line: number): void;
}

/** The 0-based line at the top of the visible editor showing `document`, or undefined when none shows it. */
export function editorTopLine(document: vscode.Uri): number | undefined {
  const key = document.toString();
  return vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === key)?.visibleRanges[0]?.start.line;
}

/** Keeps the preview's top line on the top line of the editor showing its document, as that editor scrolls. */
export class EditorScrollSync extends Disposable {
  /** `target`: the preview to move, if one is open. */
  constructor(target: () => ScrollTarget | undefined) {
    super();
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges(e => {
      const preview = target();
      const top = e.visibleRanges[0]?.start.line;
      if (preview && top !== undefined && e.textEditor.document.uri.toString() === preview.resource?.toString()) preview.revealLine(top);
    }));
  }
}
