/**
 * The preview webview's HTML shell and its Content-Security-Policy. Pure (no `vscode` import), so the
 * policy can be checked by unit tests. The document itself never goes into this HTML: it is posted
 * to the webview's script, which renders it through the sanitizer.
 */

/** What the shell needs, all as strings the extension computed (webview URIs, the CSP source). */
export interface PreviewHtmlOptions {
  /** `webview.cspSource`: the origin of the webview's own resources. */
  readonly cspSource: string;
  /** A fresh random nonce for this load (see {@link makeNonce}). */
  readonly nonce: string;
  /** Webview URI of `dist/webview/preview.js`. */
  readonly scriptUri: string;
  /** Webview URI of `dist/webview/mermaid.js`, which the script loads with the first diagram (the preview only). */
  readonly mermaidUri?: string;
  /** Webview URI of `media/preview.css`. */
  readonly styleUri: string;
  /** Webview URI of the document's folder, ending in `/`: relative images resolve against it. */
  readonly baseHref: string;
  /** The panel's title, for the document's `<title>`. */
  readonly title: string;
}

/**
 * The Content-Security-Policy of the preview:
 * - `default-src 'none'`: nothing is allowed unless listed (no frames, no connections, no fonts from outside);
 * - `form-action 'none'` (not covered by `default-src`): no form can post the page anywhere;
 * - scripts only by this load's nonce (the extension's own bundle, and Mermaid's, which it adds with the nonce);
 * - images from the webview's own origin (local images under the workspace) and `data:`, so a remote
 *   image — a tracking pixel — is never fetched;
 * - styles from the extension, plus `'unsafe-inline'`, which Mermaid needs: it writes each diagram's
 *   styles as a `<style>` element inside the SVG and as `style` attributes. This is safe here because
 *   (1) authors' HTML never keeps `<style>` or `style` (rehype-sanitize removes both); (2) inside a
 *   diagram, Mermaid sanitizes `classDef`/`style` values, and the webview makes `themeCSS` and the font
 *   keys secure so `%%{init}%%` cannot set them; (3) CSS cannot run script (`script-src` has no
 *   `'unsafe-inline'`), and with `img-src`, `font-src` and `default-src` closed to remote origins a
 *   `url()` or `@import` cannot reach the network, so an injected rule could only restyle the page.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
  ].join('; ');
}

/** A nonce: 128 random bits as 32 hex characters, from the Web Crypto API (Node 20 and browsers). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML of the preview: CSP, base, stylesheet, an empty content element, the script. */
export function previewHtml(o: PreviewHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<base href="${escapeAttribute(o.baseHref)}">
<link rel="stylesheet" href="${escapeAttribute(o.styleUri)}">
<title>${escapeAttribute(o.title)}</title>
</head>
<body>
<main id="content" class="markdown-body"></main>
<script nonce="${o.nonce}" src="${escapeAttribute(o.scriptUri)}"${o.mermaidUri ? ` data-mermaid="${escapeAttribute(o.mermaidUri)}"` : ''}></script>
</body>
</html>`;
}
