// @vscode/test-cli configuration, for machines that can download VS Code desktop: `npm run build`, then
// `npx vscode-test` runs the integration suite (out/test/integration/*.test.js) in VS Code stable, with
// the fixture workspace open (opened in place: the tests' scratch files are gitignored and removed by
// the tests). Offline, and in CI, `npm run test:integration` (test/host/run.mjs) runs the same suite in
// the VS Code Server 1.96.4 that the project provisions from the npm registry.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: 'test/fixtures/workspace',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30000, color: false },
});
