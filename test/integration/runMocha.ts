/**
 * Runs the tests loaded into a mocha instance and reports as every suite of test/host/run.mjs does:
 * mocha's own reporter, then a plain `N passed, N failed[, N skipped]` line for CI to count. Host-neutral
 * (mocha only as a type): the Node suites (suite.ts) and the web worker suite (web/index.ts) both end here.
 */
import type Mocha from 'mocha';

/** How a suite runs: `grep` keeps the tests whose full title matches; `where` names the suite in errors; `print` writes a line where the reporter writes. */
export interface SuiteRun {
  readonly grep?: string;
  readonly where: string;
  readonly print: (line: string) => void;
}

/**
 * Runs `mocha`; resolves when every test passed, rejects when one failed, or when none ran and no grep
 * was given (a suite where no test matches the grep passes with nothing run: the runner fails when no
 * suite ran a test).
 */
export function runMocha(mocha: Mocha, { grep, where, print }: SuiteRun): Promise<void> {
  if (grep) mocha.grep(grep);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        print(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(plainError(`${failures} integration test(s) failed`));
        else if (passes === 0 && !grep) reject(plainError(`no integration test found in ${where}`));
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
