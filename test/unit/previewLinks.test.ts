/**
 * Links clicked in the preview: what opens outside, what scrolls, what opens in the editor (and at
 * which heading), what is refused; table-style, in plain Node.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyLink, headingLineForFragment, plainText, resolvePreviewLink } from '../../src/core/previewLinks';
import { renderMarkdown } from '../../src/core/render';
import { growth } from '../support/growth';

describe('classifyLink', () => {
  const doc = 'docs/adr/0001-record.md';
  const cases: [string, ReturnType<typeof classifyLink>][] = [
    ['https://adr.github.io/madr/', { kind: 'external', url: 'https://adr.github.io/madr/' }],
    ['HTTP://example.com', { kind: 'external', url: 'HTTP://example.com' }],
    ['mailto:arch@example.com', { kind: 'external', url: 'mailto:arch@example.com' }],
    ['#decision-outcome', { kind: 'fragment', fragment: 'decision-outcome' }],
    ['#caf%C3%A9', { kind: 'fragment', fragment: 'café' }],
    ['#%E0%A4%A', { kind: 'fragment', fragment: '%E0%A4%A' }],
    ['0002-use-kafka.md', { kind: 'file', path: 'docs/adr/0002-use-kafka.md' }],
    ['./0002-use-kafka.md#decision-outcome', { kind: 'file', path: 'docs/adr/0002-use-kafka.md', fragment: 'decision-outcome' }],
    ['../rfcs/0001%20failover.md?plain=1#summary', { kind: 'file', path: 'docs/rfcs/0001 failover.md', fragment: 'summary' }],
    ['/docs/adr/0001-record.md', { kind: 'file', path: 'docs/adr/0001-record.md' }],
    ['../../README.md', { kind: 'file', path: 'README.md' }],
    ['..\\0002-x.md', { kind: 'file', path: 'docs/0002-x.md' }],
    ['0002%2Fx.md', { kind: 'file', path: 'docs/adr/0002/x.md' }],
  ];
  for (const [href, expected] of cases) {
    it(`${href} → ${expected.kind}`, () => assert.deepEqual(classifyLink(href, doc), expected));
  }

  for (const href of ['command:workbench.action.terminal.new', 'file:///etc/passwd', 'vscode://ms-vscode.x', 'javascript:alert(1)', 'data:text/html,x', '//evil.example/x.md', '\\\\evil.example/x.md', '/\\evil.example/x.md', '\t//evil.example/x.md', '%E0%A4%A.md', '?q']) {
    it(`refuses ${JSON.stringify(href)}`, () => assert.equal(classifyLink(href, doc).kind, 'refused'));
  }

  for (const href of ['../../../outside.md', '/../outside.md', '../../..%2Foutside.md', '..\\..\\..\\outside.md', '../../x/../../outside.md', '..%5C..%5C..%5Coutside.md']) {
    it(`refuses ${JSON.stringify(href)}: it leaves the workspace folder`, () => {
      const link = classifyLink(href, doc);
      assert.equal(link.kind, 'refused');
    });
  }

  it('resolves against the document\'s folder: a document at the root may not climb at all', () => {
    assert.deepEqual(classifyLink('x.md', 'README.md'), { kind: 'file', path: 'x.md' });
    assert.equal(classifyLink('../x.md', 'README.md').kind, 'refused');
  });
});

describe('resolvePreviewLink', () => {
  const doc = '/w/docs/adr/0001-record.md';
  it('makes a file\'s path absolute inside the root, keeping a Markdown file\'s fragment as its heading', () => {
    assert.deepEqual(resolvePreviewLink('0002-use-kafka.md#decision-outcome', doc, '/w'), { kind: 'file', path: '/w/docs/adr/0002-use-kafka.md', heading: 'decision-outcome' });
    assert.deepEqual(resolvePreviewLink('/README.markdown#usage', doc, '/w/'), { kind: 'file', path: '/w/README.markdown', heading: 'usage' }, 'a root written with its slash');
    assert.deepEqual(resolvePreviewLink('../diagrams/flow.svg#part', doc, '/w'), { kind: 'file', path: '/w/docs/diagrams/flow.svg' }, 'no heading in another file');
    assert.deepEqual(resolvePreviewLink('x/0001.md', '/0001-record.md', '/'), { kind: 'file', path: '/x/0001.md' }, 'a workspace folder at the file system\'s root');
  });

  it('passes the other kinds through, and refuses what leaves the root or a document outside it', () => {
    assert.deepEqual(resolvePreviewLink('https://example.com', doc, '/w'), { kind: 'external', url: 'https://example.com' });
    assert.deepEqual(resolvePreviewLink('#context', doc, '/w'), { kind: 'fragment', fragment: 'context' });
    assert.equal(resolvePreviewLink('../../../outside.md', doc, '/w').kind, 'refused');
    assert.equal(resolvePreviewLink('../0002.md', doc, '/w/docs/adr').kind, 'refused', 'the document\'s own folder as the root');
    assert.equal(resolvePreviewLink('0002.md', '/elsewhere/0001.md', '/w').kind, 'refused');
    assert.equal(resolvePreviewLink('0002.md', '/w2/0001.md', '/w').kind, 'refused', 'a sibling folder sharing the prefix');
  });
});

describe('plainText (a heading\'s text as GitHub slugs it)', () => {
  /** What plainText replaced: three regular expressions, correct but quadratic on runs of `[`, `<` or marks. */
  const byRegex = (markdown: string) => markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, '$2');

  it('gives what the regular expressions gave, on random strings of the characters that matter', () => {
    const chars = fc.constantFrom('[', ']', '(', ')', '!', '<', '>', '*', '_', '~', '`', ' ', 'a', 'b', '\u00a0');
    fc.assert(fc.property(fc.array(chars, { maxLength: 24 }).map(a => a.join('')), text => {
      assert.equal(plainText(text), byRegex(text), JSON.stringify(text));
    }), { numRuns: 30000, seed: 10 });
  });

  it('takes linear time on runs of [, <, ]( and marks (4× the input, less than 8× the time; best of 3)', async function () {
    this.timeout(60_000);
    for (const token of ['[', '<', '](', '![', '<a', '*a ', '`a ', '~~a ', '__a ']) {
      const ratio = await growth(size => token.repeat(Math.ceil(size / token.length)), plainText, 16_000, 64_000);
      assert.ok(ratio < 8, `${JSON.stringify(token)}: 4× the input took ${ratio.toFixed(1)}× the time`);
    }
  });
});

describe('headingLineForFragment', () => {
  const text = '---\nstatus: accepted\n---\n# Use `Kafka` for events\n\n## Decision Outcome\n\n## Pros & Cons\n\n## Pros & Cons\n\n### See [MADR](https://adr.github.io)\n';

  it('finds a heading by GitHub\'s slug, with or without the user-content- prefix, in any case', () => {
    assert.equal(headingLineForFragment(text, 'decision-outcome'), 5);
    assert.equal(headingLineForFragment(text, 'user-content-decision-outcome'), 5);
    assert.equal(headingLineForFragment(text, 'Decision-Outcome'), 5);
  });

  it('slugs the rendered text: code marks and link targets are not part of it', () => {
    assert.equal(headingLineForFragment(text, 'use-kafka-for-events'), 3);
    assert.equal(headingLineForFragment(text, 'see-madr'), 11);
  });

  it('numbers repeated headings as GitHub does', () => {
    assert.equal(headingLineForFragment(text, 'pros--cons'), 7);
    assert.equal(headingLineForFragment(text, 'pros--cons-1'), 9);
  });

  it('agrees with the ids the preview gives its headings', () => {
    const ids = [...renderMarkdown(text).html.matchAll(/<h\d id="user-content-([^"]+)"/g)].map(m => m[1]);
    assert.deepEqual(ids.map(id => headingLineForFragment(text, id)), [3, 5, 7, 9, 11]);
  });

  it('is undefined for a fragment no heading has', () => {
    assert.equal(headingLineForFragment(text, 'consequences'), undefined);
  });
});
