import { DocumentState, GrammarUtils, type LangiumDocument, type LangiumDocuments, WorkspaceCache } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { type Model, isModel } from '../generated/ast.js';

/**
 * The ecosystem a document declares in its header, or undefined when the header is missing. A header
 * whose `ecosystem` keyword the parser had to invent (stray text before it: `stray⏎ecosystem Shop`)
 * declares nothing: the stray word must not become an ecosystem that the file silently joins.
 */
export function ecosystemNameOf(document: LangiumDocument): string | undefined {
    const root = document.parseResult?.value;
    if (!isModel(root)) {
        return undefined;
    }
    // Asked for every reference linked and every document of every build: answered once per parse.
    if (!declared.has(root)) {
        const header = root.header;
        declared.set(root, header?.$cstNode && GrammarUtils.findNodeForKeyword(header.$cstNode, 'ecosystem') ? header.name : undefined);
    }
    return declared.get(root);
}

const declared = new WeakMap<Model, string | undefined>();

/**
 * Which documents form which ecosystem: all files that declare the same ecosystem name are one model.
 * Recomputed once per build, after every document is indexed (before any reference is linked).
 */
export class EcosystemMembership {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<string, ReadonlyMap<string, readonly LangiumDocument[]>>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared, DocumentState.IndexedContent);
    }

    /** The documents of an ecosystem, sorted by URI so that every consumer sees one stable order. */
    documentsOf(ecosystem: string): readonly LangiumDocument[] {
        return this.byEcosystem().get(ecosystem) ?? [];
    }

    /** The URIs of an ecosystem's documents, in URI order. */
    urisOf(ecosystem: string): string[] {
        return this.documentsOf(ecosystem).map(doc => doc.uri.toString());
    }

    ecosystems(): string[] {
        return [...this.byEcosystem().keys()].sort();
    }

    private byEcosystem(): ReadonlyMap<string, readonly LangiumDocument[]> {
        return this.cache.get('all', () => {
            const sorted = this.documents.all.toArray().sort((a, b) => compare(a.uri.toString(), b.uri.toString()));
            return Map.groupBy(sorted.filter(document => ecosystemNameOf(document) !== undefined), document => ecosystemNameOf(document)!);
        });
    }
}

/** Code-unit order, independent of locale, so that output is the same on every machine. */
export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
