/**
 * Links clicked in the preview: what opens outside, what scrolls, what opens in the editor (and at
 * which heading), what is refused; table-style, in plain Node.
 */
import * as assert from 'node:assert/strict';
import { classifyLink, headingLineForFragment } from '../../src/core/previewLinks';
import { renderMarkdown } from '../../src/core/render';

describe('classifyLink', () => {
  const cases: [string, ReturnType<typeof classifyLink>][] = [
    ['https://adr.github.io/madr/', { kind: 'external', url: 'https://adr.github.io/madr/' }],
    ['HTTP://example.com', { kind: 'external', url: 'HTTP://example.com' }],
    ['mailto:arch@example.com', { kind: 'external', url: 'mailto:arch@example.com' }],
    ['#decision-outcome', { kind: 'fragment', fragment: 'decision-outcome' }],
    ['#caf%C3%A9', { kind: 'fragment', fragment: 'café' }],
    ['0002-use-kafka.md', { kind: 'file', path: '0002-use-kafka.md', fromRoot: false }],
    ['./0002-use-kafka.md#decision-outcome', { kind: 'file', path: './0002-use-kafka.md', fromRoot: false, fragment: 'decision-outcome' }],
    ['../rfcs/0001%20failover.md?plain=1#summary', { kind: 'file', path: '../rfcs/0001 failover.md', fromRoot: false, fragment: 'summary' }],
    ['/docs/adr/0001-record.md', { kind: 'file', path: '/docs/adr/0001-record.md', fromRoot: true }],
  ];
  for (const [href, expected] of cases) {
    it(`${href} → ${expected.kind}`, () => assert.deepEqual(classifyLink(href), expected));
  }

  for (const href of ['command:workbench.action.terminal.new', 'file:///etc/passwd', 'vscode://ms-vscode.x', 'javascript:alert(1)', 'data:text/html,x', '//evil.example/x.md', '%E0%A4%A.md', '?q']) {
    it(`refuses ${href}`, () => assert.equal(classifyLink(href).kind, 'refused'));
  }
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
