import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompletionItem, Hover, MarkupContent, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { handleDiagramRequest } from '../../src/lsp/index.js';
import { lspWorkspace } from './lsp-helpers.js';

const front = `ecosystem Cable
customer Home { seeks Working }
employee Tech { employer Co }
organization Co
value Working service
touchpoint Visit "Technician's visit" { owner Co }
touchpoint Bill
exchange Install { Tech -> Home : Working via Visit }
journey Setup "Getting set up" for Home {
  step Arrive at Visit score 1
  step Pay at Bill score 2
}
view Why { trace Setup  depth 2 }
`;
const back = `ecosystem Cable
policy PayPerJob { affects Tech }
policy NoDrilling { affects Tech }
process Dispatch { supports Visit }
environment Fibre { affects Tech }
`;

const labels = (items: CompletionItem[] | undefined) => (items ?? []).map(item => item.label).sort();

describe('language server features for trace and impact', () => {
    it('completes any element but a view after trace and impact', async () => {
        for (const keyword of ['trace', 'impact']) {
            const text = `ecosystem Cable\nview Other { ${keyword} `;
            const ws = await lspWorkspace({ 'front.cxe': front, 'back.cxe': back, 'edit.cxe': text });
            const document = ws.document('edit.cxe');
            const result = await ws.Cxe.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.length),
            });
            const items = labels(result?.items);
            for (const name of ['Home', 'Working', 'Install', 'Visit', 'Setup', 'PayPerJob', 'Dispatch', 'Fibre']) {
                assert.ok(items.includes(name), `${keyword}: ${name} in ${items}`);
            }
            assert.ok(!items.includes('Why') && !items.includes('Other'), `${keyword}: no views in ${items}`);
        }
    });

    it('reports an unresolved element after trace, and depth is a view clause', async () => {
        const ws = await lspWorkspace({ 'front.cxe': front.replace('trace Setup', 'trace Setup, Nowhere  impact Why'), 'back.cxe': back });
        const codes = ws.document('front.cxe').diagnostics!.map(d => `${d.code} ${d.range.start.line + 1}`);
        assert.deepEqual(codes.filter(code => code.startsWith('unresolved-reference')), ['unresolved-reference 13', 'unresolved-reference 13']);
    });

    it('depth 0 is a syntax error on the number; depth 1 and up are fine', async () => {
        const ws = await lspWorkspace({ 'front.cxe': front.replace('depth 2', 'depth 0'), 'back.cxe': back });
        const errors = ws.document('front.cxe').diagnostics!.filter(d => d.severity === 1);
        assert.deepEqual(errors.map(d => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`), ['syntax 13:31-32']);
        const fine = await lspWorkspace({ 'front.cxe': front.replace('depth 2', 'depth 1'), 'back.cxe': back });
        assert.deepEqual(fine.document('front.cxe').diagnostics!.filter(d => d.severity === 1), []);
    });

    it('goes to the definition of a traced element in another file, and rename follows it', async () => {
        const text = front.replace('trace Setup', 'trace Setup  impact Dispatch');
        const ws = await lspWorkspace({ 'front.cxe': text, 'back.cxe': back });
        const document = ws.document('front.cxe');
        const definitions = await ws.Cxe.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: document.uri.toString() }, position: ws.position('front.cxe', 'impact Dispatch', 0, 8),
        });
        assert.equal(definitions?.[0].targetUri, ws.document('back.cxe').uri.toString());
        assert.equal(definitions?.[0].targetSelectionRange.start.line, 3);
        const edit = await ws.Cxe.lsp.RenameProvider!.rename(ws.document('back.cxe'), {
            textDocument: { uri: ws.document('back.cxe').uri.toString() }, position: ws.position('back.cxe', 'Dispatch'), newName: 'Rota',
        }) as WorkspaceEdit;
        const renamed = TextDocument.applyEdits(TextDocument.create('x', 'cxe', 0, text), edit.changes![document.uri.toString()] ?? []);
        assert.match(renamed, /impact Rota  depth 2 }/);
    });

    it('hover adds what is behind an element and what it reaches, also on a trace reference', async () => {
        const ws = await lspWorkspace({ 'front.cxe': front, 'back.cxe': back });
        const hoverAt = async (name: string, snippet: string, into: number) => {
            const document = ws.document(name);
            const hover = await ws.Cxe.lsp.HoverProvider!.getHoverContent(document, {
                textDocument: { uri: document.uri.toString() }, position: ws.position(name, snippet, 0, into),
            }) as Hover;
            return (hover.contents as MarkupContent).value;
        };
        assert.match(await hoverAt('front.cxe', 'touchpoint Visit', 12),
            /\nBehind it: 2 policies, 1 process, 1 environment factor · It reaches: 1 journey$/);
        assert.match(await hoverAt('front.cxe', 'trace Setup', 7), /\nBehind it: 2 policies, 1 process, 1 environment factor$/);
        assert.match(await hoverAt('front.cxe', 'touchpoint Bill', 12), /\nBehind it: no system, process, policy or environment factor · It reaches: 1 journey$/);
        assert.match(await hoverAt('back.cxe', 'PayPerJob', 1), /\n\nIt reaches: 1 touchpoint, 1 journey$/);
    });

    it('code lens counts the root causes of each touchpoint and journey, and opens them', async () => {
        const ws = await lspWorkspace({ 'front.cxe': front, 'back.cxe': back });
        const document = ws.document('front.cxe');
        const lenses = await ws.Cxe.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        const walkLenses = (lenses ?? []).filter(lens => lens.command?.command === 'cxe.showRootCauses');
        assert.deepEqual(walkLenses.map(lens => [lens.range.start.line + 1, lens.command!.title, lens.command!.arguments?.[1]]), [
            [6, '4 root causes', 'Visit'], [7, 'no root cause modelled', 'Bill'], [9, '4 root causes', 'Setup']]);
    });

    it('pain-point-without-cause is an info on the painful step whose touchpoint has nothing behind it', async () => {
        const ws = await lspWorkspace({ 'front.cxe': front, 'back.cxe': back });
        const infos = ws.document('front.cxe').diagnostics!.filter(d => d.code === 'pain-point-without-cause');
        assert.deepEqual(infos.map(d => [d.severity, d.range.start.line + 1, d.range.start.character + 1, d.range.end.character + 1]), [[3, 11, 8, 11]]);
        assert.match(String(infos[0].message), /Step 'Pay' of journey 'Setup' is painful \(score 2\)/);
        assert.match(String(infos[0].codeDescription?.href), /\/docs\/rules\/pain-point-without-cause\.md$/);
    });

    it('the diagram request draws a walk no view declares, and falls back to the view for an unknown element', async () => {
        const ws = await lspWorkspace({ 'front.cxe': front, 'back.cxe': back });
        const uri = ws.document('front.cxe').uri.toString();
        const trace = await handleDiagramRequest(ws.shared, ws.Cxe, { uri, walk: { direction: 'trace', element: 'Visit', depth: 2 } });
        assert.equal(trace?.view, 'trace Visit');
        assert.deepEqual([...trace!.svg.matchAll(/data-cxe-element="(\w+)"/g)].map(m => m[1]).sort(),
            ['Co', 'Dispatch', 'Install', 'NoDrilling', 'PayPerJob', 'Fibre', 'Tech', 'Visit', 'Working'].sort());
        assert.match(trace!.svg, /data-cxe-element="Visit"[^>]*>(<title>[^<]*<\/title>)?<[^>]*stroke-width="3\.5"/);
        const impact = await handleDiagramRequest(ws.shared, ws.Cxe, { uri, walk: { direction: 'impact', element: 'Fibre' } });
        assert.deepEqual([...impact!.svg.matchAll(/data-cxe-element="(\w+)"/g)].map(m => m[1]), ['Fibre', 'Tech', 'Visit', 'Setup']);
        const unknown = await handleDiagramRequest(ws.shared, ws.Cxe, { uri, walk: { direction: 'trace', element: 'Nope' } });
        assert.equal(unknown?.view, 'Why');
    });

    it('never fails on a half-typed model: build, hover, code lens and the walk diagram answer on every cut', async function () {
        this.timeout(60_000);
        const text = front.replace('view Why { trace Setup  depth 2 }', 'view Why { trace Setup, Visit  impact Fibre  depth 2  include Co }');
        await fc.assert(fc.asyncProperty(fc.nat(text.length), fc.nat(text.length), async (cut, at) => {
            const ws = await lspWorkspace({ 'front.cxe': text.slice(0, cut), 'back.cxe': back });
            const document = ws.document('front.cxe');
            const textDocument = { uri: document.uri.toString() };
            const position = document.textDocument.positionAt(Math.min(at, cut));
            await ws.Cxe.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
            await ws.Cxe.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
            for (const direction of ['trace', 'impact'] as const) {
                await handleDiagramRequest(ws.shared, ws.Cxe, { uri: textDocument.uri, walk: { direction, element: 'Visit' } });
            }
            await handleDiagramRequest(ws.shared, ws.Cxe, { uri: textDocument.uri, view: 'Why' });
        }), { numRuns: 25 });
    });
});
