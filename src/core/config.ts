/**
 * A project's configuration: `.spec-first.json` or `.spec-first.yaml` at the workspace root (or the
 * folder the CLI runs in). It sets rule levels, the status vocabulary, and the project's own document
 * kinds (a KEP, a house RFC template), each with the files it applies to and its sections — listed,
 * or read from a template file's headings. Parsed with `yaml` (JSON is YAML), validated with a message
 * and a position for every mistake, so that a bad file is reported, never half-applied silently.
 *
 * ```json
 * {
 *   "adr": { "directory": "docs/decisions" },
 *   "rfc": { "directory": "rfcs" },
 *   "statuses": ["proposed", "accepted", "rejected", "superseded"],
 *   "rules": { "SF012": "off", "too-few-options": "error" },
 *   "reviewAfter": "P12M", "staleAfter": "P60D",
 *   "kinds": [{
 *     "id": "kep", "label": "Kubernetes KEP", "files": ["keps/**\/README.md"], "format": "madr",
 *     "sections": [{ "title": "Summary", "required": true }, { "title": "Alternatives", "concept": "alternatives" }]
 *   }]
 * }
 * ```
 */
import { Document, Node as YamlNode, isMap, isScalar, isSeq } from 'yaml';
import { parseDuration } from './calendar';
import { globProblem } from './glob';
import { FORMAT_IDS, FormatId, isFormatId } from './formats';
import { ProjectKind, SectionConcept, SectionSpec } from './kinds';
import { normalizeHeading, scanOutline } from './outline';
import { RuleLevel } from './lint/types';
import { findRule } from './lint/rules';
import { containedPath, refusalMessage } from './paths';
import { parseYamlWithin } from './safeYaml';
import { Range, splitLines } from './text';

/** File names a project configuration may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.spec-first.json', '.spec-first.yaml', '.spec-first.yml'];

/** A kind as the configuration declares it, before its template (if any) is read. */
export interface KindDeclaration {
  readonly id: string;
  readonly label: string;
  readonly files: readonly string[];
  readonly missingStatus: ProjectKind['missingStatus'];
  /** Sections listed in the configuration. */
  readonly sections?: readonly SectionSpec[];
  /** A template file (relative to the configuration's folder) whose headings are the sections. */
  readonly template?: string;
  /** The format that reads and writes the kind's records; detected from each record when absent. */
  readonly format?: FormatId;
  /** The literal text before the number of an identifier citing the kind's records (`KEP-` for `"idPattern": "KEP-(\\d+)"`). */
  readonly idPrefix?: string;
}

/** A validated configuration. */
export interface ProjectConfig {
  /** The ADR folder (`"adr": { "directory": … }`), relative to the configuration's folder, contained in it. */
  readonly adrDirectory?: string;
  /** The RFC folder (`"rfc": { "directory": … }`), relative to the configuration's folder, contained in it. */
  readonly rfcDirectory?: string;
  readonly statuses?: readonly string[];
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly kinds: readonly KindDeclaration[];
  /** `"reviewAfter": "P12M"`: an ISO 8601 duration; accepted records without a review date are due that long after their date. */
  readonly reviewAfter?: string;
  /** `"staleAfter": "P60D"`: an ISO 8601 duration; a proposal or draft is stale that long after its date. */
  readonly staleAfter?: string;
  /** `"references"`: where decision references are looked for beyond Markdown and known source files. */
  readonly references?: ReferenceSettings;
}

/**
 * `"references": { "files": ["src/**", "docs/**\/*.txt"], "rfcInCode": true }`: globs (relative to the
 * configuration's folder) of the files whose references are indexed in a browser host and checked by
 * `spec-first lint` (a file of no known language among them is read as plain text), and whether RFC
 * identifiers count in source code (off by default: "RFC 7231" in a comment cites the IETF).
 */
export interface ReferenceSettings {
  readonly files: readonly string[];
  readonly rfcInCode: boolean;
}

/** A mistake in the configuration: a message naming the key, and where it is (0-based). */
export interface ConfigError {
  readonly message: string;
  readonly range: Range;
}

const LEVELS = ['off', 'error', 'warning', 'information', 'hint'];
const CONCEPTS: readonly SectionConcept[] = ['alternatives', 'failure-modes', 'consequences', 'status', 'context', 'decision'];
const BUILTIN_KINDS = ['nygard', 'madr', 'log4brains', 'rfc', 'rust-rfc'];

/** At most this many syntax errors are reported: the first ones are the ones to fix. */
const MAX_SYNTAX_ERRORS = 20;
const EMPTY: ProjectConfig = { rules: {}, kinds: [] };

/**
 * Parses and validates a configuration's text. Returns the configuration (what is valid of it) and
 * every error with its position (0-based; a range never ends past the line it starts on). Never
 * throws: a file larger than 256 KB or nested deeper than 20 levels is refused before parsing, keys
 * must be plain scalars, and any exception becomes an error on the first line. Unknown keys are
 * errors too, so that a typo (`"rule"` for `"rules"`) does not pass silently. Line breaks may be
 * `\n`, `\r\n` or a lone `\r`.
 */
export function parseConfig(text: string): { config: ProjectConfig; errors: ConfigError[] } {
  // One line break for the parser, and the same line numbers as the editor's (a lone \r ends a line there too).
  const source = text.replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineEnd = (line: number) => (line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : source.length);
  const at = (offset: number) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo, character: Math.min(offset, lineEnd(lo)) - lineStarts[lo] };
  };
  /** The range of `[from, to)`, cut at the end of the line it starts on. */
  const span = (from: number, to: number): Range => {
    const start = at(Math.max(0, Math.min(from, source.length)));
    const end = Math.max(from, Math.min(to, lineEnd(start.line)));
    return { start, end: { line: start.line, character: end - lineStarts[start.line] } };
  };
  const rangeOf = (node: unknown): Range => {
    const r = (node as YamlNode | undefined)?.range;
    return r ? span(r[0], r[1]) : span(0, lineEnd(0));
  };

  const { doc, problems } = parseYamlWithin(source);
  if (!doc || problems.length > 0) {
    const shown = problems.slice(0, MAX_SYNTAX_ERRORS).map(p => ({ message: p.message, range: span(p.offset, p.end ?? p.offset) }));
    if (problems.length > MAX_SYNTAX_ERRORS) shown.push({ message: `… and ${problems.length - MAX_SYNTAX_ERRORS} more errors.`, range: span(0, 0) });
    return { config: EMPTY, errors: shown };
  }
  try {
    return validate(doc, rangeOf);
  } catch (err) {
    return { config: EMPTY, errors: [{ message: `Could not read the configuration: ${err instanceof Error ? err.message : String(err)}`, range: span(0, lineEnd(0)) }] };
  }
}

/** A map key's text: the scalar's value as a string (keys are checked to be scalars before). */
function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : '';
}

/** Validates a parsed configuration whose keys are known to be scalars. The caller catches anything it throws (from yaml's `toJSON`). */
function validate(doc: Document.Parsed, rangeOf: (node: unknown) => Range): { config: ProjectConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const root = doc.contents;
  if (root === null || root === undefined) return { config: EMPTY, errors };
  if (!isMap(root)) return { config: EMPTY, errors: [{ message: 'The configuration must be an object: { "rules": …, "statuses": …, "kinds": … }.', range: rangeOf(root) }] };

  let statuses: string[] | undefined;
  const directories: { adr?: string; rfc?: string } = {};
  const rules: Record<string, RuleLevel> = {};
  const kinds: KindDeclaration[] = [];
  const durations: { reviewAfter?: string; staleAfter?: string } = {};
  let references: ReferenceSettings | undefined;
  for (const pair of root.items) {
    const key = keyText(pair.key);
    const value = pair.value as YamlNode | null;
    switch (key) {
      case '$schema': break;
      case 'adr':
      case 'rfc': {
        const directory = folderSetting(key, value, rangeOf, errors);
        if (directory !== undefined) directories[key] = directory;
        break;
      }
      case 'statuses': {
        const js = value && 'toJSON' in value ? value.toJSON() : value;
        if (!Array.isArray(js) || js.length === 0 || !js.every(s => typeof s === 'string' && s.trim())) {
          errors.push({ message: '"statuses" must be a non-empty list of words, such as ["proposed", "accepted", "superseded"].', range: rangeOf(value) });
        } else statuses = js.map(s => s.trim().toLowerCase());
        break;
      }
      case 'rules':
        if (!isMap(value)) {
          errors.push({ message: '"rules" must map rule codes or names to a level: { "SF012": "off" }.', range: rangeOf(value) });
          break;
        }
        for (const item of value.items) {
          const name = keyText(item.key);
          const level = isScalar(item.value) ? item.value.value : undefined;
          const rule = findRule(name);
          if (!rule) errors.push({ message: `Unknown rule ${JSON.stringify(shorten(name))}: use a code (SF001…) or a name from docs/rules.`, range: rangeOf(item.key) });
          else if (typeof level !== 'string' || !LEVELS.includes(level)) errors.push({ message: `Rule ${rule.code}: the level must be one of ${LEVELS.join(', ')}.`, range: rangeOf(item.value) });
          else rules[rule.code] = level as RuleLevel;
        }
        break;
      case 'reviewAfter':
      case 'staleAfter': {
        const text = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : undefined;
        if (text === undefined || !parseDuration(text)) {
          errors.push({ message: `"${key}" must be an ISO 8601 duration in years, months or days, such as "${key === 'reviewAfter' ? 'P12M' : 'P60D'}".`, range: rangeOf(value) });
        } else durations[key] = text.toUpperCase();
        break;
      }
      case 'references':
        references = referenceSettings(value, rangeOf, errors);
        break;
      case 'kinds':
        if (!isSeq(value)) {
          errors.push({ message: '"kinds" must be a list of kinds: [{ "id": "kep", "files": ["keps/**/README.md"], "sections": […] }].', range: rangeOf(value) });
          break;
        }
        value.items.forEach((item, i) => {
          const kind = kindDeclaration(item as YamlNode, `kinds[${i}]`, rangeOf, errors);
          if (kind && kinds.some(k => k.id === kind.id)) errors.push({ message: `kinds[${i}]: the id "${kind.id}" is declared twice.`, range: rangeOf(item) });
          else if (kind) kinds.push(kind);
        });
        break;
      default:
        errors.push({ message: `Unknown key ${JSON.stringify(shorten(key))}: the configuration takes "adr", "rfc", "statuses", "rules", "kinds", "references", "reviewAfter" and "staleAfter".`, range: rangeOf(pair.key) });
    }
  }
  return { config: { adrDirectory: directories.adr, rfcDirectory: directories.rfc, statuses, rules, kinds, ...durations, ...(references ? { references } : {}) }, errors };
}

/** Most globs `"references"."files"` may list. */
const MAX_REFERENCE_GLOBS = 50;

/**
 * `"references": { "files": [globs], "rfcInCode": boolean }`, validated: each glob a non-empty string
 * that {@link globProblem} accepts, at most {@link MAX_REFERENCE_GLOBS}; undefined with errors otherwise.
 */
function referenceSettings(value: YamlNode | null, rangeOf: (node: unknown) => Range, errors: ConfigError[]): ReferenceSettings | undefined {
  const example = '"references": { "files": ["src/**"], "rfcInCode": false }';
  if (!isMap(value)) {
    errors.push({ message: `"references" must be an object: ${example}.`, range: rangeOf(value) });
    return undefined;
  }
  let files: string[] = [];
  let rfcInCode = false;
  for (const item of value.items) {
    const name = keyText(item.key);
    const node = item.value as YamlNode | null;
    if (name === 'files') {
      const list = isSeq(node) ? node.items.map(i => (isScalar(i) && typeof i.value === 'string' ? i.value.trim() : '')) : undefined;
      if (!list || list.length > MAX_REFERENCE_GLOBS || list.some(f => !f)) {
        errors.push({ message: `references.files must be a list of at most ${MAX_REFERENCE_GLOBS} globs relative to the configuration file: ${example}.`, range: rangeOf(node) });
        continue;
      }
      const declined = list.map(f => ({ f, why: globProblem(f) })).find(g => g.why);
      if (declined) errors.push({ message: `references.files: ${declined.why}, so it would match nothing; write a simpler glob.`, range: rangeOf(node) });
      files = list.filter(f => !globProblem(f));
    } else if (name === 'rfcInCode') {
      if (!isScalar(node) || typeof node.value !== 'boolean') errors.push({ message: 'references.rfcInCode must be true or false.', range: rangeOf(node) });
      else rfcInCode = node.value;
    } else errors.push({ message: `references: unknown key ${JSON.stringify(shorten(name))} (it takes "files" and "rfcInCode").`, range: rangeOf(item.key) });
  }
  return { files, rfcInCode };
}

/**
 * `"adr": { "directory": "docs/decisions" }` (or `"rfc"`): the folder, relative to the configuration's
 * folder and contained in it, not that folder itself; or undefined with an error.
 */
function folderSetting(key: 'adr' | 'rfc', value: YamlNode | null, rangeOf: (node: unknown) => Range, errors: ConfigError[]): string | undefined {
  const example = `"${key}": { "directory": "${key === 'adr' ? 'docs/decisions' : 'rfcs'}" }`;
  if (!isMap(value)) {
    errors.push({ message: `"${key}" must be an object: ${example}.`, range: rangeOf(value) });
    return undefined;
  }
  for (const item of value.items) {
    const name = keyText(item.key);
    if (name !== 'directory') {
      errors.push({ message: `${key}: unknown key ${JSON.stringify(shorten(name))} (it takes "directory").`, range: rangeOf(item.key) });
      continue;
    }
    const raw = isScalar(item.value) ? item.value.value : undefined;
    if (typeof raw !== 'string' || !raw.trim()) {
      errors.push({ message: `${key}.directory must be a folder relative to the configuration file: ${example}.`, range: rangeOf(item.value) });
      continue;
    }
    const contained = containedPath(raw.trim());
    if (contained.refused) {
      errors.push({ message: refusalMessage(`${key}.directory`, raw, contained.refused, "the configuration's folder"), range: rangeOf(item.value) });
      continue;
    }
    if (!contained.path) {
      // As the settings: the project's own folder holds READMEs and guides, not only records.
      errors.push({ message: `${key}.directory names the configuration's own folder: name the subfolder that holds the records (${example}).`, range: rangeOf(item.value) });
      continue;
    }
    return contained.path;
  }
  return undefined;
}

/** A name from the file, cut to 60 characters for a message. */
function shorten(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

function kindDeclaration(node: YamlNode, where: string, rangeOf: (n: unknown) => Range, errors: ConfigError[]): KindDeclaration | undefined {
  if (!isMap(node)) {
    errors.push({ message: `${where} must be an object with "id", "files" and "sections" or "template".`, range: rangeOf(node) });
    return undefined;
  }
  const js = node.toJSON() as Record<string, unknown>;
  const fail = (message: string, key?: string) => {
    errors.push({ message: `${where}${key ? `.${key}` : ''}: ${message}`, range: rangeOf(key ? node.get(key, true) ?? node : node) });
    return undefined;
  };
  for (const key of Object.keys(js)) {
    if (!['id', 'label', 'files', 'sections', 'template', 'missingStatus', 'format', 'idPattern'].includes(key)) return fail(`unknown key ${JSON.stringify(shorten(key))} (a kind takes id, label, files, sections or template, missingStatus, format, idPattern).`, key);
  }
  const id = js.id;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) return fail('"id" must be a lower-case word such as "kep".', 'id');
  if (BUILTIN_KINDS.includes(id)) return fail(`"${id}" is a built-in kind; give yours another id.`, 'id');
  const files = js.files;
  if (!Array.isArray(files) || files.length === 0 || !files.every(f => typeof f === 'string' && f.trim())) return fail('"files" must be a non-empty list of globs, such as ["keps/**/README.md"].', 'files');
  const declined = (files as string[]).map(f => ({ f, why: globProblem(f) })).find(g => g.why);
  if (declined) return fail(`"files": ${declined.why}, so it would match nothing; write a simpler glob.`, 'files');
  const missingStatus = js.missingStatus ?? 'warning';
  if (missingStatus !== 'warning' && missingStatus !== 'information' && missingStatus !== 'none') return fail('"missingStatus" must be "warning", "information" or "none".', 'missingStatus');
  const format = js.format;
  if (format !== undefined && (typeof format !== 'string' || !isFormatId(format))) return fail(`"format" must be one of ${FORMAT_IDS.join(', ')}: the format that writes the kind's records.`, 'format');
  const idPrefix = js.idPattern === undefined ? undefined : idPatternPrefix(js.idPattern);
  if (idPrefix === null) return fail('"idPattern" must be a literal prefix followed by (\\d+), such as "KEP-(\\d+)": letters first, then letters, digits, spaces and - _ . / # (at most 40 characters).', 'idPattern');
  if (js.sections === undefined && js.template === undefined) return fail('give the kind its "sections", or a "template" file whose headings are its sections.');
  if (js.template !== undefined && typeof js.template !== 'string') return fail('"template" must be a path relative to the configuration file.', 'template');
  const template = typeof js.template === 'string' ? containedPath(js.template) : undefined;
  if (template?.refused) return fail(refusalMessage('the template path', js.template as string, template.refused, "the configuration's folder"), 'template');
  if (template && !template.path) return fail('"template" must name a file, relative to the configuration file.', 'template');
  let sections: SectionSpec[] | undefined;
  if (js.sections !== undefined) {
    if (!Array.isArray(js.sections)) return fail('"sections" must be a list of { "title", "required", "aliases", "prompt", "concept", "level" }.', 'sections');
    sections = [];
    for (const [i, raw] of (js.sections as unknown[]).entries()) {
      const s = raw as Record<string, unknown>;
      const here = `sections[${i}]`;
      if (typeof s !== 'object' || s === null || typeof s.title !== 'string' || !s.title.trim()) return fail(`${here}: each section needs a "title".`, 'sections');
      const unknown = Object.keys(s).find(k => !['title', 'level', 'required', 'aliases', 'prompt', 'concept'].includes(k));
      if (unknown) return fail(`${here}: unknown key ${JSON.stringify(shorten(unknown))}.`, 'sections');
      if (s.level !== undefined && (typeof s.level !== 'number' || s.level < 1 || s.level > 6)) return fail(`${here}: "level" must be 1 to 6.`, 'sections');
      if (s.aliases !== undefined && (!Array.isArray(s.aliases) || !s.aliases.every(a => typeof a === 'string'))) return fail(`${here}: "aliases" must be a list of headings.`, 'sections');
      if (s.concept !== undefined && !CONCEPTS.includes(s.concept as SectionConcept)) return fail(`${here}: "concept" must be one of ${CONCEPTS.join(', ')}.`, 'sections');
      if (s.required !== undefined && typeof s.required !== 'boolean') return fail(`${here}: "required" must be true or false.`, 'sections');
      sections.push({
        title: s.title.trim(), level: (s.level as number | undefined) ?? 2, required: (s.required as boolean | undefined) ?? true,
        aliases: ((s.aliases as string[] | undefined) ?? []).map(normalizeHeading), prompt: typeof s.prompt === 'string' ? s.prompt : '…',
        concept: s.concept as SectionConcept | undefined,
      });
    }
  }
  return {
    id, label: typeof js.label === 'string' && js.label.trim() ? js.label.trim() : id, files: files as string[],
    missingStatus: missingStatus as ProjectKind['missingStatus'], sections, template: template?.path, format, idPrefix,
  };
}

/**
 * A kind's `"idPattern"` read as the only shape it may take: a literal prefix (a letter, then up to
 * 39 letters, digits, spaces and `- _ . / #`, each of the last four optionally escaped with `\`)
 * followed by `(\d+)`. Returns the prefix (`KEP-` for `KEP-(\d+)`), or null for any other pattern.
 * The pattern is never compiled: references are found by a linear scan for the prefix.
 */
export function idPatternPrefix(pattern: unknown): string | null {
  const GROUP = '(\\d+)';
  if (typeof pattern !== 'string' || pattern.length > 80 || !pattern.endsWith(GROUP)) return null;
  const body = pattern.slice(0, -GROUP.length);
  let prefix = '';
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\') {
      c = body[++i] ?? '';
      if (c === '' || !'-_./# '.includes(c)) return null;
    } else if (!/[\w ./#-]/.test(c)) return null;
    prefix += c;
  }
  return /^[a-z]/i.test(prefix) && prefix.length <= 40 ? prefix : null;
}

/** Headings whose name says which concept they stand for, for sections read from a template. */
function conceptOf(title: string): SectionConcept | undefined {
  const t = normalizeHeading(title);
  if (/alternative|considered options|options considered/.test(t)) return 'alternatives';
  if (/failure|rollback|roll back/.test(t)) return 'failure-modes';
  if (/consequence|drawback|risk/.test(t)) return 'consequences';
  if (t === 'status') return 'status';
  return undefined;
}

/**
 * The sections of a template file, as a kind's sections: every heading below the title, in order,
 * with the text under it as the prompt. A heading is optional when it (or the comment line above it)
 * says so — MADR's `<!-- This is an optional element -->`, log4brains' `## Links <!-- optional -->`.
 */
export function sectionsFromTemplate(text: string): SectionSpec[] {
  const lines = splitLines(text);
  const outline = scanOutline(lines);
  const headings = outline.headings.filter((h, i) => !(i === 0 && h.level === 1));
  const out: SectionSpec[] = [];
  return headings.map((h, i) => {
    // The comment line right above the heading (blank lines skipped), not a comment ending some other line.
    let above = h.line - 1;
    while (above >= 0 && !lines[above].trim()) above--;
    const before = above >= 0 ? lines[above] : '';
    // A sub-section of an optional section is optional too.
    const parent = [...out].reverse().find(s => s.level < h.level);
    const comment = commentLine(before);
    const optional = /optional/i.test(lines[h.line]) || (comment !== undefined && !comment.includes('>') && /optional/i.test(comment)) || parent?.required === false;
    const end = headings[i + 1]?.line ?? lines.length;
    const prompt = lines.slice(h.line + 1, end).filter(l => commentLine(l) === undefined).join('\n').trim() || '…';
    const title = withoutComments(h.text).trim();
    const section: SectionSpec = { title, level: h.level, required: !optional, aliases: [], prompt, concept: conceptOf(title) };
    out.push(section);
    return section;
  });
}

/** The text inside a line that is one HTML comment (`  <!-- … -->  `), or undefined for any other line. */
function commentLine(line: string): string | undefined {
  const t = line.trim();
  return t.length >= 7 && t.startsWith('<!--') && t.endsWith('-->') ? t.slice(4, -3) : undefined;
}

/** The text with its HTML comments (`<!-- … -->`, each closed on the same text) removed; scanned by hand, in linear time. */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 3;
  }
  return out + text.slice(from);
}

/**
 * The project's kinds, ready for the parser and the linter: each declaration with its sections,
 * from the configuration or from its template's text (`templates`: template path → text; a template
 * that could not be read is an error). Globs are made relative to the workspace with `base` (the
 * configuration's folder, workspace-relative, `''` for the root).
 */
export function resolveKinds(config: ProjectConfig, templates: ReadonlyMap<string, string | undefined>, base = ''): { kinds: ProjectKind[]; errors: string[] } {
  const kinds: ProjectKind[] = [];
  const errors: string[] = [];
  for (const k of config.kinds) {
    let sections = k.sections;
    if (!sections && k.template) {
      const text = templates.get(k.template);
      if (text === undefined) {
        errors.push(`Kind "${k.id}": its template "${k.template}" could not be read.`);
        continue;
      }
      sections = sectionsFromTemplate(text);
    }
    kinds.push({
      kind: k.id, label: k.label, missingStatus: k.missingStatus, sections: sections ?? [], format: k.format, idPrefix: k.idPrefix,
      files: k.files.map(f => (base ? `${base}/${f.replace(/^\.\//, '')}` : f.replace(/^\.\//, ''))),
    });
  }
  return { kinds, errors };
}
