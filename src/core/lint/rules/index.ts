/**
 * The rule catalogue, in code order. Each rule is one file; its docs page is `docs/rules/<code>.md`.
 * Codes are stable and never reused.
 */
import type { Rule } from '../types';
import { brokenLink } from './brokenLink';
import { chosenOption } from './chosenOption';
import { date } from './date';
import { noDownside } from './downside';
import { duplicateNumber } from './duplicateNumber';
import { emptySection } from './emptySection';
import { invalidFrontMatter } from './invalidFrontMatter';
import { mermaidSyntax } from './mermaid';
import { missingStatus } from './missingStatus';
import { numberMismatch } from './numberMismatch';
import { oneSidedRelation } from './oneSidedRelation';
import { tooFewOptions } from './options';
import { requiredSection } from './requiredSection';
import { rollback } from './rollback';
import { sectionOrder } from './sectionOrder';
import { supersededAccepted } from './supersededAccepted';
import { title } from './title';
import { unknownStatus } from './unknownStatus';
import { unresolvedInAccepted } from './unresolved';

/** Every rule, by code order. */
export const RULE_LIST: readonly Rule[] = [
  requiredSection, emptySection, missingStatus, unknownStatus, invalidFrontMatter, sectionOrder, date, title,
  numberMismatch, tooFewOptions, chosenOption, noDownside, rollback, unresolvedInAccepted, duplicateNumber,
  brokenLink, oneSidedRelation, supersededAccepted, mermaidSyntax,
];

/** The rules by code. */
export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULE_LIST.map(r => [r.code, r]));

/** The rule a code or name stands for (`SF012`, `sf012`, `no-downside`), or undefined. */
export function findRule(codeOrName: string): Rule | undefined {
  const key = codeOrName.trim();
  return RULES_BY_CODE.get(key.toUpperCase()) ?? RULE_LIST.find(r => r.name === key.toLowerCase());
}
