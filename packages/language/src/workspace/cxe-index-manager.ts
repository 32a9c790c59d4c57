import { type AstNodeDescription, type LangiumDocument, type URI, Cancellation, DefaultIndexManager } from 'langium';
import type { TargetMove } from '../references/cxe-linker.js';

/**
 * Langium's index, with the exported names of every document also kept by name, and read per
 * document in an order the caller gives: a scope resolves a name with a look-up instead of a table
 * of the whole ecosystem built again after every keystroke, and a name declared twice resolves to
 * the first declaration in URI order whatever order the documents were loaded or edited in.
 */
export class CxeIndexManager extends DefaultIndexManager {
    private readonly byName = new Map<string, AstNodeDescription[]>();
    /** For each document, the documents whose references name one of its elements. */
    private readonly referencedBy = new Map<string, Set<string>>();

    /** The exported descriptions of a type of the given documents, document by document. */
    elementsIn(uris: readonly string[], nodeType: string): AstNodeDescription[] {
        return uris.flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    /** Every exported description of a name, in no particular order. */
    named(name: string): readonly AstNodeDescription[] {
        return this.byName.get(name) ?? [];
    }

    /** Everything a document exports, in its order. */
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.unindexNames(document.uri.toString());
        await super.updateContent(document, cancelToken);
        for (const description of this.exportsOf(document.uri.toString())) {
            const list = this.byName.get(description.name);
            list ? list.push(description) : this.byName.set(description.name, [description]);
        }
    }

    override async updateReferences(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.unindexTargets(document.uri.toString());
        await super.updateReferences(document, cancelToken);
        const source = document.uri.toString();
        for (const reference of this.referenceIndex.get(source) ?? []) {
            if (!reference.local) {
                const target = reference.targetUri.toString();
                const sources = this.referencedBy.get(target);
                sources ? sources.add(source) : this.referencedBy.set(target, new Set([source]));
            }
        }
    }

    override removeReferences(uri: URI): void {
        this.unindexTargets(uri.toString());
        super.removeReferences(uri);
    }

    /** As Langium's, with a look-up per changed document instead of a pass over the document's references. */
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const source = document.uri.toString();
        for (const changed of changedUris) {
            if (this.referencedBy.get(changed)?.has(source)) {
                return true;
            }
        }
        return false;
    }

    private unindexTargets(source: string): void {
        for (const reference of this.referenceIndex.get(source) ?? []) {
            this.referencedBy.get(reference.targetUri.toString())?.delete(source);
        }
    }

    override removeContent(uri: URI): void {
        this.unindexNames(uri.toString());
        super.removeContent(uri);
    }

    private unindexNames(uri: string): void {
        for (const description of this.exportsOf(uri)) {
            const rest = (this.byName.get(description.name) ?? []).filter(other => other !== description);
            rest.length > 0 ? this.byName.set(description.name, rest) : this.byName.delete(description.name);
        }
    }

    /** A document's references were rebound to elements that moved: its reference descriptions follow them. */
    retarget(source: URI, moves: readonly TargetMove[]): void {
        const descriptions = this.referenceIndex.get(source.toString()) ?? [];
        for (const description of descriptions as Array<{ targetUri: URI; targetPath: string }>) {
            const move = moves.find(candidate => candidate.from === description.targetPath && candidate.uri === description.targetUri.toString());
            if (move) {
                description.targetPath = move.to;
            }
        }
    }
}
