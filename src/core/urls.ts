/**
 * How a browser reads a URL written in a document, as far as the preview needs to know: whether it
 * leaves the document's own files. Follows the WHATWG URL Standard's basic URL parser
 * (https://url.spec.whatwg.org/#concept-basic-url-parser), which is what the webview's Chromium
 * applies to an `<img src>`. Pure, linear in the URL's length, never throws.
 */

/** Whether a UTF-16 code unit is a "C0 control or space" (U+0000 to U+0020), which the parser trims from both ends. */
const isC0OrSpace = (code: number) => code <= 0x20;
/** Whether a UTF-16 code unit is an "ASCII tab or newline", which the parser removes wherever it is. */
const isTabOrNewline = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;
const isAsciiAlpha = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isSchemeCode = (code: number) => isAsciiAlpha(code) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e;
const isSlash = (code: number) => code === 0x2f || code === 0x5c;

/**
 * The URL as the parser sees it before reading it: leading and trailing C0 controls and spaces
 * trimmed, every tab, line feed and carriage return removed (`java\tscript:` is `javascript:`,
 * `/\n/host` is `//host`).
 */
export function urlAsParsed(url: string): string {
  let start = 0;
  let end = url.length;
  while (start < end && isC0OrSpace(url.charCodeAt(start))) start++;
  while (end > start && isC0OrSpace(url.charCodeAt(end - 1))) end--;
  let out = '';
  let run = start;
  for (let i = start; i < end; i++) {
    if (!isTabOrNewline(url.charCodeAt(i))) continue;
    out += url.slice(run, i);
    run = i + 1;
  }
  return out + url.slice(run, end);
}

/**
 * Whether a URL written in a document (an image's `src`, a `srcset` candidate) points outside the
 * document's own files: it has a scheme (`https:`, `data:`, `C:`…), or it is scheme-relative — it
 * starts with two slashes, where, under an `http(s)` base such as the webview's, a backslash counts
 * as a slash (`//host`, `/\host`, `\\host`, `\/host`). Read as the parser reads it ({@link urlAsParsed}),
 * so tabs, newlines and surrounding spaces change nothing. A relative path (`images/x.png`,
 * `../x.png`, `/docs/x.png`) is not remote; neither is an empty URL.
 */
export function isRemoteUrl(url: string): boolean {
  const value = urlAsParsed(url);
  if (value.length >= 2 && isSlash(value.charCodeAt(0)) && isSlash(value.charCodeAt(1))) return true;
  if (value.length === 0 || !isAsciiAlpha(value.charCodeAt(0))) return false;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x3a) return true; // ':' ends a scheme
    if (!isSchemeCode(code)) return false;
  }
  return false;
}
