// Writes the project's public home, PROJECT_HOME in src/core/projectHome.ts, into the manifests that
// name it: `repository`, `bugs` and `homepage` of package.json (the extension) and of
// packages/cli/package.json (the CLI), placed after `license`; with no home, it removes them.
// Usage: node scripts/project-home.mjs [--check]   (--check changes nothing and fails when a manifest is out of step)
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

const root = new URL('..', import.meta.url);
const FIELDS = ['repository', 'bugs', 'homepage'];
const MANIFESTS = [{ file: 'package.json' }, { file: 'packages/cli/package.json', directory: 'packages/cli' }];

const source = readFileSync(new URL('src/core/projectHome.ts', root), 'utf8');
const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
const { PROJECT_HOME, projectLinks } = await import(`data:text/javascript,${encodeURIComponent(code)}`);

/** The manifest with its home fields replaced by `links` (none when undefined), keys otherwise in order. */
function withLinks(manifest, links) {
  const out = {};
  for (const [key, value] of Object.entries(manifest)) {
    if (FIELDS.includes(key)) continue;
    out[key] = value;
    if (key === 'license' && links) Object.assign(out, links);
  }
  return out;
}

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, directory } of MANIFESTS) {
  const url = new URL(file, root);
  const text = readFileSync(url, 'utf8');
  const next = `${JSON.stringify(withLinks(JSON.parse(text), PROJECT_HOME && projectLinks(PROJECT_HOME, directory)), null, 2)}\n`;
  if (next === text) continue;
  stale++;
  if (check) process.stderr.write(`${file}: repository, bugs and homepage are out of step with src/core/projectHome.ts (run node scripts/project-home.mjs)\n`);
  else writeFileSync(url, next);
}
process.exit(check && stale ? 1 : 0);
