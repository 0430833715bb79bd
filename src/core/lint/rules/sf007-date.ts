import { isIsoDate } from '../../calendar';
import type { Rule } from '../types';

/** Kinds whose template writes a date, and how a missing one is reported (MADR makes it optional: not reported). */
const EXPECTED: Readonly<Record<string, 'warning' | 'information'>> = { nygard: 'warning', log4brains: 'warning', rfc: 'warning' };

/** SF007: the date is missing, or not an ISO 8601 date. */
export const date: Rule = {
  code: 'SF007', name: 'date', severity: 'warning', kinds: ['nygard', 'madr', 'log4brains', 'rfc', 'rust-rfc'],
  description: 'The date tells a reader how old the reasoning is and which records came before. `YYYY-MM-DD` (ISO 8601, adr-tools\' own choice in its ADR 8) sorts, parses and reads the same everywhere.',
  *check(c) {
    const written = c.record.date;
    if (written === undefined) {
      const severity = EXPECTED[c.record.kind];
      if (severity && !c.record.frontMatter?.error) yield { range: c.anchor, severity, message: 'No date: say when this was decided (YYYY-MM-DD).' };
      return;
    }
    // A date read from a log4brains file name (no range) is ISO by construction.
    if (c.record.dateRange && !isIsoDate(written.replace(/^\((.*)\)$/, '$1').trim())) yield { range: c.record.dateRange, message: `Date "${written}" is not an ISO 8601 date: write it as YYYY-MM-DD.` };
  },
};
