/**
 * The CLI's output formats: compiler-style text (`file:line:col severity code message`, 1-based),
 * JSON (one object per finding), and SARIF 2.1.0 as GitHub code scanning reads it, each rule described
 * from the catalogue.
 */
import { Finding, RULES, RULE_LIST } from '../core/lint';

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

/** SARIF 2.1.0; artifact URIs use `/` whatever the platform. */
export function sarifOutput(results: readonly FileResult[]): string {
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
            defaultConfiguration: { level: level(r.severity) },
          })),
        },
      },
      results: results.flatMap(r => r.findings.map(f => ({
        ruleId: f.code, level: level(f.severity), message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.file.split('\\').join('/') },
            region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
          },
        }],
      }))),
    }],
  }, null, 2);
}
