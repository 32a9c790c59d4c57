// What a user of the preview waits for: the bundled language server on stdio with the 500-actor model
// open; after the workspace is validated and the server has been left idle for a while (it warms up
// its layout engine then), the first `cxe/diagram` request against the median of three later ones.
// Prints { idleMs, firstMs, warmMs } as JSON.
//   node scripts/bench/preview-first-drawing.mjs <model.cxe> <idle ms>
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Server } from './workspace-server-bench.mjs';

const [model, idle] = process.argv.slice(2);
const idleMs = Number(idle);
const folder = mkdtempSync(join(tmpdir(), 'cxe-preview-bench-'));
const file = join(folder, 'model.cxe');
const text = readFileSync(model, 'utf8');
writeFileSync(file, text);
const uri = pathToFileURL(file).toString();
const server = new Server(folder);
try {
    await server.initialize();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cxe', version: 1, text } });
    await server.until(() => server.count(uri) > 0, 120_000);
    await server.quiet();
    await new Promise(resolve => setTimeout(resolve, idleMs));
    const draw = async () => {
        const start = performance.now();
        await server.connection.sendRequest('cxe/diagram', { uri });
        return performance.now() - start;
    };
    const firstMs = await draw();
    const warm = [await draw(), await draw(), await draw()].sort((a, b) => a - b);
    console.log(JSON.stringify({ idleMs, firstMs, warmMs: warm[1] }));
} finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
}
