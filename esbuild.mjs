// Builds every bundle of the project with esbuild.
//   dist/extension.js        the extension host in Node (CommonJS, `vscode` external)
//   dist/yaml.js             the `yaml` package, which dist/extension.js loads on first use
//   dist/web/extension.js    the same host code for the browser's web worker extension host (vscode.dev,
//                            github.dev): one CommonJS file, `vscode` external, no Node built-in
//   dist/webview/preview.js  the preview's browser code (IIFE)
//   dist/webview/mermaid.js  Mermaid, which preview.js loads with the first diagram (IIFE)
//   dist/webview/health.js   the health report's browser code (IIFE)
//   dist/cli.js, dist/mermaid-check.js  the spec-first CLI, and its Mermaid check (loaded on demand)
//   packages/cli/dist/*      the same two, minified, for the CLI's own npm package (only with --cli-package)
//   out/test/unit/*.js       unit tests, each bundled so ESM-only packages (unified, remark) load in plain Node
//   out/test/integration/*   the suites run inside the VS Code extension host (Node)
//   out/test/integration/web/index.js  the web suite, one file for the web worker extension host
//   out/bench/*.js           benchmark scripts
// Usage: node esbuild.mjs [--production] [--watch] [--cli-package]
// Imported (test/unit/bundles.test.ts), it builds nothing and exports the extension-host bundles' options.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Every `.ts` file under `dir` (recursively) whose name matches `pattern`. */
function filesUnder(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && pattern.test(e.name))
    .map(e => join(e.parentPath ?? e.path, e.name));
}

/**
 * Fails the build when a module imports a Node built-in (`fs`, `node:path`, `assert`…): the web worker
 * extension host has none, and esbuild would otherwise resolve a bare name such as `assert` or `util` to
 * a same-named npm package when one happens to be installed, a polyfill nobody chose. `substitutes` maps
 * a built-in to a module that stands in for it on purpose (the web suite's `node:assert/strict`).
 */
export function noNodeBuiltins(substitutes = {}) {
  const builtins = new Set(builtinModules);
  return {
    name: 'no-node-builtins',
    setup(build) {
      build.onResolve({ filter: /^[a-z_:][\w./:-]*$/ }, args => {
        if (!args.path.startsWith('node:') && !builtins.has(args.path)) return undefined;
        if (substitutes[args.path]) return { path: resolve(substitutes[args.path]) };
        return { errors: [{ text: `"${args.path}" is a Node built-in, and the web worker extension host has none (keep Node-only code out of the browser build)` }] };
      });
    },
  };
}

/** Options of a bundle that runs in Node, minified without source maps when `production`. */
const nodeOptions = production => ({
  bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  sourcemap: !production, minify: production, logLevel: 'warning',
  // Never the `development` condition: it pulls in slow debug builds of the unified ecosystem.
  conditions: ['node', 'import', 'default'], mainFields: ['module', 'main'],
});
const node = nodeOptions(production);

/** The web suite's folder: its files are bundled into one, for the web worker host. */
const WEB_SUITE = join('test/integration/web', '/');

/** Options of a bundle for the web worker extension host, which evaluates one CommonJS file whose `require` knows only `vscode`. */
const webWorkerOptions = production => ({
  bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'],
  sourcemap: !production, minify: production, logLevel: 'warning',
  conditions: ['browser', 'import', 'default'], mainFields: ['browser', 'module', 'main'],
});
const webWorker = webWorkerOptions(production);

/**
 * The extension host's two bundles, the same code from `src/extension.ts`: `node` (dist/extension.js,
 * package.json's `main`) and `web` (dist/web/extension.js, its `browser`), with a `production` build's
 * options or a development build's.
 */
export function extensionHostBundles(production) {
  return {
    // `yaml` is loaded on first use (src/util/lazyYaml.ts): activation never evaluates it.
    node: { ...nodeOptions(production), entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './yaml.js'], alias: { yaml: './src/util/lazyYaml.ts' } },
    web: { ...webWorkerOptions(production), entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', plugins: [noNodeBuiltins()] },
    // The package for the Node bundle's first use, from its ES module build (the same code the web bundle
    // takes: the CommonJS build cannot be tree-shaken).
    yaml: { ...nodeOptions(production), entryPoints: ['./node_modules/yaml/browser/index.js'], outfile: 'dist/yaml.js' },
  };
}

const builds = [
  ...Object.values(extensionHostBundles(production)),
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
  {
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: false,
    logLevel: 'warning', entryPoints: ['src/webview/mermaidBundle.ts'], outfile: 'dist/webview/mermaid.js',
  },
  {
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: false,
    logLevel: 'warning', entryPoints: ['src/webview/health.ts'], outfile: 'dist/webview/health.js',
  },
  // recheck (a native binary it finds through its package), the TypeScript compiler, esbuild and vsce load from node_modules, unbundled.
  { ...node, sourcemap: true, minify: false, entryPoints: filesUnder('test/unit', /\.test\.ts$/), outdir: 'out/test/unit', outbase: 'test/unit', external: ['mocha', 'recheck', 'typescript', 'esbuild', '@vscode/vsce'] },
  {
    ...node, sourcemap: true, minify: false, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'],
    entryPoints: filesUnder('test/integration', /\.ts$/).filter(f => !f.startsWith(WEB_SUITE)),
  },
  // The web suite: mocha's browser build, the tests, and the npm port of Node's assert standing in for
  // `node:assert/strict`, whose few `process` reads (debug and terminal checks) are answered at build time.
  {
    ...webWorker, sourcemap: true, minify: false, entryPoints: ['test/integration/web/index.ts'], outfile: 'out/test/integration/web/index.js',
    plugins: [noNodeBuiltins({ 'node:assert/strict': 'test/integration/web/assertStrict.cjs' })],
    define: { 'process.env.NODE_DEBUG': 'undefined', 'process.stderr': 'undefined', 'process.emitWarning': 'undefined' },
  },
  { ...node, sourcemap: false, minify: false, entryPoints: filesUnder('bench', /\.ts$/), outdir: 'out/bench', outbase: 'bench' },
].filter(b => b.entryPoints.length > 0);

// --cli-package (what `npm pack` in packages/cli runs): only the CLI's two bundles, into that package's dist/.
const selected = !process.argv.includes('--cli-package') ? builds : builds
  .filter(b => ['dist/cli.js', 'dist/mermaid-check.js'].includes(b.outfile))
  .map(b => ({ ...b, outfile: `packages/cli/${b.outfile}`, minify: true, sourcemap: false }));

/** Whether this file runs as the build script (`node esbuild.mjs`) rather than imported. */
const isScript = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isScript && watch) {
  for (const b of selected) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else if (isScript) {
  const t = Date.now();
  await Promise.all(selected.map(b => esbuild.build(b)));
  console.log(`esbuild: ${selected.length} bundles in ${Date.now() - t} ms${production ? ' (production)' : ''}`);
}
