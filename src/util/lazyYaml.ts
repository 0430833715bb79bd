/**
 * The `yaml` package for the Node extension host, loaded on first use. esbuild.mjs aliases `yaml` to
 * this module in dist/extension.js and builds the package into dist/yaml.js beside it, so activation
 * never evaluates its 96 KB: front matter is read by `core/flatYaml.ts`'s fast path, and only a YAML
 * configuration, a `.log4brains.yml`, unusual front matter or a status written back needs the parser.
 * The browser bundle keeps `yaml` inline (a web worker host evaluates one file). Exports the values the
 * core imports, with `yaml`'s own types; a missing dist/yaml.js throws the `require` error on first use.
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/** The package, required once. */
function yaml(): typeof Yaml {
  // The file esbuild.mjs writes next to dist/extension.js (external: left to Node's `require`).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose (see the module's comment)
  loaded ??= require('./yaml.js') as typeof Yaml;
  return loaded;
}

export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const stringify = ((...args: Parameters<typeof Yaml.stringify>) => yaml().stringify(...args)) as typeof Yaml.stringify;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isPair = ((node: unknown) => yaml().isPair(node)) as typeof Yaml.isPair;
export const isCollection = ((node: unknown) => yaml().isCollection(node)) as typeof Yaml.isCollection;
