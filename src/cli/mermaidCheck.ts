/**
 * The CLI's Mermaid syntax check: Mermaid's own parser, run in Node on every ```mermaid block, so that
 * `spec-first lint` reports SF019 as the editor's preview does. Built as its own bundle
 * (`dist/mermaid-check.js`, with Mermaid; DOMPurify replaced by `dompurifyStub.ts` because nothing is
 * drawn) and loaded by the CLI only when a linted record holds a diagram.
 */
import mermaid from 'mermaid';
import type { DiagramProblem } from '../core/lint';

let initialized = false;

/**
 * Parses each diagram; returns a problem (the block's fence line, Mermaid's message) for every one
 * that does not parse. `line`: 0-based line of the opening fence; `source`: the block's text.
 */
export async function checkDiagrams(diagrams: readonly { line: number; source: string }[]): Promise<DiagramProblem[]> {
  if (!initialized) {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    initialized = true;
  }
  const problems: DiagramProblem[] = [];
  for (const d of diagrams) {
    try {
      await mermaid.parse(d.source);
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).split('\n').filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
      problems.push({ line: d.line, message: message || 'Mermaid could not parse this diagram.' });
    }
  }
  return problems;
}
