import { type AstNode, DocumentState, type LangiumDocument, WorkspaceCache } from 'langium';
import type { CxeServices } from '../cxe-module.js';
import { type EcosystemMembership, ecosystemNameOf } from '../workspace/ecosystem-membership.js';
import { type EcosystemModel, type ModelPart, ModelIndex, assembleEcosystemModel, modelPartOf, retargetPart } from './ecosystem-model.js';

/**
 * The resolved model of each ecosystem, assembled once per workspace state (after linking) from the
 * parts of its documents. A document's part is kept until the document is linked again (or its
 * references are rebound to an edited document), so an edit rebuilds only the parts it touched.
 */
export class EcosystemModels {
    private readonly membership: EcosystemMembership;
    private readonly cache: WorkspaceCache<string, EcosystemModel>;
    /** Each ecosystem's parts, listed once per state: the model and the checks both read them after a keystroke. */
    private readonly partLists: WorkspaceCache<string, ReadonlyArray<readonly [uri: string, part: ModelPart]>>;
    private readonly parts = new Map<string, ModelPart>();
    private readonly indexes = new Map<string, ModelIndex>();
    /** The model each ecosystem had when last built, kept across edits (see recentModelFor). */
    private readonly lastBuilt = new Map<string, EcosystemModel>();

    constructor(services: CxeServices) {
        this.membership = services.workspace.EcosystemMembership;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
        this.partLists = new WorkspaceCache(services.shared, DocumentState.Linked);
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.Linked, document => this.forget(document));
        builder.onUpdate((_changed, deleted) => deleted.forEach(uri => this.parts.delete(uri.toString())));
    }

    modelOf(ecosystem: string): EcosystemModel {
        return this.cache.get(ecosystem, () => {
            const parts = this.partsOf(ecosystem);
            const index = this.indexes.get(ecosystem) ?? new ModelIndex();
            index.update(parts, this.membership.positionsOf(ecosystem));
            parts.length > 0 ? this.indexes.set(ecosystem, index) : this.indexes.delete(ecosystem);
            const model = assembleEcosystemModel(ecosystem, parts, index);
            parts.length > 0 ? this.lastBuilt.set(ecosystem, model) : this.lastBuilt.delete(ecosystem);
            return model;
        });
    }

    /** The parts of an ecosystem's documents, in URI order. */
    partsOf(ecosystem: string): ReadonlyArray<readonly [uri: string, part: ModelPart]> {
        return this.partLists.get(ecosystem, () => this.membership.documentsOf(ecosystem).map(document => [document.uri.toString(), this.partOf(document)] as const));
    }

    /** The model of the ecosystem a document belongs to (undefined when it has no header). */
    modelFor(document: LangiumDocument): EcosystemModel | undefined {
        const ecosystem = ecosystemNameOf(document);
        return ecosystem === undefined ? undefined : this.modelOf(ecosystem);
    }

    /**
     * The model of a document's ecosystem as last built, possibly before the latest edits, and never
     * built here: for what may lag a keystroke behind (completion's ranking) and must not pay a build
     * of the whole ecosystem on the keystroke. Read it by name: its nodes may be stale.
     */
    recentModelFor(document: LangiumDocument): EcosystemModel | undefined {
        const ecosystem = ecosystemNameOf(document);
        return ecosystem === undefined ? undefined : this.lastBuilt.get(ecosystem);
    }

    ecosystems(): string[] {
        return this.membership.ecosystems();
    }

    /** The document's references resolve differently now: its part is built again on next use. */
    forget(document: LangiumDocument): void {
        this.parts.delete(document.uri.toString());
        this.cache.clear();
        this.partLists.clear();
    }

    /**
     * The document's references into the edited documents were pointed at other elements (rebound):
     * its part follows them, without a walk of its tree.
     */
    retarget(document: LangiumDocument, edited: Iterable<string>, targets: ReadonlyMap<AstNode, AstNode>): void {
        const uri = document.uri.toString();
        const part = this.parts.get(uri);
        if (part) {
            this.parts.set(uri, retargetPart(part, edited, targets));
        }
        this.cache.clear();
        this.partLists.clear();
    }

    private partOf(document: LangiumDocument): ModelPart {
        const uri = document.uri.toString();
        let part = this.parts.get(uri);
        if (!part) {
            part = modelPartOf(document);
            this.parts.set(uri, part);
        }
        return part;
    }
}
