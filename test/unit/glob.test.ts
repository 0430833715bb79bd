import * as assert from 'node:assert/strict';
import { MAX_BRACE_GROUPS, MAX_STARS_PER_SEGMENT, globMatcher, globProblem } from '../../src/core/glob';
import { parseConfig } from '../../src/core/config';

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

describe('globMatcher on hostile globs', () => {
  it('declines a segment with more stars than MAX_STARS_PER_SEGMENT, at once, where the expression would backtrack for seconds', () => {
    const glob = '*a'.repeat(MAX_STARS_PER_SEGMENT + 6) + 'b';
    assert.match(globProblem(glob) ?? '', /more than 3 "\*" in one path segment/);
    // Declined, it matches nothing, not even its own text, which the compiled glob would match.
    assert.equal(globMatcher(glob)(glob), false);
    assert.equal(globMatcher('*a*a*b')('*a*a*b'), true);
  });
  it('accepts `**` segments and up to three stars in a segment', () => {
    assert.equal(globProblem('**/**/docs/*-*-*.md'), undefined);
    assert.equal(globMatcher('**/**/docs/*-*-*.md')('x/docs/a-b-c.md'), true);
  });
  it('declines more than MAX_BRACE_GROUPS brace groups', () => {
    assert.match(globProblem('{a,b}'.repeat(MAX_BRACE_GROUPS + 1)) ?? '', /"\{…\}" groups/);
  });
  it('a configuration kind whose glob is declined is reported, not run', () => {
    const { errors } = parseConfig(JSON.stringify({ kinds: [{ id: 'kep', files: ['keps/*a*a*a*a*a*b'], sections: ['Summary'] }] }));
    assert.ok(errors.some(e => /"files": the glob has more than 3/.test(e.message)), JSON.stringify(errors));
  });
});
