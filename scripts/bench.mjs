// `npm run bench`: times `cxe validate` on synthetic models of growing size against a bare-parse
// floor, breaks the in-process build into phases, prints a table and writes bench-results/latest.json.
// Run after `npm run build` (the npm script does both).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { DocumentState, EmptyFileSystem } from 'langium';
import { URI, createCxeBatchServices } from '@cxe/language';
import { benchDiagrams, printDiagramTable } from './bench/diagram-bench.mjs';
import { edgeEndsLine, measureEdgeEnds } from './bench/diagram-edge-ends.mjs';
import { folderLegibility, legibilityLine } from './bench/diagram-legibility.mjs';
import { measureStability, stabilityLine } from './bench/diagram-stability.mjs';
import { benchDiff, benchPackage } from './bench/diff-bench.mjs';
import { benchEditor } from './bench/editor-bench.mjs';
import { alias } from './esbuild-alias.mjs';
import { generateModel } from './bench/generate-model.mjs';
import { benchWalk } from './bench/walk-bench.mjs';
import { benchScale, printScale } from './bench/scale-bench.mjs';
import { benchWorkspaces, printWorkspaceTable } from './bench/workspace-server-bench.mjs';

const SIZES = [50, 500, 5000];
const RUNS = 5;
const PHASES = ['parse', 'indexScope', 'link', 'indexRefs', 'checks'];
const TARGETS = { validateMs: 1000, ratio: 1.6, growth: 12 };

const root = fileURLToPath(new URL('..', import.meta.url));
const cliEntry = join(root, 'packages/cli/bin/cxe.js');
const peakRss = join(root, 'scripts/bench/peak-rss.mjs');
const work = mkdtempSync(join(tmpdir(), 'cxe-bench-'));

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Bundles the bare-parse entry with the options of scripts/bundle.mjs that matter at run time. */
async function bundleBareParse() {
    const outfile = join(work, 'bare-parse.js');
    await bundle({
        entryPoints: [join(root, 'scripts/bench/bare-parse-entry.mjs')],
        alias,
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        minify: true,
        banner: { js: "import { createRequire as __cxeRequire } from 'node:module'; const require = __cxeRequire(import.meta.url);" },
        logLevel: 'warning',
    });
    return outfile;
}

/** Runs `node <entry> [args]` through peak-rss.mjs: resolves to its wall time (ms) and max RSS (KiB). */
function runOnce(entry, args) {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, [peakRss, entry, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
        let stderr = '';
        let rss = '';
        child.stdio[2].on('data', chunk => stderr += chunk);
        child.stdio[3].on('data', chunk => rss += chunk);
        child.on('error', reject);
        child.on('close', code => {
            const ms = performance.now() - start;
            // Exit code 0 only: a model with errors, or a crash, would not measure what we mean to.
            code === 0 ? resolve({ ms, rssKiB: Number(rss) }) : reject(new Error(`${entry} ${args.join(' ')} exited with ${code}\n${stderr}`));
        });
    });
}

/**
 * Times whole processes, each command given as [entry, args]: one warm-up run each (file cache, code
 * cache), then RUNS rounds. Rounds interleave the commands so that a slow spell of a shared machine
 * hits them alike. Resolves to each command's median wall time and peak RSS.
 */
async function timeProcesses(commands) {
    const runs = commands.map(() => []);
    for (let round = -1; round < RUNS; round++) {
        for (const [i, [entry, args]] of commands.entries()) {
            const run = await runOnce(entry, args);
            if (round >= 0) {
                runs[i].push(run);
            }
        }
    }
    return runs.map(list => ({
        ms: median(list.map(r => r.ms)),
        rssMiB: Math.max(...list.map(r => r.rssKiB)) / 1024,
        runsMs: list.map(r => Math.round(r.ms)), // kept in the JSON to judge the machine's noise
    }));
}

/** Builds one document with fresh services as the CLI does, timing each phase of the build (ms). */
async function buildPhases(text, uri) {
    const { shared, Cxe } = createCxeBatchServices(EmptyFileSystem);
    // Services are created on first use: build the lexer and parser (a grammar analysis of some tens
    // of ms) before the clock starts, so that "parse" is parsing only.
    void [Cxe.parser.Lexer, Cxe.parser.LangiumParser];
    const builder = shared.workspace.DocumentBuilder;
    const marks = {};
    const states = { scopes: DocumentState.ComputedScopes, linked: DocumentState.Linked, indexedRefs: DocumentState.IndexedReferences, validated: DocumentState.Validated };
    for (const [phase, state] of Object.entries(states)) {
        builder.onBuildPhase(state, () => { marks[phase] = performance.now(); });
    }
    const start = performance.now();
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(uri));
    const parsed = performance.now();
    shared.workspace.LangiumDocuments.addDocument(document);
    await builder.build([document], { validation: true });
    const diagnostics = document.diagnostics ?? [];
    return {
        parse: parsed - start,
        indexScope: marks.scopes - parsed,
        link: marks.linked - marks.scopes,
        indexRefs: marks.indexedRefs - marks.linked,
        checks: marks.validated - marks.indexedRefs,
        errors: diagnostics.filter(d => d.severity === 1).length, // LSP DiagnosticSeverity.Error
        warnings: diagnostics.filter(d => d.severity === 2).length, // LSP DiagnosticSeverity.Warning
    };
}

async function timePhases(text, uri) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
        runs.push(await buildPhases(text, uri));
    }
    const phases = {};
    for (const phase of PHASES) {
        phases[phase] = median(runs.map(r => r[phase]));
    }
    return { phases, errors: runs[0].errors, warnings: runs[0].warnings };
}

function printTable(results) {
    const header = ['N', 'size KiB', 'actors', 'flows', 'err/warn', 'validate ms', 'peak RSS MiB', 'bare-parse ms', 'ratio',
        'parse ms', 'index+scope ms', 'link ms', 'index refs ms', 'checks ms'];
    const rows = results.map(r => [r.n, (r.bytes / 1024).toFixed(0), r.actors, r.flows, `${r.errors}/${r.warnings}`,
        r.validate.ms.toFixed(0), r.validate.rssMiB.toFixed(0), r.bareParse.ms.toFixed(0), r.ratio.toFixed(2),
        ...PHASES.map(phase => r.phases[phase].toFixed(1))].map(String));
    const widths = header.map((title, i) => Math.max(title.length, ...rows.map(row => row[i].length)));
    for (const row of [header, ...rows]) {
        console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
    }
}

try {
    const bareParse = await bundleBareParse();
    const models = SIZES.map(n => {
        const { text, stats } = generateModel(n);
        const file = join(work, `synthetic-${n}.cxe`);
        writeFileSync(file, text);
        return { n, text, stats, file };
    });

    await buildPhases(models[0].text, models[0].file); // warm up the in-process JIT
    const results = [];
    for (const { n, text, stats, file } of models) {
        console.error(`bench: N=${n}…`);
        const [validate, bare] = await timeProcesses([[cliEntry, ['validate', file, '--format', 'json']], [bareParse, [file]]]);
        const { phases, errors, warnings } = await timePhases(text, file);
        results.push({
            n, bytes: Buffer.byteLength(text), actors: stats.actors, flows: stats.flows, errors, warnings,
            validate, bareParse: bare, ratio: validate.ms / bare.ms, phases,
        });
    }

    const large = results.at(-1);
    const growth = large.validate.ms / results.at(-2).validate.ms;
    const targets = [
        { target: `N=${large.n} validate median (ms)`, value: large.validate.ms, limit: TARGETS.validateMs },
        { target: `N=${large.n} validate / bare parse (x)`, value: large.ratio, limit: TARGETS.ratio },
        { target: `growth validate(N=${large.n}) / validate(N=${results.at(-2).n}) (x)`, value: growth, limit: TARGETS.growth },
    ].map(t => ({ ...t, pass: t.value <= t.limit }));

    console.log(`\ncxe validate benchmark (Node ${process.version}; median of ${RUNS} runs after a warm-up; phases in-process)\n`);
    printTable(results);
    console.log('\nTargets (informational):');
    targets.forEach(t => console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.value.toFixed(2)} <= ${t.limit}`));

    const diagrams = await benchDiagrams(models, cliEntry, work);
    const [small, medium, huge] = diagrams;
    const diagramTargets = [
        { target: `N=${small.n} view layout + SVG (ms)`, value: small.svgMs, limit: 150 },
        { target: `N=${medium.n} view layout + SVG (ms)`, value: medium.svgMs, limit: 2000 },
        { target: `N=${medium.n} ELK defaults / ours (x)`, value: medium.elkDefaultsMs / medium.svgMs, limit: 3.5, atLeast: true },
        { target: `N=${medium.n} cxe generate svg,mermaid,md (ms)`, value: medium.generateMs, limit: 3000 },
        { target: `N=${huge.n} cxe generate (ms, grouped: ${huge.grouped})`, value: huge.generateMs, limit: 60000 },
        { target: `N=${medium.n} whole-process cxe generate --format svg / ELK defaults layout (x)`, value: medium.generateSvgMs / medium.elkDefaultsMs, limit: 0.3 },
        { target: `N=${medium.n} first layout in a fresh process / warm layout (x)`, value: medium.firstMs / medium.warmMs, limit: 1.5 },
    ].map(t => ({ ...t, pass: t.atLeast ? t.value >= t.limit : t.value <= t.limit }));
    console.log(`\ndiagram benchmark (median of ${RUNS} in process, 3 whole processes; the N=5000 view is one run)\n`);
    printDiagramTable(diagrams);
    console.log('\nTargets (informational):');
    diagramTargets.forEach(t => console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.value.toFixed(2)} ${t.atLeast ? '>=' : '<='} ${t.limit}`));

    const stability = await measureStability(20, 1);
    console.log(`\n${stabilityLine(stability)} (aim: at least 90%)`);
    const legibility = folderLegibility(join(root, 'examples/generated'));
    console.log(legibilityLine(legibility));
    console.log(edgeEndsLine(await measureEdgeEnds()));

    const walk = await benchWalk(models, timeProcesses, cliEntry);
    const walkTargets = [
        { target: `N=${walk.n} cxe trace ${walk.journey} / cxe validate (x)`, value: walk.ratio, limit: 1.2 },
        { target: `N=${walk.n} walk in process, index built for a fresh model state (ms)`, value: walk.walkColdMs, limit: 20 },
    ].map(t => ({ ...t, pass: t.value <= t.limit }));
    console.log(`\ntrace and impact, N=${walk.n} (${walk.edges} relations; trace of ${walk.journey} reaches ${walk.reached} elements): `
        + `cxe validate ${walk.validateMs.toFixed(0)} ms, cxe trace ${walk.traceMs.toFixed(0)} ms (median of ${RUNS} processes); in process `
        + `(median of 15): relation index ${walk.indexMs.toFixed(2)} ms, index + walk ${walk.walkColdMs.toFixed(2)} ms, walk on a built index `
        + `${walk.walkWarmMs.toFixed(2)} ms; N=${walk.mediumN} pain-point check per validation ${walk.painPointCheckMs.toFixed(2)} ms`);
    console.log('Targets (informational):');
    walkTargets.forEach(t => console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.value.toFixed(2)} <= ${t.limit}`));

    const editor = await benchEditor(models[1].text);
    console.log(`\nlanguage server, N=${models[1].n} (in process, median of 15): keystroke to validated diagnostics `
        + `${editor.diagnosticsMs.toFixed(1)} ms (target 150), completion after '->' ${editor.completionMs.toFixed(1)} ms `
        + `(target 50, ${editor.completionItems} items), hover on a journey ${editor.hoverMs.toFixed(1)} ms, the file's code lenses ${editor.codeLensMs.toFixed(1)} ms`);

    const workspaces = await benchWorkspaces({ keystrokes: 100 });
    console.log('\nlanguage server over multi-file workspaces (the bundled server on stdio; medians over the keystrokes, '
        + 'memory after loading and after 100 keystrokes)\n');
    printWorkspaceTable(workspaces.results);
    console.log('Targets (informational):');
    workspaces.targets.forEach(t => console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.value.toFixed(2)} <= ${t.limit}`));

    const diff = await benchDiff(models.at(-1), cliEntry, work, timeProcesses);
    console.log(`\ncxe diff, N=${diff.n} with ${diff.changed} elements changed (whole processes, median of ${RUNS}): `
        + `${diff.diff.ms.toFixed(0)} ms vs cxe validate ${diff.validate.ms.toFixed(0)} ms = ${diff.ratio.toFixed(2)}x `
        + `(${diff.ratio <= 2.2 ? 'PASS' : 'MISS'}, target 2.2x); peak RSS ${diff.diff.rssMiB.toFixed(0)} MiB vs ${diff.validate.rssMiB.toFixed(0)} MiB`);
    const pack = benchPackage(root);
    console.log(`packed CLI: ${pack.tarballKiB.toFixed(0)} KiB tarball; npm install into an empty folder ${pack.installMs.toFixed(0)} ms `
        + `(median of ${pack.installRunsMs.length}, from the npm cache: ${pack.installRunsMs.join(', ')} ms)`);

    const scale = await benchScale({ cliEntry, work, timeProcesses, runOnce });
    printScale(scale);

    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results/latest.json'), JSON.stringify({
        date: new Date().toISOString(), node: process.version, runs: RUNS, results, growth, targets, diagrams, diagramTargets, stability, legibility, walk, walkTargets, editor, workspaces, diff, pack, scale,
    }, (_key, value) => (value === Infinity ? 'timeout' : value), 2) + '\n');
} finally {
    rmSync(work, { recursive: true, force: true });
}
