/**
 * Which headings are a record's Status and Links sections: the one matcher the parser, the lint
 * rules, the lifecycle edits and every host use. A heading is read as {@link headingKey} reads it
 * (case, inline markup, a leading number and trailing punctuation ignored), so `## Status`,
 * `## Status:`, `## **Status**` and `## 2. Status` are all the Status section.
 */
import { Heading, Outline, headingKey } from './outline';

/** Section names (as {@link headingKey} gives them) that hold a record's relation bullets. */
const LINKS_KEYS: ReadonlySet<string> = new Set(['links', 'more information']);

/** True for a Status heading: `## Status`, `## Status:`, `## **Status**`, `## 2. Status`, at any level (the caller skips the title). */
export function isStatusHeading(heading: Heading): boolean {
  return headingKey(heading) === 'status';
}

/** True for a heading whose section holds relation bullets: MADR 2 / log4brains' `## Links`, MADR 4's `## More Information`, any level from 2. */
export function isLinksHeading(heading: Heading): boolean {
  return heading.level > 1 && LINKS_KEYS.has(headingKey(heading));
}

/** A record's Status section: its heading and the 0-based line where its own text ends (exclusive). */
export interface StatusSection {
  readonly heading: Heading;
  /** The next heading's line (of any level, so that a sub-heading's text is not the status), or the section's end. */
  readonly end: number;
}

/**
 * The first Status section of an outline (see {@link isStatusHeading}) that is not the document's
 * title (a first heading of level 1), its text ending at the next heading of any level; undefined
 * when there is none.
 */
export function statusSection(outline: Outline): StatusSection | undefined {
  const index = outline.headings.findIndex((h, i) => isStatusHeading(h) && !(i === 0 && h.level === 1));
  if (index < 0) return undefined;
  const heading = outline.headings[index];
  return { heading, end: outline.headings[index + 1]?.line ?? heading.endLine };
}

/** A heading's line span, as the outline gives it (0-based; `endLine` exclusive). */
export interface LineSpan {
  readonly line: number;
  readonly endLine: number;
}

/** The first line of a heading's section body (0-based): the line after the heading, or after a setext heading's underline. */
export function bodyStart(lines: readonly string[], heading: LineSpan): number {
  const next = heading.line + 1;
  const setext = !/^ {0,3}#/.test(lines[heading.line] ?? '') && /^ {0,3}(=+|-+)[ \t]*$/.test(lines[next] ?? '');
  return setext ? next + 1 : next;
}

/** The first section holding relation bullets (see {@link isLinksHeading}), or undefined. */
export function linksHeading(outline: Outline): Heading | undefined {
  return outline.headings.find(isLinksHeading);
}
