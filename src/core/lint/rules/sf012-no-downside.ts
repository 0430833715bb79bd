import type { Rule } from '../types';

/** Words with which consequences name a cost: MADR's "Bad, because", Nygard-style prose, RFC risks. */
const DOWNSIDE = /\b(bad|negative|cons?|risks?|risky|downsides?|drawbacks?|harder|difficult|difficulty|costs?|costly|trade-?offs?|however|but|lose|loses|losing|loss|cannot|can't|worse|slower|complex|complexity|overhead|penalty|disadvantages?|limitations?|limited|burden|must|need to|needs to|requires?|mitigat\w*|concerns?|fail\w*|break\w*|expensive|debt|lock-in|unable|won't|will not|no longer|not support\w*|ha(?:ve|s) to|complicat\w*|cope|lacks?|lacking|slow\w*|harm\w*|pain\w*|awkward|manual(?:ly)?)\b/i;

/** SF012: consequences that name no downside. */
export const noDownside: Rule = {
  code: 'SF012', name: 'no-downside', severity: 'warning', kinds: ['nygard', 'madr', 'log4brains', 'rfc'],
  description: 'Every real decision costs something. Consequences that list only benefits read as advocacy, and leave the next engineer to discover the price in production.',
  *check(c) {
    const found = c.sectionOf('consequences');
    if (!found || !found.heading.hasContent) return;
    // A section titled for costs (an RFC's "Risks", "Drawbacks") names one by having content.
    if (/\b(risks?|drawbacks?|downsides?|costs?|trade-?offs?)\b/i.test(found.heading.text)) return;
    const body = c.body(found.heading);
    if (body.length === 0 || body.some(b => DOWNSIDE.test(b.text))) return;
    yield { range: found.heading.range, message: `"${found.heading.text}" names no downside: add what becomes harder, riskier or costlier ("Bad, because …").` };
  },
};
