/**
 * The decision graph in plain Node: one arrow per relation pair, node ids that map back to records,
 * the neighbourhood within two relations, and — on a generated log of 2,000 records and on hostile
 * titles and relations — diagrams that each stay within Mermaid's default limits (50,000 characters,
 * 500 edges) and the sheet limits, every record drawn in full exactly once and every relation once.
 */
import * as assert from 'node:assert/strict';
import { SHEET_LIMITS, graphDiagrams, graphMarkdown, graphNodeId, graphNodeIndex, neighbourhood, decisionGraphOf, type GraphRecord, type RelationGraph } from '../../src/core/graph';
import { resolveLink } from '../../src/core/paths';
import { parseRecord } from '../../src/core/record';
import { generatedLog } from '../support/generatedLog';

/** Records parsed from generated texts, and the graph with relations resolved by path. */
function graphOf(texts: readonly { path: string; text: string }[]): RelationGraph {
  const records = texts.map(({ path, text }): GraphRecord => ({ path, record: parseRecord(path, text)! }));
  const paths = new Set(records.map(r => r.path));
  return decisionGraphOf(records, (from, target) => {
    const path = resolveLink(from.path, target);
    return path !== undefined && paths.has(path) ? { path } : undefined;
  });
}

/** A sheet's node declarations, its dashed nodes, and its arrows and invisible links. */
function parseSheet(source: string) {
  const lines = source.split('\n');
  const declared = lines.map(l => /^(r\d+)\["/.exec(l)?.[1]).filter((id): id is string => id !== undefined);
  const elsewhere = lines.find(l => l.startsWith('class ') && l.endsWith(' elsewhere'))?.slice(6, -10).split(',') ?? [];
  const arrows = lines.filter(l => l.includes(' -->|'));
  const links = arrows.length + lines.filter(l => l.includes(' ~~~ ')).reduce((n, l) => n + l.split(' ~~~ ').length - 1, 0);
  return { declared, elsewhere, arrows, links };
}

describe('decision graph', () => {
  it('draws a relation written on both sides (supersedes / superseded by) as one arrow, from the newer record', () => {
    const record = (n: number, title: string, relation: string) => ({
      path: `doc/adr/000${n}-${title.toLowerCase().replace(/ /g, '-')}.md`,
      text: `# ${n}. ${title}\n\nDate: 2024-01-15\n\n## Status\n\nAccepted\n\n${relation}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n`,
    });
    const graph = graphOf([record(1, 'First Record', 'Superceded by [2. Second Record](0002-second-record.md)'), record(2, 'Second Record', 'Supercedes [1. First Record](0001-first-record.md)')]);
    assert.deepEqual(graph.edges.length, 1);
    const [sheet] = graphDiagrams(graph, { scope: 'log' });
    assert.equal(parseSheet(sheet).arrows.length, 1);
    assert.match(sheet, /^r1 -->\|supersedes\| r0$/m);
    assert.match(sheet, /^r0\["1\. First Record"\]$/m);
    assert.ok(!/click|style |linkStyle/.test(sheet), 'no click callbacks (strict Mermaid drops them), no per-node styles');
  });

  it('names nodes r0, r1…, and reads them back', () => {
    assert.equal(graphNodeId(12), 'r12');
    assert.equal(graphNodeIndex('r12'), 12);
    for (const id of ['r', 'r_docs_adr_0001_md', 'r1a', 'x1', 'r-1', `r${'9'.repeat(10)}`]) assert.equal(graphNodeIndex(id), undefined, id);
  });

  it('takes the records within two relations, in either direction, into the neighbourhood', () => {
    const r = (path: string, relations: [string, string][] = []): GraphRecord => ({ path, record: { ...parseRecord(path, `# ${path}\n`)!, title: path, relations: relations.map(([type, target]) => ({ type, target })) } });
    // a ← b ← c ← d, and e alone
    const records = [r('a.md'), r('b.md', [['supersedes', 'a.md']]), r('c.md', [['amends', 'b.md']]), r('d.md', [['amends', 'c.md']]), r('e.md')];
    const graph = decisionGraphOf(records, (_, target) => ({ path: target }));
    assert.deepEqual(neighbourhood(graph, 0).map(i => graph.records[i].path), ['a.md', 'b.md', 'c.md']);
    assert.deepEqual(neighbourhood(graph, 2).map(i => graph.records[i].path), ['a.md', 'b.md', 'c.md', 'd.md']);
    assert.deepEqual(neighbourhood(graph, 4).map(i => graph.records[i].path), ['e.md']);
    const page = graphMarkdown(graph, { scope: 'neighbourhood', centre: 0 });
    assert.match(page, /^# Decision graph: a\.md\n\n3 of 5 records: a\.md and the records within 2 relations of it\./);
    assert.match(page, /^classDef centre stroke-width:3px\nclass r0 centre$/m);
  });

  describe('2,000 records with relations', () => {
    const texts = generatedLog(2000, 'doc/adr');
    const graph = graphOf(texts);

    for (const view of [{ scope: 'log' } as const, { scope: 'neighbourhood', centre: 1000 } as const]) {
      it(`${view.scope}: every diagram within Mermaid's default limits and the sheet's; each record in full once, each relation once`, () => {
        const sheets = graphDiagrams(graph, view).map(source => ({ source, ...parseSheet(source) }));
        const shown = view.scope === 'log' ? graph.records.map((_, i) => i) : neighbourhood(graph, view.centre);
        const home: string[] = [];
        for (const s of sheets) {
          assert.ok(s.source.length < 50000, `${s.source.length} characters`);
          assert.ok(s.links <= 500, `${s.links} edges`);
          assert.ok(s.declared.length <= SHEET_LIMITS.nodes && s.arrows.length <= SHEET_LIMITS.edges);
          assert.equal(new Set(s.declared).size, s.declared.length, 'a node declared once per sheet');
          home.push(...s.declared.filter(id => !s.elsewhere.includes(id)));
        }
        assert.deepEqual(home.sort(), shown.map(graphNodeId).sort());
        const inside = new Set(shown);
        const arrows = sheets.flatMap(s => s.arrows);
        assert.equal(arrows.length, graph.edges.filter(e => inside.has(e.from) && inside.has(e.to)).length);
        assert.equal(new Set(arrows).size, arrows.length);
        if (view.scope === 'log') assert.ok(graph.edges.length > 2000, `${graph.edges.length} relations`);
      });
    }

    it('keeps the text compact: under 100 characters per record', () => {
      const page = graphMarkdown(graph, { scope: 'log' });
      assert.match(page, /^# Decision graph\n\n2000 records\. Click a record to open it\.\n\n```mermaid\nflowchart TB\n/);
      assert.ok(page.length < 100 * 2000, `${page.length} characters`);
    });
  });

  it('stays within the limits on hostile titles, folders and relation verbs, and escapes them', () => {
    const evil = '"]; click r0 call alert(1) %%{init}%% <img src=x> `md` | & # \u202e';
    const records: GraphRecord[] = Array.from({ length: 120 }, (_, i) => {
      const path = `${evil.repeat(50)}/${i}/${String(i).padStart(4, '0')}-x.md`;
      const base = parseRecord(path, `# ${i}. ${evil.repeat(20)}\n`)!;
      return { path, record: { ...base, relations: Array.from({ length: 30 }, (_, k) => ({ type: `${evil.repeat(20)} ${k}`, target: String((i + k + 1) % 120) })) } };
    });
    const graph = decisionGraphOf(records, (_, target) => ({ path: records[Number(target)].path }));
    for (const source of graphDiagrams(graph, { scope: 'log' })) {
      const s = parseSheet(source);
      assert.ok(source.length < 50000 && s.links <= 500);
      for (const line of source.split('\n').slice(1)) {
        assert.ok(!/[<>&`]/.test(line.replace(/ -->\|/g, '')), `markup left in: ${line.slice(0, 120)}`);
        const quoted = line.match(/"/g)?.length ?? 0;
        assert.ok(quoted === 0 || quoted === 2, `a label's quotes: ${line.slice(0, 120)}`);
      }
    }
  });
});
