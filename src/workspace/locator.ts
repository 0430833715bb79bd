/**
 * Knows where records live in each workspace folder (its ADR folder and RFC folder), and asks the
 * core's record-file rule (`classifyRecordFile`) which Markdown files are decision-document
 * candidates. Whether a candidate really is a record is then read from its content (`parseRecord`).
 */
import * as vscode from 'vscode';
import { FolderProbe, findAdrFolder, folderHint } from '../core/folders';
import { classifyRecordFile } from '../core/project';
import { relativeTo } from '../core/workspace';
import { errorMessage, log } from '../util/log';
import { settings } from '../util/settings';
import type { ProjectConfigService } from './projectConfig';

/** The record folders of one workspace folder, relative POSIX paths. */
export interface RecordFolders {
  readonly adr: string;
  readonly rfc: string;
  /**
   * Folder hints refused because they leave the workspace folder or are absolute (one message each,
   * naming the file or setting that asked), by the folder they were meant to name. The folders above
   * then come from the next source; commands that write refuse to while one is listed.
   */
  readonly refused: { readonly adr: readonly string[]; readonly rfc: readonly string[] };
}

const DEFAULT_RFC_FOLDER = 'docs/rfcs';

/** A {@link FolderProbe} over `vscode.workspace.fs`, rooted at a folder URI. Never throws. */
export function workspaceProbe(root: vscode.Uri): FolderProbe {
  const at = (p: string) => vscode.Uri.joinPath(root, ...p.split('/').filter(Boolean));
  return {
    async isDirectory(p) {
      try {
        return ((await vscode.workspace.fs.stat(at(p))).type & vscode.FileType.Directory) !== 0;
      } catch {
        return false;
      }
    },
    async readText(p) {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(at(p)));
      } catch {
        return undefined;
      }
    },
  };
}

/** Resolves and caches each workspace folder's {@link RecordFolders}; re-resolves when settings or `.adr-dir` change. */
export class RecordLocator implements vscode.Disposable {
  private readonly folders = new Map<string, RecordFolders>();
  /** Refusal messages already shown, so that each is shown once. */
  private readonly shown = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a folder's record folders changed (after {@link ready}). */
  readonly onDidChange = this.changed.event;
  private resolving: Promise<void>;

  /** `config`: the project configurations, whose kinds make their files candidates too. */
  constructor(readonly config: ProjectConfigService) {
    this.resolving = Promise.all([this.resolveAll(), config.ready()]).then(() => undefined);
    const again = () => { this.resolving = this.resolveAll().then(() => this.changed.fire()); };
    this.disposables.push(
      this.changed,
      // A configuration may name the record folders (`adr.directory`, `rfc.directory`).
      config.onDidChange(again),
      vscode.workspace.onDidChangeWorkspaceFolders(again),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('specFirst.adr.directory') || e.affectsConfiguration('specFirst.rfc.directory')) again();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.adr-dir,.log4brains.yml}');
    this.disposables.push(watcher, watcher.onDidCreate(again), watcher.onDidChange(again), watcher.onDidDelete(again));
  }

  /** Resolves when every workspace folder's record folders are known. */
  ready(): Promise<void> {
    return this.resolving;
  }

  /** The record folders of a workspace folder (`docs/adr` and the RFC setting's folder until resolved). */
  foldersOf(folder: vscode.WorkspaceFolder): RecordFolders {
    return this.folders.get(folder.uri.toString()) ?? { adr: 'docs/adr', ...rfcFolder(folder, this.config.rootConfigOf(folder).folders.rfc) };
  }

  /**
   * Resolves the record folders of one workspace folder now (for commands that are about to write
   * into them). A refused folder hint is logged and shown once.
   */
  async resolve(folder: vscode.WorkspaceFolder): Promise<RecordFolders> {
    await this.config.ready();
    const configured = this.config.rootConfigOf(folder).folders;
    const adr = await findAdrFolder(settings(folder).adrDirectory, workspaceProbe(folder.uri), settingOrigin(folder, 'adr.directory'), configured.adr);
    const rfc = rfcFolder(folder, configured.rfc);
    const result: RecordFolders = { adr: adr.folder, rfc: rfc.rfc, refused: { adr: adr.refused, rfc: rfc.refused.rfc } };
    this.folders.set(folder.uri.toString(), result);
    log().debug(`ADR folder of ${folder.name}: ${adr.folder} (from ${adr.source}); RFC folder: ${result.rfc}`);
    for (const message of [...result.refused.adr, ...result.refused.rfc]) {
      log().warn(`${folder.name}: ${message}`);
      if (!this.shown.has(message)) {
        this.shown.add(message);
        void vscode.window.showWarningMessage(`Spec-First: ${message} Spec-First reads and writes only inside the workspace folder.`);
      }
    }
    return result;
  }

  /**
   * Whether `uri` is a decision-document candidate, and the folder hint for kind detection:
   * `adr`/`rfc` inside those folders, `name` for a numbered or dated file elsewhere, undefined otherwise.
   */
  classify(uri: vscode.Uri): { hint?: 'adr' | 'rfc'; relativePath: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relativePath = folder ? relativeTo(folder.uri.path.replace(/(?<=.)\/$/, ''), uri.path) ?? uri.path : uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const folders = folder ? this.foldersOf(folder) : undefined;
    // The workspace folder's record folders, and those the file's own project configuration names.
    const project = folder ? this.config.configFor(uri) : undefined;
    const named = (own: string | undefined, configured: string | undefined) => [own, configured].filter((f): f is string => f !== undefined);
    const found = classifyRecordFile(relativePath, { adr: named(folders?.adr, project?.folders.adr), rfc: named(folders?.rfc, project?.folders.rfc) }, project?.kinds ?? [], uri.path);
    return found && { hint: found.folderHint, relativePath };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async resolveAll(): Promise<void> {
    this.folders.clear();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map(f => this.resolve(f).catch(err => {
      log().warn(`Could not resolve the record folders of ${f.name}: ${errorMessage(err)}`);
    })));
  }
}

/**
 * The RFC folder of a workspace folder: the `specFirst.rfc.directory` setting when the user set it,
 * contained; else `configured` (the root configuration's `rfc.directory`, contained already); else
 * the setting's default. The default too when the setting is refused.
 */
function rfcFolder(folder: vscode.WorkspaceFolder, configured?: string): Pick<RecordFolders, 'rfc' | 'refused'> {
  const set = vscode.workspace.getConfiguration('specFirst', folder).inspect<string>('rfc.directory');
  const userSet = set?.workspaceFolderValue ?? set?.workspaceValue ?? set?.globalValue;
  if (!userSet && configured) return { rfc: configured, refused: { adr: [], rfc: [] } };
  const hint = folderHint(settings(folder).rfcDirectory, settingOrigin(folder, 'rfc.directory'));
  return hint.refused ? { rfc: DEFAULT_RFC_FOLDER, refused: { adr: [], rfc: [hint.refused] } } : { rfc: hint.folder || DEFAULT_RFC_FOLDER, refused: { adr: [], rfc: [] } };
}

/** A setting as messages name it: its key and the settings file its value comes from. */
function settingOrigin(folder: vscode.WorkspaceFolder, key: 'adr.directory' | 'rfc.directory'): string {
  const inspected = vscode.workspace.getConfiguration('specFirst', folder).inspect<string>(key);
  const value = vscode.workspace.getConfiguration('specFirst', folder).get<string>(key);
  const where = value === inspected?.workspaceFolderValue ? `${folder.name}/.vscode/settings.json`
    : value === inspected?.workspaceValue ? (vscode.workspace.workspaceFile ? 'the workspace file' : '.vscode/settings.json')
      : 'the user settings';
  return `The setting specFirst.${key} (in ${where})`;
}
