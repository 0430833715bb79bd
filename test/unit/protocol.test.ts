/**
 * The checks each side of the preview runs on the messages it receives: every valid message of
 * every type passes; and every field of each, removed, given another type or an out-of-range value,
 * or an unknown field added, makes the message fail — down to the items of its arrays.
 */
import * as assert from 'node:assert/strict';
import { isFromWebview, isToWebview } from '../../src/webview/protocol';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const rendered = {
  type: 'rendered', uri: 'file:///w/docs/adr/0001-x.md', version: 3, diagrams: 2, rendered: 1, failed: 1, blank: 0, drawn: 1,
  elapsedMs: 120, theme: 'dark',
  errors: [{ index: 1, line: 13, endLine: 17, message: 'Parse error' }],
  renderErrors: [{ line: 40, message: 'RangeError: Maximum call stack size exceeded' }],
  images: { loaded: 1, failed: 0, remote: 2 },
  audit: { scripts: 0, handlers: 0, dangerousUrls: 0, frames: 0, remoteImages: 0, rootDataAttributes: ['data-x'] },
  statusBadge: { text: 'On hold', classes: ['sf-status-on-hold', 'sf-status-custom'] },
};
const { statusBadge: _badge, ...withoutBadge } = rendered;
const fromWebview: Json[] = [
  { type: 'ready' },
  { type: 'resync' },
  { type: 'openLink', href: '../rfcs/0001.md#summary' },
  { type: 'openNode', node: 'r12' },
  { type: 'scriptError', message: 'TypeError: x is undefined' },
  rendered,
  { ...withoutBadge, version: -1, diagrams: 0, rendered: 0, failed: 0, drawn: 0, errors: [], renderErrors: [] },
];
const toWebview: Json[] = [
  { type: 'update', uri: 'file:///w/docs/adr/0001-x.md', version: 1, text: '# 1. X\n', statuses: ['accepted', 'on hold'] },
  { type: 'update', uri: 'file:///w/docs/adr/0001-x.md', version: -1, text: 'Could not open this document', statuses: [], line: 12 },
  { type: 'edit', uri: 'file:///w/docs/adr/0001-x.md', version: 4, base: 3, start: 10, end: 12, text: ' zebra' },
  { type: 'revealLine', line: 0 },
  { type: 'lock', locked: true },
];

/** The fields a message may leave out, by type. */
const OPTIONAL: Readonly<Record<string, readonly string[]>> = { update: ['line'], rendered: ['statusBadge'] };

/** Wrong values for a field that holds `value`: other types, and for numbers, negatives, fractions and non-finite ones. */
function wrongValues(value: Json): Json[] {
  const others: Json[] = [null, true, 'x', 1, [], {}].filter(v => typeof v !== typeof value || Array.isArray(v) !== Array.isArray(value) || (v === null) !== (value === null));
  if (typeof value === 'number') others.push(-2, 0.5, Number.NaN as unknown as Json, Number.POSITIVE_INFINITY as unknown as Json, 2 ** 60);
  return others;
}

/** Every message made from `message` by breaking one field, at any depth, with a label saying how. */
function broken(message: Json, path = ''): [string, Json][] {
  if (message === null || typeof message !== 'object') return [];
  const out: [string, Json][] = [];
  if (Array.isArray(message)) {
    message.forEach((item, i) => {
      for (const [how, bad] of [...wrongValues(item).map((v): [string, Json] => [`${path}[${i}] = ${JSON.stringify(v)}`, v]), ...broken(item, `${path}[${i}]`)]) {
        out.push([how, message.map((x, j) => (j === i ? bad : x))]);
      }
    });
    return out;
  }
  out.push([`${path}.unknown added`, { ...message, unknown: 1 }]);
  for (const [key, value] of Object.entries(message)) {
    const { [key]: _removed, ...without } = message;
    if (!(path === '' && OPTIONAL[String(message.type)]?.includes(key))) out.push([`${path}.${key} removed`, without]);
    for (const v of wrongValues(value)) out.push([`${path}.${key} = ${JSON.stringify(v)}`, { ...message, [key]: v }]);
    for (const [how, bad] of broken(value, `${path}.${key}`)) out.push([how, { ...message, [key]: bad }]);
  }
  return out;
}

for (const [name, check, valid, other] of [['isFromWebview', isFromWebview, fromWebview, toWebview], ['isToWebview', isToWebview, toWebview, fromWebview]] as const) {
  describe(name, () => {
    it('takes every valid message', () => {
      for (const m of valid) assert.equal(check(m), true, JSON.stringify(m));
    });

    it('refuses a message with any one field broken, at any depth', () => {
      let count = 0;
      for (const m of valid) {
        for (const [how, bad] of broken(m)) {
          assert.equal(check(bad), false, `${(m as { type: string }).type}${how}`);
          count++;
        }
      }
      assert.ok(count > 50, `${count} broken messages`);
    });

    it('refuses the other side\'s messages, unknown types, and what is not an object', () => {
      for (const m of other) assert.equal(check(m), false, JSON.stringify(m));
      for (const v of [undefined, null, 0, 'rendered', [], {}, { type: 'x' }, { type: 'constructor' }, { type: '__proto__' }, { type: 'toString' }]) {
        assert.equal(check(v), false, JSON.stringify(v));
      }
    });
  });
}

describe('isFromWebview: a render report\'s counts agree', () => {
  for (const [how, patch] of [
    ['rendered + failed is not diagrams', { rendered: 2 }],
    ['an error more than failed', { failed: 0, rendered: 2 }],
    ['more blanks than diagrams', { blank: 3 }],
    ['more drawn than diagrams', { drawn: 3 }],
    ['an error for a diagram that is not there', { errors: [{ index: 2, line: 13, endLine: 17, message: 'x' }] }],
    ['an error ending before it starts', { errors: [{ index: 1, line: 13, endLine: 12, message: 'x' }] }],
    ['a node id that is not the graph\'s', null],
  ] as const) {
    it(`refuses ${how}`, () => {
      const message = patch ? { ...rendered, ...patch } : { type: 'openNode', node: 'r1"><img' };
      assert.equal(isFromWebview(message), false);
    });
  }
});
