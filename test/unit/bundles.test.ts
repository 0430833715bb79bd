/**
 * The extension host's two bundles, built here with the options of `npm run build:production`
 * (esbuild.mjs `extensionHostBundles`): each at most 340 KB minified (Mermaid belongs in the webview's
 * bundle); the Node host's without `yaml`, which it loads on first use from dist/yaml.js; and the web
 * worker's a single file that requires nothing but `vscode`. Its build refuses
 * any Node built-in, even one an installed npm package of the same name could stand in for.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');
/**
 * The budget of each extension-host bundle, minified. 300 KB until December 2026, when decision
 * references in source code (`ignore` for `.gitignore`: 8 KB), the reference rules, and the Needs
 * Attention view brought them to 324 KB; `yaml` alone is 96 KB of it, and the Node host's bundle now
 * loads it on first use from dist/yaml.js (outside the budget). The health report's page is
 * drawn by its own webview script, outside this budget, as the preview's is.
 */
const BUDGET_BYTES = 340 * 1024;

interface BuildScript {
  extensionHostBundles(production: boolean): Record<'node' | 'web' | 'yaml', esbuild.BuildOptions>;
}

/** esbuild.mjs, imported (it builds nothing then). */
function buildScript(): Promise<BuildScript> {
  return import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href) as Promise<BuildScript>;
}

/** Builds `options` in memory from the repository's root; resolves with the one output file's text. */
async function buildText(options: esbuild.BuildOptions): Promise<string> {
  const result = await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, logLevel: 'silent' });
  const js = (result.outputFiles ?? []).filter(f => f.path.endsWith('.js'));
  assert.equal(js.length, 1, 'one file');
  return js[0].text;
}

describe('Extension host bundles (production build)', function () {
  this.timeout(60000);
  let bundles: Record<'node' | 'web' | 'yaml', esbuild.BuildOptions>;
  before(async () => { bundles = (await buildScript()).extensionHostBundles(true); });

  for (const host of ['node', 'web'] as const) {
    it(`${host}: at most ${BUDGET_BYTES / 1024} KB minified`, async () => {
      const text = await buildText(bundles[host]);
      const bytes = new TextEncoder().encode(text).length;
      console.log(`      ${host}: ${(bytes / 1024).toFixed(1)} KB`);
      assert.ok(bytes <= BUDGET_BYTES, `${bundles[host].outfile} is ${bytes} bytes, over the budget of ${BUDGET_BYTES}`);
    });
  }

  it('node: yaml is not in it, and loads on first use from dist/yaml.js, which exports what the core imports', async () => {
    const text = await buildText(bundles.node);
    assert.ok(!text.includes('YAMLParseError'), 'no yaml code in dist/extension.js');
    const required = new Set([...text.matchAll(/\brequire\("([^"]*)"\)/g)].map(m => m[1]));
    assert.deepEqual([...required].sort(), ['./yaml.js', 'vscode']);
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', await buildText(bundles.yaml))(module, module.exports, require);
    for (const name of ['parseDocument', 'stringify', 'isMap', 'isSeq', 'isScalar', 'isPair', 'isCollection']) assert.equal(typeof module.exports[name], 'function', name);
    const parse = module.exports.parseDocument as (text: string) => { toJS(): unknown };
    assert.deepEqual(parse('status: accepted\ntags: [a, b]\n').toJS(), { status: 'accepted', tags: ['a', 'b'] });
  });

  it('web: one CommonJS file that requires nothing but vscode', async () => {
    const text = await buildText(bundles.web);
    const required = new Set([...text.matchAll(/\brequire\("([^"]*)"\)/g)].map(m => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });

  for (const imported of ['node:path', 'fs', 'assert']) {
    it(`web: the build fails on an import of ${imported}`, async () => {
      const options = { ...bundles.web, entryPoints: undefined, outfile: undefined, stdin: { contents: `import * as m from '${imported}';\nconsole.log(m);\n`, resolveDir: ROOT, loader: 'ts' as const } };
      await assert.rejects(buildText(options), (error: esbuild.BuildFailure) => error.errors.some(e => e.text.includes(`"${imported}" is a Node built-in`)));
    });
  }
});
