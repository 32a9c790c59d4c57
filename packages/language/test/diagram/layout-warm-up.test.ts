import assert from 'node:assert/strict';
import { layoutGraph, viewGraph, viewNames, warmUpLayout } from '../../src/index.js';
import { servicesFor, syntheticNetwork } from './diagram-helpers.js';

describe('layout warm-up', () => {
    it('leaves no trace: a view is laid out the same before and after a warm-up, small and large', async function () {
        this.timeout(120_000);
        for (const actors of [8, 45]) {
            const services = await servicesFor({ 'network.cxe': syntheticNetwork(actors, 7) });
            const model = services.workspace.EcosystemModels.modelOf(`Synthetic${actors}`);
            const graph = viewGraph(model, viewNames(model)[0], []);
            const before = await layoutGraph(graph);
            await warmUpLayout();
            assert.deepEqual(await layoutGraph(graph), before);
        }
    });

    it('stops between layouts when asked to', async () => {
        let asked = 0;
        await warmUpLayout(() => ++asked > 1);
        assert.equal(asked, 2, 'one layout, then the answer that stops it');
    });
});
