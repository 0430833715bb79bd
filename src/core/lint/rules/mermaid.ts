import { range } from '../../text';
import type { Rule } from '../types';

/** SF019: a Mermaid diagram that does not parse, on its fenced block. */
export const mermaidSyntax: Rule = {
  code: 'SF019', name: 'mermaid-syntax', severity: 'warning', kinds: 'all',
  description: 'A diagram that does not parse shows readers an error box where the design should be. The preview\'s renderer (or Mermaid\'s parser) reports it; the finding sits on the fenced block.',
  *check(c) {
    for (const problem of c.diagrams ?? []) {
      const fence = c.record.outline.fences.find(f => f.startLine === problem.line);
      const end = fence?.endLine ?? problem.line;
      yield { range: range(problem.line, 0, end, c.lines[end]?.length ?? 0), message: `Mermaid diagram does not parse: ${problem.message.split('\n')[0]}` };
    }
  },
};
