/**
 * Knows where records live in each workspace folder (its ADR folder and RFC folder) and so which
 * Markdown files are decision-document candidates: numbered (`0007-…md`) or date-prefixed
 * (`20240115-…md`) files anywhere, and any Markdown file inside an ADR or RFC folder — never
 * README, index or template files. Whether a candidate really is a record is then read from its
 * content by the core (`parseRecord`).
 */
import * as vscode from 'vscode';
import { FolderProbe, cleanRelativePath, findAdrFolder } from '../core/folders';
import { isNonRecordFileName, parseRecordFileName, projectKindOf } from '../core/record';
import { errorMessage, log } from '../util/log';
import { settings } from '../util/settings';
import type { ProjectConfigService } from './projectConfig';

/** The record folders of one workspace folder, relative POSIX paths. */
export interface RecordFolders {
  readonly adr: string;
  readonly rfc: string;
}

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
      config.onDidChange(() => this.changed.fire()),
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

  /** The record folders of a workspace folder (the RFC default and `docs/adr` until resolved). */
  foldersOf(folder: vscode.WorkspaceFolder): RecordFolders {
    return this.folders.get(folder.uri.toString()) ?? { adr: 'docs/adr', rfc: cleanRelativePath(settings(folder).rfcDirectory) };
  }

  /** Resolves the ADR folder of one workspace folder now (for commands that are about to write into it). */
  async resolve(folder: vscode.WorkspaceFolder): Promise<RecordFolders> {
    const s = settings(folder);
    const adr = await findAdrFolder(s.adrDirectory, workspaceProbe(folder.uri));
    const result = { adr: adr.folder, rfc: cleanRelativePath(s.rfcDirectory) };
    this.folders.set(folder.uri.toString(), result);
    log().debug(`ADR folder of ${folder.name}: ${adr.folder} (from ${adr.source}); RFC folder: ${result.rfc}`);
    return result;
  }

  /**
   * Whether `uri` is a decision-document candidate, and the folder hint for kind detection:
   * `adr`/`rfc` inside those folders, `name` for a numbered or dated file elsewhere, undefined otherwise.
   */
  classify(uri: vscode.Uri): { hint?: 'adr' | 'rfc'; relativePath: string } | undefined {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (!/\.md$/i.test(name)) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const relativePath = folder ? vscode.workspace.asRelativePath(uri, false) : name;
    // A project's own kinds (`.spec-first.json`) name their files, README.md included (KEPs).
    if (folder && projectKindOf(relativePath, this.config.configFor(uri).kinds)) return { relativePath };
    if (isNonRecordFileName(name)) return undefined;
    if (folder) {
      const { adr, rfc } = this.foldersOf(folder);
      const dir = relativePath.slice(0, relativePath.lastIndexOf('/'));
      if (dir === adr) return { hint: 'adr', relativePath };
      if (dir === rfc) return { hint: 'rfc', relativePath };
    }
    return parseRecordFileName(name) ? { relativePath } : undefined;
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
