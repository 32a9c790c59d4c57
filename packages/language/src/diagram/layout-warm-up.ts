import type { DiagramEdge, DiagramGraph, DiagramNode, NodeKind } from './diagram-graph.js';
import { layoutGraph } from './layout.js';

/**
 * A fresh process lays out its first drawing two to three times slower than later ones: V8 runs ELK's
 * code in its interpreter until it has compiled the hot parts (about 770 functions are optimised
 * during a first 500-actor layout, 330 more during the second; with optimisation turned off every
 * layout is as slow as the first). Flags that tier up sooner do not change that; running the same
 * code does. So a process that will draw, and has time before it knows what (while it parses), lays
 * out made-up views of both sizes the layout treats differently (docs/diagrams.md).
 */
export async function warmUpLayout(stop: () => boolean = () => false): Promise<void> {
    const graphs = [madeUpNetwork(SMALL), madeUpNetwork(LARGE)];
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
        for (const graph of graphs) {
            if (stop()) {
                return;
            }
            await layoutGraph(graph);
        }
    }
}

/** Measured on the 500-actor view: more rounds cost more than the first layout then saves. */
const WARM_UP_ROUNDS = 2;

/** A small view (every candidate layout is tried) and a large one (the fast settings). */
const [SMALL, LARGE] = [12, 90];

const KINDS: readonly NodeKind[] = ['organization', 'customer', 'partner', 'employee', 'thirdparty'];

/**
 * A value network of `size` actors, trading with the first and now and then with another, each pair
 * exchanging money one way and a product the other (deterministic: no randomness).
 */
function madeUpNetwork(size: number): DiagramGraph {
    const nodes: DiagramNode[] = Array.from({ length: size }, (_, i) => ({
        id: `A${i}`, kind: KINDS[i % KINDS.length], label: `Actor number ${i}`, problems: { errors: 0, warnings: 0, codes: [] },
    }));
    const edges: DiagramEdge[] = [];
    const trade = (from: number, to: number) => {
        const [good, fee] = [{ name: `Good${from}`, label: `Good ${from}`, kind: 'product' }, { name: `Fee${from}`, label: `Fee ${from}`, kind: 'money' }];
        edges.push({
            id: `A${from}--A${to}`, from: `A${from}`, to: `A${to}`, kind: 'flow', values: [good, fee],
            flows: [{ from: `A${from}`, to: `A${to}`, values: [good], via: [] }, { from: `A${to}`, to: `A${from}`, values: [fee], via: [] }],
            via: [], tangible: true, money: true,
        });
    };
    for (let i = 1; i < size; i++) {
        trade(0, i);
        if (i % 3 === 0) {
            trade(i, Math.floor(i / 2));
        }
    }
    return { ecosystem: 'WarmUp', view: 'warm-up', title: 'Warm-up', direction: 'right', nodes, edges };
}
