// The diagram half of `npm run bench`: layout + SVG in process (against ELK with its defaults and
// Graphviz dot on the same graph), whole-process `cxe generate` on the synthetic models, the first
// layout in a fresh process against warm ones (cold, and after the warm-up the language server and the
// drawing threads do), and layout stability under one-flow edits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem } from 'langium';
import {
    URI, buildWorkspace, createCxeBatchServices, elkGraphOf, layoutGraph, renderDot, renderSvg, runElk, viewGraph, viewNames,
} from '@cxe/language';

const RUNS = 5;
const firstLayout = fileURLToPath(new URL('first-layout.mjs', import.meta.url));
const previewFirstDrawing = fileURLToPath(new URL('preview-first-drawing.mjs', import.meta.url));
/** How long the language server is left idle before the preview asks for its first drawing. */
const PREVIEW_IDLE_MS = 8000;
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function firstViewGraph(text) {
    const { shared, Cxe } = createCxeBatchServices(EmptyFileSystem);
    await buildWorkspace(shared, [{ uri: URI.file('/bench/model.cxe'), text }]);
    const ecosystem = Cxe.workspace.EcosystemModels.ecosystems()[0];
    const model = Cxe.workspace.EcosystemModels.modelOf(ecosystem);
    // The view cxe generate draws first (the synthetic models declare one that includes everything).
    return viewGraph(model, viewNames(model)[0], Cxe.workspace.Findings.findingsOf(ecosystem));
}

async function timeMs(action, runs = RUNS) {
    await action(); // warm-up
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await action();
        times.push(performance.now() - start);
    }
    return median(times);
}

/** Graphviz dot on our DOT output, when dot is installed (Debian: graphviz); undefined otherwise or past the limit. */
function timeGraphviz(dot, work, limitS, args = []) {
    if (spawnSync('dot', ['-V']).error) {
        return undefined;
    }
    const file = join(work, 'graph.dot');
    writeFileSync(file, dot);
    const start = performance.now();
    const run = spawnSync('dot', ['-Tsvg', ...args, file, '-o', join(work, 'graph.svg')], { timeout: limitS * 1000 });
    return run.status === 0 ? performance.now() - start : Infinity;
}

function timeGenerate(cliEntry, file, out, formats, runs) {
    const times = [];
    for (let i = -1; i < runs; i++) {
        const start = performance.now();
        const run = spawnSync(process.execPath, [cliEntry, 'generate', file, '--out', out, '--format', formats], { encoding: 'utf8' });
        if (run.status !== 0) {
            throw new Error(`cxe generate exited with ${run.status}: ${run.stderr}`);
        }
        if (i >= 0) {
            times.push(performance.now() - start);
        }
    }
    return median(times);
}

/** models: [{ n, text, file }] from the validate benchmark. */
export async function benchDiagrams(models, cliEntry, work) {
    const rows = [];
    for (const { n, text, file } of models) {
        console.error(`bench: diagrams N=${n}…`);
        const graph = await firstViewGraph(text);
        const row = { n, nodes: graph.nodes.length, edges: graph.edges.length, grouped: graph.nodes.length < n };
        row.svgMs = await timeMs(async () => renderSvg(await layoutGraph(graph)), n >= 5000 ? 1 : RUNS);
        if (!row.grouped) {
            const defaults = { ...elkGraphOf(graph), layoutOptions: { 'elk.algorithm': 'layered' } };
            row.elkDefaultsMs = await timeMs(() => runElk(structuredClone(defaults)), n >= 500 ? 1 : RUNS);
            const dotDir = mkdtempSync(join(work, 'dot-'));
            row.dotMs = timeGraphviz(renderDot(graph), dotDir, 120);
            row.dotFastMs = timeGraphviz(renderDot(graph), dotDir, 120, ['-Gsplines=line', '-Gnslimit=1', '-Gmclimit=0.1']);
        }
        const out = mkdtempSync(join(work, 'generate-'));
        row.generateMs = timeGenerate(cliEntry, file, out, 'svg,mermaid,md', n >= 5000 ? 1 : 3);
        if (!row.grouped) {
            row.generateSvgMs = timeGenerate(cliEntry, file, mkdtempSync(join(work, 'svg-')), 'svg', 3);
            const fresh = spawnSync(process.execPath, [firstLayout, file], { encoding: 'utf8' });
            Object.assign(row, JSON.parse(fresh.stdout));
            const warmedUp = JSON.parse(spawnSync(process.execPath, [firstLayout, file, '--warm-up'], { encoding: 'utf8' }).stdout);
            Object.assign(row, { firstAfterWarmUpMs: warmedUp.firstMs, warmUpMs: warmedUp.warmUpMs });
            if (n >= 500) {
                const preview = JSON.parse(spawnSync(process.execPath, [previewFirstDrawing, file, String(PREVIEW_IDLE_MS)], { encoding: 'utf8' }).stdout);
                Object.assign(row, { previewFirstMs: preview.firstMs, previewWarmMs: preview.warmMs });
            }
        }
        rows.push(row);
    }
    return rows;
}

export function printDiagramTable(rows) {
    const ms = value => (value === undefined ? 'n/a' : value === Infinity ? '>120000' : value.toFixed(0));
    const header = ['N', 'nodes', 'edges', 'grouped', 'layout+svg ms', 'ELK defaults ms', 'dot ms', 'dot fast ms', 'generate svg,mermaid,md ms',
        'generate svg ms', 'first layout cpu ms', 'warm layout cpu ms', 'first after warm-up cpu ms', 'warm-up cpu ms',
        `server's first drawing after ${PREVIEW_IDLE_MS / 1000} s idle ms`, "server's later drawings ms"];
    const table = rows.map(r => [r.n, r.nodes, r.edges, r.grouped ? 'yes' : 'no', ms(r.svgMs), ms(r.elkDefaultsMs), ms(r.dotMs), ms(r.dotFastMs), ms(r.generateMs),
        ms(r.generateSvgMs), ms(r.firstMs), ms(r.warmMs), ms(r.firstAfterWarmUpMs), ms(r.warmUpMs),
        ms(r.previewFirstMs), ms(r.previewWarmMs)].map(String));
    const widths = header.map((title, i) => Math.max(title.length, ...table.map(row => row[i].length)));
    for (const row of [header, ...table]) {
        console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
    }
}
