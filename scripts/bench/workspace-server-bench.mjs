// The multi-file half of the editor benchmark: the bundled language server on stdio, exactly as the
// extension ships it, over workspaces of ecosystems split into many files (multi-file-workspace.mjs).
// Per workspace: keystroke to the edited file's diagnostics (typing into a label, and typing into an
// actor name that other files reference), diagnostics notifications per keystroke, code lenses of the
// edited file right after a keystroke (as the editor asks for them), completion after '->' (latency,
// items, size) and the server's resident memory after loading and after the keystrokes.
// Standalone: node scripts/bench/workspace-server-bench.mjs [--files 10,100,1000] [--keystrokes 100] [--grouped]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { generateWorkspace, writeWorkspace } from './multi-file-workspace.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** CXE_BENCH_SERVER names a copy of the bundled server (to measure a build while working on the next). */
const serverModule = process.env.CXE_BENCH_SERVER ?? join(root, 'packages/extension/dist/server.mjs');
/** No publication for this long after a keystroke's: the server has published all it will. */
const QUIET_MS = 200;
const NAME_KEYSTROKES = 10;
const LENS_KEYSTROKES = 10;
const COMPLETIONS = 5;

export const WORKSPACES = [
    { label: 'F=10', files: 10, ecosystems: 1 },
    { label: 'F=100', files: 100, ecosystems: 1 },
    { label: 'F=1000', files: 1000, ecosystems: 1 },
    { label: '50 x 20', files: 20, ecosystems: 50 },
];

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The server's resident memory (MiB), from /proc. */
function rssMiB(pid) {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'));
    return Number(/\d+/.exec(line)[0]) / 1024;
}

/** One server process and what it published: every publication counted, the latest kept per URI. */
export class Server {
    constructor(folder) {
        // CXE_BENCH_NODE_ARGS: extra Node options for the server, for example to profile it (--cpu-prof).
        const nodeArgs = process.env.CXE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
        this.process = spawn(process.execPath, [...nodeArgs, serverModule, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        this.published = new Map();
        this.total = 0;
        this.last = 0;
        this.waiters = [];
        this.connection.onNotification('textDocument/publishDiagnostics', params => {
            this.published.set(params.uri, { count: (this.published.get(params.uri)?.count ?? 0) + 1, diagnostics: params.diagnostics });
            this.total++;
            this.last = performance.now();
            this.waiters.splice(0).forEach(wake => wake());
        });
        this.connection.listen();
        this.folder = folder;
    }

    async initialize() {
        const uri = pathToFileURL(this.folder).toString();
        await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: {} });
        await this.connection.sendNotification('initialized', {});
    }

    count(uri) {
        return this.published.get(uri)?.count ?? 0;
    }

    /** Resolves once `test()` holds, checked after each publication. */
    async until(test, timeoutMs = 600_000) {
        const deadline = performance.now() + timeoutMs;
        while (!test()) {
            if (performance.now() > deadline) {
                throw new Error('workspace-server-bench: the server did not publish in time');
            }
            await new Promise(resolve => {
                this.waiters.push(resolve);
                setTimeout(resolve, 1000).unref();
            });
        }
    }

    /** Resolves once nothing was published for QUIET_MS. */
    async quiet() {
        while (performance.now() - this.last < QUIET_MS) {
            await delay(QUIET_MS - (performance.now() - this.last));
        }
    }

    /** Shuts the server down as a client does (so that it exits normally), killing it if it lingers. */
    async stop() {
        const exited = new Promise(resolve => this.process.once('exit', resolve));
        await Promise.race([this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')), delay(2000)]).catch(() => undefined);
        await Promise.race([exited, delay(5000)]);
        this.connection.dispose();
        this.process.kill();
    }
}

/**
 * Opens the workspace's first file, types `count` keystrokes through `edit(i)` (each one awaited
 * until the edited file's diagnostics arrive and the server falls quiet) and returns the latencies
 * and the number of publications each keystroke caused.
 */
async function type(server, uri, count, edit, version) {
    const latencies = [];
    const notifications = [];
    for (let i = 0; i < count; i++) {
        const seen = server.count(uri);
        const before = server.total;
        const start = performance.now();
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version.next++ }, contentChanges: [{ text: edit(i) }] });
        await server.until(() => server.count(uri) > seen);
        latencies.push(performance.now() - start);
        await server.quiet();
        notifications.push(server.total - before);
    }
    return { ms: median(latencies), notifications: median(notifications), maxNotifications: Math.max(...notifications) };
}

export async function benchWorkspace({ label, files, ecosystems }, { keystrokes = 100 } = {}) {
    const folder = mkdtempSync(join(tmpdir(), 'cxe-ws-bench-'));
    const workspace = generateWorkspace({ files, ecosystems });
    const paths = writeWorkspace(folder, workspace);
    const server = new Server(folder);
    try {
        const loadStart = performance.now();
        await server.initialize();
        const uri = pathToFileURL(paths[0]).toString();
        const text = workspace.files[0].text;
        const version = { next: 1 };
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxe', version: version.next++, text } });
        // Opening the first file validates the whole workspace: wait until every file has published.
        const uris = paths.map(path => pathToFileURL(path).toString());
        await server.until(() => uris.every(u => server.count(u) > 0));
        await server.quiet();
        const loadMs = performance.now() - loadStart;
        const loadedMiB = rssMiB(server.process.pid);

        // Typing into the first actor's label: the file's exported names stay the same.
        const labelAt = text.indexOf('"') + 1;
        const typed = i => `${text.slice(0, labelAt)}${'x'.repeat(i + 1)}${text.slice(labelAt)}`;
        const labelKeys = await type(server, uri, keystrokes, typed, version);
        const typedMiB = rssMiB(server.process.pid);

        // Typing into the name of an actor that other files reference, and deleting it again: the
        // references to it stop (and start again) resolving in the files that name it.
        const nameAt = text.indexOf(' "');
        const renamed = i => `${text.slice(0, nameAt)}${i % 2 === 0 ? 'y' : ''}${text.slice(nameAt)}`;
        const nameKeys = await type(server, uri, NAME_KEYSTROKES, renamed, version);

        // Code lenses right after a keystroke, as the editor asks for them: the first read of the new state's relations.
        const lensMs = [];
        for (let i = 0; i < LENS_KEYSTROKES; i++) {
            await type(server, uri, 1, () => typed(keystrokes + i), version);
            const start = performance.now();
            await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
            lensMs.push(performance.now() - start);
        }

        // Completion after '->' in a new flow at the end of the file.
        const probe = `${text}exchange Probe {\n  ${/customer (\w+)/.exec(text)[1]} -> \n}\n`;
        const seen = server.count(uri);
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version.next++ }, contentChanges: [{ text: probe }] });
        await server.until(() => server.count(uri) > seen);
        await server.quiet();
        const lines = probe.split('\n');
        const position = { line: lines.length - 3, character: lines.at(-3).length };
        const completionMs = [];
        let items = 0;
        let bytes = 0;
        for (let i = 0; i < COMPLETIONS; i++) {
            const start = performance.now();
            const result = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
            completionMs.push(performance.now() - start);
            const list = Array.isArray(result) ? result : result?.items ?? [];
            items = list.length;
            bytes = Buffer.byteLength(JSON.stringify(result));
        }
        return {
            label, files: workspace.stats.files, flows: workspace.stats.flows, loadMs, loadedMiB, typedMiB, keystrokes,
            labelMs: labelKeys.ms, labelNotifications: labelKeys.notifications, labelMaxNotifications: labelKeys.maxNotifications,
            nameMs: nameKeys.ms, nameNotifications: nameKeys.notifications, lensMs: median(lensMs),
            completionMs: median(completionMs), completionItems: items, completionKiB: bytes / 1024,
        };
    } finally {
        await server.stop();
        rmSync(folder, { recursive: true, force: true });
    }
}

export function printWorkspaceTable(results) {
    const header = ['workspace', 'files', 'flows', 'load ms', 'label key ms', 'notif/key', 'name key ms', 'notif/name key', 'lens ms',
        'completion ms', 'items', 'KiB', 'RSS loaded MiB', 'RSS after keys MiB', 'growth x'];
    const rows = results.map(r => [r.label, r.files, r.flows, r.loadMs.toFixed(0), r.labelMs.toFixed(1), `${r.labelNotifications} (max ${r.labelMaxNotifications})`,
        r.nameMs.toFixed(1), r.nameNotifications, r.lensMs.toFixed(1), r.completionMs.toFixed(1), r.completionItems, r.completionKiB.toFixed(0),
        r.loadedMiB.toFixed(0), r.typedMiB.toFixed(0), (r.typedMiB / r.loadedMiB).toFixed(2)].map(String));
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map(row => row[i].length)));
    for (const row of [header, ...rows]) {
        console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
    }
}

/** Every workspace, then the targets measured in this run. */
export async function benchWorkspaces(options) {
    const results = [];
    for (const workspace of options.workspaces ?? WORKSPACES) {
        console.error(`bench: language server over ${workspace.label}…`);
        results.push(await benchWorkspace(workspace, options));
    }
    const byLabel = label => results.find(r => r.label === label);
    const [small, huge] = [byLabel('F=10'), byLabel('F=1000')];
    const targets = small && huge ? [
        { target: 'F=1000 keystroke to the edited file\'s diagnostics (ms)', value: huge.labelMs, limit: 150 },
        { target: 'F=1000 keystroke / F=10 keystroke (x)', value: huge.labelMs / small.labelMs, limit: 3 },
        { target: `F=1000 RSS after ${huge.keystrokes} keystrokes / after loading (x)`, value: huge.typedMiB / huge.loadedMiB, limit: 1.3 },
    ].map(t => ({ ...t, pass: t.value <= t.limit })) : [];
    return { results, targets };
}

if (import.meta.main) {
    const { values } = parseArgs({ options: { files: { type: 'string' }, keystrokes: { type: 'string', default: '100' }, grouped: { type: 'boolean', default: false } } });
    const chosen = values.files ? values.files.split(',').map(Number) : undefined;
    const workspaces = WORKSPACES.filter(w => (w.ecosystems === 1 ? !chosen || chosen.includes(w.files) : !chosen || values.grouped));
    const { results, targets } = await benchWorkspaces({ workspaces, keystrokes: Number(values.keystrokes) });
    printWorkspaceTable(results);
    targets.forEach(t => console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.value.toFixed(2)} <= ${t.limit}`));
    console.log(JSON.stringify(results));
}
