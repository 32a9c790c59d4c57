import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const serverModule = path.resolve(__dirname, '../../../dist/server.mjs');
const repoRoot = path.resolve(__dirname, '../../../../..');
const settingsDir = process.env.CXE_SETTINGS_DIR ?? path.resolve(repoRoot, '../shared/design/settings');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

describe('the bundled language server on ../shared/design/settings, as a workspace folder', () => {
    // A copy, so that the settings file can be edited while the server runs.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cxe-settings-'));
    cpSync(settingsDir, folder, { recursive: true });
    const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
    let server: ChildProcess;
    let connection: MessageConnection;
    const published = new Map<string, Diagnostic[]>();
    const waiters: Array<() => void> = [];

    async function until(what: string, probe: () => boolean): Promise<void> {
        const end = Date.now() + 30_000;
        while (!probe()) {
            if (Date.now() > end) {
                throw new Error(`timed out waiting for ${what}: ${JSON.stringify([...published].map(([uri, ds]) => [uri, ds.map(d => d.code ?? d.message)]))}`);
            }
            await new Promise<void>(resolve => {
                waiters.push(resolve);
                setTimeout(resolve, 500);
            });
        }
    }

    const found = (name: string) => (published.get(uriOf(name)) ?? []).map(d => `${SEVERITY[d.severity ?? 1]} ${d.code} ${d.range.start.line + 1}`).sort();

    const names = (readdirSync(settingsDir, { recursive: true }) as string[]).filter(name => name.endsWith('.cxe')).map(name => name.split(path.sep).join('/')).sort();

    before(async () => {
        server = spawn(process.execPath, [serverModule, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            published.set(params.uri, params.diagnostics);
            waiters.splice(0).forEach(wake => wake());
        });
        connection.onRequest('client/registerCapability', () => null);
        connection.listen();
        const root = pathToFileURL(folder).toString();
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'settings' }], capabilities: {} });
        await connection.sendNotification('initialized', {});
        for (const name of names) {
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'cxe', version: 1, text: readFileSync(path.join(folder, name), 'utf8') } });
        }
        await until('every file validated', () => names.every(name => published.has(uriOf(name))));
    });

    after(() => {
        connection?.dispose();
        server?.kill();
    });

    it('publishes exactly the expected diagnostics of every file', async () => {
        const { compareExpectations, expectationsOf } = await import('@cxe/language');
        assert.ok(names.length >= 4, names.join(', '));
        for (const name of names) {
            const actual = found(name).map(line => line.split(' ')).map(([severity, code, line]) => ({ severity, code, line: Number(line) }));
            assert.deepEqual(compareExpectations(expectationsOf(readFileSync(path.join(folder, name), 'utf8')), actual), { missing: [], unexpected: [] }, name);
        }
    });

    it('revalidates the files a settings file governs when it changes, and shows its problems on it', async () => {
        const config = path.join(folder, 'configured/cxe.config.json');
        const changed = () => connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('configured/cxe.config.json'), type: 2 }] });
        writeFileSync(config, '{ "rules": { "unmet-need": "off", "unused-touchpoint": "error" } }');
        await changed();
        // isolated-actor is back to its default; unmet-need is off everywhere, the override is gone.
        await until('the new rules', () => found('configured/shop.cxe').join() === 'error unused-touchpoint 10,warning isolated-actor 7');
        await until('the override gone', () => found('configured/legacy/old.cxe').join() === 'warning no-customer 3');
        writeFileSync(config, '{\n  "rules": { "unmet-need": "sometimes" }\n}\n');
        await changed();
        await until('the problem on the settings file', () => (published.get(uriOf('configured/cxe.config.json')) ?? []).length === 1);
        const [problem] = published.get(uriOf('configured/cxe.config.json'))!;
        assert.deepEqual([problem.range.start.line, problem.range.start.character, problem.severity], [1, 27, 1]);
        await until('the defaults meanwhile', () => found('configured/shop.cxe').join() === 'warning isolated-actor 7,warning unmet-need 6,warning unused-touchpoint 10');
    });
});
