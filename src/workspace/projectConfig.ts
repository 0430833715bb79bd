/**
 * Each workspace folder's project configuration (`.spec-first.json` / `.yaml` at its root): read with
 * `vscode.workspace.fs`, validated by the core, its kinds' templates read, kept current by a file
 * watcher. A bad file is reported where the user will see it — diagnostics on the file itself, a
 * line in the log, a warning once — and the valid part of it still applies.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, ProjectConfig, parseConfig, resolveKinds } from '../core/config';
import type { ProjectKind } from '../core/kinds';
import { errorMessage, log } from '../util/log';

/** A folder's configuration, ready for the linter and the parser. */
export interface LoadedConfig {
  /** The file it came from, if any. */
  readonly uri?: vscode.Uri;
  readonly config: ProjectConfig;
  readonly kinds: readonly ProjectKind[];
}

const NONE: LoadedConfig = { config: { rules: {}, kinds: [] }, kinds: [] };

/** Loads and watches the configuration of every workspace folder. */
export class ProjectConfigService implements vscode.Disposable {
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('spec-first-config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];
  private loading: Promise<void>;
  private warned = new Set<string>();

  /** Fires after a folder's configuration changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.loading = this.loadAll();
    const again = () => { this.loading = this.loadAll().then(() => this.changed.fire()); };
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    this.disposables.push(watcher, watcher.onDidCreate(again), watcher.onDidChange(again), watcher.onDidDelete(again),
      vscode.workspace.onDidChangeWorkspaceFolders(again));
  }

  /** Resolves when every folder's configuration has been read. */
  ready(): Promise<void> {
    return this.loading;
  }

  /** The configuration of the folder holding `uri` (empty when there is none). */
  configFor(uri: vscode.Uri): LoadedConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return (folder && this.configs.get(folder.uri.toString())) ?? NONE;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async loadAll(): Promise<void> {
    const loaded = await Promise.all((vscode.workspace.workspaceFolders ?? []).map(async f => [f.uri.toString(), await this.load(f)] as const));
    this.configs.clear();
    for (const [key, config] of loaded) this.configs.set(key, config);
  }

  /** Reads one folder's configuration. Never throws. */
  private async load(folder: vscode.WorkspaceFolder): Promise<LoadedConfig> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.diagnostics.delete(uri);
        continue;
      }
      const { config, errors } = parseConfig(text);
      const templates = new Map<string, string | undefined>();
      for (const k of config.kinds) {
        if (!k.template) continue;
        try {
          // The configuration checked that the path stays inside the folder (core/paths containedPath).
          templates.set(k.template, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, ...k.template.split('/')))));
        } catch (err) {
          log().warn(`${name}: the template ${k.template} could not be read: ${errorMessage(err)}`);
          templates.set(k.template, undefined);
        }
      }
      const resolved = resolveKinds(config, templates);
      const problems = [
        ...errors.map(e => new vscode.Diagnostic(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.message, vscode.DiagnosticSeverity.Error)),
        ...resolved.errors.map(message => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error)),
      ];
      for (const d of problems) d.source = 'spec-first';
      this.diagnostics.set(uri, problems);
      if (problems.length > 0) {
        for (const d of problems) log().warn(`${folder.name}/${name}:${d.range.start.line + 1}: ${d.message}`);
        if (!this.warned.has(uri.toString())) {
          this.warned.add(uri.toString());
          void vscode.window.showWarningMessage(`Spec-First: ${name} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the rest of it applies. See the Problems panel.`);
        }
      } else {
        this.warned.delete(uri.toString());
        log().info(`${folder.name}: using ${name} (${Object.keys(config.rules).length} rule levels, ${resolved.kinds.length} project kinds).`);
      }
      return { uri, config, kinds: resolved.kinds };
    }
    return NONE;
  }
}
