// `npm start`: runs the extension from this repo (built by `npm run build`) in a real VS Code, the
// provisioned VS Code Server's web workbench, on the sample workspace, for a person to try in a browser.
// Prints the URL to open (its payload loads the extension as a development extension, as F5 would) and
// runs until Ctrl+C. The workspace is opened in place: what you change in it stays changed.
// Usage: node test/host/start.mjs [--port PORT] [--folder FOLDER] [--web]
//   --port    listen on 127.0.0.1:PORT (default 3000, or a free port when 3000 is taken)
//   --folder  open FOLDER instead of samples/workspace
//   --web     run the extension in the browser's web worker extension host (its `browser` entry), as
//             vscode.dev and github.dev do, instead of the server's Node host
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ProvisionError, ROOT, provision } from './provision.mjs';
import { freePort, portIsFree, startServer, webWorkerSettings } from './server.mjs';

const DEFAULT_PORT = 3000;

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    folder: { type: 'string', default: resolve(ROOT, 'samples/workspace') },
    web: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log('Usage: node test/host/start.mjs [--port PORT] [--folder FOLDER] [--web]');
  process.exit(0);
}

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

const folder = resolve(options.folder);
if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`${folder} is not a folder`);
const bundle = options.web ? 'dist/web/extension.js' : 'dist/extension.js';
if (!existsSync(resolve(ROOT, bundle))) fail(`${bundle} is missing: run \`npm run build\` first`);
let port;
if (options.port !== undefined) {
  port = Number(options.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`--port wants a port number, not "${options.port}"`);
  if (!(await portIsFree(port))) fail(`port ${port} is in use: pick another with --port`);
} else {
  port = (await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : await freePort();
}

let host;
try {
  host = await provision();
} catch (error) {
  fail(`cannot provision VS Code: ${error instanceof ProvisionError ? error.message : error.stack}`);
}

let server;
try {
  server = await startServer(host, { folder, port, settings: options.web ? webWorkerSettings(ROOT) : {} });
} catch (error) {
  fail(error.message);
}
const url = server.workbenchUrl({
  folder,
  payload: [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']],
});
console.log(`
Spec-First is running in VS Code (the VS Code Server's web workbench${options.web ? ', the extension in the browser\'s web worker' : ''}) on ${relative(process.cwd(), folder) || '.'}.
Open this URL in a browser (from another machine: forward port ${port} first, e.g. ssh -L ${port}:127.0.0.1:${port}):

  ${url}

The extension is loaded from ${ROOT}: after \`npm run build\`, reload the page (or run "Developer: Reload Window").
Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstart: stopping VS Code Server');
    void server.stop().finally(() => process.exit(0));
  });
}
const code = await server.exited;
if (!stopping) {
  console.error(`start: VS Code Server exited (${code}); its output:\n${server.output().trim().split('\n').slice(-30).join('\n')}`);
  await server.stop();
  process.exit(1);
}
