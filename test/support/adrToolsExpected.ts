/**
 * Reads adr-tools' own expected outputs (`tests/*.expected` of npryce/adr-tools): a transcript of
 * shell commands, each followed by what it printed. Used by the unit and integration tests to check
 * that Spec-First writes what adr-tools writes.
 */

/** One command of a transcript and its output lines. */
export interface TranscriptStep {
  readonly command: string;
  readonly output: readonly string[];
}

const COMMAND = /^(adr|ls|cat|head|mkdir|cd|touch|echo|rm|mv|find|sed|EDITOR=|VISUAL=)\b/;

/** Splits a transcript into commands and their output (heredoc bodies count as output of their `cat >`). */
export function parseTranscript(text: string): TranscriptStep[] {
  const steps: { command: string; output: string[] }[] = [];
  let heredoc: string | undefined;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (heredoc) {
      steps[steps.length - 1].output.push(line);
      if (line === heredoc) heredoc = undefined;
      continue;
    }
    if (COMMAND.test(line)) {
      steps.push({ command: line, output: [] });
      heredoc = /<<\s*'?(\w+)'?\s*$/.exec(line)?.[1];
    } else if (steps.length > 0) {
      steps[steps.length - 1].output.push(line);
    }
  }
  return steps;
}

/** The title of an `adr new …` command as the shell passes it (`adr new -- "-Bar-"` → `-Bar-`). */
export function adrNewTitle(command: string): string | undefined {
  const m = /^adr new (.*)$/.exec(command);
  if (!m) return undefined;
  // Options may repeat (`-s 1 -s 2`, `-l "…" -l "…"`): strip every leading one, not only the first.
  const args = m[1].replace(/^--\s+/, '').replace(/^(?:(?:-s \d+|-l "[^"]*")\s+)+/, '');
  return args.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
}
