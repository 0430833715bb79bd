import { durationText, staleProposalOf } from '../../reviewDates';
import type { Rule } from '../types';

/** SF021: a proposal or draft left undecided past the project's `staleAfter`. */
export const staleProposal: Rule = {
  code: 'SF021', name: 'stale-proposal', severity: 'information', kinds: 'all',
  description: 'A record left "proposed" for months is neither a decision nor a discussion anyone is having. Readers cannot tell whether it holds; decide it, or withdraw it.',
  *check(c) {
    const stale = staleProposalOf(c.record, c.health, c.today, c.firstCommitted);
    if (!stale) return;
    yield {
      range: c.record.statusRange ?? c.record.dateRange ?? c.anchor,
      message: `Still ${c.record.status} since ${stale.since}${stale.fromGit ? ' (first committed; the record has no date)' : ''}, undecided past ${stale.deadline} (staleAfter ${durationText(c.health.staleAfter)}): accept it, reject it, or withdraw it.`,
    };
  },
};
