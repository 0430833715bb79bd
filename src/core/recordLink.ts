/**
 * A Markdown link to a record, as "Copy Link" writes it: `[0007 Use Pulsar](../adr/0007-use-pulsar.md)`.
 * Pure: no `vscode`, no file system.
 */
import { relativeLink } from './paths';

/**
 * The Markdown link to the record at `target` (workspace-relative POSIX path) labelled `label`:
 * relative to the file at `from` when given (a link written in that file), else the workspace-relative
 * path. Brackets and backslashes in the label are escaped; characters that would end or break the
 * link destination (spaces, parentheses, `<`, `>`, `#`, `?`, `%`) are percent-encoded.
 */
export function markdownRecordLink(label: string, target: string, from?: string): string {
  const path = from === undefined ? target.split('/').filter(Boolean).join('/') : relativeLink(from, target);
  return `[${label.replace(/[\\[\]]/g, '\\$&')}](${encodeLinkPath(path)})`;
}

/**
 * A POSIX path as a link destination: in each segment, the characters that would end or break a
 * destination (white space, parentheses, `<`, `>`, `#`, `?`, `%`, brackets) percent-encoded.
 */
export function encodeLinkPath(path: string): string {
  return path.split('/').map(segment => segment.replace(/[%\s()<>#?[\]]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('/');
}
