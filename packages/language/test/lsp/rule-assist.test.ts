import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lspWorkspace } from './lsp-helpers.js';

const MODEL = [
    'ecosystem Shop',
    'customer Buyer { seeks Goods }',
    'organization Firm {',
    '  seeks Cash',
    '}',
    'partner Courier { seeks Fee }',
    'value Goods "Goods" product',
    'value Cash "Cash" money',
    'value Fee "Fee" money',
    'exchange Buyer -> Firm : Cash',
    'exchange Firm -> Buyer : Goods',
    '',
].join('\n');

/** The quick fixes offered for the first diagnostic of a code, applied one by one to fresh copies. */
async function fixes(text: string, code: string): Promise<Map<string, string>> {
    const ws = await lspWorkspace({ 'm.cxe': text });
    const document = ws.document('m.cxe');
    const diagnostic = document.diagnostics!.find(d => d.code === code);
    assert.ok(diagnostic, `no ${code} in ${document.diagnostics!.map(d => d.code)}`);
    const actions = await ws.Cxe.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    }) as CodeAction[];
    return new Map(actions.map(action => [action.title, TextDocument.applyEdits(document.textDocument, action.edit!.changes![document.uri.toString()])]));
}

async function codesOf(text: string): Promise<string[]> {
    const ws = await lspWorkspace({ 'm.cxe': text });
    return ws.document('m.cxe').diagnostics!.map((d: Diagnostic) => `${d.code} ${d.range.start.line + 1}`);
}

describe('rule quick fixes, completion and hover', () => {
    it('"Ignore here" inserts the comment above the line, in its indentation, ready for the reason', async () => {
        const text = MODEL.replace('  seeks Cash', '  seeks Cash, Tips').replace('value Fee', 'value Tips "Tips" money\nvalue Fee');
        const fixed = (await fixes(text, 'unmet-need')).get('Ignore `unmet-need` here')!;
        assert.ok(fixed.includes('{\n  // cxe-ignore unmet-need -- \n  seeks Cash, Tips\n'), fixed);
        assert.deepEqual(await codesOf(fixed), ['isolated-actor 7']);
    });

    it('"Ignore in this file" adds a file-wide ignore after the header, CRLF kept', async () => {
        const fixed = (await fixes(MODEL.replace(/\n/g, '\r\n'), 'isolated-actor')).get('Ignore `isolated-actor` in this file')!;
        assert.ok(fixed.startsWith('ecosystem Shop\r\n// cxe-ignore-file isolated-actor -- \r\ncustomer'), JSON.stringify(fixed.slice(0, 80)));
        assert.deepEqual(await codesOf(fixed), []);
    });

    it('"Remove unused ignore" removes the comment, or only the codes it names in vain', async () => {
        const unused = MODEL.replace('partner Courier', '// cxe-ignore unmet-need -- old\npartner Courier');
        const removed = (await fixes(unused, 'unused-ignore')).get('Remove unused ignore')!;
        assert.equal(removed, MODEL);
        const partly = MODEL.replace('partner Courier', '// cxe-ignore bogus isolated-actor unmet-need -- why\npartner Courier');
        const trimmed = (await fixes(partly, 'unused-ignore')).get('Remove unused ignore of `bogus`, `unmet-need`')!;
        assert.ok(trimmed.includes('// cxe-ignore isolated-actor -- why\npartner Courier'), trimmed);
        assert.deepEqual(await codesOf(trimmed), []);
    });

    it('removes a repeated clause, on its own line or among others', async () => {
        const own = MODEL.replace('  seeks Cash\n', '  seeks Cash\n  size 3\n  size 4\n');
        const fixed = (await fixes(own, 'duplicate-clause')).get("Remove the repeated 'size' clause")!;
        assert.equal(fixed, MODEL.replace('  seeks Cash\n', '  seeks Cash\n  size 3\n'));
        const inline = MODEL.replace('customer Buyer { seeks Goods }', 'customer Buyer { seeks Goods size 1 size 2 }');
        const fixedInline = (await fixes(inline, 'duplicate-clause')).get("Remove the repeated 'size' clause")!;
        assert.ok(fixedInline.includes('customer Buyer { seeks Goods size 1 }'), fixedInline);
        assert.deepEqual(await codesOf(fixedInline), ['isolated-actor 6']);
    });

    it('completes codes inside an ignore comment, not in its reason', async () => {
        const complete = async (line: string) => {
            const text = `ecosystem Shop\n${line}`;
            const ws = await lspWorkspace({ 'm.cxe': text });
            const document = ws.document('m.cxe');
            const list = await ws.Cxe.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.length) });
            return (list?.items ?? []).map(item => item.label);
        };
        const codes = await complete('// cxe-ignore unm');
        assert.ok(codes.includes('unmet-need') && codes.includes('isolated-actor'), codes.join(', '));
        assert.ok(!codes.includes('syntax') && !codes.includes('unused-ignore'), 'codes a comment cannot silence are not offered');
        assert.ok((await complete('// cxe-ignore-file unmet-need ')).includes('unused-value'));
        assert.ok(!(await complete('// cxe-ignore unmet-need -- because ')).includes('unused-value'));
    });

    it("hover on a code in an ignore comment shows the rule's summary", async () => {
        const text = `${MODEL}// cxe-ignore-file unused-value nope\n`;
        const ws = await lspWorkspace({ 'm.cxe': text });
        const document = ws.document('m.cxe');
        const hover = async (snippet: string) => await ws.Cxe.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: ws.position('m.cxe', snippet, 0, 2),
        }) as Hover | undefined;
        assert.match(((await hover('unused-value'))!.contents as MarkupContent).value, /`unused-value`\*\* \(warning by default\): a value object that no flow carries/);
        assert.match(((await hover('nope'))!.contents as MarkupContent).value, /not a diagnostic code/);
    });
});
