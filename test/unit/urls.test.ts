/**
 * The URL classifier the preview's remote-image placeholder relies on, against the real thing: Node's
 * `URL` is an implementation of the WHATWG URL Standard, as Chromium's is. Whatever the classifier
 * calls local must resolve, under the webview's base, to the webview's own origin.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isRemoteUrl, urlAsParsed } from '../../src/core/urls';

/** A base like the webview's: an `https` origin of VS Code's resource CDN, the document's folder. */
const BASE = 'https://file%2B.vscode-resource.vscode-cdn.net/workspace/docs/adr/';
const ORIGIN = new URL(BASE).origin;

/** Whether the browser would fetch `url` from another origin than the page's; undefined when it is no URL at all. */
function leavesOrigin(url: string): boolean | undefined {
  try {
    return new URL(url, BASE).origin !== ORIGIN;
  } catch {
    return undefined;
  }
}

describe('isRemoteUrl', () => {
  const remote = [
    'https://example.com/x.png', 'HTTP://example.com', 'data:image/png;base64,AAAA', 'javascript:alert(1)', 'C:/x.png',
    '//host/x', '/\\host/x', '\\\\host/x', '\\/host/x', ' //host/x', '/\t/host/x', '/\n\\host/x', '\r\n//host', 'ht\ttps://host/x', '\u0000//host', '//',
  ];
  const local = ['images/x.png', './x.png', '../x.png', '/docs/x.png', '/x\\y.png', 'x//y.png', '', '   ', '1http://host', '#fragment', '?query', '%2F%2Fhost/x', 'a b:c'];

  for (const url of remote) {
    it(`${JSON.stringify(url)} is remote`, () => {
      assert.equal(isRemoteUrl(url), true);
      assert.notEqual(leavesOrigin(url), false, 'the URL parser agrees');
    });
  }
  for (const url of local) {
    it(`${JSON.stringify(url)} is not remote`, () => {
      assert.equal(isRemoteUrl(url), false);
      assert.notEqual(leavesOrigin(url), true, 'the URL parser agrees');
    });
  }

  it('never calls local a URL that leaves the page\'s origin (random strings of the characters that matter)', () => {
    const chars = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '\u0000', '\u001f', ':', 'a', 'h', '1', '.', '+', '-', '%', '?', '#', '@', '\u3000');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map(a => a.join('')), url => {
      if (!isRemoteUrl(url)) assert.notEqual(leavesOrigin(url), true, JSON.stringify(url));
    }), { numRuns: 20000, seed: 10 });
  });

  it('reads a URL as the parser does: trimmed of C0 controls and spaces, without tabs and newlines', () => {
    assert.equal(urlAsParsed(' \u0001 ja\tva\nscr\ript: x \u001f'), 'javascript: x');
    assert.equal(urlAsParsed(''), '');
  });
});
