// Runs the extension's in-editor tests (packages/extension/test/editor) through @vscode/test-electron's
// runTests, with code-server + headless Chromium standing in for desktop VS Code (see README.md).
// The tests work on a copy of the examples, so the repository's files are never touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const extension = path.resolve(here, '..');
const state = fs.mkdtempSync(path.join(os.tmpdir(), 'cxe-editor-'));
const workspace = path.join(state, 'workspace');
fs.cpSync(path.resolve(extension, '../../examples'), workspace, { recursive: true, filter: source => !source.includes(`${path.sep}generated`) });
// A 50-actor synthetic model, for the preview's refresh time.
const { generateModel } = await import('../../../scripts/bench/generate-model.mjs');
fs.mkdirSync(path.join(workspace, 'synthetic'));
fs.writeFileSync(path.join(workspace, 'synthetic', 'synthetic-50.cxe'), generateModel(50).text);

let code;
try {
    code = await runTests({
        vscodeExecutablePath: process.env.CXE_VSCODE_EXECUTABLE ?? path.join(here, 'code-server-launcher'),
        extensionDevelopmentPath: extension,
        extensionTestsPath: path.join(extension, 'out/test/editor/index.js'),
        launchArgs: [workspace, `--user-data-dir=${state}/user-data`, `--extensions-dir=${state}/extensions`],
        // CXE_THEME (e.g. "Default Dark Modern") ends the run on a themed workbench, for CXE_SCREENSHOT.
        extensionTestsEnv: { CXE_THEME: process.env.CXE_THEME ?? '' },
    });
} catch (error) {
    console.error(error.message);
    code = error.code ?? 1;
}
fs.rmSync(state, { recursive: true, force: true });
process.exit(code);
