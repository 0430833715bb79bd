import * as assert from 'node:assert/strict';
import { classifyRecordFile, findConfigFile, findProjectRoot, walkMarkdownFiles } from '../../src/core/project';
import { InMemoryWorkspace } from '../../src/core/workspace';
import type { ProjectKind } from '../../src/core/kinds';

const ADR = '# 1. A\n\n## Status\n\nAccepted\n';

describe('project: roots, configuration, record files', () => {
  const ws = new InMemoryWorkspace({
    '/repo/.git/HEAD': 'ref: refs/heads/main\n',
    '/repo/.spec-first.json': '{}',
    '/repo/docs/adr/0001-a.md': ADR,
    '/repo/docs/adr/use-postgres.md': ADR,
    '/repo/docs/adr/README.md': '# Decisions\n',
    '/repo/docs/adr/templates/template.md': ADR,
    '/repo/services/pay/docs/decisions/pick-a-queue.md': ADR,
    '/repo/services/pay/.adr-dir': 'records\n',
    '/repo/services/pay/records/notes.md': ADR,
    '/repo/notes/ideas.md': '# Ideas\n',
    '/repo/notes/20240115-use-kafka.md': ADR,
    '/repo/node_modules/x/docs/adr/0001-x.md': ADR,
    '/repo/.hidden/docs/adr/0001-x.md': ADR,
    '/loose/0003-c.md': ADR,
  });

  it('finds the nearest folder holding a marker, else the folder itself, never above the boundary', async () => {
    assert.equal(await findProjectRoot(ws, '/repo/docs/adr'), '/repo');
    assert.equal(await findProjectRoot(ws, '/repo/services/pay/docs/decisions'), '/repo/services/pay', '.adr-dir marks a project');
    assert.equal(await findProjectRoot(ws, '/loose'), '/loose');
    assert.equal(await findProjectRoot(ws, '/repo/docs/adr', '/repo/docs'), '/repo/docs/adr', 'not above the workspace folder');
  });

  it('takes the nearest configuration up to the project root, and none above it', async () => {
    assert.deepEqual(await findConfigFile(ws, '/repo/docs/adr', '/repo'), { path: '/repo/.spec-first.json', text: '{}' });
    assert.equal(await findConfigFile(ws, '/repo/services/pay/records', '/repo/services/pay'), undefined);
  });

  it('classifies numbered and dated files anywhere, unnumbered ones only in record folders, never README or templates', () => {
    const folders = { adr: ['records'], rfc: ['proposals'] };
    assert.deepEqual(classifyRecordFile('docs/adr/0001-a.md'), { folderHint: 'adr' });
    assert.deepEqual(classifyRecordFile('docs/adr/use-postgres.md'), { folderHint: 'adr' });
    assert.deepEqual(classifyRecordFile('services/pay/docs/decisions/pick-a-queue.md'), { folderHint: 'adr' }, 'a conventional folder at any depth');
    assert.deepEqual(classifyRecordFile('docs/rfcs/streaming.md'), { folderHint: 'rfc' });
    assert.deepEqual(classifyRecordFile('records/notes.md', folders), { folderHint: 'adr' });
    assert.deepEqual(classifyRecordFile('proposals/x.md', folders), { folderHint: 'rfc' });
    assert.deepEqual(classifyRecordFile('notes/0007-x.md'), {});
    assert.deepEqual(classifyRecordFile('notes/20240115-use-kafka.md'), {});
    for (const no of ['notes/ideas.md', 'docs/adr/README.md', 'docs/adr/index.md', 'docs/adr/template.md', 'docs/adr/0001-a.txt', 'mydocs/adr/x.md', 'records/notes.md']) {
      assert.equal(classifyRecordFile(no), undefined, no);
    }
    const kep: ProjectKind = { kind: 'kep', label: 'KEP', files: ['keps/**/README.md'], sections: [], missingStatus: 'warning' };
    assert.equal(classifyRecordFile('keps/sig-x/1234-y/README.md', undefined, [kep])?.projectKind, kep);
  });

  it('walks only the folder it is given, skipping dependencies and hidden folders', async () => {
    const walk = await walkMarkdownFiles(ws, '/repo/docs');
    assert.deepEqual(walk.files, ['/repo/docs/adr/0001-a.md', '/repo/docs/adr/README.md', '/repo/docs/adr/templates/template.md', '/repo/docs/adr/use-postgres.md']);
    const all = await walkMarkdownFiles(ws, '/repo');
    assert.ok(!all.files.some(f => f.includes('node_modules') || f.includes('.hidden')), all.files.join());
    assert.equal(all.files.length, 8);
    assert.deepEqual((await walkMarkdownFiles(ws, '/repo/docs/adr/use-postgres.md')).files, ['/repo/docs/adr/use-postgres.md']);
    assert.deepEqual(await walkMarkdownFiles(ws, '/nowhere'), { files: [], tooDeep: [] });
  });
});
