import { type AstNodeDescription, DefaultIndexManager } from 'langium';

/**
 * Langium's index, read per document in an order the caller gives: a scope built from the documents
 * of an ecosystem in URI order resolves a name declared twice the same way whatever order the
 * documents were loaded or edited in (the index keeps them in the order they were last indexed).
 */
export class CxeIndexManager extends DefaultIndexManager {
    /** The exported descriptions of a type of the given documents, document by document. */
    elementsIn(uris: readonly string[], nodeType: string): AstNodeDescription[] {
        return uris.flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    /** Everything a document exports, in its order. */
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }
}
