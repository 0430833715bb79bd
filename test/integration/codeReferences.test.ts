/**
 * Decision references in source code, in the real host: hover, Go to Definition, Find All References,
 * document links, the CodeLens count, SF016 and SF023 with its quick fix, in TypeScript, Python and Go comments
 * and docstrings (never in code or strings), with a `.gitignore` leaving a folder out. The records and
 * sources are written for the test under `coderefs/` and removed after it. Numbers 0801–0803: no other
 * fixture folder has them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, diagnosticsWhere, fixture, removeFiles, writeFiles } from './helpers';

const record = (n: number, title: string, status: string, decision: string) =>
  `# ${n}. ${title}\n\nDate: 2026-04-01\n\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\n${decision}\n\n## Consequences\n\nMore to run.\n`;

const FILES: Record<string, string> = {
  'coderefs/docs/adr/0801-use-grpc.md': record(801, 'Use gRPC', 'Accepted', 'We use gRPC between services.'),
  'coderefs/docs/adr/0802-retry-budget.md': record(802, 'Retry budget', 'Proposed', 'Three retries.'),
  'coderefs/docs/adr/0803-use-rest.md': record(803, 'Use REST', 'Superseded by [801. Use gRPC](0801-use-grpc.md)', 'We use REST.'),
  'coderefs/src/legacy.ts': '// Kept for the clients of ADR-0803.\nexport const legacy = true;\n',
  'coderefs/src/client.ts': '// The transport is ADR-0801.\nconst name = "ADR-0801";\n/** Retries: `ADR-0802`; and ADR-0899, which never existed. */\nexport const client = name;\n',
  'coderefs/svc/worker.py': 'def run():\n    """Calls the API over gRPC (ADR 801)."""\n    return "ADR-0801"  # retries per ADR-0802\n',
  'coderefs/cmd/main.go': 'package main\n\n// main serves gRPC, as ADR-0801 decided.\nfunc main() { _ = `ADR-0801` }\n',
  'coderefs/generated/stub.ts': '// ADR-0801, in a folder .gitignore leaves out\n',
  'coderefs/.gitignore': 'generated/\n',
};

const at = (path: string) => fixture(path);
const where = (l: vscode.Location) => `${vscode.workspace.asRelativePath(l.uri, false)}:${l.range.start.line}:${l.range.start.character}`;
const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');

/** The position of `needle` in a fixture file, plus `offset` characters. */
async function positionOf(path: string, needle: string, offset = 2): Promise<vscode.Position> {
  const document = await vscode.workspace.openTextDocument(at(path));
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} not in ${path}`);
  return document.positionAt(index + offset);
}

/** Asks until `ask` gives what `done` accepts (file events reach the index a moment after a write), or fails after `ms`. */
async function eventually<T>(ask: () => Thenable<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await ask();
    if (done(value) || Date.now() > until) return value;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('Decision references in source code', function () {
  this.timeout(90_000);

  before(() => writeFiles(FILES));
  after(() => removeFiles('coderefs', Object.keys(FILES)));

  it('finds the references in TypeScript, Python and Go comments and docstrings; not in code, strings or ignored folders', async () => {
    const fromTitle = await eventually(
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', at('coderefs/docs/adr/0801-use-grpc.md'), new vscode.Position(0, 3)),
      // The .gitignore may reach the index after the files it leaves out (its watcher's event comes when it comes).
      found => ['coderefs/src/client.ts', 'coderefs/svc/worker.py', 'coderefs/cmd/main.go'].every(f => found.some(l => where(l).startsWith(f)))
        && !found.some(l => where(l).startsWith('coderefs/generated/')),
    );
    const found = fromTitle.map(where).filter(w => !w.startsWith('coderefs/docs/')).sort();
    assert.deepEqual(found, ['coderefs/cmd/main.go:2:24', 'coderefs/src/client.ts:0:20', 'coderefs/svc/worker.py:1:32']);
  });

  it('hovers an identifier in a comment with the record; a string is no reference', async () => {
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', at('coderefs/src/client.ts'), await positionOf('coderefs/src/client.ts', 'ADR-0801')));
    assert.match(hover, /ADR-0801: Use gRPC/);
    assert.match(hover, /Decision: We use gRPC between services\./);
    const inString = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', at('coderefs/src/client.ts'), await positionOf('coderefs/src/client.ts', '"ADR-0801"', 3));
    assert.doesNotMatch(hoverText(inString), /Use gRPC/);
  });

  it('goes to the record from a Python docstring and a Go comment', async () => {
    const definition = async (path: string, needle: string) => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', at(path), await positionOf(path, needle));
      return found.map(d => vscode.workspace.asRelativePath('targetUri' in d ? d.targetUri : d.uri, false));
    };
    assert.deepEqual(await definition('coderefs/svc/worker.py', 'ADR 801'), ['coderefs/docs/adr/0801-use-grpc.md']);
    assert.deepEqual(await definition('coderefs/svc/worker.py', 'ADR-0802'), ['coderefs/docs/adr/0802-retry-budget.md']);
    assert.deepEqual(await definition('coderefs/cmd/main.go', 'ADR-0801 decided'), ['coderefs/docs/adr/0801-use-grpc.md']);
  });

  it('makes an identifier in a Go comment a document link, not the one in a raw string', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', at('coderefs/cmd/main.go'));
    const ours = links.filter(l => l.target && vscode.workspace.asRelativePath(l.target, false) === 'coderefs/docs/adr/0801-use-grpc.md');
    assert.deepEqual(ours.map(l => `${l.range.start.line}:${l.range.start.character}`), ['2:24']);
  });

  it('reports an identifier that names no record as SF016, in the comment', async () => {
    const document = await vscode.workspace.openTextDocument(at('coderefs/src/client.ts'));
    await vscode.window.showTextDocument(document);
    const diagnostics = await diagnosticsWhere(document.uri, d => d.some(x => x.source === 'spec-first'));
    const ours = diagnostics.filter(d => d.source === 'spec-first');
    assert.deepEqual(ours.map(d => `${typeof d.code === 'object' ? d.code.value : d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`),
      ['SF016 2:29 ADR-0899 names no record: it was renumbered or removed, or never existed.']);
  });

  it('counts the source files in the record\'s CodeLens', async () => {
    await vscode.workspace.openTextDocument(at('coderefs/docs/adr/0801-use-grpc.md'));
    const lens = await eventually(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', at('coderefs/docs/adr/0801-use-grpc.md'), 10),
      lenses => lenses.some(l => l.command?.title === 'referenced by 1 record · 3 files'),
    );
    assert.deepEqual(lens.map(l => l.command?.title).filter(t => t?.startsWith('referenced') || t === 'no references'), ['referenced by 1 record · 3 files']);
  });

  it('reports a superseded record cited in a comment as SF023, and its quick fix points to the successor', async () => {
    const document = await vscode.workspace.openTextDocument(at('coderefs/src/legacy.ts'));
    await vscode.window.showTextDocument(document);
    const diagnostics = (await diagnosticsWhere(document.uri, d => d.some(x => x.source === 'spec-first'))).filter(d => d.source === 'spec-first');
    assert.deepEqual(diagnostics.map(d => `${typeof d.code === 'object' ? d.code.value : d.code} ${d.message}`),
      ['SF023 ADR-0803 is superseded; ADR-0801 is the decision in force: this still cites the old one.']);
    const actions = await codeActions(document.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => a.title === 'Point to ADR-0801, its successor');
    assert.ok(fix?.edit, JSON.stringify(actions.map(a => a.title)));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(0).text, '// Kept for the clients of ADR-0801.');
    await diagnosticsWhere(document.uri, d => !d.some(x => x.source === 'spec-first'));
  });
});
