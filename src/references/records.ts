/**
 * How the reference features show a record: where it is (its title), its identifier and its one-line
 * description, and the records of a folder newest first.
 */
import * as vscode from 'vscode';
import { recordIdentifier, type IdScheme } from '../core/references';
import { toRange } from '../util/convert';
import type { IndexedRecord } from '../workspace/recordIndex';

/** Where a record is: its title heading (the first line when it has none). */
export function recordRange(entry: IndexedRecord): vscode.Range {
  const title = entry.record.titleHeading;
  return title ? toRange(title.range) : new vscode.Range(0, 0, 0, 0);
}

/** The location of a record (see {@link recordRange}). */
export function recordLocation(entry: IndexedRecord): vscode.Location {
  return new vscode.Location(entry.uri, recordRange(entry));
}

/** The name a record is cited by: `ADR-0005`, or its title for a record without a number. */
export function citedName(entry: IndexedRecord, schemes: readonly IdScheme[]): string {
  return recordIdentifier(entry.record, schemes) ?? entry.record.title;
}

/** `accepted · 2024-01-15`: the status and the date, when it has one. */
export function statusAndDate(entry: IndexedRecord): string {
  return [entry.record.status, entry.record.date].filter(Boolean).join(' · ');
}

/** Records newest first: by date (undated last), then by number, both descending. */
export function newestFirst(a: IndexedRecord, b: IndexedRecord): number {
  return (b.record.date ?? '').localeCompare(a.record.date ?? '') || (b.record.number ?? -1) - (a.record.number ?? -1) || a.record.path.localeCompare(b.record.path);
}
