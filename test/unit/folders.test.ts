/**
 * Proves that the ADR folder is found as adr-tools and log4brains find it, in the documented order:
 * the setting, `.adr-dir`, `.log4brains.yml`'s adrFolder, the first existing conventional folder,
 * else `docs/adr`; that each step is consulted only when the ones before it gave nothing; and that
 * user-written paths are cleaned. Uses an in-memory FolderProbe, and one over the fixture workspaces.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONVENTIONAL_ADR_FOLDERS, FolderProbe, findAdrFolder } from '../../src/core/folders';
import { WORKSPACE } from '../support/fixtures';

/** A workspace folder in memory: directories and files by relative POSIX path. Records what was asked. */
class MemoryProbe implements FolderProbe {
  readonly asked: string[] = [];
  constructor(private readonly dirs: readonly string[] = [], private readonly files: Readonly<Record<string, string>> = {}) {}
  async isDirectory(p: string): Promise<boolean> {
    this.asked.push(`dir ${p}`);
    return this.dirs.includes(p);
  }
  async readText(p: string): Promise<string | undefined> {
    this.asked.push(`read ${p}`);
    return this.files[p];
  }
}

/** A probe over a real folder. */
function diskProbe(root: string): FolderProbe {
  return {
    isDirectory: async p => fs.existsSync(path.join(root, p)) && fs.statSync(path.join(root, p)).isDirectory(),
    readText: async p => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : undefined),
  };
}

const LOG4BRAINS_YML = `---
project:
  name: My project
  tz: Europe/Paris
  adrFolder: ./docs/architecture/adr

  packages:
    - name: back
      adrFolder: ./packages/back/adr
`;

describe('folders', () => {
  it('the conventional folders, in the order they are tried', () => {
    assert.deepEqual(CONVENTIONAL_ADR_FOLDERS, ['doc/adr', 'docs/adr', 'docs/decisions', 'docs/architecture/decisions']);
  });

  describe('findAdrFolder', () => {
    it('the setting wins, cleaned, and nothing else is looked at', async () => {
      const probe = new MemoryProbe(['doc/adr'], { '.adr-dir': 'elsewhere' });
      assert.deepEqual(await findAdrFolder(' ./records/adr/ ', probe), { folder: 'records/adr', source: 'setting', refused: [] });
      assert.deepEqual(probe.asked, []);
    });

    it('a setting with Windows separators', async () => {
      assert.deepEqual(await findAdrFolder('.\\docs\\adr\\', new MemoryProbe()), { folder: 'docs/adr', source: 'setting', refused: [] });
    });

    it('a setting that cleans to nothing is no setting', async () => {
      for (const setting of ['', '   ', './', './/', 'docs/..']) {
        assert.deepEqual(await findAdrFolder(setting, new MemoryProbe(['docs/decisions'])), { folder: 'docs/decisions', source: 'existing', refused: [] }, JSON.stringify(setting));
      }
    });

    it('.adr-dir: its first line, cleaned', async () => {
      const cases: [string, string][] = [
        ['doc/architecture/decisions\n', 'doc/architecture/decisions'],
        ['adrs', 'adrs'],
        ['  architecture-log  \r\n', 'architecture-log'],
        ['./alternative-dir/\nsecond line\n', 'alternative-dir'],
      ];
      for (const [content, folder] of cases) {
        const probe = new MemoryProbe(['doc/adr'], { '.adr-dir': content, '.log4brains.yml': LOG4BRAINS_YML });
        assert.deepEqual(await findAdrFolder('', probe), { folder, source: '.adr-dir', refused: [] }, JSON.stringify(content));
        assert.deepEqual(probe.asked, ['read .adr-dir']);
      }
    });

    it('an empty .adr-dir is skipped', async () => {
      for (const content of ['', '\n', '   \nadrs\n']) {
        const probe = new MemoryProbe(['docs/adr'], { '.adr-dir': content });
        assert.deepEqual(await findAdrFolder('', probe), { folder: 'docs/adr', source: 'existing', refused: [] }, JSON.stringify(content));
      }
    });

    it(".log4brains.yml: project.adrFolder, the project's, not a package's", async () => {
      const probe = new MemoryProbe(['doc/adr'], { '.log4brains.yml': LOG4BRAINS_YML });
      assert.deepEqual(await findAdrFolder('', probe), { folder: 'docs/architecture/adr', source: '.log4brains.yml', refused: [] });
      assert.deepEqual(probe.asked, ['read .adr-dir', 'read .log4brains.yml']);
    });

    it('.log4brains.yml: quoted values, trailing comments, CRLF', async () => {
      const cases: [string, string][] = [
        ['project:\n  adrFolder: "./docs/adr-log"  # where records live\n', 'docs/adr-log'],
        ["project:\n  adrFolder: 'decisions'\n", 'decisions'],
        ['project:\r\n  name: x\r\n  adrFolder: ./docs/l4b\r\n', 'docs/l4b'],
      ];
      for (const [content, folder] of cases) {
        assert.deepEqual(await findAdrFolder('', new MemoryProbe([], { '.log4brains.yml': content })), { folder, source: '.log4brains.yml', refused: [] }, content);
      }
    });

    it('.log4brains.yml without adrFolder falls through to the conventional folders', async () => {
      const probe = new MemoryProbe(['docs/decisions'], { '.log4brains.yml': 'project:\n  name: x\n' });
      assert.deepEqual(await findAdrFolder('', probe), { folder: 'docs/decisions', source: 'existing', refused: [] });
    });

    it('.adr-dir beats .log4brains.yml', async () => {
      const probe = new MemoryProbe([], { '.adr-dir': 'doc/adr', '.log4brains.yml': LOG4BRAINS_YML });
      assert.deepEqual(await findAdrFolder('', probe), { folder: 'doc/adr', source: '.adr-dir', refused: [] });
    });

    it('the first existing conventional folder, in order', async () => {
      const cases: [string[], string][] = [
        [['docs/decisions', 'docs/adr'], 'docs/adr'],
        [['docs/architecture/decisions', 'doc/adr'], 'doc/adr'],
        [['docs/architecture/decisions', 'docs/decisions'], 'docs/decisions'],
        [['docs/architecture/decisions'], 'docs/architecture/decisions'],
      ];
      for (const [dirs, folder] of cases) {
        assert.deepEqual(await findAdrFolder('', new MemoryProbe(dirs)), { folder, source: 'existing', refused: [] }, dirs.join(', '));
      }
    });

    it('stops asking at the first folder that exists', async () => {
      const probe = new MemoryProbe(['docs/adr', 'docs/decisions']);
      await findAdrFolder('', probe);
      assert.deepEqual(probe.asked, ['read .adr-dir', 'read .log4brains.yml', 'dir doc/adr', 'dir docs/adr']);
    });

    it('nothing at all: docs/adr, by default', async () => {
      const probe = new MemoryProbe(['docs', 'doc', 'adr']);
      assert.deepEqual(await findAdrFolder('', probe), { folder: 'docs/adr', source: 'default', refused: [] });
      assert.deepEqual(probe.asked, ['read .adr-dir', 'read .log4brains.yml', 'dir doc/adr', 'dir docs/adr', 'dir docs/decisions', 'dir docs/architecture/decisions']);
    });

    it('the fixture workspaces', async () => {
      const cases: [string, string][] = [
        ['adr-tools', 'doc/adr'],
        ['madr', 'docs/decisions'],
        ['log4brains', 'docs/adr'],
        ['problems', 'docs/adr'],
      ];
      for (const [folder, expected] of cases) {
        assert.deepEqual(await findAdrFolder('', diskProbe(path.join(WORKSPACE, folder))), { folder: expected, source: 'existing', refused: [] }, folder);
      }
      assert.deepEqual(await findAdrFolder('', diskProbe(path.join(WORKSPACE, 'rust-rfcs'))), { folder: 'docs/adr', source: 'default', refused: [] });
    });
  });
});
