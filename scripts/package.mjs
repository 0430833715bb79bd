// Packs the extension into dist-vsix/spec-first-<version>.vsix with vsce (which runs `vscode:prepublish`,
// the production build, first). The bundles carry their dependencies, hence --no-dependencies. While
// package.json names no repository (src/core/projectHome.ts has no public home yet), vsce would stop to
// ask about it and could not turn the README's relative links and images into absolute ones, so the
// package keeps them relative (VS Code shows them from the installed extension's own files) and says so.
// Usage: node scripts/package.mjs [more vsce package options]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');

const args = ['package', '--no-dependencies', '--out', 'dist-vsix/'];
if (!manifest.repository) {
  process.stderr.write('WARNING  package.json names no repository yet: set PROJECT_HOME in src/core/projectHome.ts and run node scripts/project-home.mjs. Until then the README keeps relative links.\n');
  args.push('--allow-missing-repository', '--no-rewrite-relative-links');
}
mkdirSync(new URL('dist-vsix', root), { recursive: true });
const run = spawnSync(process.execPath, [vsce, ...args, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
