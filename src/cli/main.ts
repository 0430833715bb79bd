/**
 * `spec-first lint [paths…]`: the editor's lint rules from the command line, for CI. Reads the same
 * core; prints findings like a compiler (`file:line:col severity code message`, 1-based), or as JSON
 * or SARIF 2.1.0 for code scanning. Exit codes: 0 clean, 1 errors (or more warnings than
 * `--max-warnings`), 2 usage errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, RULES, lintText } from '../core/lint';
import { isNonRecordFileName, parseRecordFileName } from '../core/record';
import { looksBinary, stripBom } from '../core/text';

/** Parsed command-line options. */
interface Options {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  maxWarnings: number;
}

/** A file's findings. */
interface FileResult {
  file: string;
  findings: Finding[];
}

const USAGE = `Usage: spec-first lint [--format text|json|sarif] [--max-warnings N] [paths…]

Lints the decision records (ADRs, RFCs) under the given files and folders (default: .).
Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage error.`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') throw new UsageError('');
  if (command !== 'lint') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const options: Options = { paths: [], format: 'text', maxWarnings: Infinity };
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

/** Candidate record files under `target`: numbered or dated `.md` names (a file named directly is always read). */
function candidates(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  const out: string[] = [];
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    const p = path.join(target, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...candidates(p));
    else if (entry.isFile() && /\.md$/i.test(entry.name) && !isNonRecordFileName(entry.name) && parseRecordFileName(entry.name)) out.push(p);
  }
  return out.sort();
}

function lintFile(file: string): FileResult {
  const bytes = fs.readFileSync(file);
  if (looksBinary(bytes)) return { file, findings: [] };
  const text = stripBom(bytes.toString('utf8'));
  return { file, findings: lintText(file.split(path.sep).join('/'), text) };
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

/** Runs the CLI; returns the exit code. */
export function main(argv: readonly string[]): number {
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
  const results: FileResult[] = [];
  for (const target of options.paths) {
    if (!fs.existsSync(target)) {
      process.stderr.write(`spec-first: no such file or folder: ${target}\n`);
      return 2;
    }
    for (const file of candidates(target)) {
      try {
        results.push(lintFile(file));
      } catch (err) {
        process.stderr.write(`spec-first: could not read ${file}: ${(err as Error).message}\n`);
      }
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

if (require.main === module) process.exitCode = main(process.argv.slice(2));
