import type { DiagramEdge, DiagramGraph, DiagramNode, NodeKind } from './diagram-graph.js';
import { layoutGraph } from './layout.js';

/**
 * A fresh process lays out its first drawing two to three times slower than later ones: V8 runs ELK's
 * code in its interpreter until it has compiled the hot parts (about 770 functions are optimised
 * during a first 500-actor layout, 330 more during the second; with optimisation turned off every
 * layout is as slow as the first). Flags that tier up sooner do not change that; running the same
 * code does. So a process that will draw, and has time before it knows what (while it parses), lays
 * out made-up views of both sizes the layout treats differently (docs/diagrams.md). `stop` is asked
 * before each layout; it may wait for a good moment.
 */
export async function warmUpLayout(stop: () => boolean | Promise<boolean> = () => false): Promise<void> {
    for (const size of WARM_UP_SIZES) {
        if (await stop()) {
            return;
        }
        await layoutGraph(madeUpNetwork(size));
    }
}

/**
 * The views laid out, by number of actors: two (loading ELK and its first call take a third of a
 * second), then large views (the fast settings: what makes a slow first drawing; they grow, so that a
 * drawing asked for early waits for a short one) and small ones (every candidate layout is tried).
 * Measured on the 500-actor view (CPU time, one process each): a first layout of 3.0 s, 1.9 s for
 * the second, 1.1-1.2 s from the third; after this warm-up (2.7 s) 1.5 s. Larger warm-up views
 * (200 actors) did no better; smaller ones (50) left 1.8 s.
 */
const WARM_UP_SIZES = [2, 50, 12, 100, 12, 100, 12, 100, 12];

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
