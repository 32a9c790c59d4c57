import assert from 'node:assert/strict';
import type { ResolvedFlow } from '../src/model/ecosystem-model.js';
import { TestWorkspace } from './helpers.js';

/**
 * An actor's flows: the model reads the first actors' flows from their reference sites, then (past
 * 64 actors, as a check of a whole ecosystem asks) groups every actor's flows in one pass. Either
 * way, each actor gets the flows naming it as giver or receiver, in model order.
 */
describe('an ecosystem model: the flows of each actor', () => {
    /** `count` actors over two files; each gives to the next and receives from a seventh further on, now and then from itself. */
    const workspace = (count: number) => {
        const actors = Array.from({ length: count }, (_, i) => `A${i}`);
        const exchanges = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => {
            const i = from + k;
            const flows = [`${actors[i]} -> ${actors[(i + 1) % count]} : V`, `${actors[(i * 7) % count]} -> ${actors[i]} : V`];
            return `exchange X${i} { ${(i % 9 === 0 ? [...flows, `${actors[i]} -> ${actors[i]} : V`] : flows).join('\n  ')} }`;
        }).join('\n');
        return TestWorkspace.of({
            // b.cxe comes after a.cxe in model order (files in URI order) though it declares the actors.
            'a.cxe': `ecosystem E\n${exchanges(count / 2, count)}\n`,
            'b.cxe': `ecosystem E\nvalue V money\n${actors.map(name => `partner ${name} { seeks V }`).join('\n')}\n${exchanges(0, count / 2)}\n`,
        });
    };
    const where = (flows: readonly ResolvedFlow[]) => flows.map(flow => `${flow.exchange.name}.${flow.exchange.flows.indexOf(flow.node)}`);

    // 30 actors: every actor's flows come from its sites; 100: from the one pass, once the checks asked 64.
    for (const count of [30, 100]) {
        it(`are the flows naming it, in model order, for every actor of a ${count}-actor ecosystem`, async () => {
            const ws = await workspace(count);
            const model = ws.services.Cxe.workspace.EcosystemModels.modelFor(ws.document('a.cxe'))!;
            assert.equal(model.actors.length, count);
            for (const actor of model.actors) {
                const { gives, receives } = model.flowsOf(actor);
                assert.deepEqual(where(gives), where(model.flows.filter(flow => flow.giver === actor)), `${actor.name} gives`);
                assert.deepEqual(where(receives), where(model.flows.filter(flow => flow.receiver === actor)), `${actor.name} receives`);
            }
        });
    }
});
