/**
 * The Decisions view's filter, as text: free words matched against a record's id, title and path,
 * and `status:`, `tag:` and `kind:` tokens (`queue status:accepted,proposed tag:security`). Pure: no
 * `vscode`, no file system, so the same query reads the same way wherever it is used.
 */
import type { DecisionRecord } from './record';

/** A parsed filter. Every part must match; the values of one key are alternatives. */
export interface RecordQuery {
  /** Lower-case words (or quoted phrases) each found in the id, title or path. */
  readonly words: readonly string[];
  /** Lower-case statuses, any of which the record has (`unknown` also matches a record with none). */
  readonly statuses: readonly string[];
  /** Lower-case tags, any of which the record carries. */
  readonly tags: readonly string[];
  /** Lower-case kinds (`nygard`, `madr`, `log4brains`, `rfc`, `rust-rfc`, a project kind's id). */
  readonly kinds: readonly string[];
}

const KEYS: Readonly<Record<string, keyof Omit<RecordQuery, 'words'>>> = {
  status: 'statuses', tag: 'tags', tags: 'tags', kind: 'kinds', format: 'kinds',
};

/**
 * Reads a filter: whitespace separates tokens, `"…"` keeps a phrase together, `key:value` with a
 * known key (`status`, `tag`, `kind`) is a condition whose value may list alternatives separated by
 * commas (`status:accepted,proposed`); anything else, an unknown `key:value` included, is a word.
 */
export function parseRecordQuery(text: string): RecordQuery {
  const query = { words: [] as string[], statuses: [] as string[], tags: [] as string[], kinds: [] as string[] };
  for (const token of queryTokens(text)) {
    const key = token.key !== undefined ? KEYS[token.key.toLowerCase()] : undefined;
    if (key) {
      const values = token.value!.replace(/^"|"$/g, '').split(',').map(v => v.trim().toLowerCase().replace(/^#/, '')).filter(Boolean);
      query[key].push(...values);
    } else {
      const word = token.text.trim().toLowerCase();
      if (word) query.words.push(word);
    }
  }
  return query;
}

const isSpace = (c: string) => /\s/.test(c);
const isLetter = (c: string) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

/**
 * A query's tokens, in order: `key:value` (ASCII letters, a colon, then a `"…"` value, its closing
 * quote optional, or the characters up to white space), a `"phrase"` (its text, the closing quote
 * optional), or a run of other characters. Scanned by hand, one pass.
 */
function queryTokens(text: string): { key?: string; value?: string; text: string }[] {
  const out: { key?: string; value?: string; text: string }[] = [];
  const runEnd = (from: number) => {
    let end = from;
    while (end < text.length && !isSpace(text[end])) end++;
    return end;
  };
  /** The end of the `"…"` opening at `open`, its closing quote included; the text's end when unclosed. */
  const quotedEnd = (open: number) => {
    const close = text.indexOf('"', open + 1);
    return close < 0 ? text.length : close + 1;
  };
  for (let i = 0; i < text.length;) {
    if (isSpace(text[i])) { i++; continue; }
    let letters = i;
    while (letters < text.length && isLetter(text[letters])) letters++;
    if (letters > i && text[letters] === ':') {
      const end = text[letters + 1] === '"' ? quotedEnd(letters + 1) : runEnd(letters + 1);
      out.push({ key: text.slice(i, letters), value: text.slice(letters + 1, end), text: text.slice(i, end) });
      i = end;
    } else if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      out.push({ text: text.slice(i + 1, close < 0 ? text.length : close) });
      i = close < 0 ? text.length : close + 1;
    } else {
      const end = runEnd(i);
      out.push({ text: text.slice(i, end) });
      i = end;
    }
  }
  return out;
}

/** True when the query has no condition at all (every record matches). */
export function isEmptyQuery(query: RecordQuery): boolean {
  return query.words.length === 0 && query.statuses.length === 0 && query.tags.length === 0 && query.kinds.length === 0;
}

/** True when `record` (at `path`, workspace-relative; default its own path) satisfies every part of `query`. */
export function matchesQuery(record: DecisionRecord, query: RecordQuery, path: string = record.path): boolean {
  if (query.statuses.length > 0) {
    const status = record.status.toLowerCase();
    if (!query.statuses.some(s => s === status || (s === 'unknown' && status === 'missing'))) return false;
  }
  if (query.tags.length > 0) {
    const tags = record.tags.map(t => t.toLowerCase());
    if (!query.tags.some(t => tags.includes(t))) return false;
  }
  if (query.kinds.length > 0 && !query.kinds.includes(record.kind.toLowerCase())) return false;
  if (query.words.length > 0) {
    const haystack = `${record.id} ${record.title} ${path}`.toLowerCase();
    if (!query.words.every(w => haystack.includes(w))) return false;
  }
  return true;
}
