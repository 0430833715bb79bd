/**
 * The web suite's entry point, loaded as `extensionTestsPath` by the web worker extension host, which
 * fetches this one file, evaluates it as a CommonJS module whose `require` knows only `vscode`, and
 * calls `run()` (a Promise: resolved, the run passed). esbuild bundles it with mocha's browser build
 * (setup.ts) and the test files listed below: the integration tests that need no Node, unchanged.
 * Those that do stay in the Node suite; test/README.md lists them, each with the reason.
 * `--grep` reaches it as the user setting `specFirstTests.grep` (test/host/run.mjs writes it): a web
 * worker has no environment.
 */
import './setup';
import './webWorker.test';
import '../badInput.test';
import '../crossRecord.test';
import '../explorer.test';
import '../explorerViews.test';
import '../health.test';
import '../hostileConfig.test';
import '../lifecycle.test';
import '../lint.test';
import '../lintEngine.test';
import '../newAdr.test';
import '../preview.test';
import '../references.test';
import '../referenceLint.test';
import '../renumberReferences.test';
import '../undo.test';
import * as vscode from 'vscode';
import { runMocha } from '../runMocha';

export function run(): Promise<void> {
  const grep = vscode.workspace.getConfiguration('specFirstTests').get<string>('grep') || undefined;
  return runMocha(mocha, { grep, where: 'the web suite', print: line => console.log(line) });
}
