/**
 * Comments and docstrings of source files, where code cites decisions (`// See ADR-0042`,
 * `# ADR 7: why we retry`, `"""Implements RFC-0003."""`). One table says how each language writes
 * its comments and the strings a comment marker may hide in; {@link commentMask} blanks everything
 * else, so the Markdown reference scanner reads comment text at its own line and column.
 *
 * The scanner is a single pass with a small state (code, line comment, block comment and its
 * depth, string and its closing delimiter): each character is read a bounded number of times,
 * whatever the text. It is a tokenizer's approximation, not a parser: a JavaScript regular
 * expression literal holding a quote, or a shell heredoc, may be taken for a string up to the end of
 * its line (single-line strings always end there), never further. Pure: no `vscode`, no file system.
 */

/** A kind of string literal: its opening and closing delimiters, escapes, and whether it may span lines. */
interface StringSyntax {
  readonly open: string;
  readonly close: string;
  /** Whether `\` escapes the next character (false: raw strings, shell's single quotes). */
  readonly escapes: boolean;
  /** Whether the string may run past the end of its line; a single-line string ends there, closed or not. */
  readonly multiline: boolean;
  /** A string read as a comment: Python's triple-quoted docstrings. */
  readonly docstring?: boolean;
}

/** How a language writes comments and strings. */
export interface CommentSyntax {
  /** Line comment markers: `//`, `#`. */
  readonly line: readonly string[];
  /** Block comments: `[open, close]`. */
  readonly block: readonly (readonly [string, string])[];
  /** Whether block comments nest, as Rust's do: a block comment inside one must close before it does. */
  readonly nestedBlocks?: boolean;
  /** A line comment marker counts only at a line's start or after white space or `;` (shell, YAML: `a#b` is a word). */
  readonly markerAfterSpace?: boolean;
  /** Block comments that open and close only at a line's start (Ruby's `=begin` / `=end`). */
  readonly blockAtLineStart?: boolean;
  /** String literals, longest opener first. */
  readonly strings: readonly StringSyntax[];
}

const str = (open: string, close = open, escapes = true, multiline = false, docstring = false): StringSyntax => ({ open, close, escapes, multiline, docstring });
const C_LIKE_COMMENTS = { line: ['//'], block: [['/*', '*/']] as const };
const QUOTES = [str('"'), str("'")];

const TYPESCRIPT: CommentSyntax = { ...C_LIKE_COMMENTS, strings: [str('`', '`', true, true), ...QUOTES] };
const PYTHON: CommentSyntax = { line: ['#'], block: [], strings: [str('"""', '"""', true, true, true), str("'''", "'''", true, true, true), ...QUOTES] };
const GO: CommentSyntax = { ...C_LIKE_COMMENTS, strings: [str('`', '`', false, true), ...QUOTES] };
const JAVA: CommentSyntax = { ...C_LIKE_COMMENTS, strings: [str('"""', '"""', true, true), ...QUOTES] };
const CSHARP: CommentSyntax = { ...C_LIKE_COMMENTS, strings: [str('"""', '"""', false, true), str('@"', '"', false, true), ...QUOTES] };
// Rust: `'` is also a lifetime (`&'a str`), so only `"` strings; raw strings `r"…"` and `r#"…"#`.
const RUST: CommentSyntax = { ...C_LIKE_COMMENTS, nestedBlocks: true, strings: [str('r##"', '"##', false, true), str('r#"', '"#', false, true), str('r"', '"', false, true), str('"', '"', true, true)] };
const RUBY: CommentSyntax = { line: ['#'], block: [['=begin', '=end']], blockAtLineStart: true, strings: QUOTES };
const SHELL: CommentSyntax = { line: ['#'], block: [], markerAfterSpace: true, strings: [str('"', '"', true, true), str("'", "'", false, true)] };
const YAML: CommentSyntax = { line: ['#'], block: [], markerAfterSpace: true, strings: QUOTES };

/** The comment syntax of each VS Code language id that is read for references. */
export const COMMENT_SYNTAX: Readonly<Record<string, CommentSyntax>> = {
  typescript: TYPESCRIPT, typescriptreact: TYPESCRIPT, javascript: TYPESCRIPT, javascriptreact: TYPESCRIPT,
  python: PYTHON, go: GO, java: JAVA, csharp: CSHARP, rust: RUST, ruby: RUBY, shellscript: SHELL, yaml: YAML,
};

/** File extensions (lower case, with the dot) and the language id each is read as. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact',
  '.py': 'python', '.pyi': 'python', '.go': 'go', '.java': 'java', '.cs': 'csharp', '.rs': 'rust',
  '.rb': 'ruby', '.sh': 'shellscript', '.bash': 'shellscript', '.zsh': 'shellscript',
  '.yml': 'yaml', '.yaml': 'yaml',
};

/** The source file extensions read for references (`.ts`, `.py`, …), for globs and file watchers. */
export const CODE_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/**
 * The language id a file is read as, from its path's extension (`src/a.test.ts` → `typescript`);
 * undefined for a file that is not source code in the table (Markdown included).
 */
export function codeLanguageOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1) return undefined;
  return EXTENSIONS[path.slice(dot).toLowerCase()];
}

/** Whether `text` holds `token` at `at`. */
function startsAt(text: string, at: number, token: string): boolean {
  return text.startsWith(token, at);
}

/** Space, tab, or a line break. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The text with everything but comment text blanked: each character outside a comment or docstring
 * (comment markers included) becomes a space, and line breaks stay, so lines and columns are the
 * source's. Linear in the text's length; never throws.
 */
export function commentMask(text: string, syntax: CommentSyntax): string {
  const out: string[] = [];
  /** Where the run of characters to blank (code, strings, comment markers) starts. */
  let blankFrom = 0;
  const flushBlank = (to: number) => {
    if (to > blankFrom) out.push(text.slice(blankFrom, to).replace(/[^\r\n]/g, ' '));
  };
  const keep = (from: number, to: number) => {
    flushBlank(from);
    out.push(text.slice(from, to));
    blankFrom = to;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lineStart = i === 0 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13;
    // A line comment: to the end of the line.
    const marker = syntax.line.find(m => startsAt(text, i, m));
    if (marker && (!syntax.markerAfterSpace || lineStart || isBlank(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 59)) {
      let end = i + marker.length;
      while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      keep(i + marker.length, end);
      i = end;
      continue;
    }
    // A block comment: to its close (counting depth when blocks nest), or the text's end.
    const block = syntax.block.find(([open]) => startsAt(text, i, open) && (!syntax.blockAtLineStart || lineStart));
    if (block) {
      const [open, close] = block;
      let depth = 1;
      let p = i + open.length;
      let contentEnd = n;
      while (p < n) {
        if (syntax.nestedBlocks && startsAt(text, p, open)) { depth++; p += open.length; continue; }
        if (startsAt(text, p, close) && (!syntax.blockAtLineStart || text.charCodeAt(p - 1) === 10 || text.charCodeAt(p - 1) === 13)) {
          if (--depth === 0) { contentEnd = p; p += close.length; break; }
          p += close.length;
          continue;
        }
        p++;
      }
      keep(i + open.length, contentEnd);
      i = Math.max(p, contentEnd);
      continue;
    }
    // A string: skipped (or, for a docstring, kept) to its close; a single-line one ends at the line's end.
    const string = syntax.strings.find(s => startsAt(text, i, s.open));
    if (string) {
      let p = i + string.open.length;
      let contentEnd = -1;
      while (p < n) {
        const d = text.charCodeAt(p);
        if (string.escapes && d === 92 /* \ */) { p += text.charCodeAt(p + 1) === 13 && text.charCodeAt(p + 2) === 10 ? 3 : 2; continue; }
        if (startsAt(text, p, string.close)) { contentEnd = p; p += string.close.length; break; }
        if (!string.multiline && (d === 10 || d === 13)) break;
        p++;
      }
      if (string.docstring) keep(i + string.open.length, contentEnd < 0 ? Math.min(p, n) : contentEnd);
      i = Math.min(p, n);
      continue;
    }
    i++;
  }
  flushBlank(n);
  return out.join('');
}
