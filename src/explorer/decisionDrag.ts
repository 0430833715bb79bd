/**
 * Dragging records out of the Decisions view: each record node gives its file's URI as `text/uri-list`,
 * what the Explorer gives, so that a drop into a Markdown document inserts a decision link
 * (`references/dragAndDrop.ts`) and a drop elsewhere opens the file. Nothing is dropped on the view.
 */
import * as vscode from 'vscode';
import type { DecisionNode } from './decisionTree';

const URI_LIST = 'text/uri-list';

/** Lets the Decisions view's records be dragged (into an editor, as their files' URIs); nothing is dropped on the view. */
export class DecisionDragController implements vscode.TreeDragAndDropController<DecisionNode> {
  readonly dragMimeTypes = [URI_LIST];
  readonly dropMimeTypes: readonly string[] = [];

  handleDrag(source: readonly DecisionNode[], dataTransfer: vscode.DataTransfer): void {
    const uris = source.flatMap(node => (node.type === 'record' ? [node.entry.uri.toString()] : []));
    if (uris.length > 0) dataTransfer.set(URI_LIST, new vscode.DataTransferItem(uris.join('\r\n')));
  }
}
