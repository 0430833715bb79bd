/**
 * `spec-first lint [paths…]`: the editor's lint rules from the command line, for CI. Reads the same
 * core and the same `.spec-first.json` / `.yaml` (found in the current folder or above, or named with
 * `--config`); prints findings like a compiler (`file:line:col severity code message`, 1-based), or
 * as JSON or SARIF 2.1.0 for code scanning. Cross-record rules (duplicate numbers, broken links,
 * one-sided supersedes) see every record under the configuration's folder. Exit codes: 0 clean,
 * 1 errors (or more warnings than `--max-warnings`), 2 usage or configuration errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ProjectConfig, parseConfig, resolveKinds } from '../core/config';
import type { ProjectKind } from '../core/kinds';
import { DiagramProblem, Finding, RULES, WorkspaceRecord, lintRecord, longLinesNotice } from '../core/lint';
import { DecisionRecord, isNonRecordFileName, parseRecord, parseRecordFileName, projectKindOf } from '../core/record';
import { looksBinary, splitLines, stripBom } from '../core/text';

/** Parsed command-line options. */
interface Options {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  maxWarnings: number;
  config?: string;
  /** Check Mermaid diagrams with Mermaid's parser (SF019); `--no-mermaid` turns it off. */
  mermaid: boolean;
}

/** The project: its root (the configuration's folder, else the current one), configuration and kinds. */
interface Project {
  root: string;
  config: ProjectConfig;
  kinds: ProjectKind[];
}

/** A file's findings. */
interface FileResult {
  file: string;
  findings: Finding[];
}

const USAGE = `Usage: spec-first lint [--format text|json|sarif] [--max-warnings N] [--config FILE] [--no-mermaid] [paths…]

Lints the decision records (ADRs, RFCs) under the given files and folders (default: .),
with the project's .spec-first.json / .spec-first.yaml (in the current folder or above).
Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage or configuration error.`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') throw new UsageError('');
  if (command !== 'lint') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const options: Options = { paths: [], format: 'text', maxWarnings: Infinity, mermaid: true };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg.startsWith('--format')) {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}"`);
      options.format = f;
    } else if (arg.startsWith('--max-warnings')) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-warnings takes a whole number');
      options.maxWarnings = n;
    } else if (arg === '--no-mermaid') {
      options.mermaid = false;
    } else if (arg.startsWith('--config')) {
      options.config = value();
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError('');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

/** A path relative to the project root, POSIX (how the core names files). */
const projectPath = (project: Project, file: string) => path.relative(project.root, path.resolve(file)).split(path.sep).join('/');

/** Candidate record files under `target`: numbered or dated `.md` names and the project kinds' files (a file named directly is always read). */
function candidates(target: string, project: Project): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  const out: string[] = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const p = path.join(target, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...candidates(p, project));
    else if (entry.isFile() && /\.md$/i.test(entry.name)
      && (projectKindOf(projectPath(project, p), project.kinds) || (!isNonRecordFileName(entry.name) && parseRecordFileName(entry.name)))) out.push(p);
  }
  return out.sort();
}

/** Reads and parses a record file; undefined for binary files and non-records. Throws on I/O errors. */
function readRecord(file: string, project: Project): { text: string; record: DecisionRecord } | undefined {
  const bytes = fs.readFileSync(file);
  if (looksBinary(bytes)) return undefined;
  const text = stripBom(bytes.toString('utf8'));
  const record = parseRecord(projectPath(project, file), text, { statuses: project.config.statuses, kinds: project.kinds });
  return record && { text, record };
}

/** The configuration file: `--config`, else the first `.spec-first.*` in the current folder or above. */
function findConfig(explicit: string | undefined): string | undefined {
  if (explicit) return explicit;
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Loads the project; prints configuration errors and returns undefined when there are any. */
function loadProject(explicit: string | undefined): Project | undefined {
  const file = findConfig(explicit);
  if (!file) return { root: process.cwd(), config: { rules: {}, kinds: [] }, kinds: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`spec-first: could not read ${file}: ${(err as Error).message}\n`);
    return undefined;
  }
  const root = path.dirname(path.resolve(file));
  const { config, errors } = parseConfig(text);
  const templates = new Map<string, string | undefined>();
  for (const k of config.kinds) {
    if (!k.template) continue;
    try {
      templates.set(k.template, fs.readFileSync(path.join(root, k.template), 'utf8'));
    } catch {
      templates.set(k.template, undefined);
    }
  }
  const resolved = resolveKinds(config, templates);
  for (const e of errors) process.stderr.write(`${file}:${e.range.start.line + 1}:${e.range.start.character + 1} error config ${e.message}\n`);
  for (const e of resolved.errors) process.stderr.write(`${file}:1:1 error config ${e}\n`);
  if (errors.length + resolved.errors.length > 0) return undefined;
  return { root, config, kinds: resolved.kinds };
}

function text(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) lines.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
  }
  return lines.join('\n');
}

function json(results: readonly FileResult[]): string {
  return JSON.stringify(results.flatMap(r => r.findings.map(f => ({
    file: r.file, line: f.range.start.line + 1, column: f.range.start.character + 1,
    endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    severity: f.severity, code: f.code, rule: RULES[f.code].name, message: f.message,
  }))), null, 2);
}

/** SARIF 2.1.0, as GitHub code scanning reads it. */
function sarif(results: readonly FileResult[]): string {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: {
        driver: {
          name: 'spec-first',
          rules: Object.entries(RULES).map(([id, r]) => ({ id, name: r.name, defaultConfiguration: { level: level(r.severity) } })),
        },
      },
      results: results.flatMap(r => r.findings.map(f => ({
        ruleId: f.code, level: level(f.severity), message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.file.split(path.sep).join('/') },
            region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
          },
        }],
      }))),
    }],
  }, null, 2);
}

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

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) process.stderr.write(`spec-first: ${err.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return err.message ? 2 : 0;
    }
    throw err;
  }
  const project = loadProject(options.config);
  if (!project) return 2;
  for (const target of options.paths) {
    if (!fs.existsSync(target)) {
      process.stderr.write(`spec-first: no such file or folder: ${target}\n`);
      return 2;
    }
  }
  // Every record of the project, for the cross-record rules; read once, linted where asked.
  const records = new Map<string, { text: string; record: DecisionRecord }>();
  const read = (file: string) => {
    const key = path.resolve(file);
    if (records.has(key)) return records.get(key);
    try {
      const r = readRecord(file, project);
      if (r) records.set(key, r);
      return r;
    } catch (err) {
      process.stderr.write(`spec-first: could not read ${file}: ${(err as Error).message}\n`);
      return undefined;
    }
  };
  const projectFiles = candidates(project.root, project);
  for (const file of projectFiles) read(file);
  const workspace = {
    records: [...records.values()].map((r): WorkspaceRecord => ({ path: r.record.path, record: r.record })),
    files: new Set(projectFiles.map(f => projectPath(project, f))),
  };
  const results: FileResult[] = [];
  for (const target of options.paths) {
    for (const file of candidates(target, project)) {
      const r = read(file);
      if (!r) continue;
      const blocks = options.mermaid ? diagramsOf(r.record, r.text) : [];
      const diagrams = blocks.length > 0 ? await mermaidChecker()(blocks) : undefined;
      const byPosition = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
      results.push({
        file,
        findings: lintRecord(r.record, r.text, {
          statuses: project.config.statuses, kinds: project.kinds, rules: project.config.rules, workspace, diagrams,
          onRuleError: (rule, err) => process.stderr.write(`spec-first: rule ${rule.code} failed on ${file}: ${(err as Error).message}\n`),
          onLongLines: (lines, limit) => process.stderr.write(`spec-first: ${longLinesNotice(file, lines, limit)}\n`),
        }).sort(byPosition),
      });
    }
  }
  const out = options.format === 'json' ? json(results) : options.format === 'sarif' ? sarif(results) : text(results);
  if (out) process.stdout.write(`${out}\n`);
  const all = results.flatMap(r => r.findings);
  const errors = all.filter(f => f.severity === 'error').length;
  const warnings = all.filter(f => f.severity === 'warning').length;
  if (options.format === 'text') process.stderr.write(`${results.length} files, ${errors} errors, ${warnings} warnings\n`);
  return errors > 0 || warnings > options.maxWarnings ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(code => { process.exitCode = code; }, err => {
    process.stderr.write(`spec-first: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 2;
  });
}
