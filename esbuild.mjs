// Builds every bundle of the project with esbuild.
//   dist/extension.js        the extension host (node, CommonJS, `vscode` external)
//   dist/webview/preview.js  the preview's browser code, with Mermaid (IIFE)
//   dist/cli.js, dist/mermaid-check.js  the spec-first CLI, and its Mermaid check (loaded on demand)
//   packages/cli/dist/*      the same two, minified, for the CLI's own npm package (only with --cli-package)
//   out/test/unit/*.js       unit tests, each bundled so ESM-only packages (unified, remark) load in plain Node
//   out/test/integration/*   the suite run inside the VS Code extension host
//   out/bench/*.js           benchmark scripts
// Usage: node esbuild.mjs [--production] [--watch] [--cli-package]
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Every `.ts` file under `dir` (recursively) whose name matches `pattern`. */
function filesUnder(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && pattern.test(e.name))
    .map(e => join(e.parentPath ?? e.path, e.name));
}

const node = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  sourcemap: !production, minify: production, logLevel: 'warning',
  // Never the `development` condition: it pulls in slow debug builds of the unified ecosystem.
  conditions: ['node', 'import', 'default'], mainFields: ['module', 'main'],
};

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/cli/main.ts'].filter(existsSync), outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's Mermaid check, loaded only when a record has a diagram. Mermaid's DOMPurify is replaced by
  // a stub: this bundle parses and never draws (see src/cli/dompurifyStub.ts).
  {
    ...node, minify: true, sourcemap: false, entryPoints: ['src/cli/mermaidCheck.ts'], outfile: 'dist/mermaid-check.js',
    alias: { dompurify: './src/cli/dompurifyStub.ts' }, logLevel: 'error',
  },
  {
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: false,
    logLevel: 'warning', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/preview.js',
  },
  // recheck (a native binary it finds through its package) and the TypeScript compiler load from node_modules, unbundled.
  { ...node, sourcemap: true, minify: false, entryPoints: filesUnder('test/unit', /\.test\.ts$/), outdir: 'out/test/unit', outbase: 'test/unit', external: ['mocha', 'recheck', 'typescript'] },
  {
    ...node, sourcemap: true, minify: false, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'],
    entryPoints: filesUnder('test/integration', /\.ts$/),
  },
  { ...node, sourcemap: false, minify: false, entryPoints: filesUnder('bench', /\.ts$/), outdir: 'out/bench', outbase: 'bench' },
].filter(b => b.entryPoints.length > 0);

// --cli-package (what `npm pack` in packages/cli runs): only the CLI's two bundles, into that package's dist/.
const selected = !process.argv.includes('--cli-package') ? builds : builds
  .filter(b => ['dist/cli.js', 'dist/mermaid-check.js'].includes(b.outfile))
  .map(b => ({ ...b, outfile: `packages/cli/${b.outfile}`, minify: true, sourcemap: false }));

if (watch) {
  for (const b of selected) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  const t = Date.now();
  await Promise.all(selected.map(b => esbuild.build(b)));
  console.log(`esbuild: ${selected.length} bundles in ${Date.now() - t} ms${production ? ' (production)' : ''}`);
}
