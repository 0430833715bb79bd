/**
 * The hand-written scans that replaced regular expressions which backtrack super-linearly read text
 * exactly as those expressions did. Each scan is compared, with fast-check, against the expression it
 * replaced (kept here as the reference) on random short strings over the characters that matter to it
 * — short, so that the old expressions stay fast. The scans' speed is the repetition hunt's business
 * (`repetitionHunt.test.ts`); the expressions' absence, eslint-plugin-regexp's and recheck's.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { chosenOptionName, isPlaceholderName, optionKey } from '../../src/core/lint/rules/sf011-chosen-option-not-considered';
import { hasCurlyPlaceholder, hasSquarePlaceholder } from '../../src/core/lint/rules/sf002-empty-section';
import { unresolvedMarkers } from '../../src/core/lint/rules/sf014-unresolved-in-accepted';
import { disableComments } from '../../src/core/lint/suppress';
import { normalizeHeading, scanOutline } from '../../src/core/outline';
import { metadataBullet, numberedTitle } from '../../src/core/record';
import { parseRecordQuery } from '../../src/core/recordFilter';
import { bulletTextStart, linkLabels, nextIndexOf, removeSpans, trimCharacters } from '../../src/core/scan';
import { splitTags } from '../../src/core/tags';

/** Strings of up to `max` characters drawn from `alphabet` (one-character strings or longer pieces). */
const textOf = (alphabet: readonly string[], max = 24) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map(parts => parts.join(''));

const RUNS = { numRuns: 3000, seed: 20240115 };

/** Asserts that `scan` and `reference` agree on every generated string. */
function agrees<T>(arbitrary: fc.Arbitrary<string>, scan: (s: string) => T, reference: (s: string) => T): void {
  fc.assert(fc.property(arbitrary, s => { assert.deepEqual(scan(s), reference(s), JSON.stringify(s)); }), RUNS);
}

describe('linear scans read as the regular expressions they replaced', () => {
  it('removeSpans: HTML comments, closed only and unclosed too; footnote references', () => {
    const text = textOf(['<!--', '-->', '<', '!', '-', '>', 'a', ' ', '[^', '[', ']', '^']);
    agrees(text, s => removeSpans(s, '<!--', '-->', 'keep'), s => s.replace(/<!--.*?-->/g, ''));
    agrees(text, s => removeSpans(s, '<!--', '-->', 'drop'), s => s.replace(/<!--.*?(-->|$)/g, ''));
    agrees(text, s => removeSpans(s, '[^', ']', 'keep'), s => s.replace(/\[\^[^\]]*\]/g, ''));
  });

  it('linkLabels', () => {
    agrees(textOf(['[', ']', '(', ')', '](', 'a', ' ', '!']), linkLabels, s => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
  });

  it('trimCharacters', () => {
    agrees(textOf(['"', "'", '`', 'a', ' ']), s => trimCharacters(s, '"\'`'), s => s.replace(/^["'`]+|["'`]+$/g, ''));
  });

  it('bulletTextStart', () => {
    agrees(textOf([' ', '\t', '-', '*', '+', 'a', '1', '\u00a0']), bulletTextStart, s => {
      const m = /^\s{0,3}[-*+]\s+/.exec(s);
      return m ? m[0].length : -1;
    });
  });

  it('nextIndexOf gives indexOf for positions that grow, and for positions that do not', () => {
    fc.assert(fc.property(textOf(['a', ']', ')']), fc.array(fc.nat(30), { maxLength: 10 }), (s, froms) => {
      const next = nextIndexOf(s);
      for (const from of [...froms].sort((a, b) => a - b).concat(froms)) {
        assert.equal(next(']', from), s.indexOf(']', from));
        assert.equal(next(')', from), s.indexOf(')', from));
      }
    }), RUNS);
  });

  it('emptySection: {placeholder} and [placeholder]', () => {
    const text = textOf(['{', '}', '[', ']', '(', ':', 'a', 'Z', '1', ' ', '\n', '_']);
    agrees(text, hasCurlyPlaceholder, s => /\{[^{}\n]*[A-Za-z][^{}\n]*\}/.test(s));
    agrees(text, hasSquarePlaceholder, s => /\[[^\]\n]*[A-Za-z][^\]\n]*\](?![(:[])/.test(s));
  });

  it('chosenOption: the chosen name, placeholders, option keys', () => {
    const line = textOf(['Chosen option:', 'chosen OPTION :', ' ', '\t', ',', '.', 'because', 'BECAUSE', 'becausex', 'x', '"', 'é'], 12);
    agrees(line, chosenOptionName, s => {
      const m = /^chosen option\s*:\s*(.*?)(?:,?\s+because\b.*)?$/i.exec(s);
      return m ? m[1].replace(/[,.]$/, '') : undefined;
    });
    agrees(textOf(['{', '}', '[', ']', '(', 'a']), isPlaceholderName, s => /\{[^}]*\}|\[[^\]]*\](?!\()/.test(s));
    agrees(textOf(['[', ']', '(', ')', '*', '_', '"', 'A', ' ', '- ', '1. ']), optionKey, s => s
      .replace(/^[*+-]\s+|^\d{1,9}[.)]\s+/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`"“”'‘’]/g, '')
      .replace(/\s+/g, ' ').trim().toLowerCase());
  });

  it('unresolved markers', () => {
    agrees(textOf(['<<[UNRESOLVED', '<<[UNRESOLVED ', ']>>', ']', '>', '<', 'TODO', 'TBD', 'x', ' ', 'XXX']), unresolvedMarkers,
      s => [...s.matchAll(/\b(TODO|TBD|FIXME|XXX)\b|<<\[UNRESOLVED[^\]]*\]>>/g)].map(m => ({ index: m.index, text: m[0] })));
  });

  it('spec-first-disable comments', () => {
    agrees(textOf(['<!--', '-->', ' ', 'spec-first-disable', 'spec-first-disablex', '-', '>', 'SF012', ',', '<!-- spec-first-disable ']), disableComments,
      s => [...s.matchAll(/<!--\s*spec-first-disable\b([^>]*?)-->/g)].map(m => m[1]));
  });

  it('normalizeHeading', () => {
    agrees(textOf(['<!--', '-->', '[', ']', '](', ')', '*', '_', '`', '~', 'A', ' ', '1.', 'iv)', '&', ':', '?']), normalizeHeading, text => {
      const s = text.toLowerCase().replace(/<!--.*?(-->|$)/g, '').replace(/[*_`~]|\[|\]\([^)]*\)|\]/g, '')
        .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z][.)])\s+/, '').replace(/&/g, ' and ');
      let end = s.length;
      while (end > 0 && /[\s:.?!-]/.test(s[end - 1])) end--;
      return s.slice(0, end).replace(/\s+/g, ' ').trim();
    });
  });

  it('the outline: opening fences and thematic breaks', () => {
    const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
    agrees(textOf([' ', '`', '~', 'a', '{', '\t']), s => {
      const block = scanOutline(`${s}\n`).fences[0];
      return block ? [block.startLine, block.lang] : undefined;
    }, s => {
      const m = FENCE.exec(s);
      return m && !(m[2][0] === '`' && m[3].includes('`')) ? [0, m[3].trim().split(/[\s{]/)[0].toLowerCase()] : undefined;
    });
    // A thematic break is structure: the heading above it has no content (nor has it over a blank line).
    agrees(textOf([' ', '-', '*', '_', '\t', 'a']), s => scanOutline(`# T\n\n${s}\n`).headings[0].hasContent,
      s => !(s.trim() === '' || /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/.test(s)));
  });

  it('record: numbered titles and metadata bullets', () => {
    agrees(textOf(['1', '0', '.', ' ', '\t', 'a', 'x.']), numberedTitle, s => {
      const m = /^(\d+)\.\s+(.*)$/.exec(s);
      return m ? { number: parseInt(m[1], 10), title: m[2] } : undefined;
    });
    agrees(textOf(['- ', '* ', ' ', '\t', 'Status', 'a', 'B', ':', ' :', 'x y', '<!-- c -->']), metadataBullet, s => {
      const m = /^\s{0,3}[-*+]\s+([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*)$/.exec(s);
      return m ? { key: m[1], value: m[2], start: s.length - m[2].length } : undefined;
    });
  });

  it('the filter query and tags', () => {
    agrees(textOf(['status:', 'tag:', 'x:', 'a', '"', ' ', ',', '#', 'kind:']), parseRecordQuery, text => {
      const query = { words: [] as string[], statuses: [] as string[], tags: [] as string[], kinds: [] as string[] };
      const keys: Record<string, keyof typeof query> = { status: 'statuses', tag: 'tags', tags: 'tags', kind: 'kinds', format: 'kinds' };
      for (const m of text.matchAll(/([A-Za-z]+):("[^"]*"?|\S*)|"([^"]*)"?|(\S+)/g)) {
        const key = m[1] ? keys[m[1].toLowerCase()] : undefined;
        if (key) query[key].push(...m[2].replace(/^"|"$/g, '').split(',').map(v => v.trim().toLowerCase().replace(/^#/, '')).filter(Boolean));
        else if ((m[3] ?? m[4] ?? m[0]).trim()) query.words.push((m[3] ?? m[4] ?? m[0]).trim().toLowerCase());
      }
      return query;
    });
    agrees(textOf(['"', "'", '`', '#', 'a', ' ', ',', '[', ']']), splitTags, text => {
      const bare = text.trim().replace(/^\[(.*)\]$/s, '$1');
      return bare.split(/[\s,]+/).map(t => t.trim().replace(/^#+/, '').replace(/^["'`]+|["'`]+$/g, '')).filter(t => t !== '');
    });
  });
});
