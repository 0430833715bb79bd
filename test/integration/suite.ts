/**
 * Runs the `*.test.js` bundles of one folder in mocha, inside the Node extension host: what each Node
 * suite's `index.ts` exports as `run()`. `SPEC_FIRST_TEST_GREP` in the host's environment (`node
 * test/host/run.mjs --grep PATTERN`) runs only the tests whose full title matches (see runMocha.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runMocha } from './runMocha';

/** Runs the tests in `folder`; rejects when one fails, or when there is none and no grep was given. */
export function runSuite(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  const files = fs.readdirSync(folder).filter(f => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(folder, file));
  // Through the reporters' own output, so that it goes wherever theirs goes (see test/host/suite-runner).
  return runMocha(mocha, { grep: process.env.SPEC_FIRST_TEST_GREP, where: folder, print: line => Mocha.reporters.Base.consoleLog(line) });
}
