// The editor half of `npm run bench`: what a keystroke costs in the language server, in process.
// Diagnostics: from a text change to validated diagnostics (Langium rebuilds the changed document and
// the files of its ecosystem); completion: after '->' in a flow; hover on a journey and the file's code
// lenses (both walk the relation index). All on the N=500 synthetic model.
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCxeServices } from '@cxe/language/lsp';

const RUNS = 15;
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchEditor(text) {
    const { shared, Cxe } = createCxeServices(EmptyFileSystem);
    const uri = URI.file('/bench/model.cxe');
    let version = 1;
    const open = async content => {
        setTextDocument(shared, TextDocument.create(uri.toString(), 'cxe', version++, content));
        await shared.workspace.DocumentBuilder.update([uri], []);
    };
    await open(text);
    const diagnosticsMs = [];
    for (let i = 0; i < RUNS + 1; i++) {
        // One keystroke: a character typed into the first label of the file.
        const edited = text.replace('"', `"${'x'.repeat(i + 1)}`);
        const start = performance.now();
        await open(edited);
        if (i > 0) {
            diagnosticsMs.push(performance.now() - start);
        }
    }
    // Hover and code lens walk the relation index on request (not on a keystroke): what each costs.
    const built = shared.workspace.LangiumDocuments.getDocument(uri);
    const journeyAt = built.textDocument.positionAt(text.indexOf('journey Journey1') + 'journey '.length + 1);
    const hoverMs = [];
    const codeLensMs = [];
    for (let i = 0; i < RUNS + 1; i++) {
        let start = performance.now();
        await Cxe.lsp.HoverProvider.getHoverContent(built, { textDocument: { uri: uri.toString() }, position: journeyAt });
        const hover = performance.now() - start;
        start = performance.now();
        await Cxe.lsp.CodeLensProvider.provideCodeLens(built, { textDocument: { uri: uri.toString() } });
        if (i > 0) {
            hoverMs.push(hover);
            codeLensMs.push(performance.now() - start);
        }
    }
    const withFlow = `${text}\nexchange ${/customer (\w+)/.exec(text)[1]} -> `;
    await open(withFlow);
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    const position = document.textDocument.positionAt(withFlow.length);
    const completionMs = [];
    let items = 0;
    for (let i = 0; i < RUNS + 1; i++) {
        const start = performance.now();
        const list = await Cxe.lsp.CompletionProvider.getCompletion(document, { textDocument: { uri: uri.toString() }, position });
        if (i > 0) {
            completionMs.push(performance.now() - start);
        }
        items = list?.items.length ?? 0;
    }
    return { diagnosticsMs: median(diagnosticsMs), completionMs: median(completionMs), completionItems: items, hoverMs: median(hoverMs), codeLensMs: median(codeLensMs) };
}
