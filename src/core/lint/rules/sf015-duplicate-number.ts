import { collisionsAt } from '../../branchNumbers';
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
    const number = String(own).padStart(4, '0');
    const others = c.workspace.numbered(dirname(c.record.path), own).filter(r => r.path !== c.record.path);
    if (others.length > 0) yield { range: c.anchor, message: `Number ${number} is also used by ${others.map(r => basename(r.path)).join(', ')}: renumber one of them.` };
    // The same number held by another record where this change merges (`--base`): a duplicate after the merge.
    const atBase = c.base ? collisionsAt(basename(c.record.path), c.base) : [];
    if (c.base && atBase.length > 0) {
      yield { range: c.anchor, message: `Number ${number} is also used by ${atBase.join(', ')} on ${c.base.ref}: renumber this record before merging.` };
    }
  },
};
