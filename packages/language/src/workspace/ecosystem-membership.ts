import { DocumentState, GrammarUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
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
 * Worked out again after a build indexes a document that is new or declares another ecosystem than
 * before, or after a document is deleted (before any reference is linked); an edit that keeps the
 * file's ecosystem keeps the membership, so a keystroke does not sort the workspace's URIs again.
 */
export class EcosystemMembership {
    private readonly documents: LangiumDocuments;
    private current?: Membership;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        builder.onBuildPhase(DocumentState.IndexedContent, indexed => {
            if (this.current && indexed.some(document => !this.current!.ecosystemOf.has(document) || this.current!.ecosystemOf.get(document) !== ecosystemNameOf(document))) {
                this.current = undefined;
            }
        });
        builder.onUpdate((_changed, deleted) => {
            if (deleted.length > 0) {
                this.current = undefined;
            }
        });
    }

    /** The documents of an ecosystem, sorted by URI so that every consumer sees one stable order. */
    documentsOf(ecosystem: string): readonly LangiumDocument[] {
        return this.membership().byEcosystem.get(ecosystem) ?? [];
    }

    /** Each document's position in its ecosystem's URI order, by URI; the same map until the membership changes. */
    positionsOf(ecosystem: string): ReadonlyMap<string, number> {
        const { positions } = this.membership();
        let found = positions.get(ecosystem);
        if (!found) {
            found = new Map(this.documentsOf(ecosystem).map((document, i) => [document.uri.toString(), i]));
            positions.set(ecosystem, found);
        }
        return found;
    }

    ecosystems(): string[] {
        return [...this.membership().byEcosystem.keys()].sort();
    }

    private membership(): Membership {
        if (!this.current) {
            const sorted = this.documents.all.toArray().sort((a, b) => compare(a.uri.toString(), b.uri.toString()));
            const ecosystemOf = new Map(sorted.map(document => [document, ecosystemNameOf(document)]));
            const byEcosystem = Map.groupBy(sorted.filter(document => ecosystemOf.get(document) !== undefined), document => ecosystemOf.get(document)!);
            this.current = { ecosystemOf, byEcosystem, positions: new Map() };
        }
        return this.current;
    }
}

interface Membership {
    /** The ecosystem each document declared when the membership was worked out. */
    readonly ecosystemOf: ReadonlyMap<LangiumDocument, string | undefined>;
    readonly byEcosystem: ReadonlyMap<string, readonly LangiumDocument[]>;
    readonly positions: Map<string, ReadonlyMap<string, number>>;
}

/** Code-unit order, independent of locale, so that output is the same on every machine. */
export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
