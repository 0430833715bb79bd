/**
 * Which extension host Spec-First runs in. The browser's web worker host (vscode.dev, github.dev) has
 * no Node.js: there every file read is a network round trip, so features read less there.
 */

/** True in a web worker extension host (no `process.versions.node`), false in Node's. */
export function isBrowserHost(): boolean {
  const versions = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions;
  return typeof versions?.node !== 'string';
}
