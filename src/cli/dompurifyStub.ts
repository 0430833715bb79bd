/**
 * Stands in for DOMPurify in the CLI's Mermaid syntax check (`mermaidCheck.ts`), which runs in Node
 * where there is no DOM for DOMPurify to work on. Mermaid only calls it while drawing; the check only
 * parses, so nothing is ever sanitized or shown (see "The CLI's Mermaid check" in docs/ARCHITECTURE.md:
 * acceptable only where nothing is rendered). Never bundle this into anything that renders.
 */
const purify = {
  sanitize: (text: string): string => text,
  addHook: (): void => undefined,
  removeHook: (): void => undefined,
  removeHooks: (): void => undefined,
  removeAllHooks: (): void => undefined,
  setConfig: (): void => undefined,
  clearConfig: (): void => undefined,
  isSupported: false,
};

export default purify;
export const { sanitize, addHook, removeHook, removeHooks, removeAllHooks, setConfig, clearConfig } = purify;
