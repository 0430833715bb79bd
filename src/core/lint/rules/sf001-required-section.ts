import { insertSectionFix } from '../edits';
import type { Rule } from '../types';

/** SF001: a section the record's format requires is missing. */
export const requiredSection: Rule = {
  code: 'SF001', name: 'required-section', severity: 'warning', kinds: 'all',
  description: "A reviewer's first questions are the ones a format's required sections answer. A decision without its alternatives cannot show it was a choice; a proposal without failure modes has not been thought through to its first incident.",
  *check(c) {
    for (const section of c.spec.sections) {
      if (!section.required || section.concept === 'status' || c.sections.has(section)) continue;
      let message: string;
      switch (section.concept) {
        case 'alternatives': message = `No alternatives considered: add a "${section.title}" section naming the options weighed and why they lost.`; break;
        case 'failure-modes': message = `No failure modes: add a "${section.title}" section saying what can break, how it is detected and how to roll back.`; break;
        case 'consequences': message = `No consequences: add a "${section.title}" section with what becomes easier, what becomes harder and the risks.`; break;
        default: message = `Missing required section "${section.title}" (${c.spec.label}).`;
      }
      yield { range: c.anchor, message, fix: insertSectionFix(c.spec, section, c.sections, c.lines, c.eol) };
    }
  },
};
