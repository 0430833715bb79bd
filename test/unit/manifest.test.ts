/**
 * The extension's manifest is ready for the Visual Studio Marketplace and Open VSX, whose `ovsx` CLI
 * verifies nothing before it uploads: the fields they require and show (the Extension Manifest
 * reference), the icon a 128×128 PNG read from its IHDR chunk, the categories among the Marketplace's,
 * and every file the manifest and the README name inside the package as vsce lists it. The project's
 * public home has one source, src/core/projectHome.ts: the manifests' `repository`, `bugs` and
 * `homepage` and the SARIF rules' `helpUri` follow it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { RULE_LIST } from '../../src/core/lint';
import { PROJECT_HOME, projectLinks, ruleDocsUrl } from '../../src/core/projectHome';
import { sarifOutput } from '../../src/cli/output';

const ROOT = path.resolve(__dirname, '../../..');

/** A JSON object, as a manifest is read. */
type Manifest = Record<string, unknown>;

const readManifest = (file: string): Manifest => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Manifest;

/** The Marketplace's categories (the Extension Manifest reference's `categories`). */
const MARKETPLACE_CATEGORIES = new Set([
  'AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers',
  'Snippets', 'Testing', 'Themes', 'Visualization',
]);

/** A walkthrough of `contributes.walkthroughs`, as the Extension Manifest reference describes it. */
interface Walkthrough {
  readonly title: string;
  readonly description: string;
  readonly steps: readonly {
    readonly id: string;
    readonly description: string;
    readonly media: { readonly image: string; readonly altText: string };
    readonly completionEvents: readonly string[];
  }[];
}

/** The workbench's commands the walkthrough's buttons run. */
const BUILT_IN_COMMANDS = new Set(['workbench.view.extension.specFirst', 'workbench.action.openSettings', 'workbench.actions.view.problems']);

/** At most this many keywords: vsce refuses more. */
const MAX_KEYWORDS = 30;

const SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[\da-z-]+(?:\.[\da-z-]+)*)?(?:\+[\da-z-]+(?:\.[\da-z-]+)*)?$/i;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height, from its IHDR chunk (the first, right after the signature), or undefined when `bytes` is no PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * What keeps `manifest` (package.json, read from `root`) from the Marketplace or Open VSX: one line per
 * missing or wrong field, none when it is ready. A missing `repository` is accepted only while the
 * project has no public home (`home` undefined), the documented reason.
 */
function manifestProblems(manifest: Manifest, root: string, home: string | undefined): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => { if (!ok) problems.push(problem); };
  const { name, publisher, version, engines, license, displayName, description, icon, categories, keywords, galleryBanner } = manifest;
  need(typeof name === 'string' && /^[a-z\d][a-z\d-]*$/.test(name), 'name: lower case letters, digits and hyphens');
  need(typeof publisher === 'string' && /^[a-z\d][a-z\d-]*$/i.test(publisher), 'publisher: letters, digits and hyphens');
  need(typeof version === 'string' && SEMVER.test(version), 'version: a semantic version');
  const vscode = (engines as Manifest | undefined)?.vscode;
  need(typeof vscode === 'string' && /^[\^~>=]*\d+\.\d+\.\d+$/.test(vscode), 'engines.vscode: the lowest VS Code version, such as ^1.90.0');
  need(license === 'MIT' && /^MIT License$/m.test(readIfExists(root, 'LICENSE')), 'license: MIT, with the MIT licence in LICENSE');
  need(nonEmptyString(displayName), 'displayName');
  need(nonEmptyString(description), 'description');
  const size = typeof icon === 'string' && existsSync(path.join(root, icon)) ? pngSize(readFileSync(path.join(root, icon))) : undefined;
  need(size?.width === 128 && size.height === 128, 'icon: a 128×128 PNG file');
  const banner = galleryBanner as Manifest | undefined;
  need(typeof banner?.color === 'string' && /^#[\da-f]{6}$/i.test(banner.color) && (banner.theme === 'dark' || banner.theme === 'light'), 'galleryBanner: a #rrggbb color and a dark or light theme');
  need(Array.isArray(categories) && categories.length > 0 && categories.every(c => MARKETPLACE_CATEGORIES.has(c as string)), 'categories: one or more of the Marketplace\'s');
  need(Array.isArray(keywords) && keywords.length > 0 && keywords.length <= MAX_KEYWORDS && keywords.every(nonEmptyString), `keywords: 1 to ${MAX_KEYWORDS}`);
  need(home !== undefined || manifest.repository === undefined, 'repository: none while src/core/projectHome.ts has no public home');
  need(home === undefined || nonEmptyString((manifest.repository as Manifest | undefined)?.url), 'repository: the project\'s public home');
  return problems;
}

function readIfExists(root: string, file: string): string {
  const full = path.join(root, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : '';
}

/** The files `vsce package` puts in the .vsix, as `vsce ls` lists them (with `/`). */
function packagedFiles(): Set<string> {
  const r = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return new Set(r.stdout.split('\n').map(line => line.trim()).filter(Boolean));
}

describe('Extension manifest: Marketplace and Open VSX', () => {
  const manifest = readManifest('package.json');

  it('has every field the Marketplace and Open VSX require or show', () => {
    assert.deepEqual(manifestProblems(manifest, ROOT, PROJECT_HOME), []);
  });

  it('reports each required field when it is missing', () => {
    for (const field of ['name', 'publisher', 'version', 'engines', 'license', 'displayName', 'description', 'icon', 'galleryBanner', 'categories', 'keywords']) {
      const { [field]: _removed, ...rest } = manifest;
      assert.equal(manifestProblems(rest, ROOT, PROJECT_HOME).length, 1, field);
    }
    assert.equal(manifestProblems({ ...manifest, repository: undefined }, ROOT, 'https://github.com/owner/spec-first').length, 1, 'repository once there is a home');
  });

  it('reports a wrong field: a non-semver version, an SVG or unsized icon, an unknown category', () => {
    assert.equal(manifestProblems({ ...manifest, version: '0.1' }, ROOT, PROJECT_HOME).length, 1);
    assert.equal(manifestProblems({ ...manifest, icon: 'media/decisions.svg' }, ROOT, PROJECT_HOME).length, 1);
    assert.equal(manifestProblems({ ...manifest, icon: 'docs/images/preview-light.png' }, ROOT, PROJECT_HOME).length, 1);
    assert.equal(manifestProblems({ ...manifest, categories: ['Architecture'] }, ROOT, PROJECT_HOME).length, 1);
    assert.equal(manifestProblems({ ...manifest, license: 'Apache-2.0' }, ROOT, PROJECT_HOME).length, 1);
  });

  it('packs the icon, the licence and every image the README shows, named by relative paths', function () {
    this.timeout(120_000); // vsce lists the package: slow on a busy machine
    const files = packagedFiles();
    for (const file of [manifest.icon as string, 'LICENSE', 'README.md', 'CHANGELOG.md']) assert.ok(files.has(file), file);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]\n]*\]\(([^)\s]+)\)/g)].map(m => m[1]);
    assert.ok(images.length > 0, 'the README shows images');
    for (const image of images) {
      assert.ok(!/^[a-z][\w+.-]*:/i.test(image) && !image.startsWith('/'), `${image}: relative, so vsce can make it absolute from the repository`);
      assert.ok(!/\.svg$/i.test(image), `${image}: the Marketplace refuses SVG images in a README`);
      assert.ok(files.has(image), `${image}: in the package`);
    }
  });

  it('packs every bundle the extension loads: both hosts\' entries, yaml (loaded on first use), the webviews\' scripts and Mermaid\'s', function () {
    this.timeout(120_000);
    const files = packagedFiles();
    const bundles = [manifest.main, manifest.browser].map(entry => String(entry).replace(/^\.\//, ''));
    for (const file of [...bundles, 'dist/yaml.js', 'dist/webview/preview.js', 'dist/webview/mermaid.js', 'dist/webview/health.js']) assert.ok(files.has(file), `${file}: in the package`);
    assert.ok(![...files].some(f => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('out/')), 'no source map, source or test in the package');
  });

  it('the "Get started" walkthrough: each step a packed, small image, a button, and completion events its buttons fire', function () {
    this.timeout(120_000);
    const files = packagedFiles();
    const contributes = manifest.contributes as { walkthroughs: Walkthrough[]; commands: { command: string }[] };
    const ours = new Set(contributes.commands.map(c => c.command));
    const [walkthrough] = contributes.walkthroughs;
    assert.ok(walkthrough.title && walkthrough.description, 'a title and a description');
    const fired: string[] = [];
    for (const step of walkthrough.steps) {
      const { image, altText } = step.media;
      assert.ok(files.has(image), `${step.id}: ${image} in the package`);
      assert.ok(statSync(path.join(ROOT, image)).size <= 20_000, `${step.id}: ${image} is at most 20 KB`);
      assert.ok(altText, `${step.id}: alt text`);
      const buttons = [...step.description.matchAll(/\(command:([\w.]+)/g)].map(m => m[1]);
      assert.ok(buttons.length > 0, `${step.id}: a button`);
      for (const command of buttons) assert.ok(ours.has(command) || BUILT_IN_COMMANDS.has(command), `${step.id}: ${command} is a command`);
      const onCommand = step.completionEvents.filter(e => e.startsWith('onCommand:')).map(e => e.slice('onCommand:'.length));
      assert.ok(step.completionEvents.length > 0, `${step.id}: completion events`);
      for (const command of onCommand) assert.ok(buttons.includes(command), `${step.id}: ${command} is one of its buttons`);
      fired.push(...onCommand);
    }
    for (const command of ['specFirst.newAdr', 'workbench.actions.view.problems', 'specFirst.showPreview', 'specFirst.showGraph']) {
      assert.ok(fired.includes(command), `a step is done by ${command}`);
    }
  });
});

describe('Project home: one source for the manifests and the rules\' links', () => {
  it('package.json and the CLI\'s package.json name the home of src/core/projectHome.ts, or none', () => {
    for (const [file, directory] of [['package.json', undefined], ['packages/cli/package.json', 'packages/cli']] as const) {
      const manifest = readManifest(file);
      const expected = PROJECT_HOME === undefined ? {} : projectLinks(PROJECT_HOME, directory);
      assert.deepEqual({ repository: manifest.repository, bugs: manifest.bugs, homepage: manifest.homepage },
        { repository: undefined, bugs: undefined, homepage: undefined, ...expected }, file);
    }
    const check = spawnSync(process.execPath, ['scripts/project-home.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('projectLinks: npm\'s forms, the directory of a package inside the repository', () => {
    assert.deepEqual(projectLinks('https://github.com/owner/spec-first', 'packages/cli'), {
      repository: { type: 'git', url: 'git+https://github.com/owner/spec-first.git', directory: 'packages/cli' },
      bugs: { url: 'https://github.com/owner/spec-first/issues' },
      homepage: 'https://github.com/owner/spec-first/tree/main/packages/cli#readme',
    });
  });

  it('SARIF: each rule links to its page in the repository once there is a home, and to nothing before', () => {
    const rules = (home: string | undefined) =>
      (JSON.parse(sarifOutput([], home)) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] }).runs[0].tool.driver.rules;
    const linked = rules('https://github.com/owner/spec-first');
    assert.equal(linked.length, RULE_LIST.length);
    for (const rule of linked) {
      assert.equal(rule.helpUri, `https://github.com/owner/spec-first/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(existsSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`)), `${rule.id}: its page exists`);
    }
    assert.ok(rules(undefined).every(r => !('helpUri' in r)));
    assert.equal(ruleDocsUrl('SF001', undefined), undefined);
  });
});
