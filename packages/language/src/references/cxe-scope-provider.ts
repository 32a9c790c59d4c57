import { type AstNodeDescription, type LangiumDocument, type ReferenceInfo, type Scope, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, MultiMapScope, WorkspaceCache, AstUtils } from 'langium';
import type { CxeServices } from '../cxe-module.js';
import { type EcosystemMembership, ecosystemNameOf } from '../workspace/ecosystem-membership.js';

/**
 * A name resolves to an element of the reference's type declared in any file of the same ecosystem,
 * never in another ecosystem. One scope per (ecosystem, type), built once per build.
 */
export class CxeScopeProvider extends DefaultScopeProvider {
    private readonly membership: EcosystemMembership;
    private readonly ecosystemScopes: WorkspaceCache<string, Scope>;
    private readonly ecosystemElements: WorkspaceCache<string, readonly AstNodeDescription[]>;

    constructor(services: CxeServices) {
        super(services);
        this.membership = services.workspace.EcosystemMembership;
        this.ecosystemScopes = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.ecosystemElements = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.scopeOf(AstUtils.getDocument(context.container), this.reflection.getReferenceType(context));
    }

    /** What a reference of a type may name from a document: the elements of that type in its ecosystem. */
    scopeOf(document: LangiumDocument, referenceType: string): Scope {
        const ecosystem = ecosystemNameOf(document);
        if (ecosystem === undefined) {
            return EMPTY_SCOPE;
        }
        return this.ecosystemScopes.get(`${ecosystem}\u0000${referenceType}`, () => new MultiMapScope(this.elementsOf(document, referenceType)));
    }

    /** The same elements as a plain array, in index order: what completion filters and ranks on every keystroke. */
    elementsOf(document: LangiumDocument, referenceType: string): readonly AstNodeDescription[] {
        const ecosystem = ecosystemNameOf(document);
        if (ecosystem === undefined) {
            return [];
        }
        return this.ecosystemElements.get(`${ecosystem}\u0000${referenceType}`, () =>
            this.indexManager.allElements(referenceType, this.membership.urisOf(ecosystem)).toArray());
    }
}
