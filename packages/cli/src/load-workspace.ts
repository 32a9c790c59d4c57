import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import path from 'node:path';
import { type CxeServices, type RuleSettingsOptions, URI, buildWorkspace, createCxeBatchServices, positionAt } from '@cxe/language';
import type { InputFile } from './discover-files.js';
import { type FileDiagnostic, fromDocument, sortDiagnostics } from './file-diagnostic.js';
import { type SourceText, readSources } from './read-sources.js';
import { UsageError } from './usage-error.js';

export interface ValidationReport {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
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

/**
 * Loads all files into one workspace (files of one ecosystem are one model) and collects diagnostics,
 * under the rule settings of the command line (by default none) and of the settings files that govern
 * the files. A settings file with problems is a usage error naming each problem's file, line and column.
 */
export async function loadWorkspace(files: readonly InputFile[], settings: RuleSettingsOptions = { useFiles: true, rules: new Map() }): Promise<LoadedWorkspace> {
    const { sources, unreadable } = await readSources(files);
    return loadSources(sources, unreadable, settings);
}

/** Builds texts already in memory (for example read from a git revision) as one workspace. */
export async function loadSources(sources: readonly SourceText[], unreadable: readonly string[] = [],
    settings: RuleSettingsOptions = { useFiles: true, rules: new Map() }): Promise<LoadedWorkspace> {
    const { shared, Cxe } = createCxeBatchServices(NodeFileSystem);
    Cxe.workspace.RuleSettings.configure(settings);
    const uris = sources.map(source => URI.file(source.file.absolutePath));
    const documents = await buildWorkspace(shared, sources.map((source, i) => ({ uri: uris[i], text: source.text })));
    throwSettingsProblems(Cxe);
    const diagnostics = sortDiagnostics(sources.flatMap((source, i) => [
        ...source.decodingProblems,
        ...fromDocument(source.file.displayPath, documents[i]),
    ]));
    return {
        report: {
            files: sources.length,
            errors: diagnostics.filter(d => d.severity === 'error').length,
            warnings: diagnostics.filter(d => d.severity === 'warning').length,
            infos: diagnostics.filter(d => d.severity === 'info').length,
            diagnostics,
            unreadable,
        },
        services: Cxe,
        filesByUri: new Map(sources.map((source, i) => [uris[i].toString(), source.file])),
        documents,
    };
}

function throwSettingsProblems(services: CxeServices): void {
    const lines = services.workspace.RuleSettings.loadedFiles()
        .sort((a, b) => (a.uri.fsPath < b.uri.fsPath ? -1 : 1))
        .flatMap(file => file.problems.map(problem => {
            const { line, character } = positionAt(file.text, problem.offset);
            const where = path.relative(process.cwd(), file.uri.fsPath).split(path.sep).join('/');
            return `${where}:${line + 1}:${character + 1}: ${problem.message}`;
        }));
    if (lines.length > 0) {
        throw new UsageError(`invalid rule settings (fix them, or run with --no-config):\n${lines.join('\n')}`);
    }
}
