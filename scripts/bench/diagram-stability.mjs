// Layout stability under small edits (issue 12): over seeded one-flow edits of the examples (a flow
// added between two actors a view shows, or one flow removed), the fraction of node pairs whose
// left-right and top-bottom order is kept. Part of `npm run bench`; standalone:
//   node scripts/bench/diagram-stability.mjs [--edits 20] [--seed 1]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { prng } from './generate-model.mjs';
import { URI, buildWorkspace, createCxeBatchServices, layoutGraph, viewGraph, viewNames } from '@cxe/language';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));

function exampleWorkspaces() {
    return readdirSync(examples, { withFileTypes: true }).filter(entry => entry.isDirectory() && entry.name !== 'generated').map(entry => {
        const dir = join(examples, entry.name);
        const files = readdirSync(dir, { recursive: true }).filter(file => file.endsWith('.cxe')).sort();
        return Object.fromEntries(files.map(file => [file, readFileSync(join(dir, file), 'utf8')]));
    });
}

/** Every view of a workspace, laid out: Map<"ecosystem.view", { graph, positions: Map<id, {x, y}> }>. */
async function layouts(files) {
    const { shared, Cxe } = createCxeBatchServices(EmptyFileSystem);
    await buildWorkspace(shared, Object.entries(files).map(([name, text]) => ({ uri: URI.file(`/stability/${name}`), text })));
    const result = new Map();
    for (const ecosystem of Cxe.workspace.EcosystemModels.ecosystems()) {
        const model = Cxe.workspace.EcosystemModels.modelOf(ecosystem);
        for (const view of viewNames(model)) {
            const graph = viewGraph(model, view, Cxe.workspace.Findings.findingsOf(ecosystem));
            const laidOut = await layoutGraph(graph);
            result.set(`${ecosystem}.${view}`, {
                graph,
                positions: new Map(laidOut.nodes.map(node => [node.node.id, { x: node.x + node.width / 2, y: node.y + node.height / 2 }])),
            });
        }
    }
    return result;
}

/** One seeded edit of a workspace: add a flow between two shown actors of a view, or remove one flow line. */
function editOne(files, before, random) {
    const views = [...before.values()].filter(({ graph }) => graph.nodes.length >= 3);
    const { graph } = views[Math.floor(random() * views.length)];
    const flowLines = Object.entries(files).flatMap(([file, text]) => text.split('\n').map((line, i) => ({ file, i, line })))
        .filter(({ line }) => /^\s*(exchange\s+)?\w+\s*->\s*\w+\s*:/.test(line));
    if (random() < 0.5 && flowLines.length > 0) {
        const { file, i, line } = flowLines[Math.floor(random() * flowLines.length)];
        const lines = files[file].split('\n');
        lines[i] = line.trimStart().startsWith('exchange') ? '' : `${line.slice(0, line.length - line.trimStart().length)}// removed`;
        return { ...files, [file]: lines.join('\n') };
    }
    const actors = graph.nodes.filter(node => node.kind !== 'factor').map(node => node.id);
    const from = actors[Math.floor(random() * actors.length)];
    const to = actors.filter(id => id !== from)[Math.floor(random() * (actors.length - 1))];
    const value = graph.edges.flatMap(edge => edge.values.map(v => v.name))[0];
    return { ...files, 'zz-edit.cxe': `ecosystem ${graph.ecosystem}\nexchange ${from} -> ${to} : ${value}\n` };
}

function sign(d) {
    return Math.abs(d) < 1 ? 0 : Math.sign(d);
}

/** What an edit can change in a view's drawing: its edges and what they carry. */
function edgeSignature(graph) {
    return JSON.stringify(graph.edges.map(edge => [edge.id, edge.flows ?? edge.values]));
}

/**
 * Fraction of node pairs (present before and after) whose horizontal and vertical order are both
 * kept, over the views the edit changed (an untouched view would count as perfectly stable).
 */
function keptPairs(before, after) {
    let kept = 0;
    let total = 0;
    for (const [key, { graph, positions }] of before) {
        const changed = after.get(key);
        if (!changed || edgeSignature(changed.graph) === edgeSignature(graph)) {
            continue;
        }
        const again = changed.positions;
        const ids = [...positions.keys()].filter(id => again.has(id));
        for (let i = 0; i < ids.length; i++) {
            for (let j = i + 1; j < ids.length; j++) {
                const [a, b, a2, b2] = [positions.get(ids[i]), positions.get(ids[j]), again.get(ids[i]), again.get(ids[j])];
                total++;
                if (sign(a.x - b.x) === sign(a2.x - b2.x) && sign(a.y - b.y) === sign(a2.y - b2.y)) {
                    kept++;
                }
            }
        }
    }
    return { kept, total };
}

/** Runs `edits` seeded one-flow edits, spread over the example workspaces. */
export async function measureStability(edits = 20, seed = 1) {
    const random = prng(seed);
    const workspaces = exampleWorkspaces();
    const baselines = [];
    for (const files of workspaces) {
        baselines.push(await layouts(files));
    }
    let kept = 0;
    let total = 0;
    for (let edit = 0; edit < edits; edit++) {
        const w = edit % workspaces.length;
        const after = await layouts(editOne(workspaces[w], baselines[w], random));
        const pairs = keptPairs(baselines[w], after);
        kept += pairs.kept;
        total += pairs.total;
    }
    return { edits, pairs: total, kept: total === 0 ? 1 : kept / total };
}

export function stabilityLine({ edits, pairs, kept }) {
    return `layout stability: ${edits} one-flow edits of the examples, ${pairs} node pairs in the views they changed, `
        + `${(kept * 100).toFixed(1)}% keep their left-right and top-bottom order`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const arg = name => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : undefined; };
    const result = await measureStability(arg('--edits') ?? 20, arg('--seed') ?? 1);
    console.log(stabilityLine(result));
}
