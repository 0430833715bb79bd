/**
 * The decision preview in the real host: the webview renders real RFCs with every Mermaid diagram
 * drawn, shows a broken diagram's error in place (and as an SF019 warning) while the rest renders,
 * follows edits without redrawing unchanged diagrams, follows the theme, and can be locked to one
 * document. Each check waits on the webview's own report (`preview.onDidRender`), never on a sleep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { basename } from '../../src/core/paths';
import type { SpecFirstApi } from '../../src/extension';
import type { PreviewRenderReport } from '../../src/preview';
import { activate, codeOf, diagnosticsWhere, fixture, remove, workspaceRoot } from './helpers';
import { pause, previewOf, rendered } from './previewHelpers';

async function preview(api: SpecFirstApi, path: string): Promise<PreviewRenderReport> {
  return previewOf(api, fixture(path));
}

/** A new file name (with `extension`) beside the workspace folder, outside it. */
function outsideWorkspace(extension: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), '..', `spec-first-outside-${Date.now()}-${Math.floor(Math.random() * 1e6)}.${extension}`);
}

describe('Decision preview', () => {
  let api: SpecFirstApi;
  before(async () => { api = await activate(); });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('draws the one diagram of RFC 3668 (async closures)', async () => {
    const r = await preview(api, 'rust-rfcs/text/3668-async-closures.md');
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [1, 1, 0], JSON.stringify(r.errors));
    assert.equal(api.preview.current?.toString(), fixture('rust-rfcs/text/3668-async-closures.md').toString());
  });

  it('from the walkthrough\'s button (no text editor active), previews the record last active that is still open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = fixture('adr-tools/doc/adr/0002-implement-as-shell-scripts.md');
    await vscode.window.showTextDocument(uri, { preview: false }); // a preview tab would give its place to the walkthrough
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'spec-first.spec-first#gettingStarted', false);
    for (let i = 0; i < 100 && vscode.window.activeTextEditor; i++) await pause(50);
    assert.equal(vscode.window.activeTextEditor, undefined, 'the walkthrough is the active editor');
    const shown = rendered(api, uri);
    await vscode.commands.executeCommand('specFirst.showPreview');
    await shown;
    assert.equal(api.preview.current?.toString(), uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('follows the active editor and draws both diagrams of RFC 3691 (trusted publishing)', async () => {
    const r = await preview(api, 'rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [2, 2, 0], JSON.stringify(r.errors));
  });

  it('keeps its page when asked to show the document it shows: reported again, nothing redrawn', async () => {
    const uri = fixture('rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    await preview(api, 'rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    const again = await preview(api, 'rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    assert.equal(again.uri.toString(), uri.toString());
    assert.deepEqual([again.diagrams, again.rendered, again.drawn], [2, 2, 0]);
  });

  it('shows a broken diagram\'s error in place and still draws the rest', async () => {
    const r = await preview(api, 'problems/notes/diagrams.md');
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [2, 1, 1]);
    assert.equal(r.errors[0].index, 1);
    assert.equal(r.errors[0].line, 13, 'the 0-based line of the broken block\'s fence');
    assert.ok(r.errors[0].message.length > 0, 'Mermaid\'s message is reported');
  });

  it('updates while typing: a diagram added to the document is drawn', async () => {
    const uri = fixture('problems/notes/diagrams.md');
    await preview(api, 'problems/notes/diagrams.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.version; // the document is live: read after the edit, its version would be the new one
    const next = rendered(api, uri, r => r.version > before && r.diagrams === 3);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), '\n```mermaid\nsequenceDiagram\n  Alice->>Bob: Hello\n```\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const r = await next;
    assert.deepEqual([r.diagrams, r.rendered, r.failed], [3, 2, 1]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('renders a hostile record without failing (scripts and handlers are sanitized away)', async () => {
    const uri = fixture('problems/notes/hostile.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(
      '# Hostile\n\n<script>document.title = "pwned"</script>\n<img src="x" onerror="document.title = \'pwned\'">\n[click](javascript:alert(1))\n\n```mermaid\n%%{init: {"securityLevel": "loose"}}%%\nflowchart LR\n  A --> B\n  click A call alert()\n```\n'));
    try {
      const r = await preview(api, 'problems/notes/hostile.md');
      assert.deepEqual([r.diagrams, r.rendered, r.failed], [1, 1, 0]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
  it('reports a diagram Mermaid cannot draw as SF019 on its fenced block, and clears it once fixed', async () => {
    const uri = fixture('problems/notes/diagrams.md');
    await preview(api, 'problems/notes/diagrams.md');
    const [d] = await diagnosticsWhere(uri, ds => ds.some(x => codeOf(x) === 'SF019'));
    assert.equal(codeOf(d), 'SF019');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line], [13, 0, 17], 'opening fence to closing fence');
    assert.match(d.message, /^Mermaid cannot draw this diagram: /);
    assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith('/docs/rules/SF019.md'));

    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(15, 0, 17, 0), '  A --> B\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsWhere(uri, ds => !ds.some(x => codeOf(x) === 'SF019'));
    assert.equal(document.isDirty, true);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(uri, ds => ds.some(x => codeOf(x) === 'SF019'));

    // The preview moves to another document: the warning stays on what the preview showed, until an
    // edit moves the lines it was about (the preview no longer redraws it).
    await preview(api, 'rust-rfcs/text/3668-async-closures.md');
    assert.ok(vscode.languages.getDiagnostics(uri).some(x => codeOf(x) === 'SF019'));
    const again = new vscode.WorkspaceEdit();
    again.insert(uri, new vscode.Position(0, 0), '\n');
    assert.ok(await vscode.workspace.applyEdit(again));
    await diagnosticsWhere(uri, ds => !ds.some(x => codeOf(x) === 'SF019'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('puts SF019 through the lint settings like every rule: specFirst.lint.rules and specFirst.lint.enabled', async () => {
    const uri = fixture('problems/notes/diagrams.md');
    await preview(api, 'problems/notes/diagrams.md');
    await diagnosticsWhere(uri, ds => ds.some(x => codeOf(x) === 'SF019'));
    const config = vscode.workspace.getConfiguration('specFirst');
    try {
      await config.update('lint.rules', { 'mermaid-syntax': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri, ds => !ds.some(x => codeOf(x) === 'SF019'));
      await config.update('lint.rules', { SF019: 'error' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri, ds => ds.some(x => codeOf(x) === 'SF019' && x.severity === vscode.DiagnosticSeverity.Error));
      await config.update('lint.enabled', false, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri, ds => ds.length === 0);
    } finally {
      await config.update('lint.rules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('lint.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhere(uri, ds => ds.some(x => codeOf(x) === 'SF019' && x.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('keeps unchanged diagrams on an edit elsewhere: nothing is redrawn', async () => {
    const uri = fixture('rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    await preview(api, 'rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.version;
    const next = rendered(api, uri, r => r.version > before);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(2, 0), 'A line typed near the top.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const r = await next;
    assert.deepEqual([r.diagrams, r.rendered, r.drawn, r.blank], [2, 2, 0, 0]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows the colour theme live: diagrams are redrawn dark, then light again from the cache', async () => {
    const uri = fixture('rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    const first = await preview(api, 'rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    assert.equal(first.theme, 'default');
    const workbench = () => vscode.workspace.getConfiguration('workbench');
    const original = workbench().inspect<string>('colorTheme')?.globalValue;
    try {
      const dark = rendered(api, uri, r => r.theme === 'dark');
      await workbench().update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      const d = await dark;
      assert.deepEqual([d.diagrams, d.rendered, d.drawn], [2, 2, 2], 'both diagrams drawn in the dark theme');
      const light = rendered(api, uri, r => r.theme === 'default');
      await workbench().update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
      const l = await light;
      assert.deepEqual([l.diagrams, l.rendered, l.drawn], [2, 2, 0], 'the light SVGs come from the cache');
    } finally {
      await workbench().update('colorTheme', original, vscode.ConfigurationTarget.Global);
    }
  });

  it('stays on its document when locked, and follows the editor again when unlocked', async () => {
    const a = fixture('rust-rfcs/text/3668-async-closures.md');
    const b = fixture('rust-rfcs/text/3691-trusted-publishing-cratesio.md');
    await previewOf(api, a);
    await vscode.commands.executeCommand('specFirst.togglePreviewLock');
    try {
      assert.equal(api.preview.isLocked, true);
      await vscode.window.showTextDocument(b);
      await pause(500); // a preview that followed the editor would have switched by now
      assert.equal(api.preview.current?.toString(), a.toString(), 'a locked preview stays on its document');
      const shown = rendered(api, b);
      await vscode.commands.executeCommand('specFirst.togglePreviewLock');
      assert.equal(api.preview.isLocked, false);
      assert.equal(api.preview.current?.toString(), b.toString(), 'unlocked, it shows the active editor\'s document');
      await shown;
    } finally {
      if (api.preview.isLocked) await vscode.commands.executeCommand('specFirst.togglePreviewLock');
    }
  });
  it('reads the status badge with the record\'s vocabulary: "On hold" where the project configures it, and follows the configuration', async () => {
    const record = fixture('parity/services/pay/docs/adr/0002-pause-instant-payouts.md');
    const onHold = { text: 'On hold', classes: ['sf-status-on-hold', 'sf-status-custom'] };
    assert.deepEqual((await previewOf(api, record)).statusBadge, onHold, 'services/pay/.spec-first.json lists "on hold"');
    const elsewhere = await preview(api, 'parity/docs/decisions/0003-provide-own-madr-tools.md');
    assert.deepEqual(elsewhere.statusBadge, { text: 'on hold', classes: ['sf-status-unknown'] }, 'outside that project, "on hold" is no status');

    const config = fixture('parity/services/pay/.spec-first.json');
    const original = await vscode.workspace.fs.readFile(config);
    await previewOf(api, record);
    const unknown = rendered(api, record, r => r.statusBadge?.classes[0] === 'sf-status-unknown');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "statuses": ["proposed", "accepted", "superseded"] }\n'));
    try {
      assert.equal((await unknown).statusBadge?.text, 'on hold', 'the open preview reads the status again when the vocabulary changes');
    } finally {
      const back = rendered(api, record, r => r.statusBadge?.text === 'On hold');
      await vscode.workspace.fs.writeFile(config, original);
      await back;
    }
  });

  it('loads images from the workspace only: not from outside it, never from the network (a placeholder shows the URL)', async () => {
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), c => c.charCodeAt(0));
    const image = fixture('problems/notes/images/pixel.png');
    const doc = fixture('problems/notes/images.md');
    // A real file outside the workspace (beside its folder), reached with enough `../`: localResourceRoots must refuse it.
    const outside = outsideWorkspace('png');
    await vscode.workspace.fs.writeFile(outside, png);
    const up = '../'.repeat(doc.path.split('/').length + 2);
    await vscode.workspace.fs.writeFile(image, png);
    await vscode.workspace.fs.writeFile(doc, new TextEncoder().encode(
      `# Images\n\n![pixel](images/pixel.png)\n\n![missing](images/missing.png)\n\n![outside](${up}${outside.path.replace(/^\//, '')})\n\n![remote](https://example.com/pixel.png)\n`));
    try {
      const r = await previewOf(api, doc);
      assert.deepEqual(r.images, { loaded: 1, failed: 2, remote: 1 });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(fixture('problems/notes/images'));
      await remove(doc);
      await remove(outside);
    }
  });

  it('shows images the browser reads as remote (/\\host, \\\\host, \\/host, with a tab) as placeholders', async () => {
    const doc = fixture('problems/notes/slashes.md');
    await vscode.workspace.fs.writeFile(doc, new TextEncoder().encode(
      '# Slashes\n\n<img src="/\\example.com/a.png" alt="a">\n\n<img src="\\\\example.com/b.png">\n\n<img src="\\/example.com/c.png">\n\n<img src="/&#9;/example.com/d.png">\n'));
    try {
      const r = await previewOf(api, doc);
      assert.deepEqual(r.images, { loaded: 0, failed: 0, remote: 4 }, 'no image element is left to load');
      assert.equal(r.audit.remoteImages, 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(doc);
    }
  });

  it('shows a part it cannot render as an error with its text, and renders the rest (a 2 KB line of >)', async () => {
    const doc = fixture('problems/notes/deep.md');
    await vscode.workspace.fs.writeFile(doc, new TextEncoder().encode(
      `# Deep\n\nBefore.\n\n## Quotes\n\n${'>'.repeat(2048)}\n\n## After\n\n\`\`\`mermaid\nflowchart LR\n  A --> B\n\`\`\`\n`));
    try {
      const r = await previewOf(api, doc);
      assert.deepEqual([r.diagrams, r.rendered, r.failed, r.blank], [1, 1, 0, 0], 'the section after it is drawn');
      // The renderer overflows its stack on this section today; one that handles it renders it.
      for (const e of r.renderErrors) {
        assert.equal(e.line, 4, 'only the section that failed, from its heading');
        assert.match(e.message, /\S/);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(doc);
    }
  });

  it('keeps Mermaid\'s default limits for a record: over 50,000 characters or 500 edges is an error box', async () => {
    const doc = fixture('problems/notes/huge-diagrams.md');
    const long = `flowchart TB\n${Array.from({ length: 1200 }, (_, i) => `  n${i}["${'x'.repeat(40)}"]`).join('\n')}`;
    const edges = `flowchart TB\n${Array.from({ length: 501 }, (_, i) => `  a${i} --> a${i + 1}`).join('\n')}`;
    assert.ok(long.length > 50000 && edges.length < 50000);
    await vscode.workspace.fs.writeFile(doc, new TextEncoder().encode(`# Huge\n\n\`\`\`mermaid\n${long}\n\`\`\`\n\n\`\`\`mermaid\n${edges}\n\`\`\`\n`));
    try {
      const r = await previewOf(api, doc, 60000);
      assert.deepEqual([r.diagrams, r.rendered, r.failed], [2, 0, 2], JSON.stringify(r.errors.map(e => e.message.slice(0, 100))));
      assert.match(r.errors[0].message, /maxTextSize/);
      assert.match(r.errors[1].message, /Edge limit exceeded/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(doc);
    }
  });

  it('opens a link to a file of the workspace folder, and refuses one that leaves it', async () => {
    const doc = fixture('problems/notes/links.md');
    const outside = outsideWorkspace('md');
    const outsideName = basename(outside.path);
    await vscode.workspace.fs.writeFile(outside, new TextEncoder().encode('# Outside the workspace\n'));
    await vscode.workspace.fs.writeFile(doc, new TextEncoder().encode(`# Links\n\n[in](../docs/adr/0001-x.md) [out](../../../${outsideName})\n`));
    const isOpen = (file: vscode.Uri) => vscode.workspace.textDocuments.some(d => d.uri.toString() === file.toString());
    try {
      await previewOf(api, doc);
      for (const href of [`../../../${outsideName}`, `..\\..\\..\\${outsideName}`, `/../${outsideName}`, `../../..%2F${outsideName}`]) {
        await api.preview.openLink(href);
        assert.equal(isOpen(outside), false, `${href} was opened`);
      }
      const inside = fixture('adr-tools/doc/adr/0001-record-architecture-decisions.md');
      await api.preview.openLink('../../adr-tools/doc/adr/0001-record-architecture-decisions.md#status');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), inside.toString(), 'a link inside the folder opens');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(doc);
      await remove(outside);
    }
  });
});
