// Runs an integration suite inside the extension host WITHOUT extensionTestsPath. With it, VS Code's
// dialog service refuses every modal dialog ("refused to show dialog in tests": the call fails at once),
// so a suite that needs Spec-First's modal confirmations shown and answered — the Restricted Mode suite —
// runs through this extension instead, installed for the run by test/host/run.mjs.
// It runs the module at $SPEC_FIRST_SUITE (which exports run(), as an extensionTestsPath module does)
// once the workbench has started, writes what mocha reports to $SPEC_FIRST_SUITE_LOG (the extension
// host's console cannot be redirected: VS Code guards its methods), and ends that file with
// `spec-first-suite-exit: <code>`, which run.mjs waits for.
const fs = require('node:fs');
const path = require('node:path');
const { format } = require('node:util');

exports.activate = () => {
  const suite = process.env.SPEC_FIRST_SUITE;
  const logFile = process.env.SPEC_FIRST_SUITE_LOG;
  if (!suite || !logFile) return;
  const write = line => fs.appendFileSync(logFile, `${line}\n`);
  // The suite's mocha (resolved from the suite, so the same module): its reporters print through Base.consoleLog.
  const Mocha = require(require.resolve('mocha', { paths: [path.dirname(suite)] }));
  Mocha.reporters.Base.consoleLog = (...args) => write(format(...args));
  Promise.resolve()
    .then(() => require(suite).run())
    .then(() => write('spec-first-suite-exit: 0'), error => {
      write(error instanceof Error ? error.message : String(error));
      write('spec-first-suite-exit: 1');
    });
};

exports.deactivate = () => {};
