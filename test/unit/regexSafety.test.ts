/**
 * Every regular expression the core writes, checked by recheck (the ReDoS checker: automata theory,
 * and seeded fuzzing where a pattern is too large for it). The core's files are parsed with the
 * TypeScript compiler, so the checked patterns are the real ones: regular expression literals, and
 * `new RegExp('…')` / `RegExp('…')` with literal arguments (a pattern built from variables cannot be
 * checked statically; its parts are literals, which are). A pattern recheck finds vulnerable
 * (super-linear matching on some input) fails the test with its file, line and an attack string.
 *
 * recheck analyses one match attempt. A global pattern that is linear per attempt but is retried at
 * every position of a long line can still be quadratic: `repetition.test.ts` measures those.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { FIXTURES } from '../support/fixtures';

const ROOT = path.resolve(FIXTURES, '..', '..');
const CORE = path.join(ROOT, 'src', 'core');

/** A pattern found in the source. */
interface Found {
  /** `src/core/…:line` (1-based line, as editors show it). */
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function tsFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.ts'))
    .map(e => path.join(e.parentPath, e.name))
    .sort();
}

/** The regular expressions written in a file: literals, and `RegExp` calls whose arguments are literal strings. */
function patternsIn(file: string): Found[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const at = (node: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const literal = (node: ts.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
  const out: Found[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const raw = node.getText(sf);
      const slash = raw.lastIndexOf('/');
      out.push({ where: at(node), source: raw.slice(1, slash), flags: raw.slice(slash + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const source = literal(node.arguments?.[0]);
      const flags = node.arguments && node.arguments.length > 1 ? literal(node.arguments[1]) : '';
      if (source !== undefined && flags !== undefined) out.push({ where: at(node), source, flags });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * recheck's verdict, made deterministic: its fuzzer (used for patterns too large for the automaton
 * checker) is seeded, and its time limits, which a busy machine would hit at different points, are
 * replaced by its step limits (characters read by its VM). Only the overall `timeout` is left, as a
 * guard: a pattern that reaches it is reported as undecided and fails the test.
 */
function verdict(p: Found): Promise<Diagnostics> {
  return check(p.source, p.flags, {
    randomSeed: 0, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, timeout: 120_000,
  });
}

/** Runs `task` on every item, at most `limit` at a time; results in the items' order. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe('regular expressions of src/core (recheck)', function () {
  this.timeout(300_000);

  it('none is vulnerable to super-linear backtracking', async () => {
    const found = tsFilesUnder(CORE).flatMap(patternsIn);
    assert.ok(found.length > 100, `only ${found.length} patterns found: is the scan broken?`);
    const results = await pool(found, 4, verdict);
    const vulnerable: string[] = [];
    const unknown: string[] = [];
    results.forEach((r, i) => {
      const p = found[i];
      const pattern = `/${p.source}/${p.flags}`;
      if (r.status === 'vulnerable') {
        vulnerable.push(`${p.where}  ${pattern}  ${r.complexity.summary}; attack ${r.attack.pattern}`);
      } else if (r.status === 'unknown') {
        unknown.push(`${p.where}  ${pattern}  ${r.error.kind}`);
      }
    });
    assert.deepEqual(unknown, [], `recheck could not decide (raise the timeout, or simplify the pattern):\n${unknown.join('\n')}`);
    assert.deepEqual(vulnerable, [], `${vulnerable.length} of ${found.length} patterns are vulnerable:\n${vulnerable.join('\n')}`);
  });
});
