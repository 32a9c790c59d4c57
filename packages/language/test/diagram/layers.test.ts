import assert from 'node:assert/strict';
import { type DiagramGraph, type DiagramNode, layoutGraph } from '../../src/index.js';

const node = (id: string, layer: number): DiagramNode => ({ id, kind: 'customer', label: id, layer, problems: { errors: 0, warnings: 0, codes: [] } });

describe('layout by layer (trace and impact views)', () => {
    for (const direction of ['right', 'down'] as const) {
        it(`nodes with a layer go in ${direction === 'right' ? 'columns' : 'rows'} by layer, whatever the edges say`, async () => {
            // Edges point against the layers: without partitioning, layered would put C first.
            const graph: DiagramGraph = {
                ecosystem: 'E', view: 'V', title: 'T', direction,
                nodes: [node('A', 0), node('B', 1), node('B2', 1), node('C', 2)],
                edges: [
                    { id: 'C->B', from: 'C', to: 'B', kind: 'backstage', values: [], via: [], tangible: false, money: false },
                    { id: 'B->A', from: 'B', to: 'A', kind: 'backstage', values: [], via: [], tangible: false, money: false },
                ],
            };
            const laidOut = await layoutGraph(graph);
            const at = (id: string) => laidOut.nodes.find(n => n.node.id === id)!;
            const axis = (id: string) => (direction === 'right' ? at(id).x : at(id).y);
            assert.ok(axis('A') < axis('B') && axis('B') < axis('C'), laidOut.nodes.map(n => `${n.node.id}@${n.x},${n.y}`).join(' '));
            assert.equal(axis('B'), axis('B2'));
        });
    }
});
