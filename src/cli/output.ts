/**
 * The CLI's output formats: compiler-style text (`file:line:col severity code message`, 1-based),
 * JSON (one object per finding), SARIF 2.1.0 as GitHub code scanning reads it (each rule described
 * from the catalogue), GitHub Actions workflow commands (annotations), and GitLab's code quality
 * report.
 */
import { createHash } from 'node:crypto';
import { Finding, RULES, RULE_LIST, type Severity } from '../core/lint';
import { PROJECT_HOME, ruleDocsUrl } from '../core/projectHome';
import type { LintArgs } from './args';

/** One file's findings; `file` as the CLI prints it. */
export interface FileResult {
  readonly file: string;
  readonly findings: readonly Finding[];
}

/** Text: one line per finding. */
export function textOutput(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) lines.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
  }
  return lines.join('\n');
}

/** JSON: an array of findings with their file, 1-based positions, severity, code, rule name and message. */
export function jsonOutput(results: readonly FileResult[]): string {
  return JSON.stringify(results.flatMap(r => r.findings.map(f => ({
    file: r.file, line: f.range.start.line + 1, column: f.range.start.character + 1,
    endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    severity: f.severity, code: f.code, rule: RULES[f.code].name, message: f.message,
  }))), null, 2);
}

/** A printed path with `/` between its parts whatever the platform, as SARIF, GitHub and GitLab read paths. */
const slashes = (file: string) => file.split('\\').join('/');

/**
 * SARIF 2.1.0; artifact URIs use `/` whatever the platform. Each rule links to its page in the
 * repository at `home` (`helpUri`, which code scanning shows beside an alert) when the project has a
 * public home ({@link PROJECT_HOME}), and carries no link until then.
 */
export function sarifOutput(results: readonly FileResult[], home: string | undefined = PROJECT_HOME): string {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return JSON.stringify({
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: {
        driver: {
          name: 'spec-first',
          rules: RULE_LIST.map(r => ({
            id: r.code, name: r.name, shortDescription: { text: r.name }, fullDescription: { text: r.description },
            helpUri: ruleDocsUrl(r.code, home),
            defaultConfiguration: { level: level(r.severity), ...(r.off ? { enabled: false } : {}) },
          })),
        },
      },
      results: results.flatMap(r => r.findings.map(f => ({
        ruleId: f.code, level: level(f.severity), message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: slashes(r.file) },
            region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
          },
        }],
      }))),
    }],
  }, null, 2);
}

/**
 * Escapes the message of a GitHub Actions workflow command: `%`, CR and LF become `%25`, `%0D`, `%0A`
 * (actions/toolkit's `escapeData`), so a message is one line and reads back unchanged.
 */
export function escapeCommandData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/**
 * Escapes a property value of a workflow command (`file=`, `title=`): as a message, and `:` and `,`
 * too, which would end the value (`%3A`, `%2C`; actions/toolkit's `escapeProperty`).
 */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** The workflow command of each severity: GitHub has three kinds of annotation. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding, which a job's log turns into annotations on
 * the files: `::warning file=F,line=L,endLine=L,col=C,endColumn=C,title=SF012 no-downside::message`
 * (`::error` for errors, `::notice` for information and hints). Lines and columns are 1-based; the
 * columns are left out when a finding spans lines, as GitHub only takes them on one line. Paths are as
 * printed (relative to the working directory, which should be the repository's root), with `/`.
 */
export function githubOutput(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const { start, end } = f.range;
      const where = [`file=${escapeCommandProperty(slashes(r.file))}`, `line=${start.line + 1}`, `endLine=${end.line + 1}`];
      if (start.line === end.line) where.push(`col=${start.character + 1}`, `endColumn=${end.character + 1}`);
      where.push(`title=${escapeCommandProperty(`${f.code} ${RULES[f.code].name}`)}`);
      lines.push(`::${COMMAND[f.severity]} ${where.join(',')}::${escapeCommandData(f.message)}`);
    }
  }
  return lines.join('\n');
}

/** GitLab's code quality severity of each severity (of `info`, `minor`, `major`, `critical`, `blocker`). */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * A code quality fingerprint: SHA-256 (hex) of the rule, the path, the message and the finding's
 * ordinal among the file's findings with that rule and message. Stable from run to run, unique within
 * a report, and unchanged when lines are added above a finding: GitLab compares the fingerprints of
 * two reports to tell new findings from resolved ones.
 */
function gitlabFingerprint(code: string, path: string, message: string, ordinal: number): string {
  return createHash('sha256').update([code, path, message, String(ordinal)].join('\0')).digest('hex');
}

/**
 * GitLab's code quality report: the subset of the Code Climate issue format GitLab reads, a JSON array
 * of `{ description, check_name, fingerprint, severity, location: { path, lines: { begin } } }`
 * (`begin` 1-based; errors `major`, warnings `minor`, information and hints `info`). Paths as printed,
 * with `/`; GitLab wants them relative to the repository's root, so run from there.
 */
export function gitlabOutput(results: readonly FileResult[]): string {
  const seen = new Map<string, number>();
  return JSON.stringify(results.flatMap(r => r.findings.map(f => {
    const path = slashes(r.file);
    const key = `${f.code}\0${path}\0${f.message}`;
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return {
      description: f.message, check_name: `${f.code} ${RULES[f.code].name}`,
      fingerprint: gitlabFingerprint(f.code, path, f.message, ordinal), severity: GITLAB_SEVERITY[f.severity],
      location: { path, lines: { begin: f.range.start.line + 1 } },
    };
  })), null, 2);
}

/** The printer of each `--format` of `spec-first lint`: the findings of every file to standard output's text. */
export const OUTPUTS: Readonly<Record<LintArgs['format'], (results: readonly FileResult[]) => string>> = {
  text: textOutput, json: jsonOutput, sarif: sarifOutput, github: githubOutput, gitlab: gitlabOutput,
};
