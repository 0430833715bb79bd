/**
 * The decision graph: the records of a decision log and their relations (supersedes, amends…) as
 * Mermaid flowcharts, for the whole log or for the neighbourhood of one record. adr-tools'
 * `generate graph` draws the same in Graphviz.
 *
 * Sized for large logs. Mermaid lays a flowchart out in time that grows faster than its size (in the
 * preview, about 1 s for 50 records and 30 s for 600), and refuses more than 50,000 characters or 500
 * edges. So the graph is drawn as several small flowcharts ("sheets") of at most
 * {@link SHEET_LIMITS} records and arrows, filled one group of related records after another (in
 * depth-first order, so that a chain of related records shares a sheet); a relation to a record drawn
 * on another sheet shows that record again there, dashed. Every sheet stays within Mermaid's default limits,
 * whatever the titles and relations. The text is compact: node ids are `r` and the record's index,
 * labels are cut at {@link LABEL_LENGTH} characters, and the only styles are the dashed border and
 * the active record's thick one. Pure; linear in the records and relations (sorting aside).
 */
import { relationType, reverseOf } from './lint/relations';
import { dirname } from './paths';
import type { DecisionRecord } from './record';

/** A record of the log, by its workspace-relative path. */
export interface GraphRecord {
  readonly path: string;
  readonly record: DecisionRecord;
}

/** A relation, drawn as one arrow: indices into {@link RelationGraph.records}, and its verb (`supersedes`). */
export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  readonly verb: string;
}

/** The records, sorted by path, and the relations between them (a relation and its reverse once). */
export interface RelationGraph {
  readonly records: readonly GraphRecord[];
  readonly edges: readonly GraphEdge[];
}

/** What the graph shows: every record, or one record (an index) and those within two relations of it. */
export type GraphView = { readonly scope: 'log' } | { readonly scope: 'neighbourhood'; readonly centre: number };

/** How far the neighbourhood reaches, in relations (either direction). */
export const NEIGHBOURHOOD_DISTANCE = 2;

/**
 * The most a sheet holds: records (drawn in full or dashed) and arrows. Mermaid draws 50 records in
 * about a second here; its own limits (500 edges, 50,000 characters) are far off.
 */
export const SHEET_LIMITS = { nodes: 50, edges: 100 } as const;

/** Labels (titles, relation verbs, folders) longer than this many characters are cut, with `…`. */
export const LABEL_LENGTH = 60;

/** Records without an arrow on their sheet are drawn in columns of this many (invisible links stack them). */
const COLUMN = 8;

/**
 * The records and their relations. `resolve` maps a relation's target, written in `from`, to the
 * record it names (its path), or undefined. "B superseded by A" is drawn as "A supersedes B", so
 * that a pair written on both sides is one arrow; relations to records not in `records` are left out.
 */
export function decisionGraphOf(records: readonly GraphRecord[], resolve: (from: GraphRecord, target: string) => { path: string } | undefined): RelationGraph {
  const sorted = [...records].sort((a, b) => a.path.localeCompare(b.path));
  const indexOf = new Map(sorted.map((r, i) => [r.path, i]));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  sorted.forEach((r, i) => {
    for (const relation of r.record.relations) {
      const found = resolve(r, relation.target);
      const j = found && indexOf.get(found.path);
      if (j === undefined) continue;
      const type = relationType(relation.type);
      const reverse = reverseOf(type);
      const [from, to, verb] = reverse !== undefined && type.endsWith(' by') ? [j, i, reverse] : [i, j, type];
      const key = `${from} ${to} ${verb}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from, to, verb });
    }
  });
  return { records: sorted, edges };
}

/** The Mermaid node id of the record at `index` (`r12`). */
export function graphNodeId(index: number): string {
  return `r${index}`;
}

/** The record index a node id names (`r12` → 12), or undefined for any other id. */
export function graphNodeIndex(id: string): number | undefined {
  return /^r\d{1,9}$/.test(id) ? Number(id.slice(1)) : undefined;
}

/** For each record, the indices of its edges (both directions), among the records `included` only. */
function adjacency(graph: RelationGraph, included: (index: number) => boolean): number[][] {
  const adjacent: number[][] = graph.records.map(() => []);
  graph.edges.forEach((e, k) => {
    if (!included(e.from) || !included(e.to)) return;
    adjacent[e.from].push(k);
    if (e.to !== e.from) adjacent[e.to].push(k);
  });
  return adjacent;
}

/** The record at `centre` and those within {@link NEIGHBOURHOOD_DISTANCE} relations of it, as sorted indices. */
export function neighbourhood(graph: RelationGraph, centre: number): number[] {
  const adjacent = adjacency(graph, () => true);
  const distance = new Map([[centre, 0]]);
  const queue = [centre];
  for (let head = 0; head < queue.length; head++) {
    const r = queue[head];
    const d = distance.get(r)!;
    if (d === NEIGHBOURHOOD_DISTANCE) continue;
    for (const k of adjacent[r]) {
      const e = graph.edges[k];
      const other = e.from === r ? e.to : e.from;
      if (distance.has(other)) continue;
      distance.set(other, d + 1);
      queue.push(other);
    }
  }
  return [...distance.keys()].sort((a, b) => a - b);
}

/** One flowchart of the graph: records drawn in full (`home`) or as a reminder of one drawn elsewhere. */
interface Sheet {
  readonly nodes: Map<number, 'home' | 'elsewhere'>;
  readonly edges: number[];
}

/**
 * The order records are placed on sheets in: group by group (records linked by relations), each in
 * depth-first order from its first record by path, lower paths first, so that a chain of records
 * (a supersede chain) stays on one sheet.
 */
function drawingOrder(graph: RelationGraph, include: readonly number[], adjacent: readonly number[][]): number[] {
  const reached = new Uint8Array(graph.records.length);
  const order: number[] = [];
  const stack: number[] = [];
  for (const start of include) {
    stack.push(start);
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (reached[r]) continue;
      reached[r] = 1;
      order.push(r);
      const next = adjacent[r].map(k => (graph.edges[k].from === r ? graph.edges[k].to : graph.edges[k].from)).filter(o => !reached[o]);
      for (const o of next.sort((a, b) => b - a)) stack.push(o);
    }
  }
  return order;
}

/**
 * Cuts the records `include` (sorted indices) and the relations between them into sheets within
 * {@link SHEET_LIMITS}. Records are placed in {@link drawingOrder}; an arrow is drawn when its second
 * record is placed, on that record's sheet, where the first one is drawn dashed if it is on an
 * earlier sheet. Each record is drawn in full exactly once, each arrow once.
 */
function sheetsOf(graph: RelationGraph, include: readonly number[]): Sheet[] {
  const included = new Uint8Array(graph.records.length);
  for (const i of include) included[i] = 1;
  const adjacent = adjacency(graph, i => included[i] === 1);
  const placed = new Uint8Array(graph.records.length);
  const sheets: Sheet[] = [];
  let sheet: Sheet = { nodes: new Map(), edges: [] };
  const next = () => {
    sheets.push(sheet);
    sheet = { nodes: new Map(), edges: [] };
  };
  for (const r of drawingOrder(graph, include, adjacent)) {
    if (sheet.nodes.size >= SHEET_LIMITS.nodes) next();
    sheet.nodes.set(r, 'home');
    placed[r] = 1;
    for (const k of adjacent[r]) {
      const e = graph.edges[k];
      const other = e.from === r ? e.to : e.from;
      if (!placed[other]) continue;
      if (sheet.edges.length >= SHEET_LIMITS.edges || (!sheet.nodes.has(other) && sheet.nodes.size >= SHEET_LIMITS.nodes)) {
        next();
        sheet.nodes.set(r, 'elsewhere');
      }
      if (!sheet.nodes.has(other)) sheet.nodes.set(other, 'elsewhere');
      sheet.edges.push(k);
    }
  }
  if (sheet.nodes.size > 0) sheets.push(sheet);
  return sheets;
}

/** Text cut at {@link LABEL_LENGTH} characters (code points), with `…` when cut. */
function cut(text: string): string {
  const chars = Array.from(text.slice(0, 2 * LABEL_LENGTH + 2));
  return chars.length > LABEL_LENGTH ? `${chars.slice(0, LABEL_LENGTH - 1).join('')}…` : chars.join('');
}

/** Text for a quoted Mermaid label: {@link cut}, markup characters as Mermaid's `#code;` entities. */
function label(text: string): string {
  return cut(text).replace(/[#"<>&`|]/g, c => `#${c.charCodeAt(0)};`);
}

/** A record's name: `N. Title` when it has a number. */
function recordName(r: GraphRecord): string {
  return r.record.number !== undefined ? `${r.record.number}. ${r.record.title}` : r.record.title;
}

/** The Mermaid source of one sheet. Records are grouped by folder (a subgraph each) when the sheet holds more than one folder. */
function sheetSource(graph: RelationGraph, sheet: Sheet, centre: number | undefined): string {
  const out = ['flowchart TB'];
  const byFolder = new Map<string, number[]>();
  for (const r of [...sheet.nodes.keys()].sort((a, b) => a - b)) {
    const folder = dirname(graph.records[r].path);
    const records = byFolder.get(folder);
    if (records) records.push(r);
    else byFolder.set(folder, [r]);
  }
  const grouped = byFolder.size > 1;
  const linked = new Set(sheet.edges.flatMap(k => [graph.edges[k].from, graph.edges[k].to]));
  [...byFolder].forEach(([folder, records], f) => {
    if (grouped) out.push(`subgraph f${f}["${label(folder || '.')}"]`);
    for (const r of records) out.push(`${graphNodeId(r)}["${label(recordName(graph.records[r]))}"]`);
    // Records without an arrow on this sheet: in columns, rather than one row as wide as the log.
    const loose = records.filter(r => !linked.has(r));
    for (let i = 0; i < loose.length; i += COLUMN) {
      const column = loose.slice(i, i + COLUMN);
      if (column.length > 1) out.push(column.map(graphNodeId).join(' ~~~ '));
    }
    if (grouped) out.push('end');
  });
  for (const k of sheet.edges) {
    const e = graph.edges[k];
    // A plain verb (`supersedes`, `relates to`) needs no quotes; anything else is quoted and escaped.
    const verb = e.verb.length <= LABEL_LENGTH && /^[a-z]+(?: [a-z]+)*$/.test(e.verb) ? e.verb : `"${label(e.verb)}"`;
    out.push(`${graphNodeId(e.from)} -->|${verb}| ${graphNodeId(e.to)}`);
  }
  const elsewhere = [...sheet.nodes].filter(([, kind]) => kind === 'elsewhere').map(([r]) => graphNodeId(r));
  if (elsewhere.length) out.push('classDef elsewhere stroke-dasharray:4 3', `class ${elsewhere.join(',')} elsewhere`);
  if (centre !== undefined && sheet.nodes.has(centre)) out.push('classDef centre stroke-width:3px', `class ${graphNodeId(centre)} centre`);
  return out.join('\n');
}

/** The records a view shows, as sorted indices. */
function viewRecords(graph: RelationGraph, view: GraphView): number[] {
  return view.scope === 'log' ? graph.records.map((_, i) => i) : neighbourhood(graph, view.centre);
}

/**
 * The Mermaid sources of a view of the graph, one per sheet (see {@link SHEET_LIMITS}); none when
 * the view holds no record. In the neighbourhood view, the centre record has a thick border.
 */
export function graphDiagrams(graph: RelationGraph, view: GraphView): string[] {
  const centre = view.scope === 'neighbourhood' ? view.centre : undefined;
  return sheetsOf(graph, viewRecords(graph, view)).map(sheet => sheetSource(graph, sheet, centre));
}

/**
 * The graph as a Markdown document: a title, what it shows, one ` ```mermaid ` block per sheet, and
 * how to read and switch the view. The whole log starts `# Decision graph`, then `N records. Click a
 * record to open it.`; a neighbourhood names its record in the title.
 */
export function graphMarkdown(graph: RelationGraph, view: GraphView): string {
  const n = graph.records.length;
  if (n === 0) return '# Decision graph\n\nNo decision records in this workspace yet.\n';
  const diagrams = graphDiagrams(graph, view);
  const parts: string[] = [];
  if (view.scope === 'log') {
    parts.push('# Decision graph', `${n} records. Click a record to open it.`);
  } else {
    const name = markdownText(cut(recordName(graph.records[view.centre])));
    parts.push(`# Decision graph: ${name}`,
      `${viewRecords(graph, view).length} of ${n} records: ${name} and the records within ${NEIGHBOURHOOD_DISTANCE} relations of it. Click a record to open it.`);
  }
  parts.push(...diagrams.map(source => `\`\`\`mermaid\n${source}\n\`\`\``));
  const notes = [];
  if (diagrams.length > 1) notes.push(`Drawn in ${diagrams.length} diagrams of at most ${SHEET_LIMITS.nodes} records; a dashed record is drawn in full in another one.`);
  notes.push(view.scope === 'log'
    ? 'With a record open in the editor, **Spec-First: Toggle Decision Graph Neighbourhood** shows only the records within two relations of it.'
    : '**Spec-First: Toggle Decision Graph Neighbourhood** shows the whole log.');
  parts.push(notes.join(' '));
  return `${parts.join('\n\n')}\n`;
}

/** Text shown as is in Markdown: the characters that would start markup, escaped with `\`. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~!]/g, c => `\\${c}`);
}
