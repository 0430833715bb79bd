/**
 * The integration suite's entry point, loaded by the extension host as `extensionTestsPath` (what
 * @vscode/test-electron expects: a module exporting `run(): Promise<void>`). Runs every `*.test.js`
 * bundle beside it (esbuild writes test/integration/*.ts to out/test/integration/) in mocha.
 * `SPEC_FIRST_TEST_GREP` in the host's environment (`node test/host/run.mjs --grep PATTERN`) runs only
 * the tests whose full title matches. Ends with a plain `N passed, N failed` line for CI to count.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  const grep = process.env.SPEC_FIRST_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(plainError(`${failures} integration test(s) failed`));
        else if (passes === 0) reject(plainError(grep ? `no integration test matches --grep ${grep}` : `no integration test found in ${__dirname}`));
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
