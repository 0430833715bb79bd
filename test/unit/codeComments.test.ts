/**
 * Decision references in source code: the comment table of each language (`commentMask`), and the
 * references `findCodeReferences` finds in comments and docstrings, never in code or strings.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CODE_EXTENSIONS, COMMENT_SYNTAX, codeLanguageOf, commentMask } from '../../src/core/codeComments';
import { ADR_SCHEME, RFC_SCHEME, findCodeReferences } from '../../src/core/references';

/** The identifiers found in `source` read as `language`, as `line:character text`. */
function cited(language: string, source: string): string[] {
  return findCodeReferences(source, COMMENT_SYNTAX[language], [ADR_SCHEME, RFC_SCHEME], 'src/x')
    .map(r => `${r.range.start.line}:${r.range.start.character} ${r.text}`);
}

describe('codeLanguageOf', () => {
  const TABLE: [string, string | undefined][] = [
    ['src/a.ts', 'typescript'], ['src/a.test.TSX', 'typescriptreact'], ['x.mjs', 'javascript'], ['a/b.py', 'python'],
    ['main.go', 'go'], ['A.java', 'java'], ['P.cs', 'csharp'], ['lib.rs', 'rust'], ['r.rb', 'ruby'], ['run.sh', 'shellscript'],
    ['ci.yml', 'yaml'], ['docs/adr/0001-x.md', undefined], ['Makefile', undefined], ['.ts', undefined], ['a.d/b', undefined],
  ];
  for (const [path, language] of TABLE) it(`${path} → ${language}`, () => assert.equal(codeLanguageOf(path), language));
  it('every extension listed maps to a language of the table', () => {
    for (const ext of CODE_EXTENSIONS) assert.ok(COMMENT_SYNTAX[codeLanguageOf(`a${ext}`) ?? ''], ext);
  });
});

describe('findCodeReferences, per language', () => {
  it('TypeScript: line and block comments, JSDoc in backticks; not strings, template literals or code', () => {
    const source = [
      '// See ADR-0005 for the retry policy.',
      'const url = "http://x//ADR-0001"; // ADR 7',
      'const s = `a template // ADR-0002',
      'still the template ADR-0003`;',
      '/**',
      ' * Implements `ADR-0042` (RFC-0003).',
      ' */',
      'const ADR_0009 = 1; /* inline ADR-9 */ f(ADR-10);',
    ].join('\n');
    assert.deepEqual(cited('typescript', source), ['0:7 ADR-0005', '1:37 ADR 7', '5:15 ADR-0042', '5:26 RFC-0003', '7:30 ADR-9']);
  });

  it('Python: # comments and triple-quoted docstrings; not strings', () => {
    const source = ['"""Module: ADR-0001."""', "x = '# ADR-0002'  # ADR-0003", "def f():", "    '''", "    Follows ADR-4.", "    '''", 's = "\\"# ADR-0005"'].join('\n');
    assert.deepEqual(cited('python', source), ['0:11 ADR-0001', '1:20 ADR-0003', '4:12 ADR-4']);
  });

  it('Go: comments; not raw strings that hold //', () => {
    const source = ['// Package x follows ADR-0001.', 'var re = `// ADR-0002', 'ADR-0003`', "var r = '/' // ADR-0004"].join('\n');
    assert.deepEqual(cited('go', source), ['0:21 ADR-0001', '3:15 ADR-0004']);
  });

  it('Rust: nested block comments close at the right place; raw strings are code', () => {
    const source = ['/* outer /* inner ADR-0001 */ still ADR-0002 */ fn f() {} // ADR-0003', 'let s = r#"// ADR-0004 "quoted" "#; // ADR-0005', "fn g<'a>(x: &'a str) {} // ADR-0006"].join('\n');
    assert.deepEqual(cited('rust', source), ['0:18 ADR-0001', '0:36 ADR-0002', '0:61 ADR-0003', '1:39 ADR-0005', '2:27 ADR-0006']);
  });

  it('C#: verbatim strings with doubled quotes are strings; /// doc comments count', () => {
    const source = ['var p = @"C:\\ // ADR-0001"; // ADR-0002', '/// <summary>Per ADR-0003.</summary>'].join('\n');
    assert.deepEqual(cited('csharp', source), ['0:31 ADR-0002', '1:17 ADR-0003']);
  });

  it('Java: text blocks are strings', () => {
    const source = ['String s = """', '  // ADR-0001', '  """; // ADR-0002'].join('\n');
    assert.deepEqual(cited('java', source), ['2:10 ADR-0002']);
  });

  it('Ruby: # and =begin/=end at a line start', () => {
    const source = ['x = "# ADR-0001" # ADR-0002', '=begin', 'Design: ADR-0003', '=end', 'y = 1 =begin ADR-0004'].join('\n');
    assert.deepEqual(cited('ruby', source), ['0:19 ADR-0002', '2:8 ADR-0003']);
  });

  it('shell and YAML: # starts a comment only at a line start or after a blank', () => {
    assert.deepEqual(cited('shellscript', ['# ADR-0001', 'echo a#ADR-0002 "# ADR-0003" # ADR-0004', "echo '# ADR-0005' ;# ADR-0006"].join('\n')),
      ['0:2 ADR-0001', '1:31 ADR-0004', '2:21 ADR-0006']);
    assert.deepEqual(cited('yaml', ['key: value # ADR-0001', 'url: http://x#ADR-0002', 'q: "# ADR-0003"'].join('\n')), ['0:13 ADR-0001']);
  });

  it('a Markdown link to a record in a comment is a reference; RFC only with its scheme', () => {
    const refs = findCodeReferences('// [the decision](../docs/adr/0005-x.md) RFC 7231', COMMENT_SYNTAX.typescript, [ADR_SCHEME], 'src/a.ts');
    assert.deepEqual(refs.map(r => [r.text, r.target.type === 'link' ? r.target.path : r.target.number]), [['[the decision](../docs/adr/0005-x.md)', 'docs/adr/0005-x.md']]);
  });

  it('an unclosed block comment or string runs to the end and never past it', () => {
    assert.deepEqual(cited('typescript', 'x(); /* ADR-0001\nADR-0002'), ['0:8 ADR-0001', '1:0 ADR-0002']);
    assert.deepEqual(cited('typescript', 'x("ADR-0001\n// ADR-0002'), ['1:3 ADR-0002']);
    assert.deepEqual(cited('python', '"""ADR-0001'), ['0:3 ADR-0001']);
  });
});

describe('commentMask', () => {
  const languages = Object.keys(COMMENT_SYNTAX);
  const pieces = ['//', '/*', '*/', '#', '"', "'", '`', '"""', "'''", '\\', '\n', '\r\n', ' ', 'a', 'ADR-1', '=begin', '=end', 'r#"', '"#', '@"', ';'];
  it('keeps the length and every line break, and blanks with spaces only (any text, any language)', () => {
    fc.assert(fc.property(fc.constantFrom(...languages), fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (language, parts) => {
      const text = parts.join('');
      const mask = commentMask(text, COMMENT_SYNTAX[language]);
      assert.equal(mask.length, text.length);
      for (let i = 0; i < text.length; i++) {
        const t = text[i];
        const m = mask[i];
        if (t === '\n' || t === '\r') assert.equal(m, t, `line break at ${i}`);
        else assert.ok(m === t || m === ' ', `position ${i}: ${JSON.stringify(m)} for ${JSON.stringify(t)}`);
      }
    }), { numRuns: 500 });
  });
});
