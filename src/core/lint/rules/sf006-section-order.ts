import type { Rule } from '../types';

/** SF006: sections out of the template's order. */
export const sectionOrder: Rule = {
  code: 'SF006', name: 'section-order', severity: 'information', kinds: ['nygard', 'madr', 'log4brains', 'rfc'],
  description: 'Readers of a decision log learn where to look: context before the decision, the decision before its consequences. A record in its template\'s order reads like its neighbours.',
  *check(c) {
    // Sections at the top level of the template (sub-sections move with their parent).
    const top = Math.min(...c.spec.sections.map(s => s.level));
    const present = c.spec.sections.filter(s => s.level === top && c.sections.has(s));
    let latest = present[0];
    for (const section of present.slice(1)) {
      const heading = c.sections.get(section)!;
      if (heading.line < c.sections.get(latest)!.line) {
        yield { range: heading.range, message: `"${heading.text}" comes before "${c.sections.get(latest)!.text}"; the ${c.spec.label} template puts ${latest.title} first.` };
      } else {
        latest = section;
      }
    }
  },
};
