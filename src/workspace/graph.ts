/**
 * The decision graph of the whole workspace, from the index: the core's Mermaid flowchart of every
 * record and relation (`core/lifecycle.ts` `decisionGraph`), with record paths qualified by their
 * workspace folder, and the map from each drawn node back to its record.
 */
import * as vscode from 'vscode';
import { decisionGraph, nodeId } from '../core/lifecycle';
import { relationResolver } from '../core/relationGraph';
import type { RecordIndex } from './recordIndex';

/** The graph as Markdown (a title and one Mermaid block) and its nodes' records, by node id. */
export interface WorkspaceGraph {
  readonly markdown: string;
  readonly nodes: ReadonlyMap<string, vscode.Uri>;
}

/** Builds the graph of every record in the index. Relations are resolved within each workspace folder. */
export function buildGraph(index: RecordIndex): WorkspaceGraph {
  const records = index.all();
  const pathOf = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const byPath = new Map(records.map(e => [pathOf(e.uri), e]));
  const resolve = relationResolver(records, e => e.folder?.uri.toString() ?? '');
  const source = decisionGraph([...byPath].map(([path, e]) => ({ path, record: e.record })), (from, target) => {
    const entry = byPath.get(from.path);
    const to = entry && resolve(entry, { type: '', target });
    return to && { path: pathOf(to.uri) };
  });
  const nodes = new Map([...byPath].map(([path, e]) => [nodeId(path), e.uri]));
  return { markdown: `# Decision graph\n\n${records.length} records. Click a record to open it.\n\n\`\`\`mermaid\n${source}\n\`\`\`\n`, nodes };
}
