/**
 * The containment policy (core/paths `containedPath`), as every host applies it: a folder or template
 * path that `.adr-dir`, `.log4brains.yml`, a setting or `.spec-first.*` names is normalized, and refused
 * — with a message naming who asked — when it is absolute or leaves the workspace folder. Also: the
 * folder files are scanned in linear time, whatever runs they hold.
 */
import * as assert from 'node:assert/strict';
import { posix } from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../src/core/config';
import { FolderProbe, findAdrFolder, log4brainsAdrFolder } from '../../src/core/folders';
import { containedPath, normalizeAbsolutePath, refusalMessage } from '../../src/core/paths';
import { growth } from '../support/growth';

/** A workspace folder in memory: the files it holds, no directories. */
const files = (contents: Record<string, string>, dirs: readonly string[] = []): FolderProbe => ({
  isDirectory: async p => dirs.includes(p),
  readText: async p => contents[p],
});

describe('containedPath', () => {
  const ACCEPTED: [string, string][] = [
    ['docs/adr', 'docs/adr'],
    ['  ./docs//adr/ ', 'docs/adr'],
    ['.\\docs\\adr\\', 'docs/adr'],
    ['docs/../records/./adr', 'records/adr'],
    ['docs/adr/..', 'docs'],
    ['.', ''],
    ['', ''],
    ['a/b/../../c', 'c'],
  ];
  for (const [written, path] of ACCEPTED) {
    it(`${JSON.stringify(written)} → ${JSON.stringify(path)}`, () => assert.deepEqual(containedPath(written), { path }));
  }
  const REFUSED: [string, string][] = [
    ['..', 'outside'],
    ['../shared/adr', 'outside'],
    ['docs/../../x', 'outside'],
    ['docs\\..\\..\\x', 'outside'],
    ['a/b/../../../c', 'outside'],
    ['/etc', 'absolute'],
    ['/', 'absolute'],
    ['//server/share', 'absolute'],
    ['\\\\server\\share', 'absolute'],
    ['C:\\Users\\x', 'absolute'],
    ['c:/x', 'absolute'],
    ['file:///etc', 'absolute'],
    ['docs/\u0000adr', 'control-character'],
    ['docs\nadr', 'control-character'],
  ];
  for (const [written, refused] of REFUSED) {
    it(`refuses ${JSON.stringify(written)}: ${refused}`, () => assert.deepEqual(containedPath(written), { refused }));
  }

  it('the messages name who asked, the path as written (escaped, cut) and the root', () => {
    assert.equal(refusalMessage('.adr-dir', ' ../shared ', 'outside'), '.adr-dir names "../shared", which is outside the workspace folder: refused.');
    assert.equal(refusalMessage('kinds[0].template', '/etc/x', 'absolute', 'the project root'), 'kinds[0].template names the absolute path "/etc/x": refused; name a folder relative to the project root.');
    assert.equal(refusalMessage('.adr-dir', 'a\u0000b', 'control-character'), '.adr-dir names "a\\u0000b", which holds a control character: refused.');
    const long = refusalMessage('.adr-dir', `../${'x'.repeat(10_000)}`, 'outside');
    assert.ok(long.length < 200, long);
  });
});

/** Whether a `..` among `segments` would leave `/` (where Node's normalize stays at `/` instead). */
function climbsAboveRoot(segments: readonly string[]): boolean {
  let depth = 0;
  for (const segment of segments) {
    if (segment === '..') {
      if (depth === 0) return true;
      depth--;
    } else if (segment !== '' && segment !== '.') {
      depth++;
    }
  }
  return false;
}

describe('normalizeAbsolutePath (the write guard\'s containment check, without Node\'s path)', () => {
  it('agrees with path.posix.normalize on absolute paths that stay below /', () => {
    const segment = fc.constantFrom('a', 'b', 'docs', '.', '..', '', 'x.md');
    fc.assert(fc.property(fc.array(segment, { maxLength: 12 }), segments => {
      const path = `/${segments.join('/')}`;
      const expected = posix.normalize(path).replace(/(.)\/$/, '$1');
      assert.equal(normalizeAbsolutePath(path), climbsAboveRoot(segments) ? undefined : expected, path);
    }));
  });
  it('refuses a path that climbs above /', () => {
    assert.equal(normalizeAbsolutePath('/ws/../../etc/passwd'), undefined);
    assert.equal(normalizeAbsolutePath('/ws/docs/../adr/./0001-x.md'), '/ws/adr/0001-x.md');
  });
});

describe('findAdrFolder keeps folder hints inside the workspace folder', () => {
  it('.adr-dir climbing out is refused, named in the message, and the search goes on', async () => {
    const found = await findAdrFolder('', files({ '.adr-dir': '../../outside/adr\n' }, ['docs/decisions']));
    assert.deepEqual(found, { folder: 'docs/decisions', source: 'existing', refused: ['.adr-dir names "../../outside/adr", which is outside the workspace folder: refused.'] });
  });

  it('an absolute .adr-dir is refused, not re-rooted', async () => {
    const found = await findAdrFolder('', files({ '.adr-dir': '/tmp/adr' }));
    assert.deepEqual(found, { folder: 'docs/adr', source: 'default', refused: ['.adr-dir names the absolute path "/tmp/adr": refused; name a folder relative to the workspace folder.'] });
  });

  it('.log4brains.yml adrFolder climbing out is refused', async () => {
    const found = await findAdrFolder('', files({ '.log4brains.yml': 'project:\n  adrFolder: ../../../etc\n' }));
    assert.equal(found.source, 'default');
    assert.deepEqual(found.refused, ['.log4brains.yml names "../../../etc", which is outside the workspace folder: refused.']);
  });

  it('the setting: refused with the origin the host gives, then .adr-dir', async () => {
    const found = await findAdrFolder('../elsewhere', files({ '.adr-dir': 'doc/adr' }), 'The setting specFirst.adr.directory (in .vscode/settings.json)');
    assert.deepEqual(found, { folder: 'doc/adr', source: '.adr-dir', refused: ['The setting specFirst.adr.directory (in .vscode/settings.json) names "../elsewhere", which is outside the workspace folder: refused.'] });
  });

  it('a hint with .. that stays inside is normalized', async () => {
    assert.deepEqual(await findAdrFolder('', files({ '.adr-dir': 'docs/../architecture/./adr/' })), { folder: 'architecture/adr', source: '.adr-dir', refused: [] });
  });

  it('.log4brains.yml is read as YAML: flow maps, quotes, only the project\'s adrFolder', () => {
    assert.equal(log4brainsAdrFolder('project: { name: x, adrFolder: "./docs/l4b" }\n'), './docs/l4b');
    assert.equal(log4brainsAdrFolder('packages:\n  - adrFolder: ./packages/a\nproject:\n  adrFolder: docs/adr\n'), 'docs/adr');
    assert.equal(log4brainsAdrFolder('project:\n  adrFolder: [a]\n'), undefined);
    assert.equal(log4brainsAdrFolder(`${'{'.repeat(1000)}`), undefined);
    assert.equal(log4brainsAdrFolder(`project:\n  adrFolder: x\n${'? '.repeat(40)}y\n`), undefined);
  });
});

describe('.spec-first.* kinds[].template stays inside the configuration\'s folder', () => {
  const withTemplate = (template: string) => parseConfig(JSON.stringify({ kinds: [{ id: 'kep', files: ['keps/**/README.md'], template }] }, null, 2));

  it('a template climbing out is an error on the template, and the kind is dropped', () => {
    const { config, errors } = withTemplate('../../../../etc/passwd');
    assert.deepEqual(config.kinds, []);
    assert.deepEqual(errors.map(e => [e.message, e.range.start.line]), [
      ['kinds[0].template: the template path names "../../../../etc/passwd", which is outside the configuration\'s folder: refused.', 7],
    ]);
  });

  it('an absolute template is refused', () => {
    assert.match(withTemplate('/home/me/template.md').errors[0].message, /^kinds\[0\]\.template: the template path names the absolute path "\/home\/me\/template\.md": refused/);
  });

  it('a template path that stays inside is normalized', () => {
    const { config, errors } = withTemplate('./keps/../keps//template.md');
    assert.deepEqual(errors, []);
    assert.equal(config.kinds[0].template, 'keps/template.md');
  });
});

describe('the folder files scan in linear time (same code at two sizes, best of 3)', function () {
  this.timeout(60_000);
  const LINEAR = 8; // linear gives about 4, quadratic about 16

  const adrDir = (text: string) => findAdrFolder('', files({ '.adr-dir': text }));
  const log4brains = (text: string) => findAdrFolder('', files({ '.log4brains.yml': text }));
  const cases: [string, (n: number) => string, (text: string) => unknown][] = [
    ['.adr-dir: a run of slashes inside the path', n => `a${'/'.repeat(n)}a`, adrDir],
    ['.log4brains.yml: a run of line breaks', n => `${'\n'.repeat(n)}x`, log4brains],
    ['.log4brains.yml: adrFolder followed by a run of spaces', n => `project:\n  adrFolder: a${' '.repeat(n)}\u0000`, log4brains],
  ];
  for (const [name, make, run] of cases) {
    it(name, async () => {
      const ratio = await growth(make, run, 16_000, 64_000);
      assert.ok(ratio < LINEAR, `4× the input took ${ratio.toFixed(1)}× the time`);
    });
  }
});
