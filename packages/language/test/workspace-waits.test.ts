import * as assert from 'node:assert/strict';
import { Cancellation, DocumentState } from 'langium';
import { TestWorkspace } from './helpers.js';

/**
 * `DocumentBuilder.waitUntil(state)` without a document: what `cxe/diagram` awaits before drawing.
 * A wait that starts during a build ends with that build, however the build's phases go; one that
 * hung kept the language server idle with the request open (the client waited for ever).
 */
describe('waiting for the workspace to reach a state', () => {
    /** Whether the promise has settled once everything already queued has run. */
    const settled = (promise: Promise<unknown>) =>
        Promise.race([promise.then(() => 'resolved', () => 'rejected'), new Promise(resolve => setImmediate(() => resolve('pending')))]);

    it('ends with the build when the wait starts while the listeners of the phase are notified', async () => {
        const workspace = await TestWorkspace.of({ 'shop.cxe': 'ecosystem Shop\ncustomer Ann { seeks Cash }\nvalue Cash money\n' });
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        let waiting: Promise<unknown> | undefined;
        // As a request that the server reads while a listener of the phase yields (the settings diagnostics do).
        const listener = builder.onBuildPhase(DocumentState.Validated, () => {
            waiting ??= builder.waitUntil(DocumentState.Validated);
        });
        await workspace.change('shop.cxe', 'ecosystem Shop\ncustomer Ann "Ann" { seeks Cash }\nvalue Cash money\n');
        listener.dispose();
        assert.ok(waiting, 'the phase was notified');
        assert.equal(await settled(waiting), 'resolved');
    });

    it('ends with the build when the build validates no document (a file of another ecosystem deleted)', async () => {
        const workspace = await TestWorkspace.of({
            'shop.cxe': 'ecosystem Shop\ncustomer Ann { seeks Cash }\nvalue Cash money\n',
            'bank.cxe': 'ecosystem Bank\ncustomer Bob { seeks Loan }\nvalue Loan money\n',
        });
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        let validated = 0;
        const counting = builder.onDocumentPhase(DocumentState.Validated, () => {
            validated++;
        });
        const removing = workspace.remove('bank.cxe');
        const waiting = builder.waitUntil(DocumentState.Validated);
        await removing;
        counting.dispose();
        assert.equal(validated, 0, 'nothing to validate again');
        assert.equal(await settled(waiting), 'resolved');
    });

    it('is cancelled with its token', async () => {
        const workspace = await TestWorkspace.of({ 'shop.cxe': 'ecosystem Shop\ncustomer Ann { seeks Cash }\nvalue Cash money\n' });
        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const source = new Cancellation.CancellationTokenSource();
        const changing = workspace.change('shop.cxe', 'ecosystem Shop\ncustomer Ann "A" { seeks Cash }\nvalue Cash money\n');
        const waiting = builder.waitUntil(DocumentState.Validated, source.token);
        source.cancel();
        assert.equal(await settled(waiting), 'rejected');
        await changing;
        assert.equal(await settled(builder.waitUntil(DocumentState.Validated)), 'resolved', 'the workspace is validated');
    });
});
