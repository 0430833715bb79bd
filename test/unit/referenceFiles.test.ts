/**
 * Which files are read for decision references and how (`referenceReadingOf`, `scanFileReferences`,
 * `codeSchemes`), the `.gitignore` bounds (`gitignoreFilter`), the `"references"` configuration key,
 * and the checks of a non-record file's references (`checkReferences`: SF016, SF023 with its fix).
 */
import * as assert from 'node:assert/strict';
import { parseConfig } from '../../src/core/config';
import { WorkspaceSnapshot } from '../../src/core/lint/workspace';
import { parseRecord } from '../../src/core/record';
import { checkReferences } from '../../src/core/referenceChecks';
import { ADR_SCHEME, RFC_SCHEME } from '../../src/core/references';
import { NEVER_READ_FOLDERS, codeSchemes, gitignoreFilter, maxReferenceBytes, referenceReadingOf, scanFileReferences } from '../../src/core/referenceFiles';

const texts = (refs: { text: string }[]) => refs.map(r => r.text);

describe('referenceReadingOf', () => {
  it('Markdown by extension (any case) or language; code by the comment table; text only where globs say', () => {
    assert.equal(referenceReadingOf('docs/a.MD')?.kind, 'markdown');
    assert.equal(referenceReadingOf('docs/a.markdown')?.kind, 'markdown');
    assert.equal(referenceReadingOf('untitled-1', 'markdown')?.kind, 'markdown');
    const py = referenceReadingOf('svc/app.py');
    assert.equal(py?.kind === 'code' && py.language, 'python');
    const byLanguage = referenceReadingOf('scripts/deploy', 'shellscript');
    assert.equal(byLanguage?.kind === 'code' && byLanguage.language, 'shellscript');
    assert.equal(referenceReadingOf('notes/x.txt'), undefined);
    assert.equal(referenceReadingOf('notes/x.txt', 'plaintext', ['notes/**'])?.kind, 'text');
    assert.equal(referenceReadingOf('Makefile', undefined, ['src/**']), undefined);
    assert.equal(referenceReadingOf('.md'), undefined);
  });

  it('source files have a smaller size bound than Markdown', () => {
    assert.ok(maxReferenceBytes({ kind: 'text' }) < maxReferenceBytes({ kind: 'markdown' }));
  });
});

describe('scanFileReferences', () => {
  it('in code, RFC identifiers count only when configured; ADR identifiers always', () => {
    const go = referenceReadingOf('main.go')!;
    const source = '// See ADR-0005 and RFC 7231.\nx := "ADR-0009"\n';
    assert.deepEqual(texts(scanFileReferences(source, go, [ADR_SCHEME, RFC_SCHEME], 'main.go')), ['ADR-0005']);
    assert.deepEqual(texts(scanFileReferences(source, go, [ADR_SCHEME, RFC_SCHEME], 'main.go', true)), ['ADR-0005', 'RFC 7231']);
  });

  it('Markdown keeps RFC identifiers (the workspace has RFC records) and skips code spans', () => {
    const md = referenceReadingOf('README.md')!;
    assert.deepEqual(texts(scanFileReferences('ADR-1, `ADR-2`, RFC-3\n', md, [ADR_SCHEME, RFC_SCHEME], 'README.md')), ['ADR-1', 'RFC-3']);
  });

  it('plain text is read whole, every line', () => {
    assert.deepEqual(texts(scanFileReferences('"ADR-1" x = ADR-2\n# ADR-3\n', { kind: 'text' }, [ADR_SCHEME], 'n.txt')), ['ADR-1', 'ADR-2', 'ADR-3']);
  });

  it('codeSchemes drops only the RFC family', () => {
    const kep = { prefix: 'KEP-', separated: false, family: { kind: 'kep' } } as const;
    assert.deepEqual(codeSchemes([ADR_SCHEME, RFC_SCHEME, kep]), [ADR_SCHEME, kep]);
  });
});

describe('gitignoreFilter', () => {
  it('applies each .gitignore under its folder, deeper negations winning, as git does', () => {
    const { ignored, declined } = gitignoreFilter([
      { folder: 'services/api', text: '!keep.generated.ts\nlocal/\n' },
      { folder: '', text: '# build output\ndist/\n*.generated.ts\n/root-only.ts\n' },
    ]);
    assert.deepEqual(declined, []);
    assert.equal(ignored('dist/a.ts'), true);
    assert.equal(ignored('src/dist/a.ts'), true); // unanchored folder pattern
    assert.equal(ignored('src/x.generated.ts'), true);
    assert.equal(ignored('services/api/keep.generated.ts'), false);
    assert.equal(ignored('services/api/local/a.py'), true);
    assert.equal(ignored('services/web/local/a.py'), false);
    assert.equal(ignored('root-only.ts'), true);
    assert.equal(ignored('src/root-only.ts'), false);
    assert.equal(ignored('src/app.ts'), false);
  });

  it('never reads version control or installed packages, even without an ignore file', () => {
    const { ignored } = gitignoreFilter([]);
    for (const folder of NEVER_READ_FOLDERS) assert.equal(ignored(`a/${folder}/b.ts`), true, folder);
    assert.equal(ignored('a/node_modules_x/b.ts'), false);
  });

  it('declines a pattern that would backtrack, and keeps the others', () => {
    const hostile = `${'*a'.repeat(12)}b`;
    const { ignored, declined } = gitignoreFilter([{ folder: '', text: `${hostile}\nbuild/\n` }]);
    assert.equal(declined.length, 1);
    assert.match(declined[0], /more than 3 "\*"/);
    assert.equal(ignored('build/x.ts'), true);
    const started = process.cpuUsage();
    assert.equal(ignored(`${'a'.repeat(60)}.ts`), false);
    const spent = process.cpuUsage(started);
    assert.ok(spent.user + spent.system < 1e6, 'a hostile pattern is not compiled');
  });

  it('reads at most the bounded number of patterns and never throws on odd paths', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `f${i}.ts`).join('\n');
    const { ignored } = gitignoreFilter([{ folder: '', text: many }]);
    assert.equal(ignored('f10.ts'), true);
    assert.equal(ignored('f4999.ts'), false);
    assert.equal(ignored('../x.ts'), false);
    assert.equal(ignored(''), false);
  });
});

describe('parseConfig: "references"', () => {
  it('reads files and rfcInCode', () => {
    const { config, errors } = parseConfig('{ "references": { "files": ["src/**", "notes/*.txt"], "rfcInCode": true } }');
    assert.deepEqual(errors, []);
    assert.deepEqual(config.references, { files: ['src/**', 'notes/*.txt'], rfcInCode: true });
  });

  it('reports a wrong shape, an unknown key and a backtracking glob; keeps the rest', () => {
    const messages = (text: string) => parseConfig(text).errors.map(e => e.message);
    assert.match(messages('{ "references": ["src/**"] }')[0], /"references" must be an object/);
    assert.match(messages('{ "references": { "file": [] } }')[0], /unknown key "file"/);
    assert.match(messages('{ "references": { "rfcInCode": "yes" } }')[0], /true or false/);
    const hostile = parseConfig(`{ "references": { "files": ["src/**", "${'*a'.repeat(8)}"] } }`);
    assert.match(hostile.errors[0].message, /would match nothing/);
    assert.deepEqual(hostile.config.references?.files, ['src/**']);
  });
});

describe('checkReferences (files that are not records)', () => {
  const nygard = (n: number, title: string, status: string) =>
    `# ${n}. ${title}\n\nDate: 2024-01-01\n\n## Status\n\n${status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n`;
  const files: [string, string][] = [
    ['doc/adr/0001-use-a-queue.md', nygard(1, 'Use a queue', 'Superseded by [2. Use Kafka](0002-use-kafka.md)')],
    ['doc/adr/0002-use-kafka.md', nygard(2, 'Use Kafka', 'Superseded by [3. Use Pulsar](0003-use-pulsar.md)\n\nSupersedes [1. Use a queue](0001-use-a-queue.md)')],
    ['doc/adr/0003-use-pulsar.md', nygard(3, 'Use Pulsar', 'Accepted\n\nSupersedes [2. Use Kafka](0002-use-kafka.md)')],
  ];
  const snapshot = new WorkspaceSnapshot({ records: files.map(([path, text]) => ({ path, record: parseRecord(path, text)! })) });
  const go = referenceReadingOf('cmd/main.go')!;
  const source = '// Queue per ADR-0001; broker ADR-0003; retries ADR-0042.\n// [old](../doc/adr/0009-gone.md) [notes](../docs/notes.md)\n';
  const found = checkReferences(scanFileReferences(source, go, [ADR_SCHEME], 'cmd/main.go'), snapshot, [ADR_SCHEME]);

  it('SF016 for an identifier or a record link that names no record; a link to another document is left alone', () => {
    assert.deepEqual(found.filter(f => f.code === 'SF016').map(f => `${f.range.start.line}:${f.range.start.character} ${f.message}`), [
      '0:48 ADR-0042 names no record: it was renumbered or removed, or never existed.',
      '1:3 No record at "doc/adr/0009-gone.md": it was renamed, renumbered or removed.',
    ]);
  });

  it('SF023 for a superseded record, its fix naming the decision in force at the end of the chain', () => {
    const stale = found.filter(f => f.code === 'SF023');
    assert.deepEqual(stale.map(f => f.message), ['ADR-0001 is superseded; ADR-0003 is the decision in force: this still cites the old one.']);
    assert.equal(stale[0].fix?.title, 'Point to ADR-0003, its successor');
    assert.deepEqual(stale[0].fix?.edits.map(e => [e.range.start.character, e.range.end.character, e.newText]), [[13, 21, 'ADR-0003']]);
  });

  it('the configured levels apply: "off" turns a rule off, another level replaces the default', () => {
    const refs = scanFileReferences(source, go, [ADR_SCHEME], 'cmd/main.go');
    assert.deepEqual(checkReferences(refs, snapshot, [ADR_SCHEME], { SF016: 'off', SF023: 'error' }).map(f => `${f.code} ${f.severity}`), ['SF023 error']);
  });
});
