import type { Rule } from '../types';

const NONE = /^(none|n\/?a|nothing|no alternatives?( (were|was) considered)?|there (are|were) no (other )?alternatives?)\b[^a-z]*$/i;

/** SF010: fewer than two considered options or alternatives. */
export const tooFewOptions: Rule = {
  code: 'SF010', name: 'too-few-options', severity: 'warning', kinds: ['madr', 'log4brains', 'rfc', 'rust-rfc'],
  description: 'One option is not a decision. A record that weighed a single option (doing nothing counts as one) cannot show why it chose it over anything else.',
  *check(c) {
    const options = c.consideredOptions();
    if (!options || !options.heading.hasContent) return;
    const { heading, own, subHeadings, count } = options;
    if (c.record.kind === 'rfc' || c.record.kind === 'rust-rfc') {
      // An RFC's alternatives are the options besides its proposal: "None." means only one was weighed.
      if (own.length === 1 && subHeadings.length === 0 && NONE.test(own[0].text.replace(/[*_]/g, ''))) {
        yield { range: heading.range, message: `"${heading.text}" names no alternative: say what else was weighed (doing nothing counts) and why it lost.` };
      }
      return;
    }
    // In MADR the chosen option is one of the considered options: a list of one is no choice.
    if (count !== undefined && count < 2) {
      yield { range: heading.range, message: `Only ${count === 0 ? 'no' : 'one'} option under "${heading.text}": name at least one alternative (doing nothing counts) and why it lost.` };
    }
  },
};
