/**
 * What `parseRecord` reads from every Markdown file under test/fixtures, one JSON line per file:
 * the record's fields (kind, format, number, id, title, status, statusText, statusRange, date,
 * dateRange, relations, tags), its front matter (data or error) and a digest of its outline. The
 * committed test/fixtures/record-snapshot.jsonl is compared with it (test/unit/recordSnapshot.test.ts),
 * so that a change made for speed cannot change what a record reads as; `npm run snapshot` rewrites it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRecord, parseRecordFileName } from '../../src/core/record';

/** The snapshot file, relative to the fixtures folder. */
export const RECORD_SNAPSHOT = 'record-snapshot.jsonl';

/**
 * One line per `.md` file under `fixturesDir` (sorted by POSIX path relative to it): `{"file", …fields}`
 * as JSON, or `{"file","record":null}` when the file reads as no record. Each file is read with the
 * folder hint its path suggests (`rfc` under a folder named like `rfcs` or `text`, `adr` for a numbered
 * or dated name), as the workspace index reads it.
 */
export function recordSnapshot(fixturesDir: string): string[] {
  const files = fs.readdirSync(fixturesDir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.md'))
    .map(e => path.relative(fixturesDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return files.map(file => {
    const text = fs.readFileSync(path.join(fixturesDir, file), 'utf8');
    const name = file.slice(file.lastIndexOf('/') + 1);
    const folderHint = /(^|\/)(rfcs?|text)\//.test(file) ? 'rfc' : parseRecordFileName(name) ? 'adr' : undefined;
    const r = parseRecord(file, text, { folderHint });
    if (!r) return JSON.stringify({ file, record: null });
    const { kind, format, number, id, title, status, statusText, statusRange, date, dateRange, relations, tags, frontMatter, outline } = r;
    const digest = createHash('sha256').update(JSON.stringify(outline)).digest('hex').slice(0, 16);
    return JSON.stringify({ file, kind, format, number, id, title, status, statusText, statusRange, date, dateRange, relations, tags, frontMatter, outline: digest });
  });
}
