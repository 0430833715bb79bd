/**
 * Clicks in the preview, decided in plain Node: a fragment scrolls (decoded when it can be, as
 * written when it cannot — `#%E0%A4%A` used to throw in the webview), anything else goes to the
 * extension, and only the decision graph's node ids open a record.
 */
import * as assert from 'node:assert/strict';
import { graphNodeOfElement, linkAction } from '../../src/webview/clicks';

describe('preview clicks', () => {
  const cases: [string, ReturnType<typeof linkAction>][] = [
    ['#decision-outcome', { kind: 'scroll', ids: ['user-content-decision-outcome', 'decision-outcome'] }],
    ['#caf%C3%A9', { kind: 'scroll', ids: ['user-content-café', 'café'] }],
    ['#%E0%A4%A', { kind: 'scroll', ids: ['user-content-%E0%A4%A', '%E0%A4%A'] }],
    ['#%', { kind: 'scroll', ids: ['user-content-%', '%'] }],
    ['0002-x.md#%E0%A4%A', { kind: 'open', href: '0002-x.md#%E0%A4%A' }],
    ['https://adr.github.io/', { kind: 'open', href: 'https://adr.github.io/' }],
    ['command:workbench.action.terminal.new', { kind: 'open', href: 'command:workbench.action.terminal.new' }],
  ];
  for (const [href, expected] of cases) {
    it(`${href} → ${expected.kind}, without throwing`, () => assert.deepEqual(linkAction(href), expected));
  }

  it('opens a record only for the decision graph\'s node ids', () => {
    assert.equal(graphNodeOfElement('sf-mermaid-3-flowchart-r12-0'), 'r12');
    assert.equal(graphNodeOfElement('flowchart-r0-17'), 'r0');
    for (const id of ['', 'sf-mermaid-3-flowchart-A-0', 'flowchart-r_docs_adr_0001_md-1', 'flowchart-r12', 'xflowchart-r1-0']) {
      assert.equal(graphNodeOfElement(id), undefined, id);
    }
  });
});
