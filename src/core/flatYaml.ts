/**
 * A fast path for the front matter decision records write: flat `key: value` lines, lists as
 * `key: [a, b]` or as `- item` lines under `key:`, full-line comments. It returns exactly what the
 * `yaml` package's `parseDocument(raw).toJS()` returns (YAML 1.2 core schema) for every input it
 * accepts, and declines (undefined) everything else — quotes with escapes, anchors, tags, nesting,
 * numbers and booleans, keys repeated, continuation lines — which the caller then parses with `yaml`.
 * An accepted exception to "libraries over hand-written code": `yaml` costs tens of microseconds a
 * record, most of an index's time; test/unit/flatYaml.test.ts checks the equality on generated inputs.
 * Linear in the text; never throws.
 */

/** A key: a letter, then letters, digits, `_` and `-` (`decision-makers`). */
const KEY = /^[A-Za-z][\w-]*$/;
/** Plain scalars the fast path reads as strings: a letter or digit, then letters, digits, spaces and ASCII punctuation but `#`, `:`, `\\`, brackets and braces. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} !"$%&'()*+,\-./;<=>?@^_`|~]*$/u;
/** Inside a flow list, neither commas nor quotes. */
const FLOW_ITEM = /^[\p{L}\p{N}][\p{L}\p{N} !$%&()*+\-./;<=>?@^_`|~]*$/u;
/** Quoted scalars without escapes, folding or the quote inside: read verbatim. */
const QUOTED_CONTENT = /^[\p{L}\p{N} !"#$%&'()*+,\-./:;<=>?@[\]^_`{|}~]*$/u;
/** What the core schema reads as null, a boolean or a number (yaml's own tests, `schema/core`): declined. */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/, /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, /^0o[0-7]+$/, /^[-+]?[0-9]+$/, /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** The longest value the fast path reads; longer ones go to `yaml`. */
const MAX_VALUE = 1000;

/**
 * Reads `raw` (front matter's YAML, lines joined with `\n`) when it is flat `key: value` YAML of
 * strings and lists of strings; returns the mapping (`{}` for no keys), or undefined to decline.
 */
export function readFlatYaml(raw: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let list: string[] | undefined; // the block list being read, under the last key
  let listIndent = -1;
  let openKey: string | undefined; // the last key, when its value was empty: a block list may follow
  for (const line of raw.split('\n')) {
    if (line === '' || line.charCodeAt(0) === 35 /* # */) {
      if (line !== '' && !/^#(?:[ \t]|$)/.test(line)) return undefined;
      openKey = undefined;
      list = undefined;
      continue;
    }
    const dash = line.indexOf('- ');
    if (dash >= 0 && (list || openKey !== undefined) && /^ *$/.test(line.slice(0, dash))) {
      if (!list) {
        list = [];
        listIndent = dash;
        out[openKey!] = list;
        openKey = undefined;
      } else if (dash !== listIndent) return undefined;
      const item = scalar(line.slice(dash + 2), PLAIN);
      if (item === undefined) return undefined;
      list.push(item);
      continue;
    }
    list = undefined;
    openKey = undefined;
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    const key = line.slice(0, colon);
    if (!KEY.test(key) || Object.prototype.hasOwnProperty.call(out, key) || NOT_A_STRING.some(p => p.test(key))) return undefined;
    const rest = line.slice(colon + 1);
    if (/^ *$/.test(rest)) {
      out[key] = null;
      openKey = key;
      continue;
    }
    if (rest.charCodeAt(0) !== 32) return undefined;
    const value = rest.replace(/^ +/, '');
    if (value.startsWith('[')) {
      if (!value.endsWith(']')) return undefined;
      const inner = value.slice(1, -1);
      if (/^ *$/.test(inner)) {
        out[key] = [];
        continue;
      }
      const items = inner.split(',').map(item => scalar(item, FLOW_ITEM));
      if (items.some(item => item === undefined)) return undefined;
      out[key] = items;
      continue;
    }
    const v = scalar(value, PLAIN);
    if (v === undefined) return undefined;
    out[key] = v;
  }
  return out;
}

/** A scalar as a string: quoted without escapes, or plain of `plain`'s characters and no number, boolean or null; else undefined. */
function scalar(text: string, plain: RegExp): string | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const value = text.slice(start, end);
  if (value.length > MAX_VALUE) return undefined;
  const quote = value.charAt(0);
  if (quote === '"' || quote === "'") {
    const content = value.slice(1, -1);
    if (value.length < 2 || value.charAt(value.length - 1) !== quote || content.includes(quote) || !QUOTED_CONTENT.test(content)) return undefined;
    return plain === FLOW_ITEM ? undefined : content;
  }
  if (!plain.test(value) || NOT_A_STRING.some(p => p.test(value))) return undefined;
  return value;
}
