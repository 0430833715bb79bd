/**
 * `spec-first lint [paths…]`: the editor's lint rules from the command line, for CI. The records,
 * their projects, configurations and cross-record snapshots are the core's decisions
 * (`core/collect.ts`), read through {@link NodeWorkspace}: the same folder gives the same findings
 * from any working directory, and only the folders given are walked. Prints findings like a compiler,
 * or as JSON, SARIF 2.1.0, GitHub Actions annotations or a GitLab code quality report (`output.ts`).
 * Exit codes: 0 clean, 1 errors (or more warnings than `--max-warnings`), 2 usage, configuration or
 * read errors (each one line on stderr, never a stack trace).
 */
import * as path from 'node:path';
import { collectRecords } from '../core/collect';
import { needsFirstCommit } from '../core/reviewDates';
import { DiagramProblem, Finding, lintRecord, longLinesNotice } from '../core/lint';
import type { DecisionRecord } from '../core/record';
import { splitLines } from '../core/text';
import { parentOf } from '../core/workspace';
import { LintArgs, USAGE, UsageError, readArgs } from './args';
import { RefListing, firstCommitDate, namesAtRef } from './git';
import { health } from './health';
import { refs } from './refs';
import { checkReferenceFiles } from './referenceScan';
import { NodeWorkspace, displayPath, givenPaths, toWorkspacePath } from './nodeWorkspace';
import { FileResult, OUTPUTS } from './output';

/** The ```mermaid blocks of a record: each block's fence line (0-based) and text. */
function diagramsOf(record: DecisionRecord, text: string): { line: number; source: string }[] {
  const blocks = record.outline.fences.filter(f => f.lang === 'mermaid');
  if (blocks.length === 0) return [];
  const lines = splitLines(text);
  return blocks.map(f => ({ line: f.startLine, source: lines.slice(f.startLine + 1, f.closed ? f.endLine : f.endLine + 1).join('\n') }));
}

type DiagramChecker = (diagrams: readonly { line: number; source: string }[]) => Promise<DiagramProblem[]>;
let checker: DiagramChecker | undefined;

/** Mermaid's parser, from `mermaid-check.js` beside this file, loaded on first use (it is 3 MB). */
function mermaidChecker(): DiagramChecker {
  // A path computed at run time: esbuild leaves this require alone, so Mermaid stays out of cli.js.
  const file = path.join(__dirname, 'mermaid-check.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle chosen at run time
  checker ??= (require(file) as { checkDiagrams: DiagramChecker }).checkDiagrams;
  return checker;
}

/** Runs the CLI; resolves with the exit code. `cwd`: the folder relative paths are read from (the process's by default). */
export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs(argv, process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`spec-first: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'refs') return refs(args, cwd);
  return args.command === 'health' ? health(args, cwd) : lint(args, cwd);
}

/** `spec-first lint`. */
async function lint(args: LintArgs, cwd: string): Promise<number> {
  const workspace = new NodeWorkspace(cwd);
  const say = (line: string) => process.stderr.write(`spec-first: ${line}\n`);
  const targets = await givenPaths(workspace, args.paths, cwd, say);
  if (!targets) return 2;
  const config = args.config === undefined ? undefined : toWorkspacePath(args.config, cwd);
  const collection = await collectRecords(workspace, targets, config);

  let configErrors = 0;
  for (const project of collection.projects.values()) {
    for (const e of project.configErrors) {
      configErrors++;
      process.stderr.write(`${displayPath(project.configFile ?? config ?? project.root, cwd)}:${e.range.start.line + 1}:${e.range.start.character + 1} error config ${e.message}\n`);
    }
  }
  if (configErrors > 0) {
    for (const line of workspace.problems) say(line);
    return 2;
  }

  // --base: each record folder's names at the ref, read once per folder.
  const listings = new Map<string, Promise<RefListing>>();
  const atBase = (folder: string) => {
    let l = listings.get(folder);
    if (!l) listings.set(folder, l = namesAtRef(folder, args.base!));
    return l;
  };
  const results: FileResult[] = [];
  const byPosition = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  for (const r of collection.records) {
    const file = displayPath(r.file, cwd);
    const blocks = args.mermaid ? diagramsOf(r.record, r.text) : [];
    const diagrams = blocks.length > 0 ? await mermaidChecker()(blocks) : undefined;
    const { config: projectConfig, kinds } = r.project;
    let base: { ref: string; names: string[] } | undefined;
    if (args.base !== undefined) {
      const listing = await atBase(parentOf(r.file));
      if (listing.error !== undefined) {
        say(listing.error);
        return 2;
      }
      base = { ref: args.base, names: listing.names };
    }
    results.push({
      file,
      findings: lintRecord(r.record, r.text, {
        statuses: projectConfig.statuses, kinds, rules: projectConfig.rules, workspace: collection.snapshot(r), diagrams, base,
        today: args.today, reviewAfter: projectConfig.reviewAfter, staleAfter: projectConfig.staleAfter,
        firstCommitted: needsFirstCommit(r.record) ? await firstCommitDate(r.file) : undefined,
        onRuleError: (rule, err) => say(`rule ${rule.code} failed on ${file}: ${err instanceof Error ? err.message : String(err)}`),
        onLongLines: (lines, limit) => say(longLinesNotice(file, lines, limit)),
      }).sort(byPosition),
    });
  }
  // Decision references in the files --refs (or each project's "references"."files") names.
  for (const checked of await checkReferenceFiles(workspace, collection, cwd, args.refs, line => workspace.notices.add(line))) {
    results.push({ file: displayPath(checked.file, cwd), findings: [...checked.findings].sort(byPosition) });
  }
  const out = OUTPUTS[args.format](results);
  if (out) process.stdout.write(`${out}\n`);
  const all = results.flatMap(r => r.findings);
  const errors = all.filter(f => f.severity === 'error').length;
  const warnings = all.filter(f => f.severity === 'warning').length;
  if (args.format === 'text') process.stderr.write(`${results.length} files, ${errors} errors, ${warnings} warnings\n`);
  for (const folder of collection.tooDeep) workspace.notices.add(`${displayPath(folder, cwd)}: not walked, deeper than the walk goes`);
  for (const line of [...workspace.notices, ...workspace.problems]) say(line);
  if (workspace.problems.size > 0) return 2;
  return errors > 0 || warnings > args.maxWarnings ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(code => { process.exitCode = code; }, (err: unknown) => {
    // One line, never a stack trace: the input's problems are reported above; this is a defect of the CLI itself.
    process.stderr.write(`spec-first: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
}
