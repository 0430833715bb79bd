/**
 * The web suite must fail when it does not run where vscode.dev and github.dev run Spec-First: in the
 * browser's web worker extension host, from the `browser` entry. VS Code runs an extension's tests in the
 * host that runs the extension, so a suite without Node's `process`, in a worker, proves both.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate } from '../helpers';

describe('The web worker extension host', () => {
  it('runs this suite in a web worker, without Node', () => {
    const scope = globalThis as { process?: unknown; WorkerGlobalScope?: abstract new () => unknown };
    assert.equal(typeof scope.process, 'undefined', 'Node\'s process is defined: the suite runs in the Node extension host');
    assert.ok(scope.WorkerGlobalScope && globalThis instanceof scope.WorkerGlobalScope, 'not a web worker');
  });

  it('runs Spec-First on the browser side (extensionKind UI), activated from its browser entry', async () => {
    const extension = vscode.extensions.getExtension('spec-first.spec-first');
    assert.ok(extension);
    assert.equal(extension.packageJSON.browser, './dist/web/extension.js');
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'a remote Node host reports Workspace');
    const api = await activate();
    await api.index.ready();
    assert.ok(api.index.all().length > 0, 'the index found the fixture workspace\'s records');
  });
});
