import type { Rule } from '../types';

/** SF008: the record has no title. */
export const title: Rule = {
  code: 'SF008', name: 'missing-title', severity: 'warning', kinds: ['nygard', 'madr', 'log4brains', 'rfc'],
  description: 'The title is what the decision log, the explorer and every link show. Without a `# Title` heading the file name stands in for it.',
  *check(c) {
    if (!c.record.titleHeading && !c.record.frontMatter?.data.title) {
      yield { range: c.anchor, message: 'No title: start the record with a "# Title" heading that names the decision.' };
    }
  },
};
