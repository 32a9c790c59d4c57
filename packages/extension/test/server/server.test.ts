import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** The bundled server, exactly as the extension ships it (this file compiles to packages/extension/out/test/server/). */
const serverModule = path.resolve(__dirname, '../../../dist/server.mjs');

describe('the bundled language server, over stdio', () => {
    let server: ChildProcess;
    let connection: MessageConnection;
    const published = new Map<string, PublishDiagnosticsParams>();
    const waiters: Array<() => void> = [];

    before(async () => {
        server = spawn(process.execPath, [serverModule, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            published.set(params.uri, params);
            waiters.splice(0).forEach(wake => wake());
        });
        connection.listen();
        const result = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
        assert.ok(result.capabilities.completionProvider && result.capabilities.hoverProvider && result.capabilities.codeActionProvider);
        await connection.sendNotification('initialized', {});
    });

    after(() => {
        connection?.dispose();
        server?.kill();
    });

    async function diagnosticsOf(uri: string): Promise<PublishDiagnosticsParams> {
        while (!published.has(uri)) {
            await new Promise<void>(resolve => waiters.push(resolve));
        }
        return published.get(uri)!;
    }

    it('publishes diagnostics with their codes and documentation links for an open document', async () => {
        const uri = 'file:///virtual/shop.cxe';
        const text = 'ecosystem Shop\ncustomer Buyer { seeks Bread }\norganization Baker\nvalue Bread product\nexchange Baker -> Buyer : Bread, Tip\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxe', version: 1, text } });
        const { diagnostics } = await diagnosticsOf(uri);
        assert.deepEqual(diagnostics.map(d => [d.code, d.range.start.line, d.range.start.character, d.severity]), [['unresolved-reference', 4, 33, 1]]);
        assert.match(diagnostics[0].codeDescription?.href ?? '', /\/docs\/rules\/unresolved-reference\.md$/);
    });

    it("answers the 'cxe/diagram' request with the SVG", async () => {
        const result = await connection.sendRequest<{ svg: string; views: string[] }>('cxe/diagram', { uri: 'file:///virtual/shop.cxe' });
        assert.deepEqual(result.views, ['overview']);
        assert.match(result.svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        assert.match(result.svg, /data-cxe-element="Buyer"/);
    });
});
