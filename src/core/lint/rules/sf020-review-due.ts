import { addDuration } from '../../calendar';
import { DEFAULT_REVIEW_AFTER, SNOOZE, durationText, reviewDueOf, reviewEdits } from '../../reviewDates';
import type { Rule } from '../types';

/** SF020: a record whose review date has passed. */
export const reviewDue: Rule = {
  code: 'SF020', name: 'review-due', severity: 'warning', kinds: 'all',
  description: 'A review date (`review-by`, `- Review by:`, or the project\'s `reviewAfter`) is a promise to look at the decision again. Once it passes unnoticed, the record keeps the word of a team that may have moved on.',
  *check(c) {
    const review = reviewDueOf(c.record, c.lines, c.health);
    if (!review || review.due >= c.today) return;
    const why = review.counted ? `: dated ${review.counted.from}, reviewed every ${durationText(review.counted.reviewAfter)} (reviewAfter)`
      : ` (${review.written?.key})`;
    // Computed from calendar dates that were checked: never undefined here.
    const next = addDuration(c.today, c.health.reviewAfter ?? DEFAULT_REVIEW_AFTER) as string;
    const snoozed = addDuration(c.today, SNOOZE) as string;
    yield {
      range: review.written?.range ?? c.record.dateRange ?? c.anchor,
      message: `Review was due on ${review.due}${why}: review the decision, then mark it reviewed or set a new date.`,
      fix: { title: 'Mark reviewed today', edits: reviewEdits(c.record, c.lines, c.eol, review, next, c.today) },
      alternatives: [{ title: 'Snooze 3 months', edits: reviewEdits(c.record, c.lines, c.eol, review, snoozed) }],
    };
  },
};
