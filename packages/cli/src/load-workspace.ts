import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { type CxeServices, URI, buildWorkspace, createCxeBatchServices } from '@cxe/language';
import type { InputFile } from './discover-files.js';
import { type FileDiagnostic, fromDocument, sortDiagnostics } from './file-diagnostic.js';
import { type SourceText, readSources } from './read-sources.js';

export interface ValidationReport {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly diagnostics: readonly FileDiagnostic[];
    /** Files that could not be read at all (a usage problem, reported apart). */
    readonly unreadable: readonly string[];
}

export interface LoadedWorkspace {
    readonly report: ValidationReport;
    readonly services: CxeServices;
    /** The files that were read, by URI string: what the generate command needs to name them. */
    readonly filesByUri: ReadonlyMap<string, InputFile>;
    /** The built documents, in the order of the files. */
    readonly documents: readonly LangiumDocument[];
}

/** Loads all files into one workspace (files of one ecosystem are one model) and collects diagnostics. */
export async function loadWorkspace(files: readonly InputFile[]): Promise<LoadedWorkspace> {
    const { sources, unreadable } = await readSources(files);
    return loadSources(sources, unreadable);
}

/** Builds texts already in memory (for example read from a git revision) as one workspace. */
export async function loadSources(sources: readonly SourceText[], unreadable: readonly string[] = []): Promise<LoadedWorkspace> {
    const { shared, Cxe } = createCxeBatchServices(NodeFileSystem);
    const uris = sources.map(source => URI.file(source.file.absolutePath));
    const documents = await buildWorkspace(shared, sources.map((source, i) => ({ uri: uris[i], text: source.text })));
    const diagnostics = sortDiagnostics(sources.flatMap((source, i) => [
        ...source.decodingProblems,
        ...fromDocument(source.file.displayPath, documents[i]),
    ]));
    return {
        report: {
            files: sources.length,
            errors: diagnostics.filter(d => d.severity === 'error').length,
            warnings: diagnostics.filter(d => d.severity === 'warning').length,
            diagnostics,
            unreadable,
        },
        services: Cxe,
        filesByUri: new Map(sources.map((source, i) => [uris[i].toString(), source.file])),
        documents,
    };
}
