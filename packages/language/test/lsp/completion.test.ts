import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AstUtils, GrammarAST } from 'langium';
import { DefaultFuzzyMatcher } from 'langium/lsp';
import type { CompletionList } from 'vscode-languageserver';
import { rankCandidates } from '../../src/lsp/completion-ranking.js';
import { MAX_ITEMS } from '../../src/lsp/cxe-completion-provider.js';
import { lspWorkspace } from './lsp-helpers.js';

/** Completion at the cursor (`|`) of the edited file, next to the given other files. */
async function completeAt(textWithCursor: string, others: Record<string, string> = {}): Promise<CompletionList> {
    const cursor = textWithCursor.indexOf('|');
    const text = textWithCursor.slice(0, cursor) + textWithCursor.slice(cursor + 1);
    const ws = await lspWorkspace({ ...others, 'edit.cxe': text });
    const document = ws.document('edit.cxe');
    const list = await ws.Cxe.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(cursor) });
    assert.ok(list, 'completion answers');
    return list;
}

const labelsAt = async (textWithCursor: string, others?: Record<string, string>) => (await completeAt(textWithCursor, others)).items.map(item => item.label);

describe('completion', () => {
    describe('in a reference list after an item that is a keyword (issue 10 item 7)', () => {
        const fixture = `ecosystem S
customer Cu { seeks Va }
organization Or
value Va money
touchpoint Tp
exchange Ex { Or -> Cu : Va via Tp }
process Pr
system Sy
policy Po
environment En
journey Jo for Cu { step St at Tp }
view Vi
`;
        const KINDS = ['customer', 'employee', 'partner', 'organization', 'thirdparty', 'environment', 'touchpoint', 'system', 'process', 'policy'];
        const WALKABLE = ['Cu', 'Or', 'Va', 'Tp', 'Ex', 'Pr', 'Sy', 'Po', 'En', 'Jo'];
        /** Every reference list of the grammar: where it opens, how it closes, what it may name. The edited element is `Ed`. */
        const LISTS: { open: string; close: string; names: string[] }[] = [
            { open: 'system Ed { supports ', close: ' }', names: ['Tp', 'Ex', 'Pr'] },
            { open: 'process Ed { supports ', close: ' }', names: ['Tp', 'Ex', 'Pr'] },
            { open: 'process Ed { uses ', close: ' }', names: ['Sy'] },
            { open: 'policy Ed { affects ', close: ' }', names: ['Cu', 'Or', 'Ex', 'Tp', 'Pr'] },
            { open: 'partner Ed { seeks ', close: ' }', names: ['Va'] },
            { open: 'exchange Or -> Cu : ', close: '', names: ['Va'] },
            { open: 'view Ed { trace ', close: ' }', names: WALKABLE },
            { open: 'view Ed { impact ', close: ' }', names: WALKABLE },
            { open: 'view Ed { include ', close: ' }', names: [...WALKABLE, 'Vi', ...KINDS] },
            { open: 'view Ed { exclude ', close: ' }', names: [...WALKABLE, 'Vi', ...KINDS] },
        ];

        it('offers the names after the minimal inputs that offered nothing', async () => {
            const cases: [string, string[]][] = [
                ['system Ed { supports exchange, |', ['Ex', 'Pr', 'Tp']],
                ['system Ed { supports exchange, | }', ['Ex', 'Pr', 'Tp']],
                ['system Ed { supports Tp, exchange, |', ['Ex', 'Pr', 'Tp']],
                ['system Ed { supports exchange, T|', ['Tp']],
                ['process Ed { uses system, |', ['Sy']],
                ['policy Ed { affects customer, value, |', ['Cu', 'Ex', 'Or', 'Pr', 'Tp']],
                ['view Ed { trace value, |', WALKABLE.toSorted()],
                ['partner Ed { seeks value, |', ['Va']],
                ['exchange Or -> Cu : money, |', ['Va']],
            ];
            for (const [edit, expected] of cases) {
                assert.deepEqual((await labelsAt(fixture + edit)).filter(label => label !== 'Ed').sort(), expected, edit);
            }
        });

        it('offers the clause keywords, not a new element, after a keyword in a list', async () => {
            const labels = await labelsAt(`${fixture}process Ed { supports exchange |`);
            assert.ok(labels.includes('uses') && labels.includes('owner'), labels.join(' '));
            assert.ok(!labels.includes('Cu'), 'no actors: an exchange cannot start inside a block');
        });

        it('offers what the list may name at every position, whatever keywords come before or after', async function () {
            this.timeout(60_000);
            const services = (await lspWorkspace({})).Cxe;
            const keywords = [...new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value).filter(word => /^[a-z]+$/.test(word)))];
            const matcher = new DefaultFuzzyMatcher();
            const list = fc.constantFrom(...LISTS);
            await fc.assert(fc.asyncProperty(list.chain(({ open, close, names }) => fc.record({
                open: fc.constant(open), close: fc.constant(close), names: fc.constant(names),
                items: fc.array(fc.oneof(fc.constantFrom(...names.filter(name => /^[A-Z]/.test(name))), fc.constantFrom(...keywords)), { maxLength: 4 }),
                at: fc.nat(),
                target: fc.constantFrom(...names),
                typedLength: fc.nat({ max: 2 }),
            })), async ({ open, close, names, items, at, target, typedLength }) => {
                const k = at % (items.length + 1);
                const typed = target.slice(0, typedLength);
                const before = items.slice(0, k).map(item => `${item}, `).join('');
                const after = items.slice(k).join(', ');
                const edit = `${open}${before}${typed}|${typed ? (after ? `, ${after}` : '') : after}${close}`;
                // Unique: the text after the cursor may parse as elements of its own (`journey, Cu }` declares a journey Cu).
                const labels = [...new Set(await labelsAt(fixture + edit))].filter(label => label !== 'Ed');
                if (typed) {
                    assert.ok(labels.includes(target), `${edit}: ${target} not in ${labels.join(' ')}`);
                    assert.ok(labels.every(label => names.includes(label) && matcher.match(typed, label)), `${edit}: ${labels.join(' ')}`);
                } else {
                    assert.deepEqual(labels.sort(), names.toSorted(), edit);
                }
            }), { numRuns: 120, seed: 10 });
        });
    });

    describe('ranks, filters and caps (issue 11 item 2)', () => {
        const shop = `ecosystem Shop
customer Buyer { seeks Advice }
organization Baker { seeks Cash }
partner Mill
partner Farm
customer Walker { seeks Bread }
value Bread product
value Cash money
value Flour product
value Advice information
touchpoint Counter
touchpoint Phone
touchpoint Web
exchange Sale {
  Baker -> Buyer : Bread via Counter
  Buyer -> Baker : Cash
  Mill -> Baker : Flour via Phone
}
`;
        const ordered = (list: CompletionList) => {
            const bySortText = list.items.toSorted((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : a.label < b.label ? -1 : 1));
            assert.deepEqual(bySortText, list.items, 'the response is in sortText order, as the editor shows it');
            return list.items.map(item => item.label);
        };

        it("after '->': the actors that already exchange with the giver, then those that seek what it gives; never the giver", async () => {
            assert.deepEqual(ordered(await completeAt('ecosystem Shop\nexchange Baker -> |', { 'shop.cxe': shop })), ['Buyer', 'Mill', 'Walker', 'Farm']);
            assert.deepEqual(ordered(await completeAt('ecosystem Shop\nexchange Farm -> |', { 'shop.cxe': shop })), ['Baker', 'Buyer', 'Mill', 'Walker']);
        });

        it("after ':': what the receiver seeks, then what the giver already gives", async () => {
            assert.deepEqual(ordered(await completeAt('ecosystem Shop\nexchange Baker -> Buyer : |', { 'shop.cxe': shop })), ['Advice', 'Bread', 'Cash', 'Flour']);
        });

        it("after 'via': the touchpoints the giver's and receiver's flows already use", async () => {
            assert.deepEqual(ordered(await completeAt('ecosystem Shop\nexchange Mill -> Farm : Flour via |', { 'shop.cxe': shop })), ['Phone', 'Counter', 'Web']);
        });

        it('inside a named exchange too, where the flow is one of several', async () => {
            assert.deepEqual(ordered(await completeAt('ecosystem Shop\nexchange Trade {\n  Farm -> Mill : Flour\n  Mill -> |\n}\n', { 'shop.cxe': shop })), ['Baker', 'Farm', 'Buyer', 'Walker']);
        });

        it('keeps, in one pass, exactly the best of all matches in sorted order', () => {
            const matcher = new DefaultFuzzyMatcher();
            const word = fc.stringMatching(/^[A-Ca-c_][A-Ca-c0-9_]{0,5}$/);
            fc.assert(fc.property(fc.uniqueArray(word, { maxLength: 60 }), fc.stringMatching(/^[A-Ca-c0-9_]{0,2}$/), fc.integer({ min: 1, max: 12 }), fc.constantFrom('A', 'b_'), (names, typed, limit, excluded) => {
                const ranking = { isExcluded: (candidate: { name: string }) => candidate.name === excluded, rankOf: (name: string) => name.length % 3 };
                const kept = rankCandidates(names.map(name => ({ name }) as never), typed, ranking, matcher, limit);
                // The slow way: every match, sorted whole, then cut.
                const matchOf = (name: string) => (name.startsWith(typed) ? 0 : name.toLowerCase().startsWith(typed.toLowerCase()) ? 1 : 2);
                const all = names.filter(name => name !== excluded && matcher.match(typed, name))
                    .sort((a, b) => matchOf(a) - matchOf(b) || ranking.rankOf(a) - ranking.rankOf(b) || (a < b ? -1 : 1));
                assert.deepEqual(kept.map(candidate => candidate.description.name), all.slice(0, limit));
                const sortTexts = kept.map(candidate => candidate.sortText);
                assert.deepEqual(sortTexts, sortTexts.toSorted(), 'sortText agrees with the order');
            }), { seed: 11 });
        });

        const crowd = `ecosystem Crowd\norganization Org\n${Array.from({ length: 150 }, (_, i) => `customer C${String(i).padStart(3, '0')}\n`).join('')}customer Zed\n`;

        it(`caps the list at ${MAX_ITEMS} and marks it incomplete; a short, unfiltered list is complete`, async () => {
            const list = await completeAt('ecosystem Crowd\nexchange Org -> |', { 'crowd.cxe': crowd });
            assert.equal(list.items.length, MAX_ITEMS);
            assert.equal(list.isIncomplete, true);
            assert.ok(!list.items.some(item => item.label === 'Org'));
            const short = await completeAt('ecosystem Shop\nexchange Baker -> |', { 'shop.cxe': shop });
            assert.equal(short.isIncomplete, false);
        });

        it('cuts names, never the keywords the grammar allows there', async () => {
            const list = await completeAt('ecosystem Crowd\nview V { include |', { 'crowd.cxe': crowd });
            assert.equal(list.items.length, MAX_ITEMS);
            const labels = list.items.map(item => item.label);
            for (const kind of ['customer', 'partner', 'environment', 'policy']) {
                assert.ok(labels.includes(kind), `${kind} kept`);
            }
        });

        it('filters by what is typed before the cut, so the name being typed is never cut off', async () => {
            const zed = await completeAt('ecosystem Crowd\nexchange Org -> Ze|', { 'crowd.cxe': crowd });
            assert.deepEqual(zed.items.map(item => item.label), ['Zed']);
            assert.equal(zed.isIncomplete, true, 'filtered on the server: the editor asks again as the user types');
            const labels = ordered(await completeAt('ecosystem Crowd\nexchange Org -> C14|', { 'crowd.cxe': crowd }));
            assert.deepEqual(labels.slice(0, 10), Array.from({ length: 10 }, (_, i) => `C14${i}`), 'names that start with the typed text first');
            const matcher = new DefaultFuzzyMatcher();
            assert.ok(labels.length <= MAX_ITEMS && labels.every(label => matcher.match('C14', label)));
        });

        it('answers the same list on every request, with kind and label in each item', async () => {
            const first = await completeAt('ecosystem Crowd\nexchange Org -> |', { 'crowd.cxe': crowd });
            const again = await completeAt('ecosystem Crowd\nexchange Org -> |', { 'crowd.cxe': crowd });
            assert.deepEqual(again, first);
            const shopList = await completeAt('ecosystem Shop\nexchange Baker -> |', { 'shop.cxe': `${shop}customer Eater "Hungry eater"\n` });
            assert.deepEqual(shopList.items.filter(item => item.label === 'Eater').map(item => [item.detail, item.labelDetails?.description]), [['customer · Hungry eater', 'customer · Hungry eater']]);
        });
    });
});
