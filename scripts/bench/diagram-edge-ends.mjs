// Where edges end on the nodes of every example view (issue 12, "arrowheads spread over a node's
// sides"): the most ends on one side of one node, how many busy nodes (4 ends or more) use more than
// one side, the closest two ends at one node, and the bends of all edges.
//   node scripts/bench/diagram-edge-ends.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { URI, buildWorkspace, createCxeBatchServices, layoutGraph, viewGraph, viewNames } from '@cxe/language';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));

/** The side of a node's box nearest to a point. */
function sideOf(node, point) {
    const distances = { W: Math.abs(point.x - node.x), E: Math.abs(point.x - node.x - node.width), N: Math.abs(point.y - node.y), S: Math.abs(point.y - node.y - node.height) };
    return Object.keys(distances).reduce((a, b) => (distances[b] < distances[a] ? b : a));
}

/** The figures of one laid-out view. */
function edgeEnds(laidOut) {
    const perSide = new Map();
    const perNode = new Map();
    let bends = 0;
    for (const { edge, points } of laidOut.edges) {
        bends += Math.max(0, points.length - 2);
        for (const [id, point] of [[edge.from, points[0]], [edge.to, points.at(-1)]]) {
            const node = laidOut.nodes.find(n => n.node.id === id);
            const key = `${id} ${sideOf(node, point)}`;
            perSide.set(key, (perSide.get(key) ?? 0) + 1);
            perNode.set(id, [...perNode.get(id) ?? [], point]);
        }
    }
    let closest = Infinity;
    for (const points of perNode.values()) {
        points.forEach((a, i) => points.slice(i + 1).forEach(b => { closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y)); }));
    }
    const busy = [...perNode.entries()].filter(([, points]) => points.length >= 4).map(([id]) => id);
    const sidesOf = id => [...perSide.keys()].filter(key => key.startsWith(`${id} `)).length;
    return { mostOnOneSide: Math.max(0, ...perSide.values()), busy: busy.length, busyOnSeveralSides: busy.filter(id => sidesOf(id) > 1).length, closest, bends };
}

export async function measureEdgeEnds() {
    const rows = [];
    for (const entry of readdirSync(examples, { withFileTypes: true }).filter(e => e.isDirectory() && e.name !== 'generated')) {
        const dir = join(examples, entry.name);
        const files = readdirSync(dir, { recursive: true }).filter(file => file.endsWith('.cxe')).sort();
        const { shared, Cxe } = createCxeBatchServices(EmptyFileSystem);
        await buildWorkspace(shared, files.map(file => ({ uri: URI.file(`/edge-ends/${file}`), text: readFileSync(join(dir, file), 'utf8') })));
        for (const ecosystem of Cxe.workspace.EcosystemModels.ecosystems()) {
            const model = Cxe.workspace.EcosystemModels.modelOf(ecosystem);
            for (const view of viewNames(model)) {
                rows.push({ name: `${ecosystem}.${view}`, ...edgeEnds(await layoutGraph(viewGraph(model, view, []))) });
            }
        }
    }
    return rows;
}

export function edgeEndsLine(rows) {
    const sum = key => rows.reduce((total, row) => total + row[key], 0);
    return `edge ends: at most ${Math.max(...rows.map(row => row.mostOnOneSide))} on one side of a node; `
        + `${sum('busyOnSeveralSides')}/${sum('busy')} busy nodes (4+ ends) on more than one side; `
        + `closest two ends at a node ${Math.min(...rows.map(row => row.closest)).toFixed(1)} px; ${sum('bends')} bends in ${rows.length} views`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const rows = await measureEdgeEnds();
    for (const row of rows) {
        console.log(`${row.name.padEnd(44)} most on one side ${String(row.mostOnOneSide).padStart(2)}  busy on >1 side ${row.busyOnSeveralSides}/${row.busy}  closest ${row.closest.toFixed(1)} px  bends ${row.bends}`);
    }
    console.log(edgeEndsLine(rows));
}
