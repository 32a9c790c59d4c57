import {
    type AstNodeDescription, type AstReflection, type LangiumDocument, type ReferenceInfo, type Scope, type Stream, AstUtils, DefaultScopeProvider,
    DocumentState, EMPTY_SCOPE, WorkspaceCache, stream,
} from 'langium';
import type { CxeServices } from '../cxe-module.js';
import type { CxeIndexManager } from '../workspace/cxe-index-manager.js';
import { type EcosystemMembership, ecosystemNameOf } from '../workspace/ecosystem-membership.js';

/**
 * A name resolves to an element of the reference's type declared in any file of the same ecosystem,
 * never in another ecosystem; a name declared twice resolves to the first in URI order, as in a
 * fresh build of the same files. One scope per (ecosystem, type) and build, which looks names up in
 * the index (building a table of a large ecosystem's names after every keystroke costs more than
 * linking the edited file).
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
        return this.ecosystemScopes.get(`${ecosystem}\u0000${referenceType}`, () => new EcosystemScope(
            this.indexManager as CxeIndexManager, this.reflection, referenceType,
            this.membership.positionsOf(ecosystem)));
    }

    /** The elements of a scope as a plain array, built once per state: what completion filters and ranks on every keystroke. */
    elementsOf(document: LangiumDocument, referenceType: string): readonly AstNodeDescription[] {
        const ecosystem = ecosystemNameOf(document);
        return ecosystem === undefined ? [] : this.ecosystemElements.get(`${ecosystem}\u0000${referenceType}`, () => this.scopeOf(document, referenceType).getAllElements().toArray());
    }
}

/** The exported elements of a type in the documents of one ecosystem (URI → position in URI order). */
class EcosystemScope implements Scope {
    private readonly found = new Map<string, AstNodeDescription[]>();

    constructor(private readonly index: CxeIndexManager, private readonly reflection: AstReflection, private readonly type: string,
        private readonly documents: ReadonlyMap<string, number>) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.named(name)[0];
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.named(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.index.elementsIn([...this.documents.keys()], this.type));
    }

    /** The elements of a name, in URI order, then file order (a name is often looked up many times in a build). */
    private named(name: string): AstNodeDescription[] {
        let found = this.found.get(name);
        if (!found) {
            const position = (description: AstNodeDescription) => this.documents.get(description.documentUri.toString()) ?? -1;
            found = this.index.named(name)
                .filter(description => position(description) >= 0 && this.reflection.isSubtype(description.type, this.type))
                .sort((a, b) => position(a) - position(b) || indexOf(a) - indexOf(b));
            this.found.set(name, found);
        }
        return found;
    }
}

/** An element's place in its file, from its path (`/elements@3`). */
function indexOf(description: AstNodeDescription): number {
    return Number(description.path.slice(description.path.lastIndexOf('@') + 1));
}
