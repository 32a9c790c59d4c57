import { type Module, inject } from 'langium';
import {
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices,
    createDefaultModule, createDefaultSharedModule,
} from 'langium/lsp';
import { type CxeAddedServices, CxeModule, CxeSharedModule } from '../cxe-module.js';
import { CxeGeneratedModule, CxeGeneratedSharedModule } from '../generated/module.js';
import { CxeCodeActionProvider } from './cxe-code-action-provider.js';
import { CxeCodeLensProvider } from './cxe-code-lens-provider.js';
import { CxeCompletionProvider } from './cxe-completion-provider.js';
import { CxeDocumentUpdateHandler } from './cxe-document-update-handler.js';
import { CxeFormatter } from './cxe-formatter.js';
import { CxeHoverProvider } from './cxe-hover-provider.js';
import { CxeNodeKindProvider } from './cxe-node-kind-provider.js';
import { CxeRenameProvider } from './cxe-rename-provider.js';
import { CxeSemanticTokenProvider } from './cxe-semantic-token-provider.js';
import { CxeDocumentSymbolProvider, CxeWorkspaceSymbolProvider } from './cxe-symbol-providers.js';

export type CxeLspServices = LangiumServices & CxeAddedServices;

/** The editor features CXE adds to Langium's language server. */
export const CxeLspModule: Module<CxeLspServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: services => new CxeHoverProvider(services),
        CodeLensProvider: services => new CxeCodeLensProvider(services),
        CodeActionProvider: services => new CxeCodeActionProvider(services),
        Formatter: () => new CxeFormatter(),
        SemanticTokenProvider: services => new CxeSemanticTokenProvider(services),
        CompletionProvider: services => new CxeCompletionProvider(services),
        DocumentSymbolProvider: services => new CxeDocumentSymbolProvider(services),
        RenameProvider: services => new CxeRenameProvider(services),
    },
};

/** Editor wiring shared by the language server's languages. */
export const CxeSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: services => new CxeDocumentUpdateHandler(services),
        NodeKindProvider: () => new CxeNodeKindProvider(),
        WorkspaceSymbolProvider: services => new CxeWorkspaceSymbolProvider(services),
    },
};

/** The services of the language server (and of the LSP feature tests). */
export function createCxeServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Cxe: CxeLspServices } {
    const shared = inject(createDefaultSharedModule(context), CxeGeneratedSharedModule, CxeSharedModule, CxeSharedLspModule);
    const Cxe = inject(createDefaultModule({ shared }), CxeGeneratedModule, CxeModule as Module<CxeLspServices, object>, CxeLspModule);
    shared.ServiceRegistry.register(Cxe);
    return { shared, Cxe };
}
