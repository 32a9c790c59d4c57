// Runs every test suite and ends with the plain summary line `N passed, N failed` over all of them.
import { spawn } from 'node:child_process';
import Mocha from 'mocha';
import { glob } from 'tinyglobby';

const suites = [
    { name: 'language', files: 'packages/language/out/test/**/*.test.js' },
    { name: 'cli', files: 'packages/cli/out/test/**/*.test.js' },
    { name: 'extension: bundled language server', files: 'packages/extension/out/test/server/**/*.test.js' },
];

const HARNESS = 'packages/extension/test-harness';
let passed = 0;
let failed = 0;
// The harness brings headless Chromium, which the CLI suite also uses (the HTML page's tests).
const harnessInstalled = await installEditorHarness();
for (const suite of suites) {
    const result = await runMocha(suite);
    passed += result.passed;
    failed += result.failed;
}
const editor = harnessInstalled ? await runEditorTests() : { passed: 0, failed: 1 };
passed += editor.passed;
failed += editor.failed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;

async function runMocha({ name, files }) {
    console.log(`\n── ${name} ──`);
    const mocha = new Mocha({ reporter: 'spec', timeout: 60_000 });
    (await glob(files)).sort().forEach(file => mocha.addFile(file));
    try {
        await mocha.loadFilesAsync();
    } catch (error) {
        // A suite that cannot even load counts as one failure, and the other suites still run.
        console.error(`${name}: could not load the tests: ${error.message}`);
        return { passed: 0, failed: 1 };
    }
    return new Promise(resolve => {
        const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
    });
}

/** Runs a command, echoing its output; resolves to its exit code and standard output. */
function run(command, args, options = {}) {
    return new Promise(resolve => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
        let output = '';
        child.stdout.on('data', chunk => {
            output += chunk;
            process.stdout.write(chunk);
        });
        child.on('error', error => resolve({ code: 1, output: String(error) }));
        child.on('close', code => resolve({ code, output }));
    });
}

/** Installs the editor test harness (idempotent); a failed install is reported, and fails the editor suite. */
async function installEditorHarness() {
    const install = await run('bash', [`${HARNESS}/install.sh`]);
    if (install.code !== 0) {
        console.error('extension: could not install the editor test harness');
    }
    return install.code === 0;
}

/**
 * The in-editor suite: the extension inside a real VS Code (code-server in headless Chromium, see
 * packages/extension/test-harness), installed before all suites; a failed install or a run that
 * reports no counts is a failure, never a skip.
 */
async function runEditorTests() {
    console.log('\n── extension: inside VS Code ──');
    const { code, output } = await run(process.execPath, [`${HARNESS}/run-editor-tests.mjs`]);
    const counts = output.match(/cxe-editor-tests: (\d+) passed, (\d+) failed/);
    if (!counts) {
        console.error(`extension: the editor tests reported no result (exit ${code})`);
        return { passed: 0, failed: 1 };
    }
    return { passed: Number(counts[1]), failed: Number(counts[2]) + (code !== 0 && counts[2] === '0' ? 1 : 0) };
}
