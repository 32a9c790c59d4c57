import { writeFile } from 'node:fs/promises';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, countOf, createCxeBatchServices } from '@cxe/language';
import { discoverFiles } from '../discover-files.js';
import type { Io } from '../io.js';
import { readSources } from '../read-sources.js';
import { ExitCode } from '../usage-error.js';

export interface FormatOptions {
    /** Write nothing; exit 1 and name the files that formatting would change. */
    readonly check?: boolean;
}

/**
 * `cxe format`: lays out `.cxe` files exactly as the editor's Format Document does (the same
 * formatter). A file with syntax errors is left alone and reported, as the editor leaves it.
 */
export async function runFormat(paths: readonly string[], options: FormatOptions, io: Io): Promise<number> {
    const { sources, unreadable } = await readSources(await discoverFiles(paths));
    unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    // The formatter lives with the language server's services: loaded only by this command.
    const { CxeFormatter } = await import('@cxe/language/lsp');
    const formatter = new CxeFormatter();
    const factory = createCxeBatchServices(EmptyFileSystem).shared.workspace.LangiumDocumentFactory;
    let unformatted = 0;
    let broken = 0;
    for (const { file, text, decodingProblems } of sources) {
        const document: LangiumDocument = factory.fromString(text, URI.file(file.absolutePath));
        if (decodingProblems.length > 0 || document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) {
            io.err(`cxe: cannot format ${file.displayPath}: it has syntax errors (cxe validate shows them).\n`);
            broken++;
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        if (formatted === text) {
            continue;
        }
        unformatted++;
        if (options.check) {
            io.out(`not formatted: ${file.displayPath}\n`);
        } else {
            await writeFile(file.absolutePath, formatted);
            io.out(`formatted ${file.displayPath}\n`);
        }
    }
    const checked = countOf(sources.length, 'file');
    io.out(options.check
        ? (unformatted === 0 ? `${checked} checked: all formatted.\n` : `${checked} checked: ${unformatted} not formatted (run cxe format).\n`)
        : `${checked} checked: ${unformatted} reformatted.\n`);
    if (unreadable.length > 0) {
        return ExitCode.usage;
    }
    return broken > 0 || (options.check && unformatted > 0) ? ExitCode.problems : ExitCode.ok;
}
