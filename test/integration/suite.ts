/**
 * Runs the `*.test.js` bundles of one folder in mocha, inside the extension host: what each suite's
 * `index.ts` exports as `run()`. `SPEC_FIRST_TEST_GREP` in the host's environment (`node
 * test/host/run.mjs --grep PATTERN`) runs only the tests whose full title matches; a suite where
 * none does passes with nothing run (the runner fails when no suite ran a test). Ends with a plain
 * `N passed, N failed` line for CI to count.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Runs the tests in `folder`; rejects when one fails, or when there is none and no grep was given. */
export function runSuite(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  const grep = process.env.SPEC_FIRST_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(folder).filter(f => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(folder, file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        // Through the reporters' own output, so that it goes wherever theirs goes (see test/host/suite-runner).
        Mocha.reporters.Base.consoleLog(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(plainError(`${failures} integration test(s) failed`));
        else if (passes === 0 && !grep) reject(plainError(`no integration test found in ${folder}`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}

/** An error whose stack is its message: the host logs it, and where it was made says nothing. */
function plainError(message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}
