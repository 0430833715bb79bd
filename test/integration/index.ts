/**
 * The main integration suite's entry point, loaded by the extension host as `extensionTestsPath` (what
 * @vscode/test-electron expects: a module exporting `run(): Promise<void>`). Runs every `*.test.js`
 * bundle beside it (esbuild writes test/integration/*.ts to out/test/integration/) in mocha; the
 * Restricted Mode suite in `trust/` runs in a host of its own (test/host/run.mjs).
 */
import { runSuite } from './suite';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
