import { formatOf } from '../../formats';
import { fieldName, readField } from '../../recordFields';
import type { Rule } from '../types';

/** A template's prompt left in place: `[list everyone involved in the decision]`, `{…}`. */
const PLACEHOLDER = /^\[[^\]]*\]$|^\{[^}]*\}$/;

/** SF022: an accepted record that names no decision makers where its format has the field. Off by default. */
export const noDecisionMakers: Rule = {
  code: 'SF022', name: 'no-decision-makers', severity: 'information', kinds: 'all', off: true,
  description: 'Who decided is what a later reader asks first, to know whom to ask and whether the decision still has owners. MADR keeps them in `decision-makers`, log4brains in `- Deciders:`. Off by default: many teams decide as a whole and leave the field out.',
  *check(c) {
    const field = formatOf(c.record).decisionMakersField;
    if (!field || c.record.status !== 'accepted') return;
    // MADR 3.0 named the key `deciders`; log4brains' bullet reads either way too.
    const written = readField(c.record, c.lines, [fieldName(field), 'deciders', 'decision makers']);
    if (written && written.text && !PLACEHOLDER.test(written.text)) return;
    yield {
      range: written?.text ? written.range : c.anchor,
      message: `Accepted, but names no decision makers: say who decided in "${field}".`,
    };
  },
};
