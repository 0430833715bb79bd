import type { Rule } from '../types';

const ROLLBACK = /\b(roll(?:ing|ed)?[- ]?back|revert\w*|undo\w*|back out|kill[- ]switch|feature[- ]flags?|disabl\w+|turn(?:ed)? off|switch(?:ed)? off|fall ?back|downgrad\w*|restore\w*)\b/i;
const FAILURE = /\b(fail\w*|break\w*|outage|down|error\w*|incident|degrad\w*|lost|loss|corrupt\w*|timeout\w*|unavailab\w*|alert\w*|detect\w*)\b/i;

/** SF013: an RFC whose failure modes say nothing of what fails, or of how to roll back. */
export const rollback: Rule = {
  code: 'SF013', name: 'failure-modes-and-rollback', severity: 'warning', kinds: ['rfc'],
  description: 'An RFC is ready when its authors know how it breaks and how to undo it. A failure-modes section without a way back (a rollback, a flag, a revert) plans only for success.',
  *check(c) {
    const found = c.sectionOf('failure-modes');
    if (!found || !found.heading.hasContent) return; // missing or empty: SF001 / SF002
    const text = c.body(found.heading).map(b => b.text).join('\n');
    if (!FAILURE.test(text)) yield { range: found.heading.range, message: `"${found.heading.text}" names no failure: say what can break and how it would be detected.` };
    if (!ROLLBACK.test(text)) yield { range: found.heading.range, message: `"${found.heading.text}" has no rollback: say how the change is turned off or reverted when it fails.` };
  },
};
