import {
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module,
    type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices,
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
} from 'langium';
import { CxeGeneratedModule, CxeGeneratedSharedModule } from './generated/module.js';
import { EcosystemModels } from './model/ecosystem-models.js';
import { CxeLexerErrorMessageProvider, CxeParserErrorMessageProvider } from './parser/cxe-error-messages.js';
import { CxeLexer } from './parser/cxe-lexer.js';
import { CxeValueConverter } from './parser/cxe-value-converter.js';
import { CxeLinker } from './references/cxe-linker.js';
import { CxeScopeComputation } from './references/cxe-scope-computation.js';
import { CxeScopeProvider } from './references/cxe-scope-provider.js';
import { CxeDocumentValidator } from './validation/cxe-document-validator.js';
import { RuleSettings } from './settings/rule-settings.js';
import { EcosystemProblems } from './validation/ecosystem-problems.js';
import { Findings } from './validation/findings.js';
import { CxeDocumentBuilder } from './workspace/cxe-document-builder.js';
import { BatchIndexManager } from './workspace/batch-index-manager.js';
import { CxeIndexManager } from './workspace/cxe-index-manager.js';
import { CxeLangiumDocuments } from './workspace/cxe-langium-documents.js';
import { EcosystemMembership } from './workspace/ecosystem-membership.js';

/** The services CXE adds to Langium's. */
export type CxeAddedServices = {
    workspace: {
        EcosystemMembership: EcosystemMembership;
        EcosystemModels: EcosystemModels;
        EcosystemProblems: EcosystemProblems;
        RuleSettings: RuleSettings;
        Findings: Findings;
    };
};

export type CxeServices = LangiumCoreServices & CxeAddedServices;

/** Language-specific wiring: every CXE service is bound here and nowhere else. */
export const CxeModule: Module<CxeServices, PartialLangiumCoreServices & CxeAddedServices> = {
    parser: {
        Lexer: services => new CxeLexer(services),
        ValueConverter: () => new CxeValueConverter(),
        ParserErrorMessageProvider: () => new CxeParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new CxeLexerErrorMessageProvider(),
    },
    references: {
        Linker: services => new CxeLinker(services),
        ScopeComputation: services => new CxeScopeComputation(services),
        ScopeProvider: services => new CxeScopeProvider(services as CxeServices),
    },
    validation: {
        DocumentValidator: services => new CxeDocumentValidator(services as CxeServices),
    },
    workspace: {
        EcosystemMembership: services => new EcosystemMembership(services.shared),
        EcosystemModels: services => new EcosystemModels(services),
        EcosystemProblems: services => new EcosystemProblems(services),
        RuleSettings: services => new RuleSettings(services.shared),
        Findings: services => new Findings(services),
    },
};

/** Shared wiring (one per language server): the ecosystem-aware document builder and index. */
export const CxeSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: services => new CxeDocumentBuilder(services),
        IndexManager: services => new CxeIndexManager(services),
        LangiumDocuments: services => new CxeLangiumDocuments(services),
    },
};

/** Shared wiring for one-shot runs (the CLI): no reference index. */
export const CxeBatchModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: services => new BatchIndexManager(services),
    },
};

export interface CxeCoreServices {
    readonly shared: LangiumSharedCoreServices;
    readonly Cxe: CxeServices;
}

/** Core services (no LSP), able to rebuild after edits: what the tests use. */
export function createCxeCoreServices(context: DefaultSharedCoreModuleContext): CxeCoreServices {
    return createServices(inject(createDefaultSharedCoreModule(context), CxeGeneratedSharedModule, CxeSharedModule));
}

/** Core services for a one-shot build of a set of files, as the CLI does. */
export function createCxeBatchServices(context: DefaultSharedCoreModuleContext): CxeCoreServices {
    return createServices(inject(createDefaultSharedCoreModule(context), CxeGeneratedSharedModule, CxeSharedModule, CxeBatchModule));
}

function createServices(shared: LangiumSharedCoreServices): CxeCoreServices {
    const Cxe = inject(createDefaultCoreModule({ shared }), CxeGeneratedModule, CxeModule);
    shared.ServiceRegistry.register(Cxe);
    return { shared, Cxe };
}
