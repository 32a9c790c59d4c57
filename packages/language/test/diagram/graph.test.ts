import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDiagramGraph, groupByKind, sourceLocations, viewGraph, viewNames } from '../../src/index.js';
import { conformanceDir } from '../shared-design.js';
import { servicesFor } from './diagram-helpers.js';

const conformance = (name: string) => readFileSync(path.join(conformanceDir, name), 'utf8');

describe('diagram graph', () => {
    it('a view shows its included actors, minus the excluded, across files', async () => {
        const services = await servicesFor({ 'acme.cxe': conformance('acme.cxe'), 'acme-channel.cxe': conformance('acme-channel.cxe') });
        const model = services.workspace.EcosystemModels.modelOf('AcmeSoftware');
        assert.deepEqual(viewNames(model), ['PartnerMap']);
        const graph = buildDiagramGraph(model, 'PartnerMap', []);
        assert.deepEqual(graph.nodes.map(n => `${n.kind}:${n.id}`), ['partner:Distributor', 'organization:Acme', 'customer:ITManager', 'partner:Reseller']);
        assert.equal(graph.title, 'Acme Software customer experience ecosystem — Partner value map');
        assert.equal(graph.direction, 'right');
    });

    it('draws one edge per pair of actors carrying both directions, among shown actors only; every flow is kept', async () => {
        const services = await servicesFor({ 'acme.cxe': conformance('acme.cxe'), 'acme-channel.cxe': conformance('acme-channel.cxe') });
        const graph = buildDiagramGraph(services.workspace.EcosystemModels.modelOf('AcmeSoftware'), 'PartnerMap', []);
        const edges = graph.edges.map(e => `${e.id} [${e.values.map(v => v.name).join(',')}]${e.via.length ? ` via ${e.via}` : ''} ${e.money ? 'money' : e.tangible ? 'tangible' : 'intangible'}`);
        assert.deepEqual(edges, [
            'Acme<->Distributor [WholesaleMargin,CustomerAccess] via Partner desk money',
            'Distributor<->Reseller [QualityProduct,WholesaleFee] money',
            'ITManager<->Reseller [SubscriptionFee,QualityProduct] via Customer portal money',
            'Reseller<->Acme [WholesaleFee,RevenueShare,SalesSupport,CustomerAccess] via Partner desk money',
        ]);
        const flows = graph.edges.find(e => e.id === 'Distributor<->Reseller')?.flows?.map(f => `${f.exchange}: ${f.from}->${f.to} ${f.values.map(v => v.name)}`);
        assert.deepEqual(flows, ['Regional distribution: Distributor->Reseller QualityProduct', 'Regional distribution: Reseller->Distributor WholesaleFee']);
    });

    it('the implied view: every actor and factor, dotted influences, intangible flows, problems on nodes', async () => {
        const text = `ecosystem Small "Small"
customer Buyer "Buyer" { seeks Advice  size 1200 }
partner Advisor { seeks Fee }
thirdparty Idle
value Advice "Advice" information
value Fee money
exchange Advisor -> Buyer : Advice
exchange Buyer -> Advisor : Fee
environment Boom "Boom" { category economic  trend rising  affects Buyer "spends more"  affects Advice }
`;
        const services = await servicesFor({ 'small.cxe': text });
        const model = services.workspace.EcosystemModels.modelOf('Small');
        const problems = services.workspace.Findings.findingsOf('Small');
        assert.deepEqual(viewNames(model), ['overview']);
        const graph = buildDiagramGraph(model, 'overview', problems);
        assert.deepEqual(graph.nodes.map(n => [n.id, n.detail ?? '', n.problems.warnings, n.problems.codes.join()]), [
            ['Buyer', '1,200 people', 0, ''], ['Advisor', '', 0, ''], ['Idle', '', 1, 'no-declared-value'], ['Boom', 'economic · rising · affects Advice', 0, '']]);
        const byId = new Map(graph.edges.map(e => [e.id, e]));
        assert.equal(byId.get('Advisor<->Buyer')?.money, true);
        assert.deepEqual(byId.get('Advisor<->Buyer')?.flows?.map(f => `${f.from}->${f.to}`), ['Advisor->Buyer', 'Buyer->Advisor']);
        assert.deepEqual(byId.get('Boom~>Buyer'), { id: 'Boom~>Buyer', from: 'Boom', to: 'Buyer', kind: 'affects', values: [], via: [], tangible: false, money: false, note: 'spends more' });
        assert.equal(graph.edges.length, 2, 'affecting a value object draws no edge');
    });

    it('shows touchpoints, systems, processes and policies only when a view includes them, with their relations', async () => {
        const text = `ecosystem Shop
customer Buyer { seeks Bread }
organization Baker { seeks Cash }
value Bread product
value Cash money
touchpoint Counter { channel store }
exchange Sale { Baker -> Buyer : Bread via Counter  Buyer -> Baker : Cash }
system Till { supports Counter, Sale  owner Baker }
process Baking { supports Sale  uses Till }
policy NoRefunds { affects Buyer, Baking }
view Everything { include *, touchpoint, system, process, policy }
view Backstage { include policy, process, Buyer }
view Actors { include * }
`;
        const services = await servicesFor({ 'shop.cxe': text });
        const model = services.workspace.EcosystemModels.modelOf('Shop');
        const everything = buildDiagramGraph(model, 'Everything', []);
        assert.deepEqual(everything.nodes.map(n => `${n.kind}:${n.id}${n.detail ? ` (${n.detail})` : ''}`), [
            'customer:Buyer', 'organization:Baker', 'touchpoint:Counter (store)', 'system:Till (supports Sale · owner: Baker)',
            'process:Baking (supports Sale)', 'policy:NoRefunds']);
        // The relations of the relation index: a system shapes the process that uses it (drawn "used by").
        assert.deepEqual(everything.edges.filter(e => e.kind === 'backstage').map(e => `${e.id} ${e.note}`), [
            'Till-supports->Counter supports', 'Till-uses->Baking used by', 'NoRefunds-affects->Buyer affects', 'NoRefunds-affects->Baking affects',
            'Counter-meets->Baker meets', 'Counter-meets->Buyer meets']);
        assert.deepEqual(buildDiagramGraph(model, 'Actors', []).nodes.map(n => n.id), ['Buyer', 'Baker'], '* alone means every actor');
        const backstage = buildDiagramGraph(model, 'Backstage', []);
        assert.deepEqual(backstage.nodes.map(n => n.id), ['Buyer', 'Baking', 'NoRefunds']);
        assert.deepEqual(backstage.edges.map(e => e.id), ['NoRefunds-affects->Buyer', 'NoRefunds-affects->Baking']);
        assert.deepEqual(buildDiagramGraph(model, 'Backstage', []).nodes.find(n => n.id === 'Baking')?.detail, 'supports Sale · uses Till');
    });

    it('maps every node and edge to the range of its source', async () => {
        const text = 'ecosystem E\ncustomer C { seeks V }\norganization O\nvalue V money\nexchange O -> C : V\n';
        const services = await servicesFor({ 'e.cxe': text });
        const model = services.workspace.EcosystemModels.modelOf('E');
        const sources = sourceLocations(model, buildDiagramGraph(model, 'overview', []));
        assert.deepEqual(Object.keys(sources).sort(), ['C', 'O', 'O<->C']);
        assert.deepEqual(sources.C.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } });
        assert.equal(sources['O<->C'].range.start.line, 4);
        assert.match(sources.C.uri, /e\.cxe$/);
    });

    it('an unknown view is an error, not an empty diagram', async () => {
        const services = await servicesFor({ 'e.cxe': 'ecosystem E\ncustomer C\n' });
        assert.throws(() => buildDiagramGraph(services.workspace.EcosystemModels.modelOf('E'), 'Nope', []), /has no view 'Nope'/);
    });

    it('a view too large to read becomes an overview with one node per kind', async () => {
        const actors = Array.from({ length: 700 }, (_, i) => `${['customer', 'partner', 'employee'][i % 3]} A${i} { seeks V }`).join('\n');
        const flows = Array.from({ length: 699 }, (_, i) => `exchange A${i} -> A${i + 1} : V`).join('\n');
        const services = await servicesFor({ 'big.cxe': `ecosystem Big\norganization Hub\nvalue V money\n${actors}\n${flows}\n` });
        const graph = viewGraph(services.workspace.EcosystemModels.modelOf('Big'), 'overview', []);
        assert.deepEqual(graph.nodes.map(n => `${n.id} ${n.detail}`), [
            'group_organization 1 in this view', 'group_customer 234 in this view', 'group_partner 233 in this view', 'group_employee 233 in this view']);
        assert.ok(graph.edges.length <= 9);
        assert.ok(graph.edges.every(e => e.exchange?.endsWith('exchanges')));
        assert.deepEqual(groupByKind(graph).nodes.length, 4, 'grouping is idempotent in size');
    });
});

describe('diagram options (the editor settings)', () => {
    it('default direction applies to views without layout, and factors can be hidden', async () => {
        const text = 'ecosystem E\ncustomer C { seeks V }\norganization O\nvalue V money\nexchange O -> C : V\n'
            + 'environment F { affects C }\nview Down { include * layout down }\n';
        const services = await servicesFor({ 'e.cxe': text });
        const model = services.workspace.EcosystemModels.modelOf('E');
        assert.equal(buildDiagramGraph(model, 'overview', [], { direction: 'down' }).direction, 'down');
        assert.equal(buildDiagramGraph(model, 'Down', [], { direction: 'right' }).direction, 'down', "a view's own layout wins");
        const hidden = buildDiagramGraph(model, 'overview', [], { showFactors: false });
        assert.deepEqual(hidden.nodes.map(n => n.id), ['C', 'O']);
        assert.ok(hidden.edges.every(e => e.kind === 'flow'));
        assert.deepEqual(buildDiagramGraph(model, 'overview', []), buildDiagramGraph(model, 'overview', [], { direction: 'right', showFactors: true }), 'defaults = CLI');
    });
});
