/**
 * The decision graph of the workspace, from the index: the core's graph (`core/graph.ts`) of every
 * record and relation, with record paths qualified by their workspace folder when there are several,
 * as Markdown for the whole log or for the neighbourhood of one record, and the way back from each
 * drawn node to its record.
 */
import * as vscode from 'vscode';
import { decisionGraphOf, graphMarkdown, graphNodeIndex, type GraphView } from '../core/graph';
import { relationResolver } from '../core/relationGraph';
import type { IndexedRecord, RecordIndex } from './recordIndex';

/** The graph as Markdown (a title and its Mermaid blocks), what it shows, and its nodes' records. */
export interface WorkspaceGraph {
  readonly markdown: string;
  /** `neighbourhood` when a centre was asked for and is a record of the index; else `log`. */
  readonly scope: GraphView['scope'];
  /** The record a node id of the graph (`r12`) stands for, or undefined. */
  recordOf(node: string): vscode.Uri | undefined;
}

/**
 * Builds the graph of every record in the index: the whole log, or, given `centre` (a record's URI),
 * that record and those within two relations of it. Relations are resolved within each workspace folder.
 */
export function buildGraph(index: RecordIndex, centre?: vscode.Uri): WorkspaceGraph {
  const entries = index.all();
  const qualified = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const byPath = new Map(entries.map(e => [vscode.workspace.asRelativePath(e.uri, qualified), e]));
  const pathOf = new Map<IndexedRecord, string>([...byPath].map(([path, entry]) => [entry, path]));
  // Resolved with one snapshot per workspace folder: linear in the records and their relations.
  const resolve = relationResolver(entries, e => e.folder?.uri.toString() ?? '');
  const graph = decisionGraphOf([...byPath].map(([path, e]) => ({ path, record: e.record })), (from, target) => {
    const entry = byPath.get(from.path);
    const to = entry && resolve(entry, { type: '', target });
    const path = to && pathOf.get(to);
    return path === undefined ? undefined : { path };
  });
  const centreRecord = centre && index.get(centre)?.record;
  const centreIndex = centreRecord ? graph.records.findIndex(r => r.record === centreRecord) : -1;
  const view: GraphView = centreIndex >= 0 ? { scope: 'neighbourhood', centre: centreIndex } : { scope: 'log' };
  const uris = graph.records.map(r => byPath.get(r.path)!.uri);
  return {
    markdown: graphMarkdown(graph, view),
    scope: view.scope,
    recordOf: node => {
      const i = graphNodeIndex(node);
      return i === undefined ? undefined : uris[i];
    },
  };
}
