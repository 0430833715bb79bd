/**
 * What a click in the preview asks for, decided from the clicked element's attributes alone (no
 * DOM), so that it can be tested in Node: a node of the decision graph to open, a place in the page
 * to scroll to, or a link for the extension to open. Never throws, whatever the document wrote.
 */
import { classifyLink } from '../core/previewLinks';

/** The clicked link's meaning for the webview. */
export type LinkAction =
  /** Scroll to the first of these element ids found in the page (a heading's id carries the sanitizer's `user-content-` prefix). */
  | { readonly kind: 'scroll'; readonly ids: readonly string[] }
  /** Ask the extension, which decides whether and how to open it. */
  | { readonly kind: 'open'; readonly href: string };

/**
 * The action of a link's `href` as written: a fragment (`#decision-outcome`) scrolls, percent-decoded
 * when it can be (`#caf%C3%A9`) and kept as written when it cannot (`#%E0%A4%A`); anything else is
 * the extension's to open.
 */
export function linkAction(href: string): LinkAction {
  const link = classifyLink(href, '');
  return link.kind === 'fragment' ? { kind: 'scroll', ids: [`user-content-${link.fragment}`, link.fragment] } : { kind: 'open', href };
}

/**
 * The decision graph's node id (`r12`) in the element id Mermaid gives a flowchart node
 * (`sf-mermaid-3-flowchart-r12-0`), or undefined for any other element.
 */
export function graphNodeOfElement(elementId: string): string | undefined {
  return /(?:^|-)flowchart-(r\d{1,9})-\d+$/.exec(elementId)?.[1];
}
