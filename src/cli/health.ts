/**
 * `spec-first health [paths…]`: the decision log's health report (`core/health.ts`) for the records
 * under the given paths, each linted as `spec-first lint` lints it (its project's configuration,
 * cross-record rules, the day `--today` or `SPEC_FIRST_TODAY` pins), as text, Markdown or JSON. In a
 * git working tree it also reads, for the accepted or rejected records the core's `recordsToTime`
 * chooses (as the editor does), their first commit and the commit that set their status, for the
 * median time to decide.
 */
import { collectRecords } from '../core/collect';
import { localToday } from '../core/calendar';
import { healthCounts, healthMarkdown, healthReport, healthText, recordsToTime } from '../core/health';
import { lintRecord } from '../core/lint';
import { healthSettings, needsFirstCommit } from '../core/reviewDates';
import { splitLines } from '../core/text';
import type { HealthArgs } from './args';
import { firstCommitDate, statusCommitDate } from './git';
import { NodeWorkspace, displayPath, givenPaths } from './nodeWorkspace';

/** Runs `spec-first health`; resolves with the exit code: 0, 1 when a `--fail-on` check finds something, 2 on a usage, configuration or read error. */
export async function health(args: HealthArgs, cwd: string): Promise<number> {
  const workspace = new NodeWorkspace(cwd);
  const say = (line: string) => process.stderr.write(`spec-first: ${line}\n`);
  const targets = await givenPaths(workspace, args.paths, cwd, say);
  if (!targets) return 2;
  const collection = await collectRecords(workspace, targets);
  // A configuration with mistakes would give another report than the one the team expects: as lint, refuse.
  const mistakes = [...collection.projects.values()].flatMap(p => p.configErrors.map(e => `${displayPath(p.configFile ?? p.root, cwd)}:${e.range.start.line + 1}: ${e.message}`));
  if (mistakes.length > 0) {
    for (const line of mistakes) say(line);
    return 2;
  }
  const today = args.today ?? localToday();
  const timed = new Set(recordsToTime(collection.records));
  const entries = [];
  for (const r of collection.records) {
    const { config } = r.project;
    const decidedRecord = timed.has(r);
    const firstCommitted = needsFirstCommit(r.record) || decidedRecord ? await firstCommitDate(r.file) : undefined;
    // The time to decide: from the first commit to the one that set the status (read from git only for the records timed).
    const decided = decidedRecord && firstCommitted ? { first: firstCommitted, decided: await statusCommitDate(r.file, r.record.status) } : undefined;
    const options = { statuses: config.statuses, kinds: r.project.kinds, rules: config.rules, workspace: collection.snapshot(r), today, reviewAfter: config.reviewAfter, staleAfter: config.staleAfter, firstCommitted: needsFirstCommit(r.record) ? firstCommitted : undefined };
    entries.push({ file: displayPath(r.file, cwd), record: r.record, lines: splitLines(r.text), findings: lintRecord(r.record, r.text, options), settings: healthSettings(config), firstCommitted: needsFirstCommit(r.record) ? firstCommitted : undefined, decided });
  }
  const report = healthReport(entries, today);
  process.stdout.write(`${args.format === 'json' ? JSON.stringify(report, null, 2) : args.format === 'markdown' ? healthMarkdown(report) : healthText(report)}\n`);
  for (const line of workspace.problems) say(line);
  if (workspace.problems.size > 0) return 2;
  const counts = healthCounts(report);
  return args.failOn.some(check => counts[check] > 0) ? 1 : 0;
}
