import { NodeFileSystem } from 'langium/node';
import { URI, buildWorkspace, createCxeBatchServices } from '@cxe/language';
import type { InputFile } from './discover-files.js';
import { type FileDiagnostic, fromDocument, sortDiagnostics } from './file-diagnostic.js';
import { readSources } from './read-sources.js';

export interface ValidationReport {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly diagnostics: readonly FileDiagnostic[];
    /** Files that could not be read at all (a usage problem, reported apart). */
    readonly unreadable: readonly string[];
}

/** Loads all files into one workspace (files of one ecosystem are one model) and collects diagnostics. */
export async function validateFiles(files: readonly InputFile[]): Promise<ValidationReport> {
    const { sources, unreadable } = await readSources(files);
    const { shared } = createCxeBatchServices(NodeFileSystem);
    const documents = await buildWorkspace(shared, sources.map(source => ({
        uri: URI.file(source.file.absolutePath),
        text: source.text,
    })));
    const diagnostics = sortDiagnostics(sources.flatMap((source, i) => [
        ...source.decodingProblems,
        ...fromDocument(source.file.displayPath, documents[i]),
    ]));
    return {
        files: sources.length,
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length,
        diagnostics,
        unreadable,
    };
}
