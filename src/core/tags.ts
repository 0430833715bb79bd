/**
 * A record's tags, as the formats write them: a `tags` front matter key (MADR, RFCs; a YAML list or
 * a comma/space separated string) and log4brains' `- Tags:` metadata bullet (space and/or comma
 * separated). Pure: no `vscode`, no file system.
 */
import { trimCharacters } from './scan';

/**
 * Splits a written list of tags: commas and whitespace separate, a surrounding `[…]` (a YAML flow
 * list written as text) and a leading `#` on each tag are dropped.
 */
export function splitTags(text: string): string[] {
  const bare = text.trim().replace(/^\[(.*)\]$/s, '$1');
  return bare.split(/[\s,]+/).map(cleanTag).filter(t => t !== '');
}

/**
 * The tags of a record from its front matter `tags` value (a YAML list, each item one tag; or a
 * string split by {@link splitTags}; other values and items are ignored, numbers kept as text) and its `- Tags:` bullet text. Front matter tags come first; duplicates
 * (compared without case) are dropped, keeping the first spelling. Never throws.
 */
export function readTags(frontMatterValue: unknown, bullet: string | undefined): string[] {
  const found: string[] = [];
  if (Array.isArray(frontMatterValue)) {
    for (const item of frontMatterValue) {
      if (typeof item === 'string' || typeof item === 'number') found.push(cleanTag(String(item)));
    }
  } else if (typeof frontMatterValue === 'string' || typeof frontMatterValue === 'number') {
    found.push(...splitTags(String(frontMatterValue)));
  }
  if (bullet) found.push(...splitTags(bullet));
  const seen = new Set<string>();
  return found.filter(t => t !== '' && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

function cleanTag(tag: string): string {
  return trimCharacters(tag.trim().replace(/^#+/, ''), '"\'`');
}
