/**
 * What a link clicked in the decision preview means, decided without I/O so that it can be tested:
 * a web or mail link (opened outside the editor), a fragment of the page (scrolled to by the webview),
 * a file of the repository (opened in the editor, at the heading its fragment names), or a link the
 * preview refuses (`command:`, `file:`, `vscode:`…: the document is untrusted text).
 */
import GithubSlugger from 'github-slugger';
import { scanOutline } from './outline';

/** A clicked link, classified by {@link classifyLink}. */
export type PreviewLink =
  | { readonly kind: 'external'; readonly url: string }
  | { readonly kind: 'fragment'; readonly fragment: string }
  | {
    readonly kind: 'file';
    /** The path as written, percent-decoded, without query or fragment. */
    readonly path: string;
    /** Whether it starts with `/`: relative to the workspace folder, as on GitHub; else to the document's folder. */
    readonly fromRoot: boolean;
    /** The fragment, percent-decoded, if any (a heading of the target). */
    readonly fragment?: string;
  }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Classifies an `href` from the preview. Web (`http:`, `https:`) and `mailto:` links are external;
 * `#x` is a fragment; a path without a scheme is a file (`./0002-use-kafka.md#decision`,
 * `/docs/adr/0001.md`); any other scheme and protocol-relative `//host` links are refused, as is a
 * path that cannot be percent-decoded. Never throws.
 */
export function classifyLink(href: string): PreviewLink {
  const value = href.trim();
  if (/^(https?|mailto):/i.test(value)) return { kind: 'external', url: value };
  if (value.startsWith('#')) return { kind: 'fragment', fragment: safeDecode(value.slice(1)) ?? value.slice(1) };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//') || value.startsWith('\\\\')) {
    return { kind: 'refused', reason: 'only web, mail and relative links open from a preview' };
  }
  const hash = value.indexOf('#');
  const beforeHash = hash < 0 ? value : value.slice(0, hash);
  const path = safeDecode(beforeHash.split('?')[0]);
  if (path === undefined || path === '') return { kind: 'refused', reason: 'not a valid path' };
  const fragment = hash < 0 ? undefined : safeDecode(value.slice(hash + 1));
  return { kind: 'file', path, fromRoot: path.startsWith('/'), ...(fragment ? { fragment } : {}) };
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
 * (github-slugger, duplicates numbered `-1`, `-2`…; a `user-content-` prefix is accepted), or
 * undefined. Inline markup is removed from the heading text before slugging, as GitHub slugs the
 * rendered text (`` `code` `` → `code`, `[text](url)` → `text`).
 */
export function headingLineForFragment(text: string, fragment: string): number | undefined {
  const wanted = fragment.replace(/^user-content-/, '').toLowerCase();
  const slugger = new GithubSlugger();
  for (const heading of scanOutline(text).headings) {
    if (slugger.slug(plainText(heading.text)) === wanted) return heading.line;
  }
  return undefined;
}

/** A heading's text without inline Markdown markup: links and images keep their text, emphasis and code marks go. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, '$2');
}
