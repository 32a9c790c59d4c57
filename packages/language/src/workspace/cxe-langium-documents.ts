import { DefaultLangiumDocuments, type LangiumDocument, type Stream, type URI, stream } from 'langium';

/**
 * Langium's documents, with the list of every document kept until a document is added or deleted:
 * `all` is read several times per build (Langium's own update reads it twice), and collecting a
 * 1,000-document trie into a new list each time was a large share of a keystroke's garbage.
 */
export class CxeLangiumDocuments extends DefaultLangiumDocuments {
    private every?: readonly LangiumDocument[];

    override get all(): Stream<LangiumDocument> {
        this.every ??= this.documentTrie.all();
        return stream(this.every);
    }

    override addDocument(document: LangiumDocument): void {
        this.every = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.every = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.every = undefined;
        return super.deleteDocuments(folder);
    }
}
