/**
 * The rule catalogue, in code order. Each rule is one file, `sfNNN-rule-name.ts` (its code and name);
 * its docs page is `docs/rules/<code>.md`. Codes are stable and never reused.
 */
import type { Rule } from '../types';
import { requiredSection } from './sf001-required-section';
import { emptySection } from './sf002-empty-section';
import { missingStatus } from './sf003-missing-status';
import { unknownStatus } from './sf004-unknown-status';
import { invalidFrontMatter } from './sf005-invalid-front-matter';
import { sectionOrder } from './sf006-section-order';
import { date } from './sf007-date';
import { title } from './sf008-missing-title';
import { numberMismatch } from './sf009-number-mismatch';
import { tooFewOptions } from './sf010-too-few-options';
import { chosenOption } from './sf011-chosen-option-not-considered';
import { noDownside } from './sf012-no-downside';
import { rollback } from './sf013-failure-modes-and-rollback';
import { unresolvedInAccepted } from './sf014-unresolved-in-accepted';
import { duplicateNumber } from './sf015-duplicate-number';
import { brokenLink } from './sf016-broken-record-link';
import { oneSidedRelation } from './sf017-one-sided-relation';
import { supersededAccepted } from './sf018-superseded-still-accepted';
import { mermaidSyntax } from './sf019-mermaid-syntax';
import { reviewDue } from './sf020-review-due';
import { staleProposal } from './sf021-stale-proposal';
import { noDecisionMakers } from './sf022-no-decision-makers';
import { referenceToSuperseded } from './sf023-reference-to-superseded';
import { brokenHeadingLink } from './sf024-broken-heading-link';
import { linkLabelMismatch } from './sf025-link-label-mismatch';

/** Every rule, by code order. */
export const RULE_LIST: readonly Rule[] = [
  requiredSection, emptySection, missingStatus, unknownStatus, invalidFrontMatter, sectionOrder, date, title,
  numberMismatch, tooFewOptions, chosenOption, noDownside, rollback, unresolvedInAccepted, duplicateNumber,
  brokenLink, oneSidedRelation, supersededAccepted, mermaidSyntax, reviewDue, staleProposal, noDecisionMakers,
  referenceToSuperseded, brokenHeadingLink, linkLabelMismatch,
];

/** The rules by code. */
export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULE_LIST.map(r => [r.code, r]));

/** The rule a code or name stands for (`SF012`, `sf012`, `no-downside`), or undefined. */
export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return RULES_BY_CODE.get(key.toUpperCase()) ?? RULE_LIST.find(r => r.name === key.toLowerCase());
}
