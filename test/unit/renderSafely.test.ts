/**
 * The preview's page never goes blank: whatever the renderer throws on, the rest of the document is
 * still rendered, with lines that are the document's, and what could not be rendered is kept as text
 * with its error. Real documents that make the core's renderer overflow its stack (a 2 KB line of `>`,
 * a 3 KB line of `1. `), and a renderer that throws on purpose, for the exact shape of the parts.
 */
import * as assert from 'node:assert/strict';
import { renderMarkdown } from '../../src/core/render';
import { renderSafely, type RenderedPart } from '../../src/webview/renderSafely';

const html = (parts: readonly RenderedPart[]) => parts.map(p => (p.kind === 'html' ? p.html : '')).join('');

describe('renderSafely', () => {
  for (const [name, line] of [['a 2 KB line of >', '>'.repeat(2048)], ['a 3 KB line of "1. "', '1. '.repeat(1024)]]) {
    it(`renders everything around ${name}, and never throws`, () => {
      const text = `---\nstatus: accepted\n---\n# 1. Use X\n\nBefore.\n\n## Nested\n\n${line}\n\n## After\n\n\`\`\`mermaid\nflowchart LR\n  A --> B\n\`\`\`\n`;
      const parts = renderSafely(text);
      const page = html(parts);
      assert.match(page, /Use X/);
      assert.match(page, /sf-status-accepted/, 'the front matter header');
      assert.match(page, /id="user-content-after"/, 'the section after');
      const diagrams = parts.flatMap(p => (p.kind === 'html' ? p.diagrams : []));
      assert.deepEqual(diagrams.map(d => [d.line, d.endLine]), [[13, 16]], 'the diagram\'s lines are the document\'s');
      for (const p of parts.filter(p => p.kind === 'error')) {
        assert.equal(p.line, 7, 'only the section with the line fails, from its heading');
        assert.ok(p.text.includes(line), 'its text is kept, to show as is');
      }
    });
  }

  it('shows a failing section as text with its error, and renders the others with their own lines', () => {
    const text = '# Title\n\nIntro.\n\n## Broken\n\nBOOM here\n\n## Fine\n\n```mermaid\nflowchart LR\n  A --> B\n```\n';
    const render = (t: string) => {
      if (t.includes('BOOM')) throw new RangeError('Maximum call stack size exceeded');
      return renderMarkdown(t);
    };
    const parts = renderSafely(text, render);
    assert.deepEqual(parts.map(p => [p.kind, p.line]), [['html', 0], ['error', 4], ['html', 8]]);
    const broken = parts[1] as Extract<RenderedPart, { kind: 'error' }>;
    assert.equal(broken.message, 'RangeError: Maximum call stack size exceeded');
    assert.equal(broken.text, '## Broken\n\nBOOM here\n');
    const fine = parts[2] as Extract<RenderedPart, { kind: 'html' }>;
    assert.deepEqual(fine.diagrams.map(d => [d.line, d.endLine]), [[10, 13]]);
    assert.match(fine.html, /<h2 id="user-content-fine" data-line="0">/, 'data-line counts from the part; the webview adds its line');
  });

  it('keeps the whole text when the document has no sections to fall back on', () => {
    const parts = renderSafely('no heading\nBOOM\n', () => { throw new Error('nope'); });
    assert.deepEqual(parts, [{ kind: 'error', line: 0, text: 'no heading\nBOOM\n', message: 'Error: nope' }]);
  });

  it('renders a document in one part when the renderer succeeds', () => {
    const parts = renderSafely('# A\n\n## B\n');
    assert.equal(parts.length, 1);
    assert.equal(parts[0].kind, 'html');
  });
});
