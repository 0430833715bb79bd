/**
 * The preview's renderer with its failures contained, so that the page never stays blank: when the
 * core's renderer throws on a document (a stack overflow on pathological nesting, a bug), each
 * section (from one heading to the next) is rendered on its own, and a section that still fails
 * becomes an error part — the webview shows the error and the section's text as plain text in its
 * place, and everything else as usual. Pure (no DOM), so that it can be tested in Node.
 */
import { scanOutline } from '../core/outline';
import { renderMarkdown, type RenderedDiagram, type RenderedDocument } from '../core/render';
import { splitLines } from '../core/text';

/** A part of the page, in document order. Lines are 0-based lines of the whole document. */
export type RenderedPart =
  | {
    readonly kind: 'html';
    /** Where the part starts: its HTML's `data-line` attributes count from here. */
    readonly line: number;
    /** Sanitized HTML, as {@link renderMarkdown} returns it. */
    readonly html: string;
    /** The part's Mermaid blocks, their lines already in document lines. */
    readonly diagrams: readonly RenderedDiagram[];
  }
  | {
    readonly kind: 'error';
    readonly line: number;
    /** What the renderer threw. */
    readonly message: string;
    /** The part's source text, to show as is. */
    readonly text: string;
  };

/**
 * Renders a document for the preview. Takes its text and the renderer (the core's by default);
 * returns one `html` part for the whole document when the renderer succeeds, else one part per
 * section (the text before the first heading, then each heading with what follows it up to the next
 * heading of any level), each rendered alone or, if that throws too, an `error` part with its text.
 * Never throws.
 */
export function renderSafely(text: string, render: (text: string) => RenderedDocument = renderMarkdown): RenderedPart[] {
  try {
    return [{ kind: 'html', line: 0, ...render(text) }];
  } catch (whole) {
    try {
      const parts = sections(text);
      return parts.length < 2 ? [failed(0, text, whole)] : parts.map(p => renderPart(p.text, p.line, render));
    } catch {
      return [failed(0, text, whole)];
    }
  }
}

/** The document cut before each heading: `{ line, text }` of each piece, in order. */
function sections(text: string): { line: number; text: string }[] {
  const lines = splitLines(text);
  const starts = [0, ...scanOutline(lines).headings.map(h => h.line).filter(line => line > 0)];
  return starts.map((line, i) => ({ line, text: lines.slice(line, starts[i + 1] ?? lines.length).join('\n') }));
}

function renderPart(text: string, line: number, render: (text: string) => RenderedDocument): RenderedPart {
  try {
    const { html, diagrams } = render(text);
    return { kind: 'html', line, html, diagrams: diagrams.map(d => ({ ...d, line: d.line + line, endLine: d.endLine + line })) };
  } catch (err) {
    return failed(line, text, err);
  }
}

function failed(line: number, text: string, err: unknown): RenderedPart {
  return { kind: 'error', line, text, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
}
