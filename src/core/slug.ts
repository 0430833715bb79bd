/**
 * GitHub's heading slugs, as github-slugger computes them (the preview's anchors use that library;
 * the extension host, which only has to find the heading a `#fragment` names, uses this instead and
 * saves the library's 8 KB table): lower case, every character that is not alphabetic (letters,
 * letter numbers, circled letters…), a mark, a decimal digit, a connector (`_`), a space or `-`
 * removed, spaces made `-`. The
 * characters come from the running engine's Unicode tables, github-slugger's from its own (older)
 * ones: the two agree on every script in use (a unit test compares them), and differ only on
 * characters Unicode added since.
 */

/** Characters a slug drops (Unicode property escapes: linear, no backtracking). */
const DROPPED = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc} -]/gu;

/** The slug of one heading's text, without duplicate numbering (github-slugger's `slug`). */
export function githubSlug(text: string): string {
  return text.toLowerCase().replace(DROPPED, '').replace(/ /g, '-');
}

/** Slugs for the headings of one document in order: a repeated slug gets `-1`, `-2`… (github-slugger's `Slugger`). */
export class Slugger {
  private readonly seen = new Map<string, number>();

  /** The slug of the next heading's `text`, numbered when an earlier heading of the document took it. */
  slug(text: string): string {
    const base = githubSlug(text);
    let result = base;
    while (this.seen.has(result)) {
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      result = `${base}-${n}`;
    }
    this.seen.set(result, 0);
    return result;
  }
}
