import type { FencedBlock } from '../../outline';
import { range } from '../../text';
import type { DiagramProblem, Rule, RuleFinding } from '../types';

/**
 * The findings for diagram problems: each on its fenced block, from the opening fence to the closing
 * one (the last line of an unclosed block). `lines` are the document's (0-based); shared by the rule
 * and by {@link lintDiagramsOf} for Markdown that is not a record.
 */
export function diagramFindings(fences: readonly FencedBlock[], lines: readonly string[], diagrams: readonly DiagramProblem[]): RuleFinding[] {
  return diagrams.map(problem => {
    const fence = fences.find(f => f.startLine === problem.line);
    const end = fence?.endLine ?? problem.line;
    return { range: range(problem.line, 0, end, lines[end]?.length ?? 0), message: `Mermaid cannot draw this diagram: ${problem.message.split('\n')[0]}` };
  });
}

/** SF019: a Mermaid diagram that does not parse, on its fenced block. */
export const mermaidSyntax: Rule = {
  code: 'SF019', name: 'mermaid-syntax', severity: 'warning', kinds: 'all',
  description: 'A diagram that does not parse shows readers an error box where the design should be. The preview\'s renderer (or Mermaid\'s parser) reports it; the finding sits on the fenced block.',
  check: c => diagramFindings(c.record.outline.fences, c.lines, c.diagrams ?? []),
};
