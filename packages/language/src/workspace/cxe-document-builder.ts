import {
    type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type URI, Cancellation, DefaultDocumentBuilder, DocumentState,
    OperationCancelled, UriUtils,
} from 'langium';
import type { CxeAddedServices } from '../cxe-module.js';
import type { Model } from '../generated/ast.js';
import type { CxeLinker, Rebinding } from '../references/cxe-linker.js';
import { SETTINGS_FILE_NAME } from '../settings/settings-file.js';
import type { CxeIndexManager } from './cxe-index-manager.js';
import { ecosystemNameOf } from './ecosystem-membership.js';

/** What a document offers the others: its ecosystem and each top-level element's kind and name, in order. */
interface Exports {
    readonly ecosystem?: string;
    readonly elements: ReadonlyArray<readonly [type: string, name: string]>;
}

/**
 * Builds after an edit only what the edit can change. Files of one ecosystem see each other's names,
 * so after a document changes (or goes away):
 * - a document that references it is linked again when the names it exports changed (or its
 *   ecosystem did); when they did not (an edit inside an element's body), its references are only
 *   pointed at the edited document's new elements (CxeLinker.rebind);
 * - a document of the ecosystems concerned that names one of the changed names is linked again (the
 *   name may resolve now, or to another element), as is any document with an unresolved reference;
 * - the ecosystem's checks run again on what the edit touched (EcosystemProblems), and the documents
 *   whose problems changed are validated again, with no other.
 * The edited documents are validated first.
 */
export class CxeDocumentBuilder extends DefaultDocumentBuilder {
    /** The exports of the documents changed since the last build that linked them, as the others were linked against. */
    private readonly exportsBefore = new Map<string, { readonly uri: URI; readonly before?: Exports; readonly root?: AstNode }>();
    /** Documents referencing a changed document: rebound or linked again once the changed documents are parsed. */
    private readonly referencing = new Set<LangiumDocument>();
    /** The documents changed by the updates of the current build: validated first. */
    private readonly edited = new Set<string>();
    private options: BuildOptions = {};
    /** The documents with a reference that did not resolve when they were last linked. */
    private readonly unresolved = new Set<string>();
    /** The names each document's references were written with when it was last linked. */
    private readonly referencedNames = new NameIndex();
    /** Callers waiting for the workspace to reach a state (`waitUntil` without a document), see awaitBuilderState. */
    private readonly stateWaiters = new Set<{ readonly state: DocumentState; readonly resolve: () => void }>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Linked, document => {
            const key = document.uri.toString();
            document.references.some(reference => reference.error !== undefined) ? this.unresolved.add(key) : this.unresolved.delete(key);
            this.referencedNames.set(key, document, document.references.map(reference => reference.$refText));
        });
        this.onUpdate((_changed, deleted) => deleted.forEach(uri => {
            this.unresolved.delete(uri.toString());
            this.referencedNames.delete(uri.toString());
        }));
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            const document = this.langiumDocuments.getDocument(uri);
            if (!this.exportsBefore.has(key)) {
                const indexed = document && document.state >= DocumentState.IndexedContent;
                this.exportsBefore.set(key, { uri, before: indexed ? exportsOf(document) : undefined, root: indexed ? document.parseResult.value : undefined });
            }
            this.edited.add(key);
        }
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

    /** Documents with an unresolved reference are linked again; those referencing a changed one are decided on after parsing. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.unresolved.has(document.uri.toString())) {
            return true;
        }
        if (this.indexManager.isAffected(document, changedUris)) {
            this.referencing.add(document);
        }
        return false;
    }

    /**
     * Langium asks this of every document after every change; its answer lists the validator's
     * categories each time, which costs more in a 1,000-file workspace than the edit. A document whose
     * last validation ran every category the options ask for is complete without asking.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        const requested = typeof options?.validation === 'object' ? options.validation.categories : undefined;
        const executed = state?.result?.validationChecks;
        if (state?.completed && requested && executed && requested.every(category => executed.includes(category))) {
            return false;
        }
        return super.resultsAreIncomplete(document, options);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        this.options = options;
        // Parse and index first (Langium's first phases anyway) to learn what the changed documents now export.
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, document => this.indexManager.updateContent(document, cancelToken));
        const relinked = this.relinkOrRebind(new Set(documents));
        await super.buildDocuments([...documents, ...relinked], options, cancelToken);
        this.edited.clear();
    }

    /**
     * Decides, once the changed documents are parsed, which other documents are linked again and
     * which only rebound (see the class comment); resets the first and returns them. Synchronous, so
     * that a cancelled build leaves either nothing decided or everything.
     */
    private relinkOrRebind(building: ReadonlySet<LangiumDocument>): LangiumDocument[] {
        const moved = new Set<string>();
        const names = new Set<string>();
        const ecosystems = new Set<string>();
        const rebindable = new Map<string, Rebinding>();
        for (const [key, { uri, before, root: oldRoot }] of this.exportsBefore) {
            const document = this.langiumDocuments.getDocument(uri);
            const after = document ? exportsOf(document) : undefined;
            const changedNames = before && after && before.ecosystem === after.ecosystem ? namesChanged(before, after) : undefined;
            if (document && changedNames && oldRoot) {
                const root = document.parseResult.value as Model;
                const exports = (this.indexManager as CxeIndexManager).exportsOf(key);
                rebindable.set(key, {
                    root: oldRoot,
                    named: Map.groupBy(root.elements.filter(element => element.name), element => element.name!),
                    exports: new Map(exports.map(description => [description.path, description])),
                    changedNames,
                });
            } else {
                moved.add(key); // new, deleted, or moved to another ecosystem: every name changed
            }
            for (const side of [before, after]) {
                side?.elements.forEach(([, name]) => (!changedNames || changedNames.has(name)) && names.add(name));
                if (side?.ecosystem !== undefined && (!changedNames || changedNames.size > 0)) {
                    ecosystems.add(side.ecosystem);
                }
            }
        }
        const relink = new Set<LangiumDocument>();
        const linked = (document: LangiumDocument) => !building.has(document) && document.state > DocumentState.ComputedScopes;
        for (const document of this.referencing) {
            if (linked(document) && (this.indexManager.isAffected(document, moved) || !this.rebind(document, rebindable))) {
                relink.add(document);
            }
        }
        for (const document of this.referencedNames.documentsNaming(names)) {
            if (linked(document) && ecosystems.has(ecosystemNameOf(document) ?? '')) {
                relink.add(document);
            }
        }
        this.exportsBefore.clear();
        this.referencing.clear();
        relink.forEach(document => this.resetToState(document, DocumentState.ComputedScopes));
        return [...relink];
    }

    private rebind(document: LangiumDocument, rebindable: ReadonlyMap<string, Rebinding>): boolean {
        const services = this.serviceRegistry.getServices(document.uri);
        const rebound = (services.references.Linker as CxeLinker).rebind(document, rebindable);
        if (!rebound) {
            return false;
        }
        if (rebound.moves.length > 0) {
            (this.indexManager as CxeIndexManager).retarget(document.uri, rebound.moves);
        }
        (services as unknown as CxeAddedServices).workspace.EcosystemModels.retarget(document, rebindable.keys(), rebound.targets);
        return true;
    }

    /**
     * Before validating: the documents whose check problems changed join the documents to validate,
     * and the edited documents go first (their diagnostics are the ones the user waits for). After
     * each phase: the callers waiting for the workspace to reach it go on (awaitBuilderState).
     */
    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => Promise<unknown> | unknown): Promise<void> {
        if (targetState === DocumentState.Validated && this.options.validation) {
            documents = this.withChangedProblems(documents);
        }
        await super.runCancelable(documents, targetState, cancelToken, callback);
        // The phase is recorded as reached (currentState) and no message has come in since.
        for (const waiter of this.stateWaiters) {
            if (waiter.state <= this.currentState) {
                this.stateWaiters.delete(waiter);
                waiter.resolve();
            }
        }
    }

    /**
     * Resolves once a build records the state as reached. Langium resolves these waits from the
     * phase's listeners, but it notifies a copy of them, yielding to the event loop in between, and
     * records the phase only afterwards; and it notifies no one for a phase without documents (a
     * build after a deletion). A request that came in meanwhile (`cxe/diagram` waits for Validated)
     * was in neither and waited for the next build that validated something, which a client waiting
     * for the answer never started: the server sat idle with the request open.
     */
    protected override awaitBuilderState(state: DocumentState, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (this.currentState >= state) {
            return Promise.resolve();
        }
        if (cancelToken.isCancellationRequested) {
            return Promise.reject(OperationCancelled);
        }
        return new Promise((resolve, reject) => {
            const waiter = {
                state, resolve: () => {
                    cancelled.dispose();
                    resolve();
                },
            };
            const cancelled = cancelToken.onCancellationRequested(() => {
                this.stateWaiters.delete(waiter);
                cancelled.dispose();
                reject(OperationCancelled);
            });
            this.stateWaiters.add(waiter);
        });
    }

    private withChangedProblems(documents: LangiumDocument[]): LangiumDocument[] {
        const changed = new Set<string>();
        for (const services of this.serviceRegistry.all) {
            (services as unknown as CxeAddedServices).workspace.EcosystemProblems.takeChangedDocuments().forEach(uri => changed.add(uri));
        }
        const validating = new Set(documents);
        const more = this.langiumDocuments.all.filter(document => changed.has(document.uri.toString()) && !validating.has(document)).toArray();
        for (const document of more) {
            // Validated again, keeping everything else: as resetToState(IndexedReferences), with the build's options.
            document.state = Math.min(document.state, DocumentState.IndexedReferences);
            document.diagnostics = undefined;
            this.buildState.set(document.uri.toString(), { completed: false, options: this.options });
        }
        const all = [...documents, ...more];
        return [...all.filter(document => this.edited.has(document.uri.toString())), ...all.filter(document => !this.edited.has(document.uri.toString()))];
    }
}

function exportsOf(document: LangiumDocument): Exports {
    const root = document.parseResult?.value as Model | undefined;
    return { ecosystem: ecosystemNameOf(document), elements: (root?.elements ?? []).map(element => [element.$type, element.name ?? ''] as const) };
}

/** The names whose declarations differ: other kinds of element, or another number of them, or in another order. */
function namesChanged(before: Exports, after: Exports): Set<string> {
    const declarations = (exports: Exports) => {
        const byName = new Map<string, string>();
        exports.elements.forEach(([type, name]) => byName.set(name, `${byName.get(name) ?? ''} ${type}`));
        return byName;
    };
    const [old, now] = [declarations(before), declarations(after)];
    return new Set([...old.keys(), ...now.keys()].filter(name => old.get(name) !== now.get(name)));
}

/** Which documents' references are written with a name, kept as documents are linked. */
class NameIndex {
    private readonly byDocument = new Map<string, readonly string[]>();
    private readonly byName = new Map<string, Map<string, LangiumDocument>>();

    set(key: string, document: LangiumDocument, names: readonly string[]): void {
        this.delete(key);
        this.byDocument.set(key, names);
        for (const name of names) {
            const documents = this.byName.get(name);
            documents ? documents.set(key, document) : this.byName.set(name, new Map([[key, document]]));
        }
    }

    delete(key: string): void {
        for (const name of this.byDocument.get(key) ?? []) {
            const documents = this.byName.get(name);
            documents?.delete(key);
            if (documents?.size === 0) {
                this.byName.delete(name);
            }
        }
        this.byDocument.delete(key);
    }

    documentsNaming(names: Iterable<string>): Set<LangiumDocument> {
        const found = new Set<LangiumDocument>();
        for (const name of names) {
            this.byName.get(name)?.forEach(document => found.add(document));
        }
        return found;
    }
}
