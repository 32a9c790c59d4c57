import type { LangiumDocument } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { URI, buildWorkspace, createCxeCoreServices } from '../src/index.js';
import type { Model } from '../src/generated/ast.js';

/** A diagnostic reduced to what the contract fixes: `severity code L:C-L:C` (1-based). */
export type Found = string;

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export function found(document: LangiumDocument): Found[] {
    return (document.diagnostics ?? [])
        .map(d => `${SEVERITY[d.severity ?? 1]} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`)
        .sort(byPosition);
}

function byPosition(a: string, b: string): number {
    const position = (s: string) => s.split(' ')[2].split(/[:-]/).map(Number);
    const [pa, pb] = [position(a), position(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The 1-based range `L:C-L:C` of the n-th occurrence (0-based; -1 for the last) of `snippet` in
 * `text`, so that tests name the words they expect to be underlined instead of counting columns.
 */
export function rangeOf(text: string, snippet: string, occurrence = 0): string {
    if (occurrence < 0) {
        return rangeOf(text, snippet, text.split(snippet).length - 2);
    }
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(snippet, offset + 1);
        if (offset < 0) {
            throw new Error(`'${snippet}' occurs fewer than ${occurrence + 1} times`);
        }
    }
    const start = position(text, offset);
    const end = position(text, offset + snippet.length);
    return `${start}-${end}`;
}

function position(text: string, offset: number): string {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `${line}:${column}`;
}

/** `severity code range-of-snippet`, for expectations. */
export function at(severity: 'error' | 'warning', code: string, text: string, snippet: string, occurrence = 0): Found {
    return `${severity} ${code} ${rangeOf(text, snippet, occurrence)}`;
}

/** An in-memory workspace of named files, built like the CLI builds files, and updatable like the editor. */
export class TestWorkspace {
    readonly fileSystem = new VirtualFileSystemProvider();
    readonly services = createCxeCoreServices({ fileSystemProvider: () => this.fileSystem });
    private readonly documents = new Map<string, LangiumDocument>();

    static async of(files: Record<string, string>): Promise<TestWorkspace> {
        const workspace = new TestWorkspace();
        await workspace.load(files);
        return workspace;
    }

    /** Puts every file in the file system and builds the `.cxe` ones (others, like settings, are only read). */
    async load(files: Record<string, string>): Promise<void> {
        Object.entries(files).forEach(([name, text]) => this.fileSystem.insert(uriOf(name), text));
        const models = Object.keys(files).filter(name => name.endsWith('.cxe'));
        const built = await buildWorkspace(this.services.shared, models.map(name => ({ uri: uriOf(name), text: files[name] })));
        models.forEach((name, i) => this.documents.set(name, built[i]));
    }

    /** Replaces a file's text and rebuilds the way the language server does on an edit. */
    async change(name: string, text: string): Promise<void> {
        this.fileSystem.insert(uriOf(name), text);
        await this.services.shared.workspace.DocumentBuilder.update([uriOf(name)], []);
    }

    async remove(name: string): Promise<void> {
        this.fileSystem.delete(uriOf(name));
        this.documents.delete(name);
        await this.services.shared.workspace.DocumentBuilder.update([], [uriOf(name)]);
    }

    document(name: string): LangiumDocument<Model> {
        const document = this.services.shared.workspace.LangiumDocuments.getDocument(uriOf(name));
        if (!document) {
            throw new Error(`no document ${name}`);
        }
        return document as LangiumDocument<Model>;
    }

    model(name: string): Model {
        return this.document(name).parseResult.value;
    }

    found(name: string): Found[] {
        return found(this.document(name));
    }
}

export function uriOf(name: string): URI {
    return URI.file(`/workspace/${name}`);
}

/** Builds one file alone and returns its diagnostics. */
export async function diagnose(text: string): Promise<Found[]> {
    const workspace = await TestWorkspace.of({ 'model.cxe': text });
    return workspace.found('model.cxe');
}

/** The message of the first diagnostic with a code (LSP messages may be markup; ours are text). */
export function messageOf(document: LangiumDocument, code: string): string {
    const message = document.diagnostics?.find(d => d.code === code)?.message;
    return typeof message === 'string' ? message : message?.value ?? '';
}
