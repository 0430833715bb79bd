/**
 * The preview page's safety self-check, run after every render: what the sanitizer and the CSP must
 * keep out of the page, counted in the page itself (see `RenderAudit`). Any non-zero count means a
 * payload got through; the extension logs it as an error, and the integration tests read it back.
 */
import type { RenderAudit } from './protocol';

/**
 * Whether a URL leaves the webview, as the browser itself resolves it against the page's base: another
 * origin than the page's (`data:` images stay; a URL the browser cannot parse counts as leaving).
 */
export function leavesWebview(url: string): boolean {
  if (!url || url.startsWith('data:')) return false;
  try {
    return new URL(url, document.baseURI).origin !== new URL(document.baseURI).origin;
  } catch {
    return true;
  }
}

/** The safety self-check of {@link RenderAudit}: what must never be in the page. */
export function audit(content: HTMLElement): RenderAudit {
  let handlers = 0;
  let dangerousUrls = 0;
  for (const el of content.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) handlers++;
      if (/^(href|src|xlink:href|action|formaction|srcset|data|poster)$/i.test(attr.name)) {
        // As a browser reads a URL: without whitespace and control characters (`java\tscript:` is `javascript:`).
        const value = Array.from(attr.value).filter(c => c.charCodeAt(0) > 0x20).join('').toLowerCase();
        if (/^(javascript|vbscript):/.test(value) || (value.startsWith('data:') && !(el.tagName === 'IMG' && /^data:image\/(png|gif|jpeg|webp);/.test(value)))) dangerousUrls++;
      }
    }
  }
  const remoteImages = Array.from(content.querySelectorAll('img')).filter(img => leavesWebview(img.getAttribute('src') ?? '')).length
    + Array.from(content.querySelectorAll('image')).filter(image => leavesWebview(image.getAttribute('href') ?? image.getAttribute('xlink:href') ?? '')).length;
  return {
    scripts: content.querySelectorAll('script').length,
    handlers,
    dangerousUrls,
    frames: content.querySelectorAll('iframe, frame, object, embed').length,
    remoteImages,
    rootDataAttributes: Array.from(document.documentElement.attributes).map(a => a.name).filter(n => n.startsWith('data-')),
  };
}

