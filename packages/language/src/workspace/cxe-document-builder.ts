import { type LangiumDocument, type URI, DefaultDocumentBuilder, Cancellation } from 'langium';
import { ecosystemNameOf } from './ecosystem-membership.js';

/**
 * Files of one ecosystem are one model: a flow added in one file changes the warnings of an actor
 * declared in another, even though that file references nothing in the first. So when a file changes
 * or goes away, every file of its ecosystem is relinked and revalidated, not only those that
 * reference it.
 */
export class CxeDocumentBuilder extends DefaultDocumentBuilder {
    private touchedEcosystems: ReadonlySet<string> = new Set();

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Read the ecosystems before the update resets (or removes) the documents.
        this.touchedEcosystems = new Set([...changed, ...deleted]
            .map(uri => this.langiumDocuments.getDocument(uri))
            .map(document => document && ecosystemNameOf(document))
            .filter((name): name is string => name !== undefined));
        return super.update(changed, deleted, cancelToken);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const ecosystem = ecosystemNameOf(document);
        return (ecosystem !== undefined && this.touchedEcosystems.has(ecosystem)) || super.shouldRelink(document, changedUris);
    }
}
