import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type MessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/**
 * The bundled server, exactly as the extension ships it (this file compiles to
 * packages/extension/out/test/fuzz/); CXE_FUZZ_SERVER names a copy, for a long run during rebuilds.
 */
export const serverModule = process.env.CXE_FUZZ_SERVER ?? path.resolve(__dirname, '../../../dist/server.mjs');

/** A request slower than this is a hang (the bound; a run on a loaded machine may allow more). */
export const HANG_MS = 2_000;
/** A server that has not answered a hung request this much longer is killed and restarted. */
const UNRESPONSIVE_MS = 5_000;

export type Outcome =
    | { readonly status: 'ok'; readonly result: unknown; readonly ms: number }
    | { readonly status: 'error'; readonly error: ResponseError<unknown>; readonly ms: number }
    | { readonly status: 'hang'; readonly ms: number; readonly killed: boolean; readonly serverCpuMs?: number }
    | { readonly status: 'crash'; readonly exit: string };

/**
 * One bundled language server over stdio, restarted when it dies or stops answering. Requests are
 * timed; diagnostics are collected per URI with a counter, so that a caller can wait for the next
 * publication after an edit.
 */
export class LspSession {
    constructor(readonly hangMs = HANG_MS) {}

    private server?: ChildProcess;
    private connection?: MessageConnection;
    private exit?: string;
    private readonly diagnostics = new Map<string, { count: number; diagnostics: Diagnostic[] }>();
    private readonly waiters: Array<() => void> = [];
    private lastPublication = 0;
    private starts = 0;

    async start(): Promise<void> {
        this.starts++;
        this.exit = undefined;
        this.diagnostics.clear();
        const server = spawn(process.execPath, [serverModule, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
        server.stdin!.on('error', () => undefined);
        const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        server.on('exit', (code, signal) => {
            if (this.server === server) {
                this.exit ??= `exit ${code ?? signal}`;
            }
            // Rejects the pending requests, which then count as a crash.
            connection.dispose();
            this.wake();
        });
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            const previous = this.diagnostics.get(params.uri)?.count ?? 0;
            this.diagnostics.set(params.uri, { count: previous + 1, diagnostics: params.diagnostics });
            this.lastPublication = Date.now();
            this.wake();
        });
        connection.onError(() => undefined);
        connection.listen();
        this.server = server;
        this.connection = connection;
        await this.answered('initialize', connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }));
        await connection.sendNotification('initialized', {});
        await this.warmUp();
    }

    /** One small diagram first, so that loading the layout engine is not timed as the first case's hang. */
    private async warmUp(): Promise<void> {
        const uri = 'file:///warm-up/warm-up.cxe';
        await this.connection!.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxe', version: 1, text: 'ecosystem WarmUp\ncustomer C { seeks "x" }\n' } });
        await this.answered('the warm-up diagram', this.connection!.sendRequest('cxe/diagram', { uri }).catch(() => undefined));
        await this.close([uri]);
    }

    /** A request of the session's own, at start: one not answered in time fails the start, saying which (not a silent wait). */
    private async answered<T>(what: string, request: Promise<T>): Promise<T> {
        const limit = this.hangMs + UNRESPONSIVE_MS;
        const late = delay(limit).then(() => Promise.reject(new Error(`the bundled server did not answer ${what} within ${limit} ms`)));
        return Promise.race([request, late]);
    }

    stop(): void {
        const server = this.server;
        this.server = undefined;
        this.connection?.dispose();
        server?.kill('SIGKILL');
        this.connection = undefined;
    }

    async restart(): Promise<void> {
        this.stop();
        await this.start();
    }

    /** Changes whenever the server is (re)started. */
    get generation(): number {
        return this.starts;
    }

    /** Whether the server died since it was started, and how. */
    get died(): string | undefined {
        return this.exit;
    }

    notify(method: string, params: unknown): void {
        if (!this.exit) {
            void this.connection!.sendNotification(method, params).catch(() => undefined);
        }
    }

    publications(uri: string): number {
        return this.diagnostics.get(uri)?.count ?? 0;
    }

    diagnosticsOf(uri: string): Diagnostic[] {
        return this.diagnostics.get(uri)?.diagnostics ?? [];
    }

    /** Waits for a publication of diagnostics beyond `seen` for the URI; false after `hangMs` or a crash. */
    async nextDiagnostics(uri: string, seen: number): Promise<boolean> {
        const deadline = Date.now() + this.hangMs;
        while (this.publications(uri) <= seen && !this.exit && Date.now() < deadline) {
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
                this.waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
        return this.publications(uri) > seen;
    }

    /** Waits until no diagnostics have been published for `ms` (at most `hangMs`): the build has settled. */
    async quiet(ms: number): Promise<void> {
        const deadline = Date.now() + this.hangMs;
        while (Date.now() < deadline && !this.exit) {
            const silence = Date.now() - this.lastPublication;
            if (silence >= ms) {
                return;
            }
            await delay(ms - silence);
        }
    }

    /** Closes documents and waits until the server has dropped them (it publishes their diagnostics empty). */
    async close(uris: readonly string[]): Promise<void> {
        const seen = uris.map(uri => this.publications(uri));
        uris.forEach(uri => this.notify('textDocument/didClose', { textDocument: { uri } }));
        for (const [i, uri] of uris.entries()) {
            await this.nextDiagnostics(uri, seen[i]);
        }
    }

    /**
     * The CPU time the server process has used so far (Linux; undefined elsewhere): a request that took
     * long while the server used little CPU waited for a loaded machine, not for its own work.
     */
    serverCpuMs(): number | undefined {
        try {
            // Fields 14 and 15 of /proc/<pid>/stat, user and system time in clock ticks (100 a second on Linux).
            const fields = readFileSync(`/proc/${this.server?.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            return (Number(fields[11]) + Number(fields[12])) * 10;
        } catch {
            return undefined;
        }
    }

    /** Sends a request and classifies the outcome; a server that stays silent is restarted. */
    async request(method: string, params: unknown): Promise<Outcome> {
        if (this.exit) {
            return { status: 'crash', exit: this.exit };
        }
        const started = Date.now();
        const cpuAtStart = this.serverCpuMs();
        const answer = this.connection!.sendRequest(method, params).then(
            result => ({ status: 'ok', result, ms: Date.now() - started }) as Outcome,
            error => (this.exit ? { status: 'crash', exit: this.exit } : { status: 'error', error: asResponseError(error), ms: Date.now() - started }) as Outcome,
        );
        const first = await Promise.race([answer, delay(this.hangMs)]);
        if (first) {
            return first;
        }
        const late = await Promise.race([answer, delay(UNRESPONSIVE_MS)]);
        if (late?.status === 'crash') {
            return late;
        }
        const ms = late?.ms ?? Date.now() - started;
        const cpuNow = this.serverCpuMs();
        const serverCpuMs = cpuAtStart === undefined || cpuNow === undefined ? undefined : cpuNow - cpuAtStart;
        if (!late) {
            await this.restart();
        }
        return { status: 'hang', ms, killed: !late, serverCpuMs };
    }

    private wake(): void {
        this.waiters.splice(0).forEach(wake => wake());
    }
}

function asResponseError(error: unknown): ResponseError<unknown> {
    return error instanceof ResponseError ? error : new ResponseError(-32603, String(error));
}

/** Resolves to undefined after `ms`, without keeping the process alive. */
function delay(ms: number): Promise<undefined> {
    return new Promise(resolve => setTimeout(() => resolve(undefined), ms).unref());
}
