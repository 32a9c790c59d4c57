import { type LangiumDocument, type URI, Cancellation, DefaultDocumentBuilder, DocumentState, UriUtils } from 'langium';
import type { CxeAddedServices } from '../cxe-module.js';
import { SETTINGS_FILE_NAME } from '../settings/settings-file.js';
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
        this.revalidateUnderChangedSettings([...changed, ...deleted]);
        return super.update(changed, deleted, cancelToken);
    }

    /**
     * A settings file created, changed or deleted: the rule settings are read again and the documents
     * of its folder and below are validated again (not parsed or linked again).
     */
    private revalidateUnderChangedSettings(uris: readonly URI[]): void {
        const folders = uris.filter(uri => UriUtils.basename(uri) === SETTINGS_FILE_NAME).map(uri => `${UriUtils.dirname(uri).toString()}/`);
        if (folders.length === 0) {
            return;
        }
        for (const services of this.serviceRegistry.all) {
            (services as unknown as CxeAddedServices).workspace.RuleSettings.reload();
        }
        this.langiumDocuments.all
            .filter(document => folders.some(folder => document.uri.toString().startsWith(folder)))
            .forEach(document => this.resetToState(document, DocumentState.IndexedReferences));
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const ecosystem = ecosystemNameOf(document);
        return (ecosystem !== undefined && this.touchedEcosystems.has(ecosystem)) || super.shouldRelink(document, changedUris);
    }
}
