import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type EcosystemDiff, type EcosystemState, diffEcosystems, snapshotOf } from '../src/index.js';
import { TestWorkspace } from './helpers.js';

/** Each ecosystem of a set of files as the diff sees it (diagnostics are the CLI's part, left empty here). */
async function states(files: Record<string, string>): Promise<Map<string, EcosystemState>> {
    const workspace = await TestWorkspace.of(files);
    const models = workspace.services.Cxe.workspace.EcosystemModels;
    return new Map(models.ecosystems().map(name => [name, { snapshot: snapshotOf(models.modelOf(name)), diagnostics: [] }]));
}

async function diff(before: Record<string, string>, after: Record<string, string>): Promise<EcosystemDiff[]> {
    return diffEcosystems(await states(before), await states(after));
}

/** The changed fields of one element, as `name: field, field`. */
function changedFields(diffs: EcosystemDiff[]): string[] {
    return diffs.flatMap(d => d.elements.changed.map(c => `${c.name}: ${c.fields.map(f => f.field).join(', ')}`));
}

const base = `ecosystem Shop
customer Buyer "Buyer" { seeks Goods size 10 description "d" tags a, b }
customer Guest
employee Clerk { employer Maker seeks Pay }
organization Maker { seeks Cash }
partner Courier { seeks Cash }
value Goods product
value Cash money
value Pay money
touchpoint Web { channel web owner Maker }
environment Inflation { category economic trend rising affects Buyer "prices" }
system Shopfront { supports Web owner Maker }
process Fulfil { supports Web uses Shopfront owner Maker }
policy Returns { affects Buyer owner Maker }
exchange Sale {
  Maker -> Buyer : Goods via Web
  Buyer -> Maker : Cash
  Maker -> Clerk : Pay
  Maker -> Courier : Cash
}
journey Buy for Buyer { step Browse at Web score 3 step Pay at Web score 4 }
view Main { include customer, Maker exclude Clerk layout right }
`;

/** One edit per clause of every element kind: [the clause, the text before, the text after, the element]. */
const clauseEdits: Array<[string, string, string, string]> = [
    ['label', 'customer Buyer "Buyer"', 'customer Buyer "Shopper"', 'Buyer: label'],
    ['description', 'description "d"', 'description "e"', 'Buyer: description'],
    ['tags', 'tags a, b', 'tags a, c', 'Buyer: tags'],
    ['seeks', 'seeks Goods size', 'seeks Goods, "advice" size', 'Buyer: seeks'],
    ['size', 'size 10', 'size 11', 'Buyer: size'],
    ['employer', 'employer Maker', 'employer Courier', 'Clerk: employer'],
    ['actor kind', 'partner Courier', 'thirdparty Courier', 'Courier: kind'],
    ['value kind', 'value Pay money', 'value Pay service', 'Pay: kind'],
    ['channel', 'channel web', 'channel mobile', 'Web: channel'],
    ['owner', 'touchpoint Web { channel web owner Maker', 'touchpoint Web { channel web owner Courier', 'Web: owner'],
    ['category', 'category economic', 'category social', 'Inflation: category'],
    ['trend', 'trend rising', 'trend falling', 'Inflation: trend'],
    ['affects (factor)', 'affects Buyer "prices"', 'affects Buyer "costs"', 'Inflation: affects'],
    ['supports', 'system Shopfront { supports Web', 'system Shopfront { supports Web, Fulfil', 'Shopfront: supports'],
    ['uses', 'uses Shopfront', 'uses Shopfront, Shopfront2', 'Fulfil: uses'],
    ['affects (policy)', 'policy Returns { affects Buyer', 'policy Returns { affects Buyer, Web', 'Returns: affects'],
    ['exchange label', 'exchange Sale {', 'exchange Sale "Selling" {', 'Sale: label'],
    ['for', 'journey Buy for Buyer', 'journey Buy for Guest', 'Buy: for'],
    ['steps', 'step Pay at Web score 4', 'step Pay at Web score 4 step Rate at Web', 'Buy: steps'],
    ['include', 'include customer, Maker', 'include customer, Maker, Courier', 'Main: include'],
    ['exclude', 'exclude Clerk', 'exclude Clerk, Courier', 'Main: exclude'],
    ['layout', 'layout right', 'layout down', 'Main: layout'],
];

describe('semantic diff of snapshots', () => {
    it('reports nothing for the same model', async () => {
        assert.deepEqual(await diff({ 'a.cxe': base }, { 'a.cxe': base }), []);
    });

    for (const [clause, from, to, expected] of clauseEdits) {
        it(`names the changed clause: ${clause}`, async () => {
            assert.ok(base.includes(from), from);
            const diffs = await diff({ 'a.cxe': base }, { 'a.cxe': base.replace(from, to) });
            assert.deepEqual(changedFields(diffs), [expected]);
            assert.deepEqual(diffs[0].elements.added, []);
            assert.deepEqual(diffs[0].elements.removed, []);
        });
    }

    it('reports a rename as a removal plus an addition, with the flows that moved to the new name', async () => {
        const renamed = base.replaceAll('Courier', 'Carrier');
        const [shop] = await diff({ 'a.cxe': base }, { 'a.cxe': renamed });
        assert.deepEqual(shop.elements.added, [{ name: 'Carrier', kind: 'partner' }]);
        assert.deepEqual(shop.elements.removed, [{ name: 'Courier', kind: 'partner' }]);
        assert.deepEqual(shop.flows.added, [{ exchange: 'Sale', giver: 'Maker', receiver: 'Carrier', value: 'Cash', via: null }]);
        assert.deepEqual(shop.flows.removed, [{ exchange: 'Sale', giver: 'Maker', receiver: 'Courier', value: 'Cash', via: null }]);
    });

    it('reports a moved flow (via changed) as one removed and one added flow, and no changed element', async () => {
        const moved = base.replace('Buyer -> Maker : Cash', 'Buyer -> Maker : Cash via Web');
        const [shop] = await diff({ 'a.cxe': base }, { 'a.cxe': moved });
        assert.deepEqual(shop.flows.removed, [{ exchange: 'Sale', giver: 'Buyer', receiver: 'Maker', value: 'Cash', via: null }]);
        assert.deepEqual(shop.flows.added, [{ exchange: 'Sale', giver: 'Buyer', receiver: 'Maker', value: 'Cash', via: 'Web' }]);
        assert.deepEqual(shop.elements.changed, []);
    });

    it('reports one flow per value and the value balances that moved', async () => {
        const more = base.replace('Maker -> Buyer : Goods via Web', 'Maker -> Buyer : Goods, Pay via Web');
        const [shop] = await diff({ 'a.cxe': base }, { 'a.cxe': more });
        assert.deepEqual(shop.flows.added, [{ exchange: 'Sale', giver: 'Maker', receiver: 'Buyer', value: 'Pay', via: 'Web' }]);
        // Maker already gave Pay (to Clerk): only Buyer's balance moved.
        assert.deepEqual(shop.balances.map(b => [b.actor, b.before.receives, b.after.receives, b.after.gives]),
            [['Buyer', ['Goods'], ['Goods', 'Pay'], ['Cash']]]);
    });

    it('reports journey scores that moved', async () => {
        const [shop] = await diff({ 'a.cxe': base }, { 'a.cxe': base.replace('score 3', 'score 5').replace(' score 4', '') });
        assert.deepEqual(shop.scores, [
            { journey: 'Buy', step: 'Browse', before: 3, after: 5 },
            { journey: 'Buy', step: 'Pay', before: 4, after: undefined },
        ]);
    });

    it('reports no change when the files are split, merged or reordered', async () => {
        const lines = base.trimEnd().split('\n');
        const header = lines[0];
        const body = lines.slice(1).join('\n');
        const exchangeStart = body.indexOf('exchange Sale');
        const exchangeEnd = body.indexOf('}\n', exchangeStart) + 2;
        const exchange = body.slice(exchangeStart, exchangeEnd);
        const rest = body.slice(0, exchangeStart) + body.slice(exchangeEnd);
        const split = { 'b.cxe': `${header}\n${exchange}`, 'a.cxe': `${header}\n${rest.split('\n').reverse().join('\n')}\n` };
        assert.deepEqual(await diff({ 'a.cxe': base }, split), []);
        const reordered = base.replace('seeks Goods size 10 description "d" tags a, b', 'tags b, a description "d" size 10 seeks Goods')
            .replace('Maker -> Buyer : Goods via Web\n  Buyer -> Maker : Cash', 'Buyer -> Maker : Cash\n  Maker -> Buyer : Goods via Web');
        assert.deepEqual(await diff({ 'a.cxe': base }, { 'x.cxe': reordered }), []);
    });

    it('reports no change for any order of the elements over any number of files (property)', async () => {
        const [header, ...elements] = base.trimEnd().split(/\n(?=\S)/);
        await fc.assert(fc.asyncProperty(
            fc.shuffledSubarray(elements, { minLength: elements.length, maxLength: elements.length }),
            fc.array(fc.nat(2), { minLength: elements.length, maxLength: elements.length }),
            async (order, fileOf) => {
                const files: Record<string, string> = {};
                order.forEach((element, i) => {
                    files[`f${fileOf[i]}.cxe`] = `${files[`f${fileOf[i]}.cxe`] ?? `${header}\n`}${element}\n`;
                });
                assert.deepEqual(await diff({ 'a.cxe': base }, files), []);
            },
        ), { numRuns: 12 });
    });

    it('is symmetric: swapping the sides swaps added and removed, and keeps the changed clauses', async () => {
        for (const [, from, to] of clauseEdits.slice(0, 6)) {
            const after = `${base.replace(from, to)}partner New { seeks Cash }\n`;
            const [forward] = await diff({ 'a.cxe': base }, { 'a.cxe': after });
            const [backward] = await diff({ 'a.cxe': after }, { 'a.cxe': base });
            assert.deepEqual(forward.elements.added, backward.elements.removed);
            assert.deepEqual(forward.flows.added, backward.flows.removed);
            assert.deepEqual(forward.elements.changed.map(c => c.fields.map(f => [f.field, f.before, f.after])),
                backward.elements.changed.map(c => c.fields.map(f => [f.field, f.after, f.before])));
        }
    });

    it('reports ecosystems added and removed with all their elements and flows', async () => {
        const other = 'ecosystem Other\ncustomer C { seeks V }\norganization O\nvalue V product\nexchange O -> C : V\n';
        const added = await diff({ 'a.cxe': base }, { 'a.cxe': base, 'o.cxe': other });
        assert.deepEqual(added.map(d => [d.name, d.status, d.elements.added.map(e => `${e.kind} ${e.name}`), d.flows.added.length]),
            [['Other', 'added', ['customer C', 'organization O', 'value V'], 1]]);
        const removed = await diff({ 'a.cxe': base, 'o.cxe': other }, { 'a.cxe': base });
        assert.deepEqual(removed.map(d => [d.name, d.status, d.elements.removed.length, d.flows.removed.length]), [['Other', 'removed', 3, 1]]);
    });

    it('matches diagnostics by code and element, not by line', () => {
        const snapshot = { name: 'S', elements: {}, flows: [], balances: {}, scores: {} };
        const d = (code: string, element: string, line: number) => ({ code, severity: 'warning', element, file: 'a.cxe', line, message: code });
        const before = new Map([['S', { snapshot, diagnostics: [d('unused-value', 'Spare', 3), d('isolated-actor', 'Lone', 9)] }]]);
        const after = new Map([['S', { snapshot, diagnostics: [d('unused-value', 'Spare', 30), d('unmet-need', 'Lone', 9)] }]]);
        const [s] = diffEcosystems(before, after);
        assert.deepEqual(s.diagnostics.introduced.map(x => x.code), ['unmet-need']);
        assert.deepEqual(s.diagnostics.resolved.map(x => x.code), ['isolated-actor']);
    });

    it('makes a snapshot that survives JSON unchanged (plain data)', async () => {
        const [state] = (await states({ 'a.cxe': base })).values();
        assert.deepEqual(JSON.parse(JSON.stringify(state.snapshot)), state.snapshot);
        assert.equal(state.snapshot.elements.Buyer.kind, 'customer');
        assert.equal(state.snapshot.elements.Inflation.kind, 'environment');
    });

    it('keeps names like __proto__ as data: own keys of elements, balances and scores', async () => {
        const [{ snapshot }] = (await states({ 'odd.cxe': `ecosystem Odd
customer __proto__ { seeks constructor }
value constructor intangible
touchpoint toString web
journey hasOwnProperty for __proto__ { step s at toString score 3 }
` })).values();
        assert.deepEqual(Object.keys(snapshot.elements), ['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
        assert.equal(snapshot.elements.__proto__.kind, 'customer');
        assert.deepEqual(Object.keys(snapshot.balances), ['__proto__']);
        assert.deepEqual(snapshot.balances.__proto__.unmet, ['constructor']);
        assert.deepEqual(snapshot.scores.hasOwnProperty, { s: 3 });
        assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
    });
});
