import assert from 'node:assert/strict';
import { buildModelSnapshot } from '../src/index.js';
import { TestWorkspace } from './helpers.js';

const shop = `ecosystem Shop "Corner shop"
/** Bakes every morning. */
organization Baker "The baker" { seeks Cash, "early customers" description "Family business" }
customer Buyer { seeks Bread, Advice }
value Bread product
value Cash money
value Advice intangible
touchpoint Counter { owner Baker }
exchange Sale { Baker -> Buyer : Bread via Counter  Buyer -> Baker : Cash  Buyer -> Nobody : Cash }
`;

describe('model snapshot', () => {
    async function snapshotOf(files: Record<string, string>) {
        const workspace = await TestWorkspace.of(files);
        const { EcosystemModels } = workspace.services.Cxe.workspace;
        const documentation = workspace.services.Cxe.documentation.DocumentationProvider;
        const model = EcosystemModels.modelOf(EcosystemModels.ecosystems()[0]);
        return buildModelSnapshot(model, node => documentation.getDocumentation(node));
    }

    it('keys every named element by name, in model order, with kind, label, description, doc comment and place', async () => {
        const snapshot = await snapshotOf({ 'shop.cxe': shop });
        assert.equal(snapshot.title, 'Corner shop');
        assert.deepEqual(Object.keys(snapshot.elements), ['Baker', 'Buyer', 'Bread', 'Cash', 'Advice', 'Counter', 'Sale']);
        const baker = snapshot.elements.Baker;
        assert.deepEqual([baker.kind, baker.label, baker.description, baker.documentation, baker.file, baker.line],
            ['organization', 'The baker', 'Family business', 'Bakes every morning.', 'shop.cxe', 3]);
    });

    it("gives an actor's value balance and the elements it names and that name it", async () => {
        const { elements } = await snapshotOf({ 'shop.cxe': shop });
        const buyer = elements.Buyer;
        assert.deepEqual(buyer.seeks, [{ value: 'Bread' }, { value: 'Advice' }]);
        assert.deepEqual([buyer.receives, buyer.gives, buyer.unmet], [['Bread'], ['Cash'], ['Advice']]);
        assert.deepEqual(elements.Baker.seeks, [{ value: 'Cash' }, { text: 'early customers' }]);
        assert.deepEqual(buyer.refersTo, ['Bread', 'Advice']);
        assert.deepEqual(buyer.referredBy, ['Sale']);
        assert.deepEqual(elements.Sale.refersTo, ['Baker', 'Buyer', 'Bread', 'Counter', 'Cash']);
        assert.deepEqual(elements.Baker.referredBy, ['Counter', 'Sale']);
        assert.equal(elements.Bread.seeks, undefined, 'only actors have a value balance');
    });

    it('attaches each diagnostic to the element whose text holds it', async () => {
        const { elements } = await snapshotOf({ 'shop.cxe': shop });
        assert.deepEqual(elements.Sale.diagnostics.map(d => [d.severity, d.code, d.line]), [['error', 'unresolved-reference', 9]]);
        assert.deepEqual(elements.Buyer.diagnostics.map(d => [d.severity, d.code, d.line]), [['warning', 'unmet-need', 4]]);
        assert.deepEqual(elements.Bread.diagnostics, []);
    });

    it('keeps a name like __proto__ as data and survives a JSON round trip', async () => {
        const snapshot = await snapshotOf({ 'odd.cxe': 'ecosystem Odd\ncustomer __proto__ { seeks constructor }\nvalue constructor intangible\n' });
        assert.deepEqual(Object.keys(snapshot.elements), ['__proto__', 'constructor']);
        assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
        assert.equal(Object.getPrototypeOf(snapshot.elements), Object.prototype);
    });
});
