import { basename, resolveLink } from '../../paths';
import { parseRecordFileName } from '../../record';
import { range } from '../../text';
import type { Rule } from '../types';

const LINK = /\]\(\s*<?([^)\s>]+\.md)(?:#[^)\s>]*)?>?(?:\s+"[^"]*")?\s*\)/gi;

/** SF016: a link to a record that does not exist. */
export const brokenLink: Rule = {
  code: 'SF016', name: 'broken-record-link', severity: 'warning', kinds: 'all', scope: 'workspace',
  description: 'A link to a record that was renamed, renumbered or never merged leaves the reader of a supersede or amend chain at a dead end.',
  *check(c) {
    if (!c.workspace) return;
    const paths = new Set(c.workspace.records.map(r => r.path));
    const code = new Set<number>();
    for (const f of c.record.outline.fences) for (let l = f.startLine; l <= f.endLine; l++) code.add(l);
    for (let i = 0; i < c.lines.length; i++) {
      if (code.has(i) || !c.lines[i].includes('.md')) continue;
      for (const m of c.lines[i].matchAll(LINK)) {
        const target = resolveLink(c.record.path, m[1]);
        // Only links to record-like names (`0007-….md`, `20240115-….md`): other Markdown is not ours to check.
        if (target === undefined || !parseRecordFileName(basename(target)) || paths.has(target) || c.workspace.files?.has(target)) continue;
        const start = m.index + m[0].indexOf(m[1]);
        yield { range: range(i, start, i, start + m[1].length), message: `No record at "${m[1]}": it was renamed, renumbered or removed.` };
      }
    }
  },
};
