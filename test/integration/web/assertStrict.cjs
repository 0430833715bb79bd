// `node:assert/strict` in the web suite: esbuild.mjs substitutes this module for it, the strict mode of
// the npm port of Node's assert (`assert/`, with the slash, names the package and never the built-in).
// eslint-disable-next-line @typescript-eslint/no-require-imports, no-undef
module.exports = require('assert/').strict;
