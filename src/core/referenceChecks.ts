/**
 * Checks the decision references of a file that is not a record (a design doc, a pull request
 * template, a source file's comments) against its project's records, with the rules a record's
 * references have: SF016 (names no record) and SF023 (cites a superseded or deprecated record, with
 * the fix pointing it at the decision in force): the same codes, messages and configured levels, for
 * the editor's diagnostics on source files and `spec-first lint --refs`.
 */
import type { RuleLevel } from './lint/types';
import type { Finding } from './lint/types';
import { RULES_BY_CODE } from './lint/rules';
import type { WorkspaceSnapshot } from './lint/workspace';
import { basename } from './paths';
import { parseRecordFileName } from './record';
import { isReplaced, successorChain } from './lint/recordReferences';
import { folderMatches, recordIdentifier, resolveReference, type IdScheme, type Reference } from './references';
import { dirname } from './paths';

/** SF016, broken record reference (one rule for links and identifiers). */
export const BROKEN_REFERENCE = 'SF016';
/** SF023, a reference to a superseded or deprecated record. */
export const SUPERSEDED_REFERENCE = 'SF023';

/**
 * The findings of `references` (from `scanFileReferences`, against the same root as `snapshot`'s
 * paths): SF016 for an identifier that names no record of its family (an unqualified one with several
 * candidates is not a finding) or a link to a record file name (`0042-x.md`) where no record is (a
 * link to another Markdown file is not a record link); SF023 for a reference to a single superseded
 * or deprecated record, with a fix writing its successor's identifier (the decision in force: the
 * last of the successor chain) where the reference is an identifier. `rules` is the project's
 * configured levels (`"SF016": "off"` turns one off). Linear in the references; never throws.
 */
export function checkReferences(references: readonly Reference[], snapshot: WorkspaceSnapshot, schemes: readonly IdScheme[], rules: Readonly<Record<string, RuleLevel>> = {}): Finding[] {
  const levelOf = (code: string): RuleLevel => rules[code] ?? RULES_BY_CODE.get(code)?.severity ?? 'warning';
  const broken = levelOf(BROKEN_REFERENCE);
  const superseded = levelOf(SUPERSEDED_REFERENCE);
  const out: Finding[] = [];
  for (const reference of references) {
    const target = reference.target;
    if (target.type === 'link' && !parseRecordFileName(basename(target.path))) continue;
    const named = resolveReference(reference, snapshot, schemes);
    if (named.length === 0 && broken !== 'off') {
      const message = target.type === 'link'
        ? `No record at "${target.path}": it was renamed, renumbered or removed.`
        : `${reference.text} names no record${target.qualifier ? ` in a folder "${target.qualifier}"` : ''}: it was renumbered or removed, or never existed.`;
      out.push({ code: BROKEN_REFERENCE, severity: broken, message, range: reference.range });
    }
    if (named.length !== 1 || superseded === 'off' || !isReplaced(named[0].record)) continue;
    const old = named[0];
    const chain = successorChain(snapshot, old);
    const now = chain[chain.length - 1];
    const cited = (r: typeof old) => recordIdentifier(r.record, schemes) ?? basename(r.path);
    const message = now
      ? `${cited(old)} is ${old.record.status}; ${cited(now)} is the decision in force: this still cites the old one.`
      : `${cited(old)} is ${old.record.status}: this still cites it.`;
    const id = now && recordIdentifier(now.record, schemes);
    const keep = target.type === 'id' && target.qualifier !== undefined && now && folderMatches(dirname(now.path), target.qualifier) ? `${target.qualifier}/` : '';
    const fix = target.type === 'id' && id ? { title: `Point to ${id}, its successor`, edits: [{ range: reference.range, newText: `${keep}${id}` }] } : undefined;
    out.push({ code: SUPERSEDED_REFERENCE, severity: superseded, message, range: reference.range, ...(fix ? { fix } : {}) });
  }
  return out;
}
