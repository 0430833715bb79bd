/**
 * The options the core reads a record and lints it with, for one file: the status vocabulary (the
 * setting when the user set it, else the project's `.spec-first.json`: the core's `statusVocabulary`), the folder hint, the project's kinds, the rule
 * levels (the project's, then the user's `specFirst.lint.rules` over them). One place, so that the
 * explorer, the linter, the preview and the context key read a record the same way.
 */
import * as vscode from 'vscode';
import { TODAY_VARIABLE } from '../core/calendar';
import { ParseOptions, statusVocabulary } from '../core/record';
import type { LintOptions } from '../core/lint';
import type { RenderOptions } from '../core/render';
import { settings } from '../util/settings';
import type { ProjectConfigService } from './projectConfig';

/** Parse options for a file of the workspace. */
export function parseOptionsFor(uri: vscode.Uri, hint: 'adr' | 'rfc' | undefined, config: ProjectConfigService): ParseOptions {
  const project = config.configFor(uri);
  return { statuses: statusVocabulary({ setting: settings(uri).statuses, project: project.config.statuses }), folderHint: hint, kinds: project.kinds };
}

/**
 * "Today" as the environment pins it (`SPEC_FIRST_TODAY`, for tests), else undefined: the core then
 * takes the clock's local date. The browser's extension host has no environment.
 */
export function pinnedToday(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[TODAY_VARIABLE] || undefined;
}

/** Lint options for a file: its parse options, the rule levels, the project's health settings and "today". */
export function lintOptionsFor(uri: vscode.Uri, hint: 'adr' | 'rfc' | undefined, config: ProjectConfigService): LintOptions {
  const project = config.configFor(uri).config;
  return {
    ...parseOptionsFor(uri, hint, config), rules: { ...project.rules, ...settings(uri).lintRules },
    reviewAfter: project.reviewAfter, staleAfter: project.staleAfter, today: pinnedToday(),
  };
}

/** Render options for a file shown in the preview: its status vocabulary (the status badge reads the status with it). */
export function renderOptionsFor(uri: vscode.Uri, config: ProjectConfigService): RenderOptions {
  return { statuses: parseOptionsFor(uri, undefined, config).statuses };
}
