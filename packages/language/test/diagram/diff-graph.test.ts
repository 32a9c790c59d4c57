import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';
import { type DiagramGraph, diffGraph, layoutGraph, renderSvg, viewGraph } from '../../src/index.js';
import { servicesFor } from './diagram-helpers.js';

const before = `ecosystem Shop
customer Buyer { seeks Goods }
organization Maker { seeks Cash }
partner Courier "Courier" { seeks Cash }
value Goods product
value Cash money
exchange Sale { Maker -> Buyer : Goods
  Buyer -> Maker : Cash }
exchange Maker -> Courier : Cash
`;

async function graphOf(text: string): Promise<DiagramGraph> {
    const services = await servicesFor({ 'a.cxe': text });
    const model = services.workspace.EcosystemModels.modelOf('Shop');
    return viewGraph(model, 'overview', services.workspace.Findings.findingsOf('Shop'));
}

const changes = (graph: DiagramGraph | undefined) => [
    ...(graph?.nodes ?? []).filter(n => n.change).map(n => `${n.change} ${n.id}`),
    ...(graph?.edges ?? []).filter(e => e.change).map(e => `${e.change} ${e.id}`),
];

describe('diff diagrams', () => {
    it('are not drawn for a view whose drawing did not change (problem badges aside)', async () => {
        const old = await graphOf(before);
        assert.equal(diffGraph(old, await graphOf(before), new Set()), undefined);
        assert.equal(diffGraph(old, await graphOf(`${before}value Spare money\n`), new Set()), undefined);
    });

    it('mark added, changed and removed nodes and edges; removed ones are kept to be drawn ghosted', async () => {
        const after = before.replace('partner Courier "Courier"', 'partner Courier "Parcel courier"')
            .replace('exchange Maker -> Courier : Cash\n', 'thirdparty Reviews { seeks Goods }\nexchange Maker -> Reviews : Goods\n')
            .replace('Buyer -> Maker : Cash', 'Buyer -> Maker : Cash, Goods');
        const graph = diffGraph(await graphOf(before), await graphOf(after), new Set());
        assert.deepEqual(changes(graph).sort(), [
            'added Reviews',
            'changed Courier',
            'removed ' + (await graphOf(before)).edges.find(e => e.to === 'Courier')!.id,
            'added ' + (await graphOf(after)).edges.find(e => e.to === 'Reviews')!.id,
            'changed ' + (await graphOf(after)).edges.find(e => [e.from, e.to].includes('Buyer'))!.id,
        ].sort());
    });

    it('match edges by what they join, not by the numbering of anonymous exchanges', async () => {
        const moved = before.replace('exchange Maker -> Courier : Cash\n', '')
            .replace('exchange Sale', 'exchange Buyer -> Courier : Cash\nexchange Maker -> Courier : Cash\nexchange Sale');
        const graph = diffGraph(await graphOf(before), await graphOf(moved), new Set());
        assert.deepEqual(changes(graph).map(c => c.split(' ')[0]), ['added']);
    });

    it('mark an element whose clauses changed even when the drawing shows nothing of it', async () => {
        const graph = diffGraph(await graphOf(before), await graphOf(before), new Set(['Buyer']));
        assert.deepEqual(changes(graph), ['changed Buyer']);
    });

    it('draw the change in the one SVG renderer, with a legend of the kinds of change shown', async () => {
        const after = before.replace('partner Courier "Courier" { seeks Cash }\n', '')
            .replace('exchange Maker -> Courier : Cash\n', 'partner Van { seeks Cash }\nexchange Maker -> Van : Cash\n');
        const svg = renderSvg(await layoutGraph(diffGraph(await graphOf(before), await graphOf(after), new Set())!));
        assert.equal(XMLValidator.validate(svg), true);
        assert.deepEqual([...svg.matchAll(/data-cxe-change="(\w+)"/g)].map(m => m[1]).sort(), ['added', 'added', 'removed', 'removed']);
        assert.match(svg, />added<\/text>/);
        assert.match(svg, />removed \(ghosted\)<\/text>/);
        assert.doesNotMatch(svg, />changed<\/text>/);
        assert.match(svg, /<g opacity="0.45"><g data-cxe-element="Courier"/);
    });
});
