import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResponseError } from 'vscode-languageserver';
import type { CodeAction, CodeLens, CompletionItem, DocumentSymbol, Hover, MarkupContent, WorkspaceEdit } from 'vscode-languageserver';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, LSPErrorCodes, SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { handleDiagramRequest } from '../../src/lsp/index.js';
import { TestWorkspace } from '../helpers.js';
import { lspWorkspace } from './lsp-helpers.js';

/** Regression tests from the minimal inputs the fuzzer and new users found (issue 10). */
describe('hardening: what users type never breaks the language server', () => {
    const uri = (ws: Awaited<ReturnType<typeof lspWorkspace>>, name: string) => ({ uri: ws.document(name).uri.toString() });

    describe('a half-typed element without a name stays out of the model', () => {
        const text = 'ecosystem S\ncustomer\ncustomer "label"\nview\ncustomer C { seeks "x" }\n';

        it('and only the named elements reach views, diagrams and checks', async () => {
            const ws = await lspWorkspace({ 'a.cxe': text });
            const model = ws.Cxe.workspace.EcosystemModels.modelFor(ws.document('a.cxe'))!;
            assert.deepEqual(model.actors.map(actor => actor.name), ['C']);
            assert.deepEqual(model.views, []);
            const diagram = await handleDiagramRequest(ws.shared, ws.Cxe, { uri: uri(ws, 'a.cxe').uri });
            assert.match(diagram!.svg, /data-cxe-element="C"/);
            assert.ok(!diagram!.views.some(view => view === undefined || view === 'undefined'));
        });
    });

    it("quick fixes on old-Mac line endings (a bare '\\r') use the document's own lines", async () => {
        const text = 'ecosystem CrLf\rvalue V money\r';
        const ws = await lspWorkspace({ 'a.cxe': text });
        const document = ws.document('a.cxe');
        const diagnostic = document.diagnostics!.find(d => d.code === 'unused-value')!;
        const actions = await ws.Cxe.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: uri(ws, 'a.cxe'), range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
        const fixed = TextDocument.applyEdits(TextDocument.create('x', 'cxe', 0, text), actions[0].edit!.changes![document.uri.toString()]);
        assert.equal(fixed, 'ecosystem CrLf\r');
    });

    it('a 100,000-character name is answered by every request', async () => {
        const name = 'N'.repeat(100_000);
        const text = `ecosystem S\ncustomer ${name} { seeks V }\norganization O\nvalue V money\nexchange O -> ${name} : V\nexchange O -> ${name}x : V\n`;
        const ws = await lspWorkspace({ 'a.cxe': text });
        const document = ws.document('a.cxe');
        const position = document.textDocument.positionAt(text.indexOf('O -> ') + 10); // inside the name, in the first flow
        const lsp = ws.Cxe.lsp;
        assert.ok(await lsp.HoverProvider!.getHoverContent(document, { textDocument: uri(ws, 'a.cxe'), position }));
        await lsp.CompletionProvider!.getCompletion(document, { textDocument: uri(ws, 'a.cxe'), position });
        const diagnostics = document.diagnostics!;
        const actions = await lsp.CodeActionProvider!.getCodeActions(document, { textDocument: uri(ws, 'a.cxe'), range: diagnostics[0].range, context: { diagnostics } }) as CodeAction[];
        assert.deepEqual(actions.map(action => action.title.slice(0, 20)).filter(title => !title.startsWith('Ignore')), ['Declare \'NNNNNNNNNNN']);
        await lsp.Formatter!.formatDocument(document, { textDocument: uri(ws, 'a.cxe'), options: { tabSize: 2, insertSpaces: true } });
        await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: uri(ws, 'a.cxe') });
        await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: uri(ws, 'a.cxe') });
        const edit = await lsp.RenameProvider!.rename(document, { textDocument: uri(ws, 'a.cxe'), position, newName: 'Short' }) as WorkspaceEdit;
        assert.equal(edit.changes![document.uri.toString()].length, 2);
    });

    it('a whole file of 15,000 problems selected gets each fix once, for its first 200 problems', async () => {
        const text = `ecosystem S\n${'exchange A -> B : V\n'.repeat(5000)}`;
        const ws = await lspWorkspace({ 'a.cxe': text });
        const document = ws.document('a.cxe');
        const diagnostics = document.diagnostics!;
        assert.ok(diagnostics.length >= 15_000, `${diagnostics.length} diagnostics`);
        const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
        const actions = await ws.Cxe.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: uri(ws, 'a.cxe'), range: whole, context: { diagnostics } }) as CodeAction[];
        const keys = actions.map(action => JSON.stringify([action.title, action.edit]));
        assert.deepEqual(keys, [...new Set(keys)], 'no action twice');
        const titles = actions.map(action => action.title);
        assert.deepEqual(titles.filter(title => title.startsWith('Declare')), ["Declare 'A': partner", "Declare 'B': partner", "Declare 'V': value"]);
        assert.deepEqual(titles.filter(title => title.endsWith('in this file')), ['Ignore `unresolved-reference` in this file']);
        const first = diagnostics.slice(0, 200);
        const declareA = actions.find(action => action.title.startsWith("Declare 'A'"))!;
        assert.deepEqual(declareA.diagnostics, first.filter(d => (d.data as { refText?: string }).refText === 'A'));
        assert.ok(actions.every(action => action.diagnostics!.every(d => first.includes(d))), 'only the first 200 diagnostics get fixes');
    });

    it('renaming an ecosystem header away and back revalidates the files of the ecosystem it joins again', async () => {
        const people = 'ecosystem Shop\ncustomer Buyer { seeks Bread }\n';
        const things = 'ecosystem Shop\norganization Baker\nvalue Bread product\nexchange Baker -> Buyer : Bread\n';
        const ws = await TestWorkspace.of({ 'people.cxe': people, 'things.cxe': things });
        const fresh = ws.found('things.cxe');
        await ws.change('people.cxe', people.replace('Shop', 'Elsewhere'));
        assert.ok(ws.found('things.cxe').some(found => found.includes('unresolved-reference')));
        await ws.change('people.cxe', people);
        assert.deepEqual(ws.found('things.cxe'), fresh);
    });

    it('a keyword inside a reference list: completion answers, and logs no error', async () => {
        const text = 'ecosystem S\ntouchpoint T "Tee"\ntouchpoint ExchangeDesk\nsystem X { supports exchange, T }\n';
        const ws = await lspWorkspace({ 'a.cxe': text });
        const errors: unknown[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => errors.push(args);
        try {
            for (const snippet of ['supports exch', 'supports ', 'exchange, T']) {
                await ws.Cxe.lsp.CompletionProvider!.getCompletion(ws.document('a.cxe'), { textDocument: uri(ws, 'a.cxe'), position: ws.position('a.cxe', snippet, 0, snippet.length) });
            }
        } finally {
            console.error = original;
        }
        assert.deepEqual(errors, []);
        const complete = async (snippet: string) => (await ws.Cxe.lsp.CompletionProvider!.getCompletion(ws.document('a.cxe'),
            { textDocument: uri(ws, 'a.cxe'), position: ws.position('a.cxe', snippet, 0, snippet.length) }))!.items.map(item => item.label);
        assert.deepEqual(await complete('supports exch'), ['ExchangeDesk']);
        assert.deepEqual((await complete('supports ')).sort(), ['ExchangeDesk', 'T']);
    });

    describe('wrong output without an error', () => {
        it('stray text before the header does not make the file join an ecosystem named after it', async () => {
            const ws = await lspWorkspace({ 'a.cxe': 'stray\necosystem Shop\ncustomer C { seeks "x" }\n', 'b.cxe': 'ecosystem stray\ncustomer D { seeks "y" }\n' });
            assert.equal(ws.Cxe.workspace.EcosystemModels.modelFor(ws.document('a.cxe')), undefined);
            assert.deepEqual(ws.Cxe.workspace.EcosystemModels.modelOf('stray').actors.map(actor => actor.name), ['D']);
            assert.deepEqual(ws.document('a.cxe').diagnostics!.map(d => [d.code, d.range.start.line]), [['syntax', 0], ['syntax', 1]]);
        });

        it("the diagram of a document that is not open is a plain 'nothing', not an error", async () => {
            const ws = await lspWorkspace({ 'a.cxe': 'ecosystem S\n' });
            assert.equal(await handleDiagramRequest(ws.shared, ws.Cxe, { uri: 'file:///nowhere/else.cxe' }), undefined);
        });

        it('hover on a value with no kind says nothing about its kind', async () => {
            const ws = await lspWorkspace({ 'a.cxe': 'ecosystem S\nvalue V "Vee"\n' });
            const hover = await ws.Cxe.lsp.HoverProvider!.getHoverContent(ws.document('a.cxe'), { textDocument: uri(ws, 'a.cxe'), position: ws.position('a.cxe', 'V "', 0) }) as Hover;
            const value = (hover.contents as MarkupContent).value;
            assert.match(value, /Value object\*\* `V` — Vee/);
            assert.doesNotMatch(value, /undefined/);
        });
    });

    describe('rename refuses what would break the model, with a message', () => {
        const people = 'ecosystem Shop\ncustomer Buyer { seeks Bread }\norganization Baker\nvalue Bread product\nexchange Baker -> Buyer : Bread\n';
        const rename = async (newName: string) => {
            const ws = await lspWorkspace({ 'a.cxe': people });
            return ws.Cxe.lsp.RenameProvider!.rename(ws.document('a.cxe'), { textDocument: uri(ws, 'a.cxe'), position: ws.position('a.cxe', 'Baker', 1), newName });
        };
        const refusal = async (newName: string) => {
            const error = await rename(newName).then(() => undefined, (caught: ResponseError<unknown>) => caught);
            assert.ok(error, `renaming to '${newName}' was not refused`);
            assert.equal(error.code, LSPErrorCodes.RequestFailed);
            return error.message;
        };

        it('a keyword', async () => assert.match(await refusal('channel'), /'channel' is a keyword/));
        it('something that is not a name', async () => {
            for (const name of ['1x', '', 'a b', 'Baker!']) {
                assert.match(await refusal(name), /is not a valid name/);
            }
        });
        it('a name another element has', async () => assert.match(await refusal('Buyer'), /Customer 'Buyer' already has the name 'Buyer' \(a\.cxe:2\)/));
        it('and renames otherwise', async () => {
            const edit = await rename('Bakery') as WorkspaceEdit;
            assert.equal(Object.values(edit.changes!).flat().length, 2);
        });
    });

    describe('the quick fix for a misspelt reference', () => {
        const text = 'ecosystem S\ncustomer C { seeks CostForecast }\norganization O\nvalue CostForecast information\nvalue Price money\nexchange O -> C : CostForcast\nview V { include * }\n';

        it("offers the close existing names first, then to declare it beside the other values", async () => {
            const ws = await lspWorkspace({ 'a.cxe': text });
            const document = ws.document('a.cxe');
            const diagnostic = document.diagnostics!.find(d => d.code === 'unresolved-reference')!;
            const actions = await ws.Cxe.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: uri(ws, 'a.cxe'), range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
            const fixes = actions.filter(action => !action.title.startsWith('Ignore')); // the suppressions come after
            assert.deepEqual(fixes.map(action => [action.title, action.isPreferred]), [["Change to 'CostForecast'", true], ["Declare 'CostForcast': value", false]]);
            const apply = (action: CodeAction) => TextDocument.applyEdits(TextDocument.create('x', 'cxe', 0, text), action.edit!.changes![document.uri.toString()]);
            assert.match(apply(fixes[0]), /exchange O -> C : CostForecast\n/);
            assert.match(apply(fixes[1]), /value Price money\nvalue CostForcast "CostForcast" intangible\nexchange/);
        });
    });

    it('the TextMate grammar scopes strings and comments, so keywords inside them are not coloured', () => {
        const path = fileURLToPath(new URL('../../../../extension/syntaxes/cxe.tmLanguage.json', import.meta.url));
        const grammar = JSON.parse(readFileSync(path, 'utf8')) as { patterns: Array<{ name?: string; begin?: string; end?: string; include?: string }> };
        const string = grammar.patterns.find(pattern => pattern.name === 'string.quoted.double.cxe');
        assert.deepEqual([string?.begin, string?.end], ['"', '"']);
        assert.ok(grammar.patterns.some(pattern => pattern.include === '#comments'));
    });

    describe('completion, outline and symbols show what things are', () => {
        const text = 'ecosystem Shop\ncustomer Buyer "Regular buyer" { seeks Bread }\norganization Baker\nvalue Bread "Fresh bread" product\ntouchpoint Counter { channel store }\n';
        const complete = async (edit: string, trigger?: string) => {
            const ws = await lspWorkspace({ 'a.cxe': text, 'b.cxe': edit });
            const document = ws.document('b.cxe');
            const context = trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : undefined;
            const list = await ws.Cxe.lsp.CompletionProvider!.getCompletion(document, { textDocument: uri(ws, 'b.cxe'), position: document.textDocument.positionAt(edit.length), context });
            return list?.items ?? [];
        };
        const show = (items: CompletionItem[]) => items.map(item => `${item.label} ${item.kind} ${item.detail}`);

        it("opens by itself after '-> ', ': ', 'via ' and 'seeks ', never after other spaces", async () => {
            assert.deepEqual(show(await complete('ecosystem Shop\nexchange Baker -> ', ' ')), [`Buyer ${CompletionItemKind.Class} customer · Regular buyer`]);
            assert.deepEqual(show(await complete('ecosystem Shop\nexchange Baker -> Buyer : ', ' ')), [`Bread ${CompletionItemKind.Constant} value object · Fresh bread`]);
            assert.deepEqual(show(await complete('ecosystem Shop\nexchange Baker -> Buyer : Bread via ', ' ')), [`Counter ${CompletionItemKind.Interface} touchpoint`]);
            assert.deepEqual(show(await complete('ecosystem Shop\npartner P { seeks ', ' ')), [`Bread ${CompletionItemKind.Constant} value object · Fresh bread`]);
            assert.deepEqual(await complete('ecosystem Shop\npartner P ', ' '), []);
            const ws = await lspWorkspace({ 'a.cxe': text });
            assert.deepEqual(ws.Cxe.lsp.CompletionProvider!.completionOptions?.triggerCharacters, [' ']);
        });

        it('offers element templates where an element can start, once per keyword and never inside a block', async () => {
            const top = await complete('ecosystem Shop\n');
            const customer = top.filter(item => item.label === 'customer');
            assert.deepEqual(customer.map(item => [item.kind, item.insertTextFormat]), [[CompletionItemKind.Snippet, InsertTextFormat.Snippet]]);
            assert.match(customer[0].insertText!, /^customer \$\{1:Name\} "\$\{2:Label\}" \{\n {2}seeks/);
            const inside = await complete('ecosystem Shop\npartner P {\n  ');
            assert.ok(inside.every(item => item.kind !== CompletionItemKind.Snippet), 'no templates inside a block');
            assert.ok(inside.some(item => item.label === 'seeks'));
        });

        it('gives the outline and workspace symbols kind icons, with the kind and label beside the name', async () => {
            const ws = await lspWorkspace({ 'a.cxe': text });
            const symbols = await ws.Cxe.lsp.DocumentSymbolProvider!.getSymbols(ws.document('a.cxe'), { textDocument: uri(ws, 'a.cxe') }) as DocumentSymbol[];
            assert.deepEqual(symbols.map(s => [s.name, s.kind, s.detail]), [
                ['Shop', SymbolKind.Package, 'ecosystem'], ['Buyer', SymbolKind.Class, 'customer · Regular buyer'], ['Baker', SymbolKind.Class, 'organization'],
                ['Bread', SymbolKind.Constant, 'value object · Fresh bread'], ['Counter', SymbolKind.Interface, 'touchpoint'],
            ]);
            const found = await ws.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Bread' });
            assert.deepEqual(found.map(s => [s.name, s.kind, s.containerName]), [['Bread', SymbolKind.Constant, 'value object · Fresh bread']]);
        });

        it('new files indent by 2, like the formatter and the templates', () => {
            const path = fileURLToPath(new URL('../../../../extension/package.json', import.meta.url));
            const manifest = JSON.parse(readFileSync(path, 'utf8')) as { contributes: { configurationDefaults: Record<string, Record<string, unknown>> } };
            assert.deepEqual(manifest.contributes.configurationDefaults['[cxe]'], { 'editor.tabSize': 2, 'editor.insertSpaces': true, 'editor.detectIndentation': false });
        });
    });

    it("the code lens and the value rules agree: no 'unmet' on an isolated actor", async () => {
        const ws = await lspWorkspace({ 'a.cxe': 'ecosystem S\ncustomer C { seeks V }\nvalue V money\norganization O { seeks "x" }\ncustomer D { seeks V, W }\nvalue W service\nexchange O -> D : V\nexchange D -> O : W\n' });
        const document = ws.document('a.cxe');
        const lenses = await ws.Cxe.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: uri(ws, 'a.cxe') }) as CodeLens[];
        assert.deepEqual(lenses.map(lens => lens.command!.title), ['seeks 1 · receives 0 · gives 0', 'seeks 1 · receives 1 · gives 1', 'seeks 2 · receives 1 · gives 1 · 1 unmet']);
        assert.deepEqual(document.diagnostics!.map(d => [d.code, d.range.start.line]), [['isolated-actor', 1], ['unmet-need', 4]]);
    });
});
