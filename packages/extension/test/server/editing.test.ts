import assert from 'node:assert/strict';
import { LspSession } from '../fuzz/lsp-session';

/** Editing sessions over stdio that once left the bundled server with a wrong picture of the workspace. */
describe('the bundled language server, across opening and closing documents', () => {
    const session = new LspSession();
    before(() => session.start());
    after(() => session.stop());

    const open = async (uri: string, text: string) => {
        const seen = session.publications(uri);
        session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cxe', version: 1, text } });
        assert.ok(await session.nextDiagnostics(uri, seen), `diagnostics of ${uri}`);
    };
    const answer = async (method: string, params: unknown) => {
        const outcome = await session.request(method, params);
        assert.equal(outcome.status, 'ok', JSON.stringify(outcome));
        return (outcome as { result: unknown }).result;
    };

    it('forgets the elements of a closed document that has no file on disk', async () => {
        const things = 'untitled:things';
        const people = 'file:///virtual/closing/people.cxe';
        await open(things, 'ecosystem Closing\norganization Baker\nvalue Bread product\nexchange Baker -> Buyer : Bread\n');
        await open(people, 'ecosystem Closing\ncustomer Buyer { seeks Bread }\n');
        const position = { line: 1, character: 23 };
        assert.equal((await answer('textDocument/definition', { textDocument: { uri: people }, position }) as unknown[]).length, 1);
        const seen = session.publications(people);
        session.notify('textDocument/didClose', { textDocument: { uri: things } });
        assert.ok(await session.nextDiagnostics(people, seen));
        assert.equal(await answer('textDocument/definition', { textDocument: { uri: people }, position }), null);
        assert.ok(session.diagnosticsOf(people).some(d => d.code === 'unresolved-reference'), 'Bread is gone with the closed document');
        const diagram = await answer('cxe/diagram', { uri: people }) as { svg: string };
        assert.doesNotMatch(diagram.svg, /data-cxe-element="Baker"/);
    });

    it("answers the diagram of a document that is not open with null, not an error", async () => {
        assert.equal(await answer('cxe/diagram', { uri: 'file:///virtual/never-opened.cxe' }), null);
    });
});
