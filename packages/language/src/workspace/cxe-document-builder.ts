import { type BuildOptions, type LangiumDocument, type URI, Cancellation, DefaultDocumentBuilder, DocumentState, UriUtils } from 'langium';
import type { CxeAddedServices } from '../cxe-module.js';
import { SETTINGS_FILE_NAME } from '../settings/settings-file.js';
import { ecosystemNameOf } from './ecosystem-membership.js';

/**
 * Files of one ecosystem are one model: a flow added in one file changes the warnings of an actor
 * declared in another, even though that file references nothing in the first. So when a file changes
 * or goes away, every file of its ecosystem is relinked and revalidated, not only those that
 * reference it: the ecosystems it belonged to before the change, and those it belongs to after it
 * (a header renamed away and back joins the other files again).
 */
export class CxeDocumentBuilder extends DefaultDocumentBuilder {
    private touchedEcosystems: ReadonlySet<string> = new Set();

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Read the ecosystems before the update resets (or removes) the documents.
        this.touchedEcosystems = ecosystemsOf([...changed, ...deleted].map(uri => this.langiumDocuments.getDocument(uri)));
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

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        // Parse first (Langium's first phase anyway) to learn the ecosystems the documents now declare;
        // the other files of those ecosystems are relinked with them.
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        const joined = ecosystemsOf(documents);
        const building = new Set(documents);
        const others = this.langiumDocuments.all
            .filter(document => !building.has(document) && joined.has(ecosystemNameOf(document) ?? '') && document.state > DocumentState.ComputedScopes)
            .toArray();
        others.forEach(document => this.resetToState(document, DocumentState.ComputedScopes));
        return super.buildDocuments([...documents, ...others], options, cancelToken);
    }
}

function ecosystemsOf(documents: ReadonlyArray<LangiumDocument | undefined>): Set<string> {
    return new Set(documents.map(document => document && ecosystemNameOf(document)).filter((name): name is string => name !== undefined));
}
