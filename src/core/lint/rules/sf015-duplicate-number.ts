import { basename, dirname } from '../../paths';
import { parseRecordFileName } from '../../record';
import type { Rule } from '../types';

/** SF015: two records with the same number in one folder. */
export const duplicateNumber: Rule = {
  code: 'SF015', name: 'duplicate-number', severity: 'error', kinds: 'all', scope: 'workspace',
  description: 'Two branches that each add "the next number" merge into two records with one number (madr#28). Links and `adr link` then point at whichever the tool finds first.',
  *check(c) {
    const own = parseRecordFileName(basename(c.record.path))?.number;
    if (own === undefined || !c.workspace) return;
    const others = c.workspace.numbered(dirname(c.record.path), own).filter(r => r.path !== c.record.path);
    if (others.length === 0) return;
    yield { range: c.anchor, message: `Number ${String(own).padStart(4, '0')} is also used by ${others.map(r => basename(r.path)).join(', ')}: renumber one of them.` };
  },
};
