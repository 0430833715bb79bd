import * as assert from 'node:assert/strict';
import { globMatcher } from '../../src/core/glob';

describe('globMatcher', () => {
  const TABLE: [string, string, boolean][] = [
    ['keps/**/README.md', 'keps/README.md', true],
    ['keps/**/README.md', 'keps/sig-node/1234-x/README.md', true],
    ['keps/**/README.md', 'keps/sig-node/1234-x/readme.md', false],
    ['keps/**/README.md', 'other/keps/README.md', false],
    ['docs/*.md', 'docs/0001-a.md', true],
    ['docs/*.md', 'docs/adr/0001-a.md', false],
    ['docs/**', 'docs/adr/0001-a.md', true],
    ['docs/000?-*.md', 'docs/0001-a.md', true],
    ['docs/000?-*.md', 'docs/00010-a.md', false],
    ['{docs,doc}/adr/*.md', 'doc/adr/0001-a.md', true],
    ['{docs,doc}/adr/*.md', 'dox/adr/0001-a.md', false],
    ['rfcs/[0-9]*.md', 'rfcs/1-a.md', true],
    ['rfcs/[!0-9]*.md', 'rfcs/1-a.md', false],
    ['a.b/(x)+.md', 'a.b/(x)+.md', true],
    ['a.b/(x)+.md', 'aXb/(x)+.md', false],
    ['[unclosed.md', '[unclosed.md', true],
    ['docs/*.md', 'docs/.hidden.md', true],
    ['x'.repeat(2000), 'x'.repeat(2000), false],
  ];
  for (const [glob, path, matches] of TABLE) {
    it(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatcher(glob)(path), matches));
  }
});
