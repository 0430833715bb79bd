import { range } from '../../text';
import type { Rule } from '../types';

/** A list item's or heading's option title, for comparing: no markup, links' text, lower case, collapsed spaces. */
export function optionKey(text: string): string {
  return text
    .replace(/^[*+-]\s+|^\d{1,9}[.)]\s+/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`"“”'‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** SF011: MADR's chosen option is not one of the considered options. */
export const chosenOption: Rule = {
  code: 'SF011', name: 'chosen-option-not-considered', severity: 'warning', kinds: ['madr', 'log4brains'],
  description: 'MADR\'s outcome names its choice (`Chosen option: "…"`). When that name matches none of the considered options, the option was renamed or never weighed, and the record no longer says what was chosen over what.',
  *check(c) {
    const options = c.sectionOf('alternatives');
    const outcome = c.sectionOf('decision');
    if (!options || !outcome) return;
    const chosen = c.body(outcome.heading).find(b => /^chosen option\s*:/i.test(b.text));
    // `Chosen option: "…", because …` (MADR), the name possibly holding quotes of its own.
    const m = chosen && /^chosen option\s*:\s*(.*?)(?:,?\s+because\b.*)?$/i.exec(chosen.text);
    const name = m?.[1].replace(/[,.]$/, '');
    if (!chosen || !name || /\{[^}]*\}|\[[^\]]*\](?!\()/.test(name)) return; // a placeholder: SF002's business
    const key = optionKey(name);
    const sub = c.record.outline.headings.filter(h => h.line > options.heading.line && h.line < options.heading.endLine).map(h => optionKey(h.text));
    const listed = c.body(options.heading).filter(b => /^[*+-]\s+|^\d{1,9}[.)]\s+/.test(b.text)).map(b => optionKey(b.text));
    const candidates = [...listed, ...sub];
    if (candidates.length === 0) return;
    const matches = candidates.some(o => o === key || o.startsWith(key) || key.startsWith(o) || o.includes(key));
    if (!matches) {
      const line = c.lines[chosen.line];
      const start = line.indexOf(name);
      yield {
        range: start >= 0 ? range(chosen.line, start, chosen.line, start + name.length) : range(chosen.line, 0, chosen.line, line.length),
        message: `Chosen option "${name.trim().replace(/^["“]|["”]$/g, '')}" is not one of the considered options (${candidates.slice(0, 4).map(o => `"${o}"`).join(', ')}${candidates.length > 4 ? ', …' : ''}).`,
      };
    }
  },
};
