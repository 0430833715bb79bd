/**
 * The project configurations of the workspace (`.spec-first.json` / `.yaml`, at any depth): each
 * record takes the one of its project, as the core decides it (`projectRootOf`: the nearest folder
 * holding a configuration, `.adr-dir`, `.log4brains.yml` or `.git`, never above the workspace folder).
 * Read with `vscode.workspace.fs`, validated by the core, its kinds' templates read, kept current by
 * a file watcher. A bad file is reported where the user will see it — diagnostics on the file itself,
 * a line in the log, a warning once — and the valid part of it still applies.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, ProjectConfig, parseConfig, resolveKinds } from '../core/config';
import type { ProjectKind } from '../core/kinds';
import { PROJECT_MARKERS, projectRootOf } from '../core/project';
import { joinPath, parentOf, relativeTo } from '../core/workspace';
import { Disposable } from '../util/dispose';
import { errorMessage, log } from '../util/log';

/** A project's configuration, ready for the linter and the parser. */
export interface LoadedConfig {
  /** The file it came from, if any. */
  readonly uri?: vscode.Uri;
  readonly config: ProjectConfig;
  /** The project's kinds, their `files` globs relative to the workspace folder. */
  readonly kinds: readonly ProjectKind[];
  /** The record folders it names (`adr.directory`, `rfc.directory`), relative to the workspace folder. */
  readonly folders: { readonly adr?: string; readonly rfc?: string };
}

const NONE: LoadedConfig = { config: { rules: {}, kinds: [] }, kinds: [], folders: {} };

/** The marker files a search can find (`.git` is a folder, found by its `HEAD`, or a file in a worktree). */
const MARKER_GLOB = `**/{${[...PROJECT_MARKERS, '.git/HEAD'].join(',')}}`;
/** What the watcher follows: the markers but `.git`, whose `HEAD` changes at every checkout. */
const WATCHED_GLOB = `**/{${PROJECT_MARKERS.filter(m => m !== '.git').join(',')}}`;

/** Loads and watches every project configuration of the workspace. */
export class ProjectConfigService extends Disposable {
  /** Configurations by the folder holding them (URI string of the folder). */
  private configs = new Map<string, LoadedConfig>();
  /** Folders holding a project marker, by workspace folder (URI strings → `uri.path`s). */
  private markers = new Map<string, Set<string>>();
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('spec-first-config'));
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  private loading: Promise<void>;
  private readonly warned = new Set<string>();

  /** Fires after a configuration, or where projects start, changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.loading = this.loadAll();
    const again = () => { this.loading = this.loadAll().then(() => this.changed.fire()); };
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(WATCHED_GLOB));
    this._register(watcher.onDidCreate(again));
    this._register(watcher.onDidChange(again));
    this._register(watcher.onDidDelete(again));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(again));
  }

  /** Resolves when every configuration has been read. */
  ready(): Promise<void> {
    return this.loading;
  }

  /** Reads every configuration again (Refresh Decisions: a file watcher can miss a change), then fires {@link onDidChange}. */
  async reload(): Promise<void> {
    this.loading = this.loadAll();
    await this.loading;
    this.changed.fire();
  }

  /** The configuration at the root of a workspace folder (empty when it has none). */
  rootConfigOf(folder: vscode.WorkspaceFolder): LoadedConfig {
    return this.configs.get(folder.uri.toString()) ?? NONE;
  }

  /** Every configuration read from a file, with that file's URI. */
  allConfigs(): { readonly uri: vscode.Uri; readonly config: ProjectConfig }[] {
    return [...this.configs.values()].flatMap(c => (c.uri ? [{ uri: c.uri, config: c.config }] : []));
  }

  /** The configuration of the project holding `uri` (empty when its project has none). */
  configFor(uri: vscode.Uri): LoadedConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return NONE;
    const marked = this.markers.get(folder.uri.toString()) ?? new Set<string>();
    const root = projectRootOf(parentOf(uri.path), dir => marked.has(dir), folder.uri.path);
    return this.configs.get(folder.uri.with({ path: root }).toString()) ?? NONE;
  }

  private async loadAll(): Promise<void> {
    const configs = new Map<string, LoadedConfig>();
    const markers = new Map<string, Set<string>>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKER_GLOB), '**/node_modules/**').then(undefined, err => {
        log().warn(`${folder.name}: could not look for project files: ${errorMessage(err)}`);
        return [] as vscode.Uri[];
      });
      const marked = new Set<string>();
      const configFolders = new Set<string>();
      for (const uri of found) {
        const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
        const dir = name === 'HEAD' ? parentOf(parentOf(uri.path)) : parentOf(uri.path);
        marked.add(dir);
        if (CONFIG_FILE_NAMES.includes(name)) configFolders.add(dir);
      }
      // The workspace folder's own configuration is looked for even when the search skips it (files.exclude).
      configFolders.add(folder.uri.path);
      markers.set(folder.uri.toString(), marked);
      for (const dir of configFolders) {
        const loaded = await this.load(folder, dir);
        if (loaded) {
          configs.set(folder.uri.with({ path: dir }).toString(), loaded);
          marked.add(dir);
        }
      }
    }
    this.configs = configs;
    this.markers = markers;
  }

  /** Reads the configuration in `dir` (a `uri.path` inside `folder`), the first of {@link CONFIG_FILE_NAMES}. Never throws. */
  private async load(folder: vscode.WorkspaceFolder, dir: string): Promise<LoadedConfig | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = folder.uri.with({ path: joinPath(dir, name) });
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.diagnostics.delete(uri);
        continue;
      }
      const shown = relativeTo(folder.uri.path, uri.path) ?? name;
      const { config, errors } = parseConfig(text);
      const templates = new Map<string, string | undefined>();
      for (const k of config.kinds) {
        if (!k.template) continue;
        try {
          // The configuration checked that the path stays inside its folder (core/paths containedPath).
          templates.set(k.template, new TextDecoder().decode(await vscode.workspace.fs.readFile(folder.uri.with({ path: joinPath(dir, k.template) }))));
        } catch (err) {
          log().warn(`${shown}: the template ${k.template} could not be read: ${errorMessage(err)}`);
          templates.set(k.template, undefined);
        }
      }
      const resolved = resolveKinds(config, templates, relativeTo(folder.uri.path, dir) ?? '');
      const problems = [
        ...errors.map(e => new vscode.Diagnostic(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.message, vscode.DiagnosticSeverity.Error)),
        ...resolved.errors.map(message => new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error)),
      ];
      for (const d of problems) d.source = 'spec-first';
      this.diagnostics.set(uri, problems);
      if (problems.length > 0) {
        for (const d of problems) log().warn(`${folder.name}/${shown}:${d.range.start.line + 1}: ${d.message}`);
        if (!this.warned.has(uri.toString())) {
          this.warned.add(uri.toString());
          void vscode.window.showWarningMessage(`Spec-First: ${shown} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the rest of it applies. See the Problems panel.`);
        }
      } else {
        this.warned.delete(uri.toString());
        log().info(`${folder.name}: using ${shown} (${Object.keys(config.rules).length} rule levels, ${resolved.kinds.length} project kinds).`);
      }
      // The folders it names are relative to its own folder (and contained in it: see parseConfig).
      const base = relativeTo(folder.uri.path, dir) ?? '';
      const inFolder = (named: string | undefined) => (named === undefined ? undefined : [base, named].filter(Boolean).join('/'));
      return { uri, config, kinds: resolved.kinds, folders: { adr: inFolder(config.adrDirectory), rfc: inFolder(config.rfcDirectory) } };
    }
    return undefined;
  }
}
