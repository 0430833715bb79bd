/**
 * Lint rules for decision documents: what a reviewer checks. The engine (`engine.ts`) runs the
 * catalogue (`rules/`), each rule with a stable code documented in `docs/rules/<code>.md`.
 */
export type { BodyLine, DiagramProblem, Finding, Fix, Rule, RuleContext, RuleFinding, RuleLevel, Severity, TextEdit, WorkspaceRecord, WorkspaceRecords } from './types';
export type { LintOptions } from './engine';
export { MAX_LINE_LENGTH, kindSpecOf, lintDiagramsOf, lintRecord, lintText, longLinesNotice } from './engine';
export { insertSectionFix, setStatusEdits } from './edits';
export { RULE_LIST, RULES_BY_CODE, findRule } from './rules';

import { RULE_LIST } from './rules';
import type { Severity } from './types';

/** The rules by code: name and default severity (for the CLI's SARIF and the docs). */
export const RULES: Readonly<Record<string, { readonly name: string; readonly severity: Severity }>> =
  Object.fromEntries(RULE_LIST.map(r => [r.code, { name: r.name, severity: r.severity }]));

/** A rule code (`SF001`…). */
export type RuleCode = string;
