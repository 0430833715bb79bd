/**
 * What a hover tells about a record besides its title and status: who decided, and the first sentence
 * of the decision. Pure: no `vscode`, no file system.
 */
import { frontMatterString } from './frontMatter';
import { headingKey } from './outline';
import type { DecisionRecord } from './record';
import { bodyStart } from './recordSections';
import { splitLines } from './text';

/** Heading names (as `headingKey` gives them) of the section stating the decision: Nygard's, MADR's. */
const DECISION_KEYS: ReadonlySet<string> = new Set(['decision', 'decision outcome', 'outcome']);
/** A sentence shown in a hover is cut to this many characters. */
const MAX_SENTENCE = 300;

/**
 * The record's decision makers as one line: MADR's front matter `decision-makers` (or MADR 2's
 * `deciders`), a string or a list of names; undefined when it names none.
 */
export function decisionMakers(record: DecisionRecord): string | undefined {
  const data = record.frontMatter?.data ?? {};
  for (const key of ['decision-makers', 'deciders']) {
    const value = data[key];
    if (Array.isArray(value)) {
      const names = value.filter(v => typeof v === 'string' && v.trim()).map(v => (v as string).trim());
      if (names.length) return names.join(', ');
    }
    const text = frontMatterString(data, key);
    if (text) return text;
  }
  return undefined;
}

/**
 * The first sentence of the record's decision: the first paragraph under its Decision (or Decision
 * Outcome) heading, up to the first `.`, `!` or `?` followed by a space or the paragraph's end, cut to
 * 300 characters; undefined when the record has no such section or it is empty. `text` is the
 * record's document (the one `record` was parsed from). Linear in the section's length.
 */
export function decisionSentence(record: DecisionRecord, text: string): string | undefined {
  const heading = record.outline.headings.find(h => h.level > 1 && DECISION_KEYS.has(headingKey(h)));
  if (!heading) return undefined;
  const lines = splitLines(text);
  const paragraph: string[] = [];
  for (let l = bodyStart(lines, heading); l < heading.endLine && l < lines.length; l++) {
    const line = lines[l].trim();
    if (!line || line.startsWith('<!--')) {
      if (paragraph.length) break;
      continue;
    }
    if (line.startsWith('#')) break;
    paragraph.push(line);
    if (paragraph.join(' ').length > MAX_SENTENCE) break;
  }
  const joined = paragraph.join(' ');
  if (!joined) return undefined;
  let end = joined.length;
  for (let i = 0; i < joined.length - 1; i++) {
    const c = joined[i];
    if ((c === '.' || c === '!' || c === '?') && joined[i + 1] === ' ') { end = i + 1; break; }
  }
  const sentence = joined.slice(0, end);
  return sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1)}…` : sentence;
}
