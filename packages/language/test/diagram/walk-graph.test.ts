import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildDiagramGraph, layoutGraph } from '../../src/index.js';
import { traceDir } from '../shared-design.js';
import { servicesFor } from './diagram-helpers.js';

const traceModels = Object.fromEntries(readdirSync(traceDir).filter(name => name.endsWith('.cxe')).map(name => [name, readFileSync(path.join(traceDir, name), 'utf8')]));

describe('trace and impact diagrams', () => {
    it('a trace view: layers by depth, causes first and the start last, edges labelled with the relation', async () => {
        const model = (await servicesFor(traceModels)).workspace.EcosystemModels.modelOf('Installs');
        const graph = buildDiagramGraph(model, 'WhyVisitsFail', []);
        const layerOf = new Map(graph.nodes.map(node => [node.id, node.layer]));
        assert.equal(layerOf.get('HomeVisit'), 2);
        assert.deepEqual(graph.nodes.filter(node => node.focus).map(node => node.id), ['HomeVisit']);
        for (const name of ['Cable', 'ContractTech', 'Install', 'Working', 'Scheduling', 'Dispatch']) {
            assert.equal(layerOf.get(name), 1, name);
        }
        for (const name of ['PayPerJob', 'NoDrilling', 'FibreShift', 'Workforce']) {
            assert.equal(layerOf.get(name), 0, name);
        }
        assert.deepEqual(graph.nodes.map(node => node.kind).filter((kind, i, all) => all.indexOf(kind) === i).sort(),
            ['employee', 'exchange', 'factor', 'organization', 'policy', 'process', 'system', 'touchpoint', 'value']);
        const edge = graph.edges.find(candidate => candidate.from === 'PayPerJob');
        assert.deepEqual([edge?.to, edge?.note], ['ContractTech', 'affects']);
        assert.ok(graph.edges.every(e => layerOf.get(e.from)! + 1 === layerOf.get(e.to)), 'every edge goes one layer on');
        // Laid out, each layer is a column of its own: every node of a layer lies left of every node of the next.
        const laidOut = await layoutGraph(graph);
        const columns = [0, 1, 2].map(layer => laidOut.nodes.filter(node => node.node.layer === layer));
        for (const layer of [0, 1]) {
            const right = Math.max(...columns[layer].map(node => node.x + node.width));
            assert.ok(columns[layer + 1].every(node => node.x > right), `layer ${layer + 1} starts after layer ${layer} ends`);
        }
        for (const [layer, column] of columns.entries()) {
            const overlap = Math.min(...column.map(node => node.x + node.width)) - Math.max(...column.map(node => node.x));
            assert.ok(overlap > 0, `the nodes of layer ${layer} share one column`);
        }
    });

    it('an impact view: the start first, the journey it reaches last; laid out left to right by layer', async () => {
        const model = (await servicesFor(traceModels)).workspace.EcosystemModels.modelOf('Installs');
        const graph = buildDiagramGraph(model, 'FibreRipples', []);
        assert.deepEqual(graph.nodes.map(node => `${node.kind}:${node.id}@${node.layer}`),
            ['factor:FibreShift@0', 'employee:ContractTech@1', 'touchpoint:HomeVisit@2', 'journey:GettingInstalled@3']);
        const laidOut = await layoutGraph(graph);
        const x = laidOut.nodes.map(node => node.x);
        assert.deepEqual(x, [...x].sort((a, b) => a - b));
        assert.ok(new Set(x).size === 4);
    });

    it('include adds elements to a walk, exclude removes them, and an unresolved start draws nothing', async () => {
        const files = {
            'a.cxe': `ecosystem A
customer C
touchpoint T
system S { supports T }
policy P { affects T }
journey J for C { step X at T }
view V { trace J  exclude policy  include C }
view Lost { trace Nowhere }
`,
        };
        const model = (await servicesFor(files)).workspace.EcosystemModels.modelOf('A');
        assert.deepEqual(buildDiagramGraph(model, 'V', []).nodes.map(node => node.id).sort(), ['C', 'J', 'S', 'T']);
        assert.deepEqual(buildDiagramGraph(model, 'Lost', []).nodes, []);
    });
});
