/**
 * The hostile corpus: Markdown that tries to run script, reach the network or talk to the extension
 * from the decision preview. Shared by the unit tests (the sanitizer's output holds none of it) and
 * the integration test (in the real webview, none of it runs: every payload would hit a canary URL or
 * set a canary attribute the test reads back).
 *
 * Each payload names its own canary path, `${canary}/<id>`, so a hit tells which one escaped.
 * `mark` is JavaScript that, if it ever ran in the webview, records the escape on the page itself
 * (an attribute on <html>, which the webview reports) and calls the canary server.
 */

/** One hostile payload: an id (also its canary path) and the Markdown that carries it. */
export interface HostilePayload {
  readonly id: string;
  /** What the payload tries, for the test's report. */
  readonly attempt: string;
  readonly markdown: string;
  /** Whether it is a Mermaid block (counted among the document's diagrams). */
  readonly diagram?: boolean;
}

/** The attribute a payload that ran would set on `<html>`: `data-sf-canary="<id>"`. */
export const CANARY_ATTRIBUTE = 'data-sf-canary';

/** JavaScript that records that payload `id` ran: the canary attribute, a fetch and a message to the extension. */
function mark(canary: string, id: string): string {
  return `document.documentElement.setAttribute('${CANARY_ATTRIBUTE}','${id}');fetch('${canary}/${id}/fetch');`
    + `try{acquireVsCodeApi().postMessage({type:'openLink',href:'${canary}/${id}/message'})}catch(e){}`;
}

/** The payloads, with `canary` (an `http://127.0.0.1:PORT` origin) in every URL they would load. */
export function hostilePayloads(canary: string): HostilePayload[] {
  const js = (id: string) => mark(canary, id);
  const html = (id: string, attempt: string, markdown: string): HostilePayload => ({ id, attempt, markdown });
  const mermaid = (id: string, attempt: string, body: string): HostilePayload => ({ id, attempt, markdown: `\`\`\`mermaid\n${body}\n\`\`\``, diagram: true });
  return [
    html('script-tag', '<script> element', `<script>${js('script-tag')}</script>`),
    html('script-src', '<script src> from the network', `<script src="${canary}/script-src/load"></script>`),
    html('img-onerror', 'on* attribute on an image', `<img src="x" onerror="${js('img-onerror')}">`),
    html('svg-onload', 'on* attribute on inline SVG', `<svg onload="${js('svg-onload')}"><circle r="4"/></svg>`),
    html('svg-script', '<script> inside inline SVG', `<svg><script>${js('svg-script')}</script><image href="${canary}/svg-script/image"/></svg>`),
    html('details-ontoggle', 'on* attribute fired without a click', `<details open ontoggle="${js('details-ontoggle')}"><summary>s</summary>x</details>`),
    html('input-autofocus', 'autofocus + onfocus', `<input autofocus onfocus="${js('input-autofocus')}">`),
    html('link-javascript', 'javascript: link', `[click me](javascript:${encodeURIComponent(js('link-javascript'))})`),
    html('a-javascript', 'javascript: href in HTML', `<a href="javascript:${js('a-javascript').replace(/"/g, '&quot;')}">click</a>`),
    html('link-data', 'data: link to an HTML page', `[data](data:text/html;base64,${btoa(`<script>${js('link-data')}</script>`)})`),
    html('img-data-svg', 'data: SVG image with a script', `![svg](data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="${js('img-data-svg')}"/>`)})`),
    html('img-remote', 'remote image (tracking pixel)', `![pixel](${canary}/img-remote/pixel.png)`),
    html('img-protocol-relative', 'protocol-relative image', `<img src="//127.0.0.1:${new URL(canary).port}/img-protocol-relative/pixel.png">`),
    html('img-srcset', 'remote srcset', `<picture><source srcset="${canary}/img-srcset/source.png"><img srcset="${canary}/img-srcset/img.png" src="local.png"></picture>`),
    html('iframe', '<iframe> to a page', `<iframe src="${canary}/iframe/page"></iframe>`),
    html('iframe-srcdoc', '<iframe srcdoc> with a script', `<iframe srcdoc="<script>${js('iframe-srcdoc').replace(/"/g, '&quot;')}</script>"></iframe>`),
    html('object-embed', '<object> and <embed>', `<object data="${canary}/object-embed/object"></object><embed src="${canary}/object-embed/embed">`),
    html('link-prefetch', '<link rel=prefetch> and a stylesheet', `<link rel="prefetch" href="${canary}/link-prefetch/prefetch"><link rel="stylesheet" href="${canary}/link-prefetch/style.css">`),
    html('meta-refresh', '<meta http-equiv=refresh>', `<meta http-equiv="refresh" content="0;url=${canary}/meta-refresh/page">`),
    html('base-href', '<base> rewriting relative URLs', `<base href="${canary}/base-href/">\n\n![relative](pixel.png)`),
    html('form-action', '<form> posting out', `<form action="${canary}/form-action/post"><button>go</button></form>`),
    html('style-element', '<style> with a remote import', `<style>@import url("${canary}/style-element/import.css"); body { background: url("${canary}/style-element/bg.png") }</style>`),
    html('style-attribute', 'style attribute with a remote background', `<div style="background-image: url('${canary}/style-attribute/bg.png')">styled</div>`),
    html('mxss-math', 'mutation XSS through <math>/<style>', `<math><mtext><table><mglyph><style><img src=x onerror="${js('mxss-math')}">`),
    html('noscript', 'mutation XSS through <noscript>', `<noscript><p title="</noscript><img src=x onerror=${js('noscript').replace(/ /g, '')}>">`),
    html('video-poster', '<video poster> / <audio src>', `<video poster="${canary}/video-poster/poster.png" src="${canary}/video-poster/video.mp4"></video><audio src="${canary}/video-poster/audio.mp3" autoplay></audio>`),
    mermaid('mermaid-click-call', 'Mermaid click callback', `flowchart LR\n  A --> B\n  click A call alert()\n  click B href "javascript:${js('mermaid-click-call').replace(/"/g, "'")}"`),
    mermaid('mermaid-click-href', 'Mermaid click link to the canary', `flowchart LR\n  A --> B\n  click A href "${canary}/mermaid-click-href/link" _self`),
    mermaid('mermaid-html-label', 'Mermaid HTML label with an image handler', `flowchart LR\n  A["<img src=x onerror=${js('mermaid-html-label')}>"] --> B["<iframe src='${canary}/mermaid-html-label/iframe'></iframe>"]`),
    mermaid('mermaid-init-loose', '%%{init}%% downgrading securityLevel and enabling HTML labels',
      `%%{init: {"securityLevel": "loose", "htmlLabels": true, "flowchart": {"htmlLabels": true}, "startOnLoad": true}}%%\nflowchart LR\n  A["<img src='${canary}/mermaid-init-loose/img' onerror=${js('mermaid-init-loose')}>"] --> B\n  click B call alert()`),
    mermaid('mermaid-init-css', '%%{init}%% themeCSS and fontFamily loading remote CSS',
      `%%{init: {"themeCSS": "@import url('${canary}/mermaid-init-css/theme.css'); .node rect { fill: url('${canary}/mermaid-init-css/fill.png') }", "fontFamily": "x; } @import url('${canary}/mermaid-init-css/font.css'); {"}}%%\nflowchart LR\n  A --> B`),
    mermaid('mermaid-classdef', 'classDef / style with a remote background (CSS injection)',
      `flowchart LR\n  A --> B\n  classDef evil fill:url(${canary}/mermaid-classdef/fill.png),background:url(${canary}/mermaid-classdef/bg.png)\n  class A evil\n  style B fill:url(${canary}/mermaid-classdef/style.png)`),
    mermaid('mermaid-sequence-link', 'sequence diagram actor links', `sequenceDiagram\n  participant A\n  link A: Evil @ javascript:${js('mermaid-sequence-link').replace(/[;:]/g, ' ')}\n  links A: {"Canary": "${canary}/mermaid-sequence-link/link"}\n  A->>A: hi`),
  ];
}

/** The hostile record: every payload under a heading of its own, after a title the test can find. */
export function hostileDocument(canary: string): string {
  return `# Hostile record\n\nEvery section below tries to escape the preview.\n\n${hostilePayloads(canary).map(p => `## ${p.id}\n\n${p.markdown}\n`).join('\n')}\n## End\n\nThe document still renders.\n`;
}
