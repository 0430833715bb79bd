/**
 * What a record file's move (a rename in the Explorer, a move to another folder) changes in the
 * files that cite it: the Markdown links to it, the links it writes itself when it changes folder,
 * and the labels of links to it that name its number when the number changes. Pure: no `vscode`, no
 * file system. Paths are workspace-relative POSIX paths, as the references' targets are.
 */
import { linkParts } from './lint/recordReferences';
import { numberAsWritten } from './numbering';
import type { TextEdit } from './lint/types';
import { dirname, relativeLink } from './paths';
import { encodeLinkPath } from './recordLink';
import { codeSpans, folderMatches, type IdScheme, lineReferences, type Reference, renumberedIdentifier } from './references';
import { range } from './text';

/**
 * The edits that keep the links of the file at `path` (its `references`, from `findReferences` or
 * `findCodeReferences`) leading where they led once the files of `moves` (old path → new path) have
 * moved: a link to a moved file points to its new path; when the file at `path` moves itself, its
 * relative links are written again from its new folder. A destination written workspace-absolute
 * (`/docs/adr/…`) stays so; relative ones stay relative; the `#fragment` is kept as written. Edits
 * address the text as it is before the move (its lines and characters, 0-based). Links without a
 * known destination range, and those that already lead to the right file, get none.
 */
export function movedLinkEdits(references: readonly Reference[], path: string, moves: ReadonlyMap<string, string>): TextEdit[] {
  const newPath = moves.get(path);
  const edits: TextEdit[] = [];
  for (const reference of references) {
    if (reference.target.type !== 'link' || !reference.destination) continue;
    // A link stands on one line: its destination is a slice of its text.
    const offset = reference.range.start.character;
    const written = reference.text.slice(reference.destination.start.character - offset, reference.destination.end.character - offset);
    const absolute = written.startsWith('/');
    const target = moves.get(reference.target.path);
    // Nothing moved for this link: neither its target, nor (for a relative link) the file it is written in.
    if (target === undefined && (absolute || newPath === undefined || dirname(newPath) === dirname(path))) continue;
    const to = target ?? reference.target.path;
    const hash = written.indexOf('#');
    const fragment = hash < 0 ? '' : written.slice(hash);
    const destination = `${absolute ? `/${encodeLinkPath(to)}` : encodeLinkPath(relativeLink(newPath ?? path, to))}${fragment}`;
    if (destination !== written) edits.push({ range: reference.destination, newText: destination });
  }
  return edits;
}

/**
 * The edits that renumber, in the label of `link` (a link reference to a record whose number goes from
 * `before` to `after`), what names the record by its number: the identifiers of its family `family`
 * (`[ADR-0005](0005-x.md)` → `[ADR-0007](…)`, zero padding and qualifier kept, as `renumberedIdentifier`
 * writes them; `schemes` are the workspace's, `from` the path of the file the link is in) and adr-tools'
 * title prefix (`[5. Use X](0005-use-x.md)` → `[7. Use X](…)`). A label naming another number (a link
 * SF025 reports), an identifier qualified by another folder than the record's, and a reference
 * definition's key are left as written; so is a link whose label the bracket count reads otherwise
 * than the reference scan (a `]` in a code span of the label). Lines and characters 0-based.
 */
export function renumberedLabelEdits(link: Reference, family: IdScheme, schemes: readonly IdScheme[], from: string, before: number, after: number): TextEdit[] {
  const target = link.target;
  const parts = target.type === 'link' ? linkParts(link.text) : undefined;
  if (!parts || parts.definition || before === after || target.type !== 'link') return [];
  // The label must end before the destination the scan found: never an edit inside the destination.
  if (link.destination && parts.labelEnd >= link.destination.start.character - link.range.start.character) return [];
  const label = link.text.slice(parts.labelStart, parts.labelEnd);
  const { line, character } = link.range.start;
  const at = character + parts.labelStart;
  const edits: TextEdit[] = [];
  const prefix = /^(\d{1,9})\. /.exec(label);
  if (prefix && Number(prefix[1]) === before) edits.push({ range: range(line, at, line, at + prefix[1].length), newText: numberAsWritten(prefix[1], after) });
  for (const id of lineReferences(label, 0, schemes, from, codeSpans(label))) {
    if (id.target.type !== 'id' || id.target.scheme !== family || id.target.number !== before) continue;
    if (id.target.qualifier !== undefined && !folderMatches(dirname(target.path), id.target.qualifier)) continue;
    const renumbered = renumberedIdentifier(id, after);
    if (renumbered) edits.push({ range: range(line, at + renumbered.range.start.character, line, at + renumbered.range.end.character), newText: renumbered.newText });
  }
  return edits;
}
