/**
 * What a link clicked in the decision preview means, decided without I/O so that it can be tested:
 * a web or mail link (opened outside the editor), a fragment of the page (scrolled to by the webview),
 * a file of the repository (opened in the editor, at the heading its fragment names), or a link the
 * preview refuses (`command:`, `file:`, `vscode:`…: the document is untrusted text).
 */
import { Slugger } from './slug';
import { scanOutline } from './outline';
import { resolveLink } from './paths';
import { urlAsParsed } from './urls';
import { joinPath, relativeTo } from './workspace';

/** A clicked link, classified by {@link classifyLink}. */
export type PreviewLink =
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'fragment'; readonly fragment: string }
  | {
    readonly kind: 'file';
    /** The file's path relative to the root the preview may open files in (POSIX, normalized: no `.` or `..`). */
    readonly path: string;
    /** The fragment, percent-decoded, if any (a heading of the target). */
    readonly fragment?: string;
  }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Classifies an `href` from the preview of the document at `documentPath` (its path relative to the
 * root the preview may open files in: the workspace folder). Web (`http:`, `https:`) and `mailto:`
 * links are external; `#x` is a fragment; a path without a scheme is a file, relative to the
 * document's folder (`./0002-use-kafka.md#decision`, `../rfcs/0001.md`) or, when it starts with `/`,
 * to the root (`/docs/adr/0001.md`, as on GitHub). Refused: any other scheme, protocol-relative links
 * (`//host`, `\\host`), paths that cannot be percent-decoded, and paths that leave the root
 * (`../../../etc/passwd`, `/../x`). The `href` is read as a browser reads a URL: trimmed, without tabs
 * or newlines, a backslash before the fragment counting as a slash. Never throws.
 */
export function classifyLink(href: string, documentPath: string): PreviewLink {
  const value = urlAsParsed(href);
  if (/^(https?|mailto):/i.test(value)) return { kind: 'external', url: value };
  if (value.startsWith('#')) return { kind: 'fragment', fragment: safeDecode(value.slice(1)) ?? value.slice(1) };
  const hash = value.indexOf('#');
  // Before the fragment, a backslash is a slash (`\host`, `..\x`), as a browser reads a URL.
  const beforeHash = (hash < 0 ? value : value.slice(0, hash)).replace(/\\/g, '/');
  if (/^[a-z][a-z0-9+.-]*:/i.test(beforeHash) || beforeHash.startsWith('//')) {
    return { kind: 'refused', reason: 'only web, mail and relative links open from a preview' };
  }
  const written = beforeHash.split('?')[0];
  const decoded = safeDecode(written);
  if (decoded === undefined || decoded === '' || decoded.includes('\\')) return { kind: 'refused', reason: 'not a valid path' };
  const fromRoot = written.startsWith('/');
  const path = resolveLink(fromRoot ? '' : documentPath, fromRoot ? written.slice(1) : written);
  if (path === undefined) return { kind: 'refused', reason: 'it leads outside the workspace folder' };
  if (path === '') return { kind: 'refused', reason: 'not a valid path' };
  const fragment = hash < 0 ? undefined : safeDecode(value.slice(hash + 1));
  return { kind: 'file', path, ...(fragment ? { fragment } : {}) };
}

/** A clicked link resolved by {@link resolvePreviewLink}: a file as an absolute path, with the heading to open it at. */
export type ResolvedPreviewLink =
  | Exclude<PreviewLink, { readonly kind: 'file' }>
  | {
    readonly kind: 'file';
    /** The file's absolute POSIX path, inside the root. */
    readonly path: string;
    /** The fragment, percent-decoded, when the file is Markdown (`.md`, `.markdown`): a heading to open it at. */
    readonly heading?: string;
  };

/**
 * Where a link clicked in the preview leads, all paths absolute POSIX: `documentPath` is the
 * document shown, `root` the folder the preview may open files in (the document's workspace folder,
 * or the document's own folder outside a workspace). As {@link classifyLink} decides, relative to
 * `root`; a file's path is made absolute, and its fragment kept as a heading only for a Markdown
 * file (another file opens at its top). A document outside `root` refuses every relative link.
 * Never throws.
 */
export function resolvePreviewLink(href: string, documentPath: string, root: string): ResolvedPreviewLink {
  const folder = root.length > 1 ? root.replace(/\/$/, '') : root;
  const relative = relativeTo(folder, documentPath);
  const link = classifyLink(href, relative ?? '');
  if (link.kind !== 'file') return link;
  if (relative === undefined) return { kind: 'refused', reason: 'the document is outside the workspace folder' };
  const path = joinPath(folder, link.path);
  return { kind: 'file', path, ...(link.fragment && /\.(md|markdown)$/i.test(path) ? { heading: link.fragment } : {}) };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The 0-based line of the heading that a fragment names in a Markdown text, by GitHub's slugs
 * (`slug.ts`, as github-slugger makes them: duplicates numbered `-1`, `-2`…; a `user-content-` prefix is accepted), or
 * undefined. Inline markup is removed from the heading text before slugging, as GitHub slugs the
 * rendered text (`` `code` `` → `code`, `[text](url)` → `text`).
 */
export function headingLineForFragment(text: string, fragment: string): number | undefined {
  const wanted = fragment.replace(/^user-content-/, '').toLowerCase();
  const slugger = new Slugger();
  for (const heading of scanOutline(text).headings) {
    if (slugger.slug(plainText(heading.text)) === wanted) return heading.line;
  }
  return undefined;
}

/**
 * A heading's text without inline Markdown markup: links and images keep their text, HTML tags go,
 * emphasis and code marks go. Three passes, each linear in the text's length (a heading is author
 * text: a run of `[` or `<` must not cost quadratic time).
 */
export function plainText(markdown: string): string {
  return withoutEmphasis(withoutTags(withoutLinks(markdown)));
}

/** `[text](url)` and `![text](url)` become `text`: the first `]` ends the text, `(` must follow, the first `)` ends the URL. */
function withoutLinks(s: string): string {
  let out = '';
  let copied = 0;
  let open = s.indexOf('[');
  while (open >= 0) {
    const close = s.indexOf(']', open + 1);
    if (close < 0) break; // no `]` left: no later `[` can start a link either
    if (s[close + 1] !== '(') {
      open = s.indexOf('[', close + 1); // every `[` before `close` ends at the same `]`
      continue;
    }
    const end = s.indexOf(')', close + 2);
    if (end < 0) break;
    const start = open > copied && s[open - 1] === '!' ? open - 1 : open;
    out += s.slice(copied, start) + s.slice(open + 1, close);
    copied = end + 1;
    open = s.indexOf('[', copied);
  }
  return out + s.slice(copied);
}

/** `<…>` (at least one character between) removed: HTML tags. */
function withoutTags(s: string): string {
  let out = '';
  let copied = 0;
  let open = s.indexOf('<');
  while (open >= 0) {
    const close = s.indexOf('>', open + 1);
    if (close < 0) break;
    if (close === open + 1) {
      open = s.indexOf('<', close);
      continue;
    }
    out += s.slice(copied, open);
    copied = close + 1;
    open = s.indexOf('<', copied);
  }
  return out + s.slice(copied);
}

/** Emphasis, strikethrough and code marks, tried in this order at each position. */
const MARKS = ['**', '__', '*', '_', '~~', '`'] as const;

/** Whether a UTF-16 code unit is white space as JavaScript's `\s` reads it (Unicode White_Space and the BOM). */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `**x**`, `__x__`, `*x*`, `_x_`, `~~x~~`, `` `x` `` become `x`: text that starts and ends with a
 * non-space character between a mark and the nearest same mark after it that follows a non-space
 * character. Each mark's search only moves forward (the text it needs starts further on at each
 * position), so the whole pass is linear even when marks never close.
 */
function withoutEmphasis(s: string): string {
  /** Per mark: the last closing position found, or -1 once there is none left. */
  const found = MARKS.map(() => -2);
  const closerFrom = (k: number, from: number): number => {
    if (found[k] === -1 || found[k] >= from) return found[k];
    let q = s.indexOf(MARKS[k], from);
    while (q >= 0 && isSpaceCode(s.charCodeAt(q - 1))) q = s.indexOf(MARKS[k], q + 1);
    return (found[k] = q);
  };
  /** The mark opening emphasis at `i` that closes, as an index into MARKS, or -1. */
  const openingAt = (i: number): number => {
    for (let k = 0; k < MARKS.length; k++) {
      const text = i + MARKS[k].length;
      if (s.startsWith(MARKS[k], i) && text < s.length && !isSpaceCode(s.charCodeAt(text)) && closerFrom(k, text + 1) >= 0) return k;
    }
    return -1;
  };
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const m = c === 0x2a || c === 0x5f || c === 0x7e || c === 0x60 ? openingAt(i) : -1; // * _ ~ `
    if (m < 0) {
      i++;
      continue;
    }
    const text = i + MARKS[m].length;
    const close = closerFrom(m, text + 1);
    out += s.slice(copied, i) + s.slice(text, close);
    copied = i = close + MARKS[m].length;
  }
  return out + s.slice(copied);
}
