/**
 * Typed access to the `specFirst.*` settings contributed in package.json, per resource (settings
 * are `resource`-scoped, so each workspace folder can have its own).
 */
import * as vscode from 'vscode';
import { DEFAULT_STATUSES } from '../core/record';

/** The settings Spec-First reads, with their defaults. */
export interface Settings {
  readonly adrDirectory: string;
  readonly adrTemplate: string;
  readonly rfcDirectory: string;
  readonly statuses: readonly string[];
  readonly lintEnabled: boolean;
  readonly lintDelay: number;
}

/** Reads the settings that apply to `scope` (a document or workspace folder URI). */
export function settings(scope?: vscode.Uri | vscode.WorkspaceFolder): Settings {
  const c = vscode.workspace.getConfiguration('specFirst', scope);
  const statuses = c.get<string[]>('status.vocabulary');
  return {
    adrDirectory: c.get<string>('adr.directory') ?? '',
    adrTemplate: c.get<string>('adr.template') ?? 'auto',
    rfcDirectory: c.get<string>('rfc.directory') || 'docs/rfcs',
    statuses: Array.isArray(statuses) && statuses.length > 0 ? statuses.map(s => String(s).toLowerCase()) : DEFAULT_STATUSES,
    lintEnabled: c.get<boolean>('lint.enabled') ?? true,
    lintDelay: Math.max(0, Math.min(5000, c.get<number>('lint.delay') ?? 300)),
  };
}
