/**
 * The rule catalogue (`RULE_LIST`) is the one source of truth: every rule has its docs page, whose
 * title, name and default severity agree with it, and its file `src/core/lint/rules/sfNNN-rule-name.ts`,
 * which defines that rule; the README's rule table lists exactly the catalogue, with the same names and
 * levels; the CLI's SARIF describes each rule from it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULE_LIST } from '../../src/core/lint';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('rule catalogue', () => {
  it('codes are SF and three digits, unique, in order', () => {
    const codes = RULE_LIST.map(r => r.code);
    assert.ok(codes.every(c => /^SF\d{3}$/.test(c)), codes.join());
    assert.deepEqual(codes, [...new Set(codes)].sort());
    assert.equal(new Set(RULE_LIST.map(r => r.name)).size, RULE_LIST.length, 'names are unique');
  });

  it('every rule has docs/rules/<code>.md with its code, name and default severity, and every page a rule', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter(f => f.endsWith('.md')).map(f => f.slice(0, -3)).sort();
    assert.deepEqual(pages, RULE_LIST.map(r => r.code), 'one page per rule, none for a rule that does not exist');
    for (const rule of RULE_LIST) {
      const lines = read(`docs/rules/${rule.code}.md`).split('\n');
      assert.equal(lines[0], `# ${rule.code} ${rule.name}`, `${rule.code}: the page's title`);
      const level = /^\*\*Default severity:\*\* (\w+)/.exec(lines[2] ?? '')?.[1];
      assert.equal(level, rule.off ? 'off' : rule.severity, `${rule.code}: the page's default severity (off for a rule that runs only when configured)`);
    }
  });

  it('every rule is defined in its own file, named sfNNN-rule-name.ts after its code and name, and every file is a rule', () => {
    const dir = 'src/core/lint/rules';
    const files = fs.readdirSync(path.join(ROOT, dir)).filter(f => f !== 'index.ts').sort();
    assert.deepEqual(files, RULE_LIST.map(r => `${r.code.toLowerCase()}-${r.name}.ts`), 'one file per rule, named after its code and name');
    for (const rule of RULE_LIST) {
      const file = `${dir}/${rule.code.toLowerCase()}-${rule.name}.ts`;
      const source = read(file);
      // The rule object as the file writes it: its code and its name, and no other rule's.
      assert.deepEqual([...source.matchAll(/\bcode: '(SF\d{3})', name: '([^']*)'/g)].map(m => `${m[1]} ${m[2]}`), [`${rule.code} ${rule.name}`], file);
    }
  });

  it('the README\'s rule table lists every rule, with its docs link, name and default level', () => {
    const rows = read('README.md').split('\n').filter(l => /^\| \[SF\d{3}\]/.test(l)).map(l => l.split('|').map(c => c.trim()));
    assert.deepEqual(rows.map(r => r[1]), RULE_LIST.map(r => `[${r.code}](docs/rules/${r.code}.md)`));
    for (const [i, rule] of RULE_LIST.entries()) {
      assert.equal(rows[i][2], rule.name, `${rule.code}: name in the README`);
      assert.equal(rows[i][3].split(' ')[0], rule.off ? 'off' : rule.severity, `${rule.code}: default level in the README`);
    }
  });

  it('SARIF describes each rule from the catalogue (needs npm run build)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-first-sarif-'));
    try {
      fs.writeFileSync(path.join(dir, '0001-a.md'), '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\nIt costs.\n');
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'lint', '--format', 'sarif', '--no-mermaid', '.'], { cwd: dir, encoding: 'utf8' });
      const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; name: string; fullDescription: { text: string }; defaultConfiguration: { level: string; enabled?: boolean } }[];
      assert.deepEqual(rules.map(x => [x.id, x.name, x.fullDescription.text]), RULE_LIST.map(x => [x.code, x.name, x.description]));
      assert.deepEqual(rules.filter(x => x.defaultConfiguration.enabled === false).map(x => x.id), RULE_LIST.filter(x => x.off).map(x => x.code), 'rules off by default are disabled in SARIF');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
