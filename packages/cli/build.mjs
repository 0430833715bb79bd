// Builds this package from the repository's sources; `npm pack` (and `npm publish`) run it first.
//   dist/cli.js            the `spec-first` command: the core, its rules and parsers bundled in (no dependency)
//   dist/mermaid-check.js  Mermaid's parser for SF019, loaded by dist/cli.js only when a record has a diagram
//   LICENSE                the repository's licence
// The bundles are the repository's own CLI bundles (esbuild.mjs --cli-package), minified. Progress goes to
// standard error, so that `npm pack --json` prints nothing but its JSON.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

const build = spawnSync(process.execPath, ['esbuild.mjs', '--cli-package'], { cwd: repository, stdio: ['ignore', 2, 2] });
if (build.status !== 0) {
  process.stderr.write(`spec-first CLI package: the build failed (${build.error?.message ?? `exit code ${build.status}`})\n`);
  process.exit(1);
}
copyFileSync(`${repository}LICENSE`, `${here}LICENSE`);
