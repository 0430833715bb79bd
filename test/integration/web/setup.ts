/**
 * Loads mocha's browser build (`mocha/mocha.js`: one file, no Node built-in) into the web worker and
 * declares its BDD globals (`describe`, `it`, hooks). Imported by web/index.ts before any test file,
 * whose `describe` calls run as they load. The settings are the Node suites' (suite.ts).
 */
import 'mocha/mocha.js';

mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30000, color: false });
