// Runs every test suite and ends with the plain summary line `N passed, N failed` over all of them.
import Mocha from 'mocha';
import { glob } from 'tinyglobby';

const suites = [
    { name: 'language', files: 'packages/language/out/test/**/*.test.js' },
    { name: 'cli', files: 'packages/cli/out/test/**/*.test.js' },
    { name: 'extension: bundled language server', files: 'packages/extension/out/test/server/**/*.test.js' },
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
    const result = await runMocha(suite);
    passed += result.passed;
    failed += result.failed;
}
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
