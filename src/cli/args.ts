/**
 * The CLI's arguments, read with Node's own `util.parseArgs` (`--format json` and `--format=json`
 * alike; unknown options refused). One subcommand today, `lint`; the shape leaves room for more.
 */
import { parseArgs } from 'node:util';
import { HEALTH_CHECKS, type HealthCheck } from '../core/health';
import { TODAY_VARIABLE, isIsoDate } from '../core/calendar';
import { globProblem } from '../core/glob';

/** The output formats of `lint`. */
export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;

/** Options of `spec-first lint`. */
export interface LintArgs {
  readonly command: 'lint';
  /** Files and folders as given (default `.`). */
  readonly paths: readonly string[];
  readonly format: typeof FORMATS[number];
  /** Exit 1 above this many warnings (default: no limit). */
  readonly maxWarnings: number;
  /** A configuration file that replaces every project's own. */
  readonly config?: string;
  /** Check Mermaid diagrams with Mermaid's parser (SF019); `--no-mermaid` turns it off. */
  readonly mermaid: boolean;
  /** A git ref the change merges into (`--base origin/main`): SF015 also reports numbers another record holds there. */
  readonly base?: string;
  /** "Today" for the rules about dates, `YYYY-MM-DD`: `--today`, else `SPEC_FIRST_TODAY`, else the clock's (undefined). */
  readonly today?: string;
  /** `--refs GLOBS`: files (globs relative to the working directory) whose decision references are checked; default: each project's `"references"."files"`. */
  readonly refs?: readonly string[];
}

/** Options of `spec-first refs RECORD [paths…]`. */
export interface RefsArgs {
  readonly command: 'refs';
  /** The record: an identifier (`ADR-0005`, `payments/ADR-3`) or the path of its file. */
  readonly record: string;
  /** Files and folders whose Markdown is searched (default `.`). */
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
}

/** Options of `spec-first health [paths…]`. */
export interface HealthArgs {
  readonly command: 'health';
  readonly paths: readonly string[];
  readonly format: 'text' | 'markdown' | 'json';
  /** Exit 1 when any of these lists of the report is not empty (`review-due` counts overdue reviews). */
  readonly failOn: readonly HealthCheck[];
  /** "Today", as for `lint`. */
  readonly today?: string;
}

/** What the command line asks for: a command, or help. */
export type Args = LintArgs | RefsArgs | HealthArgs | { readonly command: 'help' };

/** A mistake on the command line: its message is shown with the usage, and the CLI exits 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: spec-first lint [--format FORMAT] [--max-warnings N] [--config FILE] [--no-mermaid] [--base REF] [--today YYYY-MM-DD] [--refs GLOBS] [paths…]

Lints the decision records (ADRs, RFCs) under the given files and folders (default: .). Each record
is read with its project's .spec-first.json / .spec-first.yaml: the nearest one at or above its
folder, up to its project root (the nearest folder holding a configuration, .adr-dir,
.log4brains.yml or .git). Only the folders given are walked.

Formats (--format):
  text    file:line:col severity code message, one finding a line (the default)
  json    an array of findings with 1-based positions, severity, code, rule and message
  sarif   SARIF 2.1.0, for GitHub code scanning (upload-sarif)
  github  GitHub Actions workflow commands: ::error / ::warning / ::notice annotations
  gitlab  a GitLab code quality report (artifacts:reports:codequality)
Paths are printed relative to the working directory: run from the repository's root for github and
gitlab.

--base REF (a pull request's target, such as origin/main): a record whose number another record
holds in its folder at REF is a duplicate number (SF015) before the merge. Needs git.
--today YYYY-MM-DD sets the day the date rules (review due, stale proposal) count to, instead of the
local date (${TODAY_VARIABLE} in the environment does the same).
--refs GLOBS (comma-separated, relative to the working directory, such as "src/**,docs/**") also
checks the decision references (ADR-0005, links to records) in those files: Markdown, the comments
of source files, other files as text; one that names no record is SF016. Without it, each project's
"references": { "files": [...] } in .spec-first.json is checked. .gitignore is honoured.

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage, configuration or read error.

Usage: spec-first refs RECORD [--format text|json] [paths…]

Prints every place under the given files and folders (default: .) that references RECORD (an
identifier such as ADR-0005 or payments/ADR-3, or the path of the record's file): plain identifiers
and links to its file, one a line (file:line:col text), or as JSON. Read: Markdown files, comments
and docstrings of TypeScript/JavaScript, Python, Go, Java, C#, Rust, Ruby, shell and YAML files, and
the files a project's "references" "files" globs name; not what .gitignore leaves out.
Exit codes: 0 printed (none found included), 2 usage or read error, or RECORD names no record.

Usage: spec-first health [--format text|markdown|json] [--fail-on CHECKS] [--today YYYY-MM-DD] [paths…]

Reports the decision log's health: records by status and by quarter, reviews due in the next 90
days, proposals open too long, drift (SF018) and open questions (SF014). --fail-on review-due,stale,
drift,open-questions exits 1 when any listed check finds something (review-due: overdue reviews).`;

/**
 * Reads `argv` (without `node` and the script) and `env` (the process's environment: only
 * `SPEC_FIRST_TODAY` is read). Throws {@link UsageError} on a mistake.
 */
export function readArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Args {
  let parsed: ReturnType<typeof parseLint>;
  try {
    parsed = parseLint(argv);
  } catch (err) {
    const e = err as { code?: string; message: string };
    const unknown = /^Unknown option '([^']*)'/.exec(e.message);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : e.message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...paths] = positionals;
  if (command === 'refs') {
    const [record, ...where] = paths;
    if (!record) throw new UsageError('refs needs a record: an identifier such as ADR-0005, or the path of its file');
    const refsFormat = values.format ?? 'text';
    if (refsFormat !== 'text' && refsFormat !== 'json') throw new UsageError(`refs prints text or json, not "${refsFormat}"`);
    return { command, record, paths: where.length > 0 ? where : ['.'], format: refsFormat };
  }
  if (command === 'health') {
    const healthFormat = values.format ?? 'text';
    if (healthFormat !== 'text' && healthFormat !== 'markdown' && healthFormat !== 'json') throw new UsageError(`health prints text, markdown or json, not "${healthFormat}"`);
    const failOn = (values['fail-on'] ?? '').split(',').map(c => c.trim()).filter(Boolean);
    const unknown = failOn.find(c => !(HEALTH_CHECKS as readonly string[]).includes(c));
    if (unknown) throw new UsageError(`--fail-on takes ${HEALTH_CHECKS.join(', ')}, not "${unknown}"`);
    return { command, paths: paths.length > 0 ? paths : ['.'], format: healthFormat, failOn: failOn as HealthCheck[], today: todayOf(values.today, env) };
  }
  if (command !== 'lint') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
  }
  const today = todayOf(values.today, env);
  return {
    command, paths: paths.length > 0 ? paths : ['.'], format: format as LintArgs['format'], maxWarnings,
    config: values.config, mermaid: !values['no-mermaid'], base: values.base, today, refs: refsOf(values.refs),
  };
}

/** `--refs a,b --refs c`: the globs, in order; undefined when not given. Throws {@link UsageError} for an empty list or a glob that would backtrack. */
function refsOf(option: readonly string[] | undefined): string[] | undefined {
  if (option === undefined) return undefined;
  const globs = option.flatMap(o => o.split(',')).map(g => g.trim()).filter(Boolean);
  if (globs.length === 0) throw new UsageError('--refs takes globs, such as --refs "src/**,docs/**"');
  const declined = globs.find(g => globProblem(g) !== undefined);
  if (declined) throw new UsageError(`--refs "${declined}": ${globProblem(declined)}`);
  return globs;
}

/** "Today": `--today`, else `SPEC_FIRST_TODAY`, else undefined (the clock's). Throws {@link UsageError} for a text that is no calendar date. */
function todayOf(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const today = option ?? (env[TODAY_VARIABLE] || undefined);
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`${option !== undefined ? '--today' : TODAY_VARIABLE} takes a calendar date, YYYY-MM-DD`);
  return today;
}

function parseLint(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      config: { type: 'string' },
      'no-mermaid': { type: 'boolean' },
      base: { type: 'string' },
      today: { type: 'string' },
      'fail-on': { type: 'string' },
      refs: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
