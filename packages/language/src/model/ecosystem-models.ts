import { DocumentState, type LangiumDocument, WorkspaceCache } from 'langium';
import type { CxeServices } from '../cxe-module.js';
import { type EcosystemMembership, ecosystemNameOf } from '../workspace/ecosystem-membership.js';
import { buildEcosystemModel, type EcosystemModel } from './ecosystem-model.js';

/** The resolved model of each ecosystem, built once per workspace state (after linking). */
export class EcosystemModels {
    private readonly membership: EcosystemMembership;
    private readonly cache: WorkspaceCache<string, EcosystemModel>;

    constructor(services: CxeServices) {
        this.membership = services.workspace.EcosystemMembership;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    modelOf(ecosystem: string): EcosystemModel {
        return this.cache.get(ecosystem, () => buildEcosystemModel(ecosystem, this.membership.documentsOf(ecosystem)));
    }

    /** The model of the ecosystem a document belongs to (undefined when it has no header). */
    modelFor(document: LangiumDocument): EcosystemModel | undefined {
        const ecosystem = ecosystemNameOf(document);
        return ecosystem === undefined ? undefined : this.modelOf(ecosystem);
    }

    ecosystems(): string[] {
        return this.membership.ecosystems();
    }
}
