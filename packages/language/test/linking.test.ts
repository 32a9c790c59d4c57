import assert from 'node:assert/strict';
import * as ast from '../src/generated/ast.js';
import { TestWorkspace, at, messageOf } from './helpers.js';

const people = 'ecosystem Shop\ncustomer Buyer { seeks Goods }\npartner Maker { seeks Cash }\n';
const things = 'ecosystem Shop\nvalue Goods product\nvalue Cash money\ntouchpoint Web { channel web }\n';
const trade = 'ecosystem Shop\nexchange Sale {\n  Maker -> Buyer : Goods via Web\n  Buyer -> Maker : Cash\n}\n';

describe('linking', () => {
    it('resolves names across the files of one ecosystem', async () => {
        const workspace = await TestWorkspace.of({ 'people.cxe': people, 'things.cxe': things, 'trade.cxe': trade });
        for (const name of ['people.cxe', 'things.cxe', 'trade.cxe']) {
            assert.deepEqual(workspace.found(name), [], name);
        }
        const flow = (workspace.model('trade.cxe').elements[0] as ast.Exchange).flows[0];
        assert.equal(flow.giver.ref, workspace.model('people.cxe').elements[1]);
        assert.equal(flow.touchpoint?.ref, workspace.model('things.cxe').elements[2]);
    });

    it('never resolves across ecosystems', async () => {
        const other = 'ecosystem Other\ncustomer Visitor { seeks Goods }\n';
        const workspace = await TestWorkspace.of({ 'people.cxe': people, 'things.cxe': things, 'trade.cxe': trade, 'other.cxe': other });
        assert.ok(workspace.found('other.cxe').includes(at('error', 'unresolved-reference', other, 'Goods')));
    });

    it('resolves a name only to elements of the kinds the reference allows', async () => {
        const text = 'ecosystem E\ncustomer C { seeks Web }\ntouchpoint Web\nexchange C -> Web : Web\n';
        const workspace = await TestWorkspace.of({ 'a.cxe': text });
        const found = workspace.found('a.cxe');
        assert.ok(found.includes(at('error', 'unresolved-reference', text, 'Web', 0)));
        assert.ok(found.includes(at('error', 'unresolved-reference', text, 'Web', 2)));
        assert.ok(found.includes(at('error', 'unresolved-reference', text, 'Web', 3)));
        assert.match(messageOf(workspace.document('a.cxe'), 'unresolved-reference'), /'Web' is a touchpoint, not a value object/);
    });

    it('lets environment factors, systems, processes and policies name each kind they allow', async () => {
        const text = `ecosystem E
customer C { seeks V }
partner P { seeks V }
value V money
touchpoint T
exchange X { P -> C : V via T  C -> P : V }
environment F { affects C  affects X  affects V "note"  affects T }
system S { supports T, X, Pr }
process Pr { supports T  uses S }
policy Po { affects C, X, T, Pr }
journey J for C { step One at T score 3 }
view W { include C, F, S, Po, *  exclude V }
environment Bad { affects J }
`;
        const workspace = await TestWorkspace.of({ 'a.cxe': text });
        assert.deepEqual(workspace.found('a.cxe'), [at('error', 'unresolved-reference', text, 'J', 1)]);
    });

    it('revalidates every file of an ecosystem when one file changes', async () => {
        const workspace = await TestWorkspace.of({ 'people.cxe': people, 'things.cxe': things, 'trade.cxe': trade });
        assert.deepEqual(workspace.found('people.cxe'), []);
        await workspace.change('trade.cxe', 'ecosystem Shop\nexchange Maker -> Buyer : Goods via Web\n');
        assert.deepEqual(workspace.found('people.cxe'), [at('warning', 'unreciprocated', people, 'Maker')]);
        await workspace.remove('trade.cxe');
        assert.deepEqual(workspace.found('people.cxe'), [
            at('warning', 'isolated-actor', people, 'Buyer'), at('warning', 'isolated-actor', people, 'Maker')]);
    });
});
