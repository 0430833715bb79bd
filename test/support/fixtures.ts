/**
 * Access to the test fixtures (`test/fixtures/`) from compiled tests. The root is found by walking up
 * from the running file (`out/test/unit/*.js` or a bundle next to it) to the folder that holds
 * `test/fixtures/workspace`, so tests read the repository's copies and never a shared folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findFixtures(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'test', 'fixtures');
    if (fs.existsSync(path.join(candidate, 'workspace'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`test/fixtures not found above ${__dirname}`);
    dir = parent;
  }
}

/** Absolute path of `test/fixtures`. */
export const FIXTURES = findFixtures();

/** Absolute path of `test/fixtures/workspace`. */
export const WORKSPACE = path.join(FIXTURES, 'workspace');

/** The text (UTF-8) of a file under `test/fixtures/workspace`, by POSIX path relative to it. */
export function readWorkspaceFile(relativePath: string): string {
  return fs.readFileSync(path.join(WORKSPACE, ...relativePath.split('/')), 'utf8');
}

/** The text of `test/fixtures/adr-tools-expected/<name>.expected`. */
export function readExpected(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'adr-tools-expected', `${name}.expected`), 'utf8');
}

/** Names (without `.expected`) of every adr-tools expected output, sorted. */
export function expectedNames(): string[] {
  return fs.readdirSync(path.join(FIXTURES, 'adr-tools-expected'))
    .filter(n => n.endsWith('.expected')).map(n => n.slice(0, -'.expected'.length)).sort();
}

/** The `.md` files directly in a workspace folder, as POSIX paths relative to the workspace, sorted. */
export function markdownFilesIn(relativeFolder: string): string[] {
  return fs.readdirSync(path.join(WORKSPACE, ...relativeFolder.split('/')))
    .filter(n => /\.md$/i.test(n)).sort().map(n => `${relativeFolder}/${n}`);
}
