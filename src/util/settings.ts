/**
 * Typed access to the `specFirst.*` settings contributed in package.json, per resource (settings
 * are `resource`-scoped, so each workspace folder can have its own).
 */
import * as vscode from 'vscode';

/** The settings Spec-First reads, with their defaults. */
export interface Settings {
  readonly adrDirectory: string;
  readonly adrTemplate: string;
  readonly rfcDirectory: string;
  /** `specFirst.status.vocabulary` when the user set it (in any scope), else undefined: see the core's `statusVocabulary`. */
  readonly statuses: readonly string[] | undefined;
  readonly lintEnabled: boolean;
  readonly lintDelay: number;
  /** Rule levels by code or name (`{ "SF012": "off" }`), applied over the project's `.spec-first.json`. */
  readonly lintRules: Readonly<Record<string, 'off' | 'error' | 'warning' | 'information' | 'hint'>>;
}

/** Reads the settings that apply to `scope` (a document or workspace folder URI). */
export function settings(scope?: vscode.Uri | vscode.WorkspaceFolder): Settings {
  const c = vscode.workspace.getConfiguration('specFirst', scope);
  const set = c.inspect<unknown>('status.vocabulary');
  const statuses = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
  return {
    adrDirectory: c.get<string>('adr.directory') ?? '',
    adrTemplate: c.get<string>('adr.template') ?? 'auto',
    rfcDirectory: c.get<string>('rfc.directory') || 'docs/rfcs',
    statuses: Array.isArray(statuses) && statuses.length > 0 ? statuses.map(s => String(s)) : undefined,
    lintEnabled: c.get<boolean>('lint.enabled') ?? true,
    lintDelay: Math.max(0, Math.min(5000, c.get<number>('lint.delay') ?? 300)),
    lintRules: ruleLevels(c.get<unknown>('lint.rules')),
  };
}

const LEVELS = new Set(['off', 'error', 'warning', 'information', 'hint']);

/** The valid entries of the `specFirst.lint.rules` object (the settings editor validates it too). */
function ruleLevels(value: unknown): Settings['lintRules'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, level]) => typeof level === 'string' && LEVELS.has(level))) as Settings['lintRules'];
}
