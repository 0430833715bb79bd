/**
 * One object per record format (see docs/FORMATS.md): how a format reads and writes a record's
 * status, date and relations, and how it names another record in a link. The parser, the lint
 * rules' fixes, the lifecycle edits, the explorer and the preview ask the record's format object
 * ({@link formatOf}) instead of testing its kind: a project's own kind (a KEP, a house template) is
 * written by the format its configuration names (`"format"`), else by the one its content reads as.
 *
 * - Nygard (adr-tools): `# N. Title`, `Date:` under it, the status as paragraphs of `## Status`
 *   (`Accepted`, `Superceded by [N. Title](file)`), relations as paragraphs there too (`adr link`).
 * - MADR 3/4: `status:` and `date:` in front matter (`superseded by ADR-0007`), relation bullets
 *   (`*`) under `## More Information`.
 * - log4brains (MADR 2): `- Status:` and `- Date:` bullets under the title, relation bullets (`-`)
 *   under `## Links`.
 * - Spec-First RFC: front matter like MADR, relation bullets under `## Links`.
 * - Rust RFC: header bullets (`- Start Date:`, `- RFC PR:`) and no status: its state is its pull
 *   request's. Lifecycle commands refuse it (see {@link lifecycleRefusal}).
 */
import { BuiltinKind, KINDS, KindSpec } from './kinds';
import type { DecisionRecord } from './record';

/** The formats: a built-in kind's id. */
export type FormatId = BuiltinKind;

/** The format ids, for validation and messages. */
export const FORMAT_IDS: readonly FormatId[] = ['nygard', 'madr', 'log4brains', 'rfc', 'rust-rfc'];

/** How one format reads and writes a record. */
export interface RecordFormat {
  readonly id: FormatId;
  /** Its template: sections in order, labels, how a missing status is reported. */
  readonly spec: KindSpec;
  /** False for a format that keeps no status (Rust RFCs): lifecycle commands refuse it. */
  readonly keepsStatus: boolean;
  /**
   * Where the format writes a status the record does not have yet: a paragraph of `## Status`
   * (Nygard), a `- Status:` bullet under the title (log4brains), or front matter (MADR, RFC).
   */
  readonly statusHome: 'status-section' | 'metadata-bullet' | 'front-matter';
  /** Whether `- Key: value` bullets under the title carry its status (not a Rust RFC's header bullets). */
  readonly statusInMetadata: boolean;
  /** Whether its title is a `#` heading on the document's first heading line (a Rust RFC's first heading is a section). */
  readonly titleIsFirstHeading: boolean;
  /**
   * Where the format writes a relation: paragraphs of the Status section (adr-tools' `_adr_add_link`),
   * or bullets of its links section.
   */
  readonly relationHome: 'status-section' | 'links-section';
  /** The section that holds relation bullets, made at the end when missing, and the bullet marker the format uses. */
  readonly linksSection: { readonly title: string; readonly bullet: '*' | '-' };
  /**
   * Whether its date is the date of the last change (MADR 4's `date`: "when the decision was last
   * updated", log4brains' `- Date:`, the RFC's), so that a status change moves it. adr-tools' `Date:`
   * and a Rust RFC's `Start Date` say when the record was begun, and stay.
   */
  readonly changeDated: boolean;
  /**
   * The field naming who decided, as the format writes it: MADR's `decision-makers` front matter key
   * (MADR 3.0 wrote `deciders`), log4brains' `- Deciders:` bullet; undefined for a format without one.
   */
  readonly decisionMakersField?: string;
  /** A status word as the format writes it: adr-tools capitalizes it (`Accepted`), the others do not. */
  statusAsWritten(status: string): string;
  /** A relation as it starts a sentence: adr-tools' `Supercedes`/`Superceded by`, else `Supersedes`, `Amended by`. */
  relationAsWritten(relation: string): string;
  /** How a record is named in a link this format writes: `2. Second Record` (adr-tools), `ADR-0002` (MADR), else the title. */
  linkLabel(to: DecisionRecord): string;
  /**
   * The status a record of this format gets when `newer` supersedes it, `link` being the Markdown
   * link to `newer`: adr-tools' `Superceded by [N. Title](file)`, MADR's `superseded by ADR-0007`
   * (the link when `newer` has no number or lies in another folder, where an id names another
   * record: ids are per folder), else `superseded by [title](file)`.
   */
  supersededStatus(newer: DecisionRecord, link: string, sameFolder: boolean): string;
}

/** A relation as a sentence starts with it: trimmed, single spaces, first letter upper case, the rest lower case (`''` for a blank one). */
export function sentenceCase(relation: string): string {
  const t = relation.trim().replace(/\s+/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1).toLowerCase();
}

/** adr-tools' spelling of a relation at the start of a status paragraph: `Supercedes`, `Superceded by`, `Amends` (`''` for a blank one). */
export function adrToolsVerb(relation: string): string {
  return sentenceCase(relation.replace(/supersede/gi, 'supercede'));
}

/** `ADR-0007`: the id MADR writes for a numbered record. */
export function adrId(number: number): string {
  return `ADR-${String(number).padStart(4, '0')}`;
}

const asIs = (status: string) => status;
const byTitle = (to: DecisionRecord) => to.title;
const supersededByLink = (_newer: DecisionRecord, link: string, _sameFolder: boolean) => `superseded by ${link}`;

const NYGARD: RecordFormat = {
  id: 'nygard', spec: KINDS.nygard, keepsStatus: true, statusHome: 'status-section', statusInMetadata: true, titleIsFirstHeading: true,
  relationHome: 'status-section', linksSection: { title: 'Links', bullet: '-' }, changeDated: false,
  statusAsWritten: status => status.charAt(0).toUpperCase() + status.slice(1),
  relationAsWritten: adrToolsVerb,
  linkLabel: to => (to.number !== undefined ? `${to.number}. ${to.title}` : to.title),
  supersededStatus: (_newer, link) => `${adrToolsVerb('superseded by')} ${link}`,
};

const MADR: RecordFormat = {
  id: 'madr', spec: KINDS.madr, keepsStatus: true, statusHome: 'front-matter', statusInMetadata: true, titleIsFirstHeading: true,
  relationHome: 'links-section', linksSection: { title: 'More Information', bullet: '*' }, changeDated: true, decisionMakersField: 'decision-makers',
  statusAsWritten: asIs, relationAsWritten: sentenceCase,
  linkLabel: to => (to.number !== undefined ? adrId(to.number) : to.title),
  supersededStatus: (newer, link, sameFolder) => `superseded by ${newer.number !== undefined && sameFolder ? adrId(newer.number) : link}`,
};

const LOG4BRAINS: RecordFormat = {
  id: 'log4brains', spec: KINDS.log4brains, keepsStatus: true, statusHome: 'metadata-bullet', statusInMetadata: true, titleIsFirstHeading: true,
  relationHome: 'links-section', linksSection: { title: 'Links', bullet: '-' }, changeDated: true, decisionMakersField: 'Deciders',
  statusAsWritten: asIs, relationAsWritten: sentenceCase, linkLabel: byTitle, supersededStatus: supersededByLink,
};

const RFC: RecordFormat = {
  id: 'rfc', spec: KINDS.rfc, keepsStatus: true, statusHome: 'front-matter', statusInMetadata: true, titleIsFirstHeading: true,
  relationHome: 'links-section', linksSection: { title: 'Links', bullet: '-' }, changeDated: true,
  statusAsWritten: asIs, relationAsWritten: sentenceCase, linkLabel: byTitle, supersededStatus: supersededByLink,
};

const RUST_RFC: RecordFormat = {
  id: 'rust-rfc', spec: KINDS['rust-rfc'], keepsStatus: false, statusHome: 'front-matter', statusInMetadata: false, titleIsFirstHeading: false,
  relationHome: 'links-section', linksSection: { title: 'Links', bullet: '-' }, changeDated: false,
  statusAsWritten: asIs, relationAsWritten: sentenceCase, linkLabel: byTitle, supersededStatus: supersededByLink,
};

/** The format objects, by id. */
export const FORMATS: Readonly<Record<FormatId, RecordFormat>> = {
  nygard: NYGARD, madr: MADR, log4brains: LOG4BRAINS, rfc: RFC, 'rust-rfc': RUST_RFC,
};

/** True for a format id (`nygard`, `madr`, `log4brains`, `rfc`, `rust-rfc`). */
export function isFormatId(id: string): id is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(id);
}

/** The format object that reads and writes `record` (see {@link DecisionRecord.format}). */
export function formatOf(record: { readonly format: FormatId }): RecordFormat {
  return FORMATS[record.format];
}

/**
 * Why a lifecycle command (Change Status, Supersede, Link Records) cannot edit `record`, or undefined
 * when it can: a format that keeps no status (Rust RFCs: their state is their pull request's).
 */
export function lifecycleRefusal(record: DecisionRecord): string | undefined {
  if (formatOf(record).keepsStatus) return undefined;
  return `"${record.title}" is a Rust RFC: its status is its pull request's, and the RFC keeps none, so Spec-First does not write one. Change it on the RFC's pull request instead.`;
}

/** The longest relation a user may name (Link Records' "Other…"): a phrase, not a sentence. */
export const MAX_RELATION_LENGTH = 40;

/**
 * Why `relation` (a relation a user names for Link Records, such as `Refines` or `Refined by`) could
 * not be written so that the record reads it back, or undefined when it can: a phrase of letters,
 * spaces and hyphens that starts with a letter and ends with a letter or a hyphen (what the status
 * and links readers take before a link), at most {@link MAX_RELATION_LENGTH} characters.
 */
export function relationPhraseProblem(relation: string): string | undefined {
  const t = relation.trim().replace(/\s+/g, ' ');
  if (!t) return 'Name the relation.';
  if (t.length > MAX_RELATION_LENGTH) return `At most ${MAX_RELATION_LENGTH} characters: a relation is a phrase, such as "Refines".`;
  if (!/^[A-Za-z](?:[A-Za-z -]*[A-Za-z-])?$/.test(t)) return 'Letters, spaces and hyphens only, starting with a letter, so that the record reads it back (such as "Refines" or "Refined by").';
  return undefined;
}
