import * as path from 'node:path';
import type MochaType from 'mocha';
import * as mochaModule from 'mocha';

// mocha 12 is an ES module: required from CommonJS, its class is the namespace's default export.
const Mocha = ((mochaModule as unknown as { default?: typeof MochaType }).default ?? mochaModule) as unknown as typeof MochaType;

/**
 * The entry VS Code runs inside the extension host (`extensionTestsPath`): mocha over the editor
 * tests. Resolves on success and rejects on any failure, which makes the editor exit 0 or 1.
 */
export async function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    for (const file of ['editor.test.js']) {
        mocha.addFile(path.resolve(__dirname, file));
    }
    await new Promise<void>((resolve, reject) => {
        mocha.run((failures: number) => {
            // The harness reads this line for the summary of all suites.
            console.log(`cxe-editor-tests: ${mocha.suite.total() - failures} passed, ${failures} failed`);
            failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve();
        });
    });
}
