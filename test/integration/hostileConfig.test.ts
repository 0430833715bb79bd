/**
 * A hostile `.spec-first.json` in the real host: read at activation and on every change, it must
 * never take the extension host down (a 600-byte nest of maps used as keys once asked V8 for
 * gigabytes). It becomes a diagnostic on the file, and the rest of Spec-First keeps working.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnosticsWhere, fixture, openAndLint, remove } from './helpers';

describe('A hostile .spec-first.json', () => {
  before(() => activate());
  after(() => remove(fixture('.spec-first.json')));

  for (const [name, text] of [
    ['a 600-byte nest of maps used as keys', `${'{'.repeat(300)}${'}'.repeat(300)}`],
    ['a 62-byte nest of complex keys', `${'? '.repeat(30)}x\n`],
  ]) {
    it(`${name}: a diagnostic on the file, and the host keeps linting`, async () => {
      const config = fixture('.spec-first.json');
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(text));
      const found = await diagnosticsWhere(config, ds => ds.some(d => d.message.includes('nests more than 20 levels deep')));
      assert.equal(found.length, 1);
      assert.equal(found[0].range.start.line, 0);
      assert.ok(Array.isArray(await openAndLint(fixture('problems/docs/adr/0002-skip-the-alternatives.md'))));
      await remove(config);
    });
  }
});
