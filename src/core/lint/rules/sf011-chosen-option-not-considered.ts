import { linkLabels } from '../../scan';
import { range } from '../../text';
import type { Rule } from '../types';

/** A list item's or heading's option title, for comparing: no markup, links' text, lower case, collapsed spaces. */
export function optionKey(text: string): string {
  return linkLabels(text.replace(/^[*+-]\s+|^\d{1,9}[.)]\s+/, ''))
    .replace(/[*_`"“”'‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isWordCharacter = (c: string | undefined) => c !== undefined && /\w/.test(c);

/**
 * The option a MADR outcome line names: `Chosen option: "…", because …` → `"…"` (quotes kept, a
 * trailing `,` or `.` removed), or undefined when the line is no `Chosen option:` line. The name
 * starts after the spaces that follow the colon and ends before the first `because` (any case, a
 * whole word) that follows white space inside it, and before the comma ahead of that space. Scanned
 * by hand: `/^chosen option\s*:\s*(.*?)(?:,?\s+because\b.*)?$/i`, which reads the same, backtracks
 * cubically on a long run of spaces.
 */
export function chosenOptionName(line: string): string | undefined {
  const head = /^chosen option\s*:/i.exec(line);
  if (!head) return undefined;
  const rest = line.slice(head[0].length);
  let start = 0;
  while (start < rest.length && isSpace(rest[start])) start++;
  let end = rest.length;
  for (const m of rest.matchAll(/because/gi)) {
    const at = m.index;
    if (at - 1 <= start || !isSpace(rest[at - 1]) || isWordCharacter(rest[at + 7])) continue;
    end = at - 1;
    while (isSpace(rest[end - 1])) end--;
    if (end - 1 >= start && rest[end - 1] === ',') end--;
    break;
  }
  return rest.slice(start, end).replace(/[,.]$/, '');
}

/**
 * True when an option's name is still a placeholder: a `{…}`, or a `[…]` that is no link's label
 * (not followed by `(`). One pass, as `/\{[^}]*\}|\[[^\]]*\](?!\()/` would find it, without its
 * quadratic attempts on `[{[{…`.
 */
export function isPlaceholderName(name: string): boolean {
  const brace = name.indexOf('{');
  if (brace >= 0 && name.indexOf('}', brace + 1) >= 0) return true;
  let open = false;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '[') open = true;
    else if (name[i] === ']') {
      if (open && name[i + 1] !== '(') return true;
      open = false;
    }
  }
  return false;
}

/** SF011: MADR's chosen option is not one of the considered options. */
export const chosenOption: Rule = {
  code: 'SF011', name: 'chosen-option-not-considered', severity: 'warning', kinds: ['madr', 'log4brains'],
  description: 'MADR\'s outcome names its choice (`Chosen option: "…"`). When that name matches none of the considered options, the option was renamed or never weighed, and the record no longer says what was chosen over what.',
  *check(c) {
    const outcome = c.sectionOf('decision');
    const chosen = outcome && c.body(outcome.heading).find(b => /^chosen option\s*:/i.test(b.text));
    // `Chosen option: "…", because …` (MADR), the name possibly holding quotes of its own.
    const name = chosen && chosenOptionName(chosen.text);
    if (!chosen || !name || isPlaceholderName(name)) return; // a placeholder: SF002's business
    const options = c.consideredOptions();
    if (!options) return;
    const key = optionKey(name);
    const candidates = [...options.listItems, ...options.subHeadings].map(o => optionKey(o.text));
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
