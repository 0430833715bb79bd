/**
 * The lifecycle commands in the real host, against adr-tools' expected outputs where it has them:
 * supersede (`adr new -s`), link (`adr link`), generate toc; then status changes with dates,
 * renumbering with its links (the quick fix for a duplicate number), and the graph export.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { basename } from '../../src/core/paths';
import { parseTranscript } from '../support/adrToolsExpected';
import { activate, codeOf, diagnosticsWhere, fixture, openAndLint, readText, remove, codeActions, repositoryText } from './helpers';

const EXPECTED = 'test/fixtures/adr-tools-expected';
const DATE = '1992-01-12';

/** The output of `command` (such as `head -N FILE`) in an adr-tools transcript. */
async function expectedOutput(name: string, command: string): Promise<string> {
  const step = parseTranscript(await repositoryText(`${EXPECTED}/${name}.expected`)).find(s => s.command === command);
  assert.ok(step, `${command} in ${name}`);
  return step.output.join('\n').replace(/\n+$/, '');
}

async function head(uri: vscode.Uri, n: number): Promise<string> {
  return (await readText(uri)).split('\n').slice(0, n).join('\n').replace(/\n+$/, '').replace(/^Date: \d{4}-\d{2}-\d{2}$/m, `Date: ${DATE}`);
}

async function useAdrFolder(folder: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('specFirst').update('adr.directory', folder, vscode.ConfigurationTarget.Workspace);
}

async function newAdr(title: string): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>('specFirst.newAdr', { title, template: 'nygard', date: DATE });
  assert.ok(uri, title);
  return uri;
}

describe('Lifecycle commands', () => {
  before(async () => {
    const api = await activate();
    await api.index.ready();
  });
  after(async () => {
    await useAdrFolder(undefined);
    await remove(fixture('lifecycle'));
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('supersedes a record as adr-tools does, both sides in one edit', async () => {
    await useAdrFolder('lifecycle/supersede/doc/adr');
    const first = await newAdr('First Record');
    const second = await vscode.commands.executeCommand<vscode.Uri>('specFirst.supersedeRecord', first, 'Second Record');
    assert.ok(second);
    assert.equal(basename(second.path), '0002-second-record.md');
    assert.equal(await head(first, 10), await expectedOutput('supercede-existing-adr', 'head -10 doc/adr/0001-first-record.md'));
    assert.equal(await head(second, 12), await expectedOutput('supercede-existing-adr', 'head -12 doc/adr/0002-second-record.md'));
    const ds = await openAndLint(first);
    assert.deepEqual(ds.filter(d => ['SF017', 'SF018'].includes(codeOf(d))).map(d => d.message), []);
  });

  it('links records with a relation and its reverse, as adr link does', async () => {
    await useAdrFolder('lifecycle/link/doc/adr');
    const [one, two, three] = [await newAdr('First Record'), await newAdr('Second Record'), await newAdr('Third Record')];
    assert.equal(await vscode.commands.executeCommand('specFirst.linkRecords', three, 'Amends', one, 'Amended by'), true);
    assert.equal(await vscode.commands.executeCommand('specFirst.linkRecords', three, 'Clarifies', two, 'Clarified by'), true);
    assert.equal(await head(one, 12), await expectedOutput('linking', 'head -12 doc/adr/0001-first-record.md'));
    assert.equal(await head(two, 12), await expectedOutput('linking', 'head -12 doc/adr/0002-second-record.md'));
    assert.equal(await head(three, 14), await expectedOutput('linking', 'head -14 doc/adr/0003-third-record.md'));
  });

  it('generates the table of contents as adr generate toc, and never overwrites another README', async () => {
    await useAdrFolder('lifecycle/toc/doc/adr');
    for (const t of ['First Decision', 'Second Decision', 'Third Decision']) await newAdr(t);
    const readme = await vscode.commands.executeCommand<vscode.Uri>('specFirst.generateIndex', fixture('lifecycle/toc'));
    assert.ok(readme);
    assert.equal(await readText(readme), `${await expectedOutput('generate-contents', 'adr generate toc')}\n`);
    await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode('# Our decisions\n\nWritten by hand.\n'));
    assert.equal(await vscode.commands.executeCommand('specFirst.generateIndex', fixture('lifecycle/toc')), undefined);
    assert.equal(await readText(readme), '# Our decisions\n\nWritten by hand.\n', 'a hand-written README is kept');
  });

  it('changes a status from the vocabulary, with today\'s date in MADR', async () => {
    const uri = fixture('lifecycle/status/docs/decisions/0001-use-kafka.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\nstatus: proposed\ndate: 2020-01-01\n---\n\n# Use Kafka\n\n## Context and Problem Statement\n\nc\n\n## Considered Options\n\n* Kafka\n* RabbitMQ\n\n## Decision Outcome\n\nChosen option: "Kafka", because it scales.\n'));
    assert.equal(await vscode.commands.executeCommand('specFirst.changeStatus', uri, 'accepted'), true);
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.match(await readText(uri), new RegExp(`^---\\nstatus: accepted\\ndate: ${iso}\\n---\\n`));
  });

  it('changes the status of a project kind where its configured format keeps it, and refuses a Rust RFC', async () => {
    const api = await activate();
    const write = (rel: string, text: string) => vscode.workspace.fs.writeFile(fixture(rel), new TextEncoder().encode(text));
    await write('lifecycle/kinds/.spec-first.json', JSON.stringify({
      statuses: ['provisional', 'implementable', 'implemented'],
      kinds: [{ id: 'kep', label: 'KEP', files: ['keps/**/README.md'], format: 'nygard', sections: [{ title: 'Summary' }, { title: 'Status', concept: 'status' }] }],
    }));
    const kep = fixture('lifecycle/kinds/keps/0001-sidecars/README.md');
    await write('lifecycle/kinds/keps/0001-sidecars/README.md', '# KEP-1: Sidecars\n\n## Summary\n\nSidecar containers.\n\n## Status\n\nprovisional\n');
    // Refresh Decisions reads the configurations again (the server's watcher can miss files written this way).
    await vscode.commands.executeCommand('specFirst.refreshExplorer');
    for (let i = 0; i < 50; i++) {
      await api.index.refresh(kep);
      const entry = api.index.get(kep);
      if (entry?.record.kind === 'kep' && entry.record.format === 'nygard' && entry.record.status === 'provisional') break;
      await new Promise(r => setTimeout(r, 200));
    }
    assert.equal(api.index.get(kep)?.record.format, 'nygard', 'the KEP reads with its configured format');
    assert.equal(await vscode.commands.executeCommand('specFirst.changeStatus', kep, 'implementable'), true);
    assert.equal(await readText(kep), '# KEP-1: Sidecars\n\n## Summary\n\nSidecar containers.\n\n## Status\n\nImplementable\n', 'in its Status section, as Nygard writes it: no front matter');

    const rust = fixture('rust-rfcs/text/0001-private-fields.md');
    const before = await readText(rust);
    assert.equal(await vscode.commands.executeCommand('specFirst.changeStatus', rust, 'accepted'), false, 'a Rust RFC keeps no status');
    assert.equal(await readText(rust), before);
  });

  it('renumbers a duplicate from its quick fix, and updates the links to it', async function () {
    // Renumbering reads every file of the workspace for the identifiers it rewrites: slow on a busy machine.
    this.timeout(90_000);
    await useAdrFolder('lifecycle/renumber/doc/adr');
    const first = await newAdr('First Record');
    await newAdr('Second Record');
    // A branch merged with its own "0002": same number, and a record that links to it.
    const dup = fixture('lifecycle/renumber/doc/adr/0002-use-pulsar.md');
    await vscode.workspace.fs.writeFile(dup, new TextEncoder().encode(`# 2. Use Pulsar\n\nDate: ${DATE}\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs a cluster.\n`));
    // The server's watcher can miss a file written this way: the index is told, as an editor's save would.
    await (await activate()).index.refresh(dup);
    assert.equal(await vscode.commands.executeCommand('specFirst.linkRecords', first, 'Amended by', dup, 'Amends'), true);
    await openAndLint(dup);
    const duplicate = (await diagnosticsWhere(dup, d => d.some(x => codeOf(x) === 'SF015'))).find(d => codeOf(d) === 'SF015')!;
    assert.match(duplicate.message, /^Number 0002 is also used by 0002-second-record\.md\b/, 'SF015 names the other record');
    assert.equal(duplicate.range.start.line, 0, 'SF015 sits on the title');
    const actions = await codeActions(dup, duplicate.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.find(a => a.command?.command === 'specFirst.renumberRecord');
    assert.ok(renumber?.command, JSON.stringify(actions.map(a => a.title)));
    const moved = await vscode.commands.executeCommand<vscode.Uri>(renumber.command.command, ...(renumber.command.arguments ?? []));
    assert.equal(basename(moved.path), '0003-use-pulsar.md');
    assert.match(await readText(moved), /^# 3\. Use Pulsar\n/);
    assert.match(await readText(moved), /\nAmends \[1\. First Record\]\(0001-first-record\.md\)\n/);
    assert.match(await readText(first), /\nAmended by \[3\. Use Pulsar\]\(0003-use-pulsar\.md\)\n/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(dup)), 'the old name is gone');
  });

  it('shows the decision graph in the preview: every record of the fixture workspace, drawn without error', async () => {
    const api = await activate();
    const drawn = new Promise<{ diagrams: number; rendered: number; failed: number }>((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error('the graph was never rendered')); }, 25000);
      const sub = api.preview.onDidRender(r => {
        if (r.uri.scheme !== 'spec-first-graph') return;
        clearTimeout(timer);
        sub.dispose();
        resolve(r);
      });
    });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specFirst.showGraph', { scope: 'log' });
    assert.equal(uri.scheme, 'spec-first-graph');
    const r = await drawn;
    assert.ok(r.diagrams >= 1);
    assert.deepEqual([r.rendered, r.failed], [r.diagrams, 0]);
    assert.equal(api.preview.isLocked, true, 'locked, so that opening a record keeps the graph in view');
    await vscode.commands.executeCommand('specFirst.togglePreviewLock');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.ok((text.match(/\["/g) ?? []).length >= api.index.all().length, 'a node per record');
  });

  it('exports the decision graph as a Markdown document with one Mermaid flowchart', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('specFirst.exportGraph');
    const text = document.getText();
    assert.match(text, /^# Decision graph\n\n\d+ records\. Click a record to open it\.\n\n```mermaid\nflowchart TB\n/);
    assert.match(text, /-->\|supersedes\|/, 'log4brains\' supersede is drawn');
    assert.equal(document.isUntitled, true, 'nothing is written until the user saves');
  });
});
