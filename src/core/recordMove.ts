/**
 * What a record file's move (a rename in the Explorer, a move to another folder) changes in the
 * files that cite it: the Markdown links to it, and the links it writes itself when it changes
 * folder. Pure: no `vscode`, no file system. Paths are workspace-relative POSIX paths, as the
 * references' targets are.
 */
import type { TextEdit } from './lint/types';
import { dirname, relativeLink } from './paths';
import { encodeLinkPath } from './recordLink';
import type { Reference } from './references';

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
