/**
 * The preview feature: the manager that owns the decision preview (`previewManager.ts`), one preview
 * panel and its document (`preview.ts`), scroll sync (`scrolling.ts`), the link opener
 * (`linkOpener.ts`), the page's HTML and CSP (`html.ts`), and the decision graph (`decisionGraph.ts`).
 * Their commands are in `src/commands/preview.ts`.
 */
export { DecisionGraph, GRAPH_URI, type ShowGraphOptions } from './decisionGraph';
export type { PreviewRenderReport } from './preview';
export { PreviewManager } from './previewManager';
