/**
 * What git knows of a record file's history, read through VS Code's Git extension (see
 * `gitBranches.ts`), for the health views: the day its file was first committed (a proposal without a
 * date is stale counted from it, as the CLI counts it), and for a decided record the day of the oldest
 * commit whose version has its status (the report's time to decide). Days are local calendar dates of
 * the commits' author dates. Without the Git extension (the browser's host) or a repository, nothing is
 * known and the views leave these out. Each file's history is read once a minute at most.
 */
import * as vscode from 'vscode';
import { localToday } from '../core/calendar';
import { errorMessage, log } from '../util/log';
import { repositoryOf, type GitCommit, type GitRepository } from './gitBranches';

/** A file's commits are read up to this many (newest first): the first commit of a longer history is not known. */
const MAX_COMMITS = 200;
/** How long a file's history is kept before it is read again. */
const KEEP_MS = 60_000;

/** A record file's history: the day of its first commit, and its commits oldest first. */
interface FileHistory {
  readonly first?: string;
  readonly commits: readonly GitCommit[];
  readonly repository: GitRepository;
}

/** A file's history being read or read: when it was asked, the reading, and what the last settled reading gave (null: git could not tell). */
interface KeptHistory {
  readonly at: number;
  readonly history: Promise<FileHistory | undefined>;
  settled: boolean;
  read?: FileHistory | null;
}

/** The day of a commit (its author date, else its commit date), local calendar date; undefined without either. */
function dayOf(commit: GitCommit): string | undefined {
  const at = commit.authorDate ?? commit.commitDate;
  return at ? localToday(new Date(at)) : undefined;
}

/** Record files' git history, cached. Create one per activation. */
export class GitHistory {
  private readonly files = new Map<string, KeptHistory>();
  private readonly decisions = new Map<string, { at: number; decision: Promise<{ first: string; decided?: string } | undefined> }>();

  /** The day `uri`'s file was first committed, or undefined when git cannot tell. Never rejects. */
  async firstCommitted(uri: vscode.Uri): Promise<string | undefined> {
    return (await this.historyOf(uri).history)?.first;
  }

  /**
   * The day `uri`'s file was first committed as far as known now, for a caller that cannot wait (lint
   * as you type): `known` once a reading has settled (the last one while a newer one is under way;
   * `day` undefined when git could not tell), and `reading`, what the reading under way will give,
   * when there is one. Starts a reading when none is fresh. Never throws.
   */
  firstCommittedNow(uri: vscode.Uri): { readonly known?: { readonly day?: string }; readonly reading?: Promise<string | undefined> } {
    const kept = this.historyOf(uri);
    return {
      known: kept.read === undefined ? undefined : { day: kept.read?.first },
      reading: kept.settled ? undefined : kept.history.then(h => h?.first),
    };
  }

  /**
   * For a record whose status is `status`: the day of its first commit, and the day of the oldest
   * commit whose version `statusOf` reads as `status` (found by bisection over the file's commits,
   * assuming a decided record stays decided). Undefined when git cannot tell. Never rejects.
   */
  decision(uri: vscode.Uri, status: string, statusOf: (text: string) => string | undefined): Promise<{ first: string; decided?: string } | undefined> {
    const key = `${uri.toString()}\n${status}`;
    const kept = this.decisions.get(key);
    if (kept && Date.now() - kept.at < KEEP_MS) return kept.decision;
    const decision = this.bisect(uri, status, statusOf);
    this.decisions.set(key, { at: Date.now(), decision });
    return decision;
  }

  private async bisect(uri: vscode.Uri, status: string, statusOf: (text: string) => string | undefined): Promise<{ first: string; decided?: string } | undefined> {
    const history = await this.historyOf(uri).history;
    if (!history?.first || history.commits.length === 0) return undefined;
    const { commits, repository } = history;
    const has = async (i: number) => {
      try {
        return statusOf(await repository.show(commits[i].hash, uri.fsPath)) === status;
      } catch {
        return false; // the file under another name at that commit: not this version
      }
    };
    // The newest version is the one the editor read: find the oldest i whose version has the status.
    let lo = 0;
    let hi = commits.length - 1;
    if (!(await has(hi))) return { first: history.first };
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (await has(mid)) hi = mid;
      else lo = mid + 1;
    }
    return { first: history.first, decided: dayOf(commits[lo]) };
  }

  /** The file's history, read again when the last reading is older than {@link KEEP_MS} (its result kept until the new one settles). */
  private historyOf(uri: vscode.Uri): KeptHistory {
    const key = uri.toString();
    const kept = this.files.get(key);
    if (kept && Date.now() - kept.at < KEEP_MS) return kept;
    const entry: KeptHistory = { at: Date.now(), history: this.read(uri), settled: false, read: kept?.read };
    void entry.history.then(history => {
      entry.settled = true;
      entry.read = history ?? null;
    });
    this.files.set(key, entry);
    return entry;
  }

  private async read(uri: vscode.Uri): Promise<FileHistory | undefined> {
    if (uri.scheme !== 'file') return undefined;
    try {
      const repository = await repositoryOf(uri);
      if (!repository) return undefined;
      const newestFirst = await repository.log({ path: uri.fsPath, maxEntries: MAX_COMMITS });
      const commits = [...newestFirst].reverse();
      const first = commits.length > 0 && commits.length < MAX_COMMITS ? dayOf(commits[0]) : undefined;
      return { first, commits, repository };
    } catch (err) {
      log().debug(`No git history for ${vscode.workspace.asRelativePath(uri)}: ${errorMessage(err)}`);
      return undefined;
    }
  }
}
