import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, Hover, Location, MarkupContent, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { handleDiagramRequest } from '../../src/lsp/index.js';
import { TestWorkspace } from '../helpers.js';
import { lspWorkspace } from './lsp-helpers.js';

const people = `ecosystem Shop
/** Regulars who come every morning. */
customer Buyer "Regular buyer" { seeks Bread, "A smile" }
organization Baker { seeks Cash }
partner Mill { seeks Cash }
`;
const things = `ecosystem Shop
value Bread "Fresh bread" product
value Cash money
touchpoint Counter { channel store }
touchpoint Phone { channel phone }
exchange Sale {
  Baker -> Buyer : Bread via Counter
  Buyer -> Baker : Cash
}
`;

const labels = (items: CompletionItem[] | undefined) => (items ?? []).map(item => item.label).sort();

describe('language server features', () => {
    describe('completion knows the context', () => {
        const complete = async (text: string) => {
            const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things, 'edit.cxe': text });
            const document = ws.document('edit.cxe');
            const result = await ws.Cxe.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.length),
            });
            return labels(result?.items);
        };

        it("after '->' only actors, other than the giver", async () => {
            assert.deepEqual(await complete('ecosystem Shop\nexchange Baker -> '), ['Buyer', 'Mill'], 'never the giver itself');
        });
        it("after ':' only value objects", async () => {
            assert.deepEqual(await complete('ecosystem Shop\nexchange Baker -> Buyer : '), ['Bread', 'Cash']);
        });
        it("after 'via' only touchpoints", async () => {
            assert.deepEqual(await complete('ecosystem Shop\nexchange Baker -> Buyer : Bread via '), ['Counter', 'Phone']);
        });
        it('clause keywords inside an actor block', async () => {
            const items = await complete('ecosystem Shop\npartner Oven { ');
            for (const keyword of ['seeks', 'size', 'employer', 'description', 'tags']) {
                assert.ok(items.includes(keyword), `${keyword} in ${items}`);
            }
            assert.ok(!items.includes('Bread'), 'no value names where a clause starts');
        });
    });

    it('hover shows label, doc comment and value balance', async () => {
        const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things });
        const document = ws.document('things.cxe');
        const hover = await ws.Cxe.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: ws.position('things.cxe', 'Buyer', 0, 1),
        }) as Hover;
        const text = (hover.contents as MarkupContent).value;
        assert.match(text, /\*\*Customer\*\* `Buyer` — Regular buyer/);
        assert.match(text, /Regulars who come every morning\./);
        assert.match(text, /- seeks: Fresh bread, "A smile"\n- receives: Fresh bread\n- gives: Cash/);
    });

    it('go to definition and find references cross files', async () => {
        const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things });
        const things_ = ws.document('things.cxe');
        const definitions = await ws.Cxe.lsp.DefinitionProvider!.getDefinition(things_, {
            textDocument: { uri: things_.uri.toString() }, position: ws.position('things.cxe', 'Baker ->', 0, 1),
        });
        assert.equal(definitions?.[0].targetUri, ws.document('people.cxe').uri.toString());
        assert.equal(definitions?.[0].targetSelectionRange.start.line, 3);
        const references = await ws.Cxe.lsp.ReferencesProvider!.findReferences(ws.document('people.cxe'), {
            textDocument: { uri: ws.document('people.cxe').uri.toString() }, position: ws.position('people.cxe', 'Baker'), context: { includeDeclaration: false },
        }) as Location[];
        assert.deepEqual(references.map(r => `${r.uri.split('/').pop()}:${r.range.start.line}`).sort(), ['things.cxe:6', 'things.cxe:7']);
    });

    it('rename changes the declaration and every reference, in every file', async () => {
        const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things });
        const document = ws.document('people.cxe');
        const edit = await ws.Cxe.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() }, position: ws.position('people.cxe', 'Baker'), newName: 'Bakery',
        }) as WorkspaceEdit;
        const apply = (name: string, text: string) => TextDocument.applyEdits(TextDocument.create('x', 'cxe', 0, text), edit.changes![ws.document(name).uri.toString()] ?? []);
        assert.match(apply('people.cxe', people), /organization Bakery \{/);
        assert.equal(apply('things.cxe', things).match(/Bakery/g)?.length, 2);
    });

    it('outline lists the elements of a file', async () => {
        const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things });
        const document = ws.document('things.cxe');
        const symbols = await ws.Cxe.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        assert.deepEqual(symbols.map(s => s.name), ['Shop', 'Bread', 'Cash', 'Counter', 'Phone', 'Sale']);
    });

    it('code lens sums up each actor: seeks · receives · gives', async () => {
        const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things });
        const document = ws.document('people.cxe');
        const lenses = await ws.Cxe.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        assert.deepEqual(lenses?.map(lens => lens.command?.title), [
            'seeks 2 · receives 1 · gives 1', 'seeks 1 · receives 1 · gives 1', 'seeks 1 · receives 0 · gives 0']);
    });

    describe('quick fixes, keyed on the diagnostic codes', () => {
        const fix = async (text: string, code: string) => {
            const ws = await lspWorkspace({ 'a.cxe': text });
            const document = ws.document('a.cxe');
            const diagnostic = document.diagnostics!.find(d => d.code === code);
            assert.ok(diagnostic, `no ${code} in ${document.diagnostics?.map(d => d.code)}`);
            const actions = await ws.Cxe.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
            }) as CodeAction[];
            // The code's own fix, preferred, then the two ways to ignore the diagnostic.
            assert.deepEqual(actions.map(action => action.isPreferred), [true, false, false]);
            assert.deepEqual(actions.slice(1).map(action => action.title), [`Ignore \`${code}\` here`, `Ignore \`${code}\` in this file`]);
            const fixed = TextDocument.applyEdits(TextDocument.create('x', 'cxe', 0, text), actions[0].edit!.changes![document.uri.toString()]);
            const after = await lspWorkspace({ 'a.cxe': fixed });
            return { fixed, codes: after.document('a.cxe').diagnostics!.map(d => d.code) };
        };
        const base = 'ecosystem E\ncustomer C { seeks V }\norganization O\nvalue V money\nexchange O -> C : V\n';

        it("no-declared-value: adds a 'seeks' clause", async () => {
            const { fixed, codes } = await fix(base + 'partner P\n', 'no-declared-value');
            assert.match(fixed, /partner P \{ seeks "what's in it for them\?" \}/);
            assert.ok(!codes.includes('no-declared-value'));
        });
        it('unresolved-reference: declares the missing value beside the other values', async () => {
            const { fixed, codes } = await fix(base + 'exchange C -> O : Tip\n', 'unresolved-reference');
            assert.match(fixed, /\nvalue V money\nvalue Tip "Tip" intangible\nexchange O -> C : V\n/);
            assert.ok(!codes.includes('unresolved-reference'));
        });
        it('unused-value: removes it', async () => {
            const { fixed, codes } = await fix(base + 'value Spare money\n', 'unused-value');
            assert.equal(fixed, base);
            assert.deepEqual(codes, []);
        });
        it('unmet-need: adds a flow stub that gives the value, beside the other exchanges', async () => {
            const { fixed, codes } = await fix(base.replace('seeks V }', 'seeks V, W }') + 'value W service\n', 'unmet-need');
            assert.match(fixed, /\nexchange O -> C : V\nexchange O -> C : W\nvalue W service\n$/, 'beside the other exchanges');
            assert.ok(!codes.includes('unmet-need'));
        });
    });

    it('the diagram request returns the same SVG as the CLI renderer, with views and sources', async () => {
        const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things + 'view Trade { include Buyer, Baker }\njourney Visit for Buyer { step In at Counter score 4 }\n' });
        const result = await handleDiagramRequest(ws.shared, ws.Cxe, { uri: ws.document('things.cxe').uri.toString() });
        assert.deepEqual(result?.views, ['Trade', 'Visit']);
        assert.equal(result?.view, 'Trade');
        assert.match(result!.svg, /data-cxe-element="Buyer"/);
        assert.deepEqual(Object.keys(result!.sources).sort(), ['Baker', 'Baker<->Buyer', 'Buyer']);
        const journey = await handleDiagramRequest(ws.shared, ws.Cxe, { uri: ws.document('people.cxe').uri.toString(), view: 'Visit' });
        assert.match(journey!.svg, /Journey of Regular buyer/);
    });

    it("the diagram's error count is the ecosystem's errors once every file is validated, also while another file is being rebuilt", async () => {
        const broken = 'ecosystem Shop\nexchange Baker -> Nobody : Cash\n';
        const ws = await TestWorkspace.of({ 'people.cxe': people, 'things.cxe': things, 'broken.cxe': broken });
        const request = () => handleDiagramRequest(ws.services.shared, ws.services.Cxe, { uri: ws.document('people.cxe').uri.toString() });
        const published = () => ['people.cxe', 'things.cxe', 'broken.cxe'].flatMap(name => ws.document(name).diagnostics ?? []).filter(d => d.severity === 1).length;
        assert.equal((await request())?.errors, 1);
        // The fix of the other file is being built when the preview asks: the answer waits for it.
        const fixing = ws.change('broken.cxe', 'ecosystem Shop\nexchange Baker -> Mill : Cash\n');
        const answer = await request();
        await fixing;
        assert.equal(published(), 0);
        assert.equal(answer?.errors, 0);
        const breaking = ws.change('broken.cxe', broken);
        const again = await request();
        await breaking;
        assert.equal(again?.errors, published());
        assert.equal(again?.errors, 1);
    });
    it('the diagram drawn for a request read just after an edit shows the edit, though its build had not started', async () => {
        const view = 'view Trade { include customer, Baker }\n';
        const ws = await TestWorkspace.of({ 'people.cxe': people, 'things.cxe': things + view });
        const { shared, Cxe } = ws.services;
        const uri = ws.document('people.cxe').uri;
        // As the language server takes an edit: the build is queued on the workspace lock, then the next message is read.
        ws.fileSystem.insert(uri, people + 'customer Newcomer { seeks Bread }\n');
        const building = shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([uri], [], token));
        const answer = await handleDiagramRequest(shared, Cxe, { uri: uri.toString(), view: 'Trade' });
        await building;
        assert.match(answer!.svg, /data-cxe-element="Newcomer"/);
    });
});

describe('language server features: symbols and folding', () => {
    it('workspace symbols find elements of every file by name', async () => {
        const ws = await lspWorkspace({ 'people.cxe': people, 'things.cxe': things });
        const symbols = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Ba' });
        assert.deepEqual(symbols.map(s => `${s.name} ${s.location.uri.split('/').pop()}`).sort(), ['Baker people.cxe', 'Bread things.cxe']);
    });

    it('folds multi-line blocks and comments', async () => {
        const ws = await lspWorkspace({ 'things.cxe': `/**\n * Things.\n */\n${things}` });
        const document = ws.document('things.cxe');
        const ranges = await ws.Cxe.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        // The last line of a folded region stays visible, as everywhere in VS Code.
        assert.deepEqual(ranges.map(r => `${r.startLine}-${r.endLine}`).sort(), ['0-1', '8-10']);
    });
});
