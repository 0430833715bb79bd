/**
 * Loads Mermaid into the preview's page on first use: dist/webview/mermaid.js (about 4 MB) is left out
 * of the preview's own script, so a document without diagrams opens without fetching and compiling it.
 * The preview's `<script>` element names the file (`data-mermaid`) and carries this load's nonce, which
 * the added `<script>` takes: the Content-Security-Policy runs scripts by nonce only.
 */
import type mermaidApi from 'mermaid';

/** The Mermaid API. */
export type Mermaid = typeof mermaidApi;

/** The preview's own script element, read while it runs (`document.currentScript` is null afterwards). */
const own = document.currentScript as HTMLScriptElement | null;
let loading: Promise<Mermaid> | undefined;

/**
 * Mermaid, loaded once (later calls share the first load). Rejects with a message when the page names
 * no Mermaid file or the file cannot be loaded; a later call tries again.
 */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= new Promise<Mermaid>((resolve, reject) => {
    const published = () => (globalThis as { specFirstMermaid?: Mermaid }).specFirstMermaid;
    const ready = published();
    if (ready) return resolve(ready);
    const src = own?.dataset.mermaid;
    if (!src) return reject(new Error('The preview\'s page names no Mermaid script.'));
    const script = document.createElement('script');
    script.src = src;
    script.nonce = own?.nonce ?? '';
    script.onload = () => {
      const loaded = published();
      if (loaded) resolve(loaded);
      else reject(new Error('Mermaid\'s script loaded but did not start.'));
    };
    script.onerror = () => reject(new Error('Mermaid\'s script could not be loaded.'));
    document.head.appendChild(script);
  }).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
