/**
 * One policy, one module: the record-file rule (`core/project.ts` classifyRecordFile, over
 * `core/record.ts` parseRecordFileName), the Status/Links heading matcher (`core/recordSections.ts`)
 * and the status vocabulary (`core/record.ts` statusVocabulary) are each decided in one core module
 * that every host reaches, and no host (the editor, the CLI, the test support) reads record file names
 * or those headings itself. Read from the sources, so that a copy added later fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Every `.ts` file under `dir` (repository-relative), recursively. */
function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.ts'))
    .map(e => path.relative(ROOT, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
}
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The code of a host: every module that is not the core (the webview draws, it reads no records). */
const HOSTS = [
  ...['src/cli', 'src/commands', 'src/diagnostics', 'src/explorer', 'src/preview', 'src/util', 'src/workspace'].flatMap(sources),
  'src/extension.ts', 'test/support/corpusLint.ts',
];

/** Regular expression literals of a source (a rough reader: enough for the patterns below, never a false "none"). */
function regexLiterals(text: string): string[] {
  return [...text.matchAll(/(?<=[(,=:!&|?;{}\s])\/(?![/*])((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/[dgimsuvy]*/g)].map(m => m[1]);
}

describe('one policy, one module', () => {
  it('sees the host sources (the check can fail)', () => {
    assert.ok(HOSTS.length > 20, HOSTS.join());
    assert.ok(regexLiterals('const x = /^\\d+-.*\\.md$/i.test(n);').length === 1);
  });

  it('no host reads a record file name (a number or a date before the slug) with a pattern of its own', () => {
    const nameLike = /\\d|\[0-9\]/;
    const found = HOSTS.flatMap(file => regexLiterals(read(file)).filter(r => nameLike.test(r) && /md|-/.test(r)).map(r => `${file}: /${r}/`));
    assert.deepEqual(found, []);
  });

  it('no host matches Status or Links headings itself: the matcher is core/recordSections.ts', () => {
    const heading = /status|links|more information/i;
    const found = HOSTS.flatMap(file => regexLiterals(read(file)).filter(r => heading.test(r)).map(r => `${file}: /${r}/`));
    assert.deepEqual(found, []);
    const outside = sources('src/core').filter(f => f !== 'src/core/recordSections.ts')
      // (a front matter key, `/^status\s*:/`, is no heading)
      .filter(f => /headingKey\([^)]*\)\s*===\s*'(status|links|more information)'|\/\^\(?(?:links|status)\b(?!\\s\*:)/i.test(read(f)));
    assert.deepEqual(outside, [], 'no other core module matches those headings either');
  });

  it('each host reaches the record-file rule through the core: the editor\'s locator, the CLI and the test support through collectRecords', () => {
    assert.match(read('src/workspace/locator.ts'), /import \{[^}]*\bclassifyRecordFile\b[^}]*\} from '\.\.\/core\/project'/);
    assert.match(read('src/core/collect.ts'), /\bclassifyRecordFile\(/);
    for (const file of ['src/cli/main.ts', 'test/support/corpusLint.ts']) assert.match(read(file), /\bcollectRecords\(/, file);
  });

  it('the vocabulary is resolved by statusVocabulary alone: no host falls back to the default statuses itself', () => {
    const found = HOSTS.filter(file => /\bDEFAULT_STATUSES\b/.test(read(file)));
    assert.deepEqual(found, []);
    assert.match(read('src/workspace/recordOptions.ts'), /\bstatusVocabulary\(/);
  });
});
