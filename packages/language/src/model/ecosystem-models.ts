import { DocumentState, type LangiumDocument, WorkspaceCache } from 'langium';
import type { CxeServices } from '../cxe-module.js';
import { type EcosystemMembership, ecosystemNameOf } from '../workspace/ecosystem-membership.js';
import { buildEcosystemModel, type EcosystemModel } from './ecosystem-model.js';

/** The resolved model of each ecosystem, built once per workspace state (after linking). */
export class EcosystemModels {
    private readonly membership: EcosystemMembership;
    private readonly cache: WorkspaceCache<string, EcosystemModel>;
    /** The model each ecosystem had when last built, kept across edits (see recentModelFor). */
    private readonly lastBuilt = new Map<string, EcosystemModel>();

    constructor(services: CxeServices) {
        this.membership = services.workspace.EcosystemMembership;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    modelOf(ecosystem: string): EcosystemModel {
        return this.cache.get(ecosystem, () => {
            const model = buildEcosystemModel(ecosystem, this.membership.documentsOf(ecosystem));
            this.lastBuilt.set(ecosystem, model);
            const current = new Set(this.membership.ecosystems());
            [...this.lastBuilt.keys()].filter(name => !current.has(name)).forEach(name => this.lastBuilt.delete(name));
            return model;
        });
    }

    /** The model of the ecosystem a document belongs to (undefined when it has no header). */
    modelFor(document: LangiumDocument): EcosystemModel | undefined {
        const ecosystem = ecosystemNameOf(document);
        return ecosystem === undefined ? undefined : this.modelOf(ecosystem);
    }

    /**
     * The model of a document's ecosystem as last built, possibly before the latest edits, and never
     * built here: for what may lag a keystroke behind (completion's ranking) and must not pay a build
     * of the whole ecosystem on the keystroke. Its nodes may be stale: read it by name.
     */
    recentModelFor(document: LangiumDocument): EcosystemModel | undefined {
        const ecosystem = ecosystemNameOf(document);
        return ecosystem === undefined ? undefined : this.lastBuilt.get(ecosystem);
    }

    ecosystems(): string[] {
        return this.membership.ecosystems();
    }
}
