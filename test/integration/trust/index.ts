/**
 * The Restricted Mode suite's entry point: run by test/host/run.mjs in a host started with Workspace
 * Trust on and the workspace folder untrusted, where the runner answers Spec-First's modal
 * confirmations (Cancel for a file named "…declined…", else Continue).
 */
import { runSuite } from '../suite';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
