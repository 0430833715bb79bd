/**
 * The entry of dist/webview/mermaid.js: Mermaid, which the preview's script (dist/webview/preview.js)
 * loads only when a document has a diagram to draw (see `mermaidLoader.ts`). It publishes the library
 * where the loader looks for it; nothing else runs.
 */
import mermaid from 'mermaid';

(globalThis as { specFirstMermaid?: typeof mermaid }).specFirstMermaid = mermaid;
