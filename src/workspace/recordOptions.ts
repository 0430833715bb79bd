/**
 * The options the core reads a record and lints it with, for one file: the status vocabulary (the
 * setting when the user set it, else the project's `.spec-first.json`: the core's `statusVocabulary`), the folder hint, the project's kinds, the rule
 * levels (the project's, then the user's `specFirst.lint.rules` over them). One place, so that the
 * explorer, the linter, the preview and the context key read a record the same way.
 */
import * as vscode from 'vscode';
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

/** Lint options for a file: its parse options and the rule levels. */
export function lintOptionsFor(uri: vscode.Uri, hint: 'adr' | 'rfc' | undefined, config: ProjectConfigService): LintOptions {
  return { ...parseOptionsFor(uri, hint, config), rules: { ...config.configFor(uri).config.rules, ...settings(uri).lintRules } };
}

/** Render options for a file shown in the preview: its status vocabulary (the status badge reads the status with it). */
export function renderOptionsFor(uri: vscode.Uri, config: ProjectConfigService): RenderOptions {
  return { statuses: parseOptionsFor(uri, undefined, config).statuses };
}
