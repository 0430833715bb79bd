import type { Rule } from '../types';

/** SF005: YAML front matter that does not parse. */
export const invalidFrontMatter: Rule = {
  code: 'SF005', name: 'invalid-front-matter', severity: 'warning', kinds: 'all',
  description: 'Front matter that does not parse hides the status, date and decision makers from every tool that reads them (Spec-First, MADR tooling, static site generators).',
  *check(c) {
    const error = c.record.frontMatter?.error;
    if (error) yield { range: error.range, message: `Invalid front matter: ${error.message}` };
  },
};
