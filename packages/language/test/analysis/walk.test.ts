import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type WalkDirection, walkModel, walkableNamed } from '../../src/index.js';
import { TestWorkspace } from '../helpers.js';

/** The walk from `start` as `Name@depth` strings, in the walk's order. */
async function walkOf(files: Record<string, string>, ecosystem: string, start: string, direction: WalkDirection, depth?: number) {
    const workspace = await TestWorkspace.of(files);
    const model = workspace.services.Cxe.workspace.EcosystemModels.modelOf(ecosystem);
    const element = walkableNamed(model, start);
    assert.ok(element, `no element ${start}`);
    const result = walkModel(model, element, direction, depth);
    return {
        reached: result.reached.map(r => `${r.element.name}@${r.depth}`),
        relations: result.relations.map(edge => `${edge.from.name} ${edge.relation} ${edge.to.name}`),
    };
}

const chain = `ecosystem E
customer C { seeks V }
organization O
value V service
touchpoint T { owner O }
exchange X { O -> C : V via T }
process P { supports T  uses S }
system S { supports T }
policy Pay { affects P }
journey J for C { step A at T score 1 }
`;

describe('walk on the relation index', () => {
    it('orders the trace by depth, then model order, and keeps the relations it used', async () => {
        const { reached, relations } = await walkOf({ 'e.cxe': chain }, 'E', 'J', 'trace');
        assert.deepEqual(reached, ['T@1', 'O@2', 'V@2', 'X@2', 'P@2', 'S@2', 'Pay@3']);
        assert.deepEqual(relations, ['T hosts J', 'O runs T', 'O delivers T', 'V carries T', 'X carries T', 'P supports T', 'S supports T', 'Pay affects P']);
    });

    it('reaches an element once, at its shortest depth, when two paths of different lengths lead to it', async () => {
        // S supports T directly (depth 1 of T's trace) and also reaches T through P (uses, then supports: depth 2).
        const { reached, relations } = await walkOf({ 'e.cxe': chain }, 'E', 'T', 'trace');
        assert.ok(reached.includes('S@1'), reached.join(' '));
        assert.ok(!relations.includes('S uses P'), 'an edge between two elements at depth 1 is not on a shortest path');
        const impact = await walkOf({ 'e.cxe': chain }, 'E', 'S', 'impact');
        assert.deepEqual(impact.reached, ['T@1', 'P@1', 'J@2']);
    });

    it('limits the walk to the given depth', async () => {
        assert.deepEqual((await walkOf({ 'e.cxe': chain }, 'E', 'J', 'trace', 1)).reached, ['T@1']);
        assert.deepEqual((await walkOf({ 'e.cxe': chain }, 'E', 'J', 'trace', 2)).reached, ['T@1', 'O@2', 'V@2', 'X@2', 'P@2', 'S@2']);
    });

    it('ends on cycles and never returns the start', async () => {
        const cyclic = `ecosystem E
process A { supports B }
process B { supports C }
process C { supports A }
`;
        assert.deepEqual((await walkOf({ 'e.cxe': cyclic }, 'E', 'A', 'trace')).reached, ['C@1', 'B@2']);
        assert.deepEqual((await walkOf({ 'e.cxe': cyclic }, 'E', 'A', 'impact')).reached, ['B@1', 'C@2']);
    });

    it('stops at a reference that does not resolve, and walks on through the names that do', async () => {
        const broken = `ecosystem E
touchpoint T
process P { supports Missing, T }
policy Q { affects P, Ghost }
exchange Ghost -> Nobody : Nothing via T
`;
        assert.deepEqual((await walkOf({ 'e.cxe': broken }, 'E', 'T', 'trace')).reached, ['P@1', 'Q@2']);
    });

    it('follows relations across the files of one ecosystem', async () => {
        const files = {
            'front.cxe': 'ecosystem E\ncustomer C\ntouchpoint T\njourney J for C { step A at T }\n',
            'back.cxe': 'ecosystem E\nsystem S { supports T }\nenvironment F { affects S2 }\nprocess S2 { supports T }\n',
        };
        assert.deepEqual((await walkOf(files, 'E', 'J', 'trace')).reached, ['T@1', 'S@2', 'S2@2']);
    });

    it('never crosses ecosystems, even when they reuse names', async () => {
        const files = {
            'one.cxe': 'ecosystem One\ntouchpoint T\nsystem S { supports T }\n',
            'two.cxe': 'ecosystem Two\ntouchpoint T\npolicy S { affects T }\nenvironment F { affects T }\n',
        };
        assert.deepEqual((await walkOf(files, 'One', 'T', 'trace')).reached, ['S@1']);
        assert.deepEqual((await walkOf(files, 'Two', 'T', 'trace')).reached, ['S@1', 'F@1']);
    });

    it('trace and impact are each other\'s mirror on any graph of processes', async function () {
        this.timeout(20_000);
        // Property: on a random graph of `supports` among processes, B is in the trace of A at depth d
        // exactly when A is in the impact of B at depth d.
        const workspace = await TestWorkspace.of({ 'e.cxe': 'ecosystem E\n' });
        await fc.assert(fc.asyncProperty(
            fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 12 }),
            async pairs => {
                const lines = Array.from({ length: 6 }, (_, i) => {
                    const targets = pairs.filter(([from]) => from === i).map(([, to]) => `P${to}`);
                    return `process P${i}${targets.length > 0 ? ` { supports ${targets.join(', ')} }` : ''}`;
                });
                await workspace.change('e.cxe', `ecosystem E\n${lines.join('\n')}\n`);
                const model = workspace.services.Cxe.workspace.EcosystemModels.modelOf('E');
                const depthIn = (from: string, to: string, direction: WalkDirection) =>
                    walkModel(model, walkableNamed(model, from)!, direction).reached.find(r => r.element.name === to)?.depth;
                for (let a = 0; a < 6; a++) {
                    for (let b = 0; b < 6; b++) {
                        assert.equal(depthIn(`P${a}`, `P${b}`, 'trace'), depthIn(`P${b}`, `P${a}`, 'impact'));
                    }
                }
            }), { numRuns: 30 });
    });
});
