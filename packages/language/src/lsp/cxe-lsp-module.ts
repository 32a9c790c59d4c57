import { type Module, inject } from 'langium';
import {
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    createDefaultModule, createDefaultSharedModule,
} from 'langium/lsp';
import { type CxeAddedServices, CxeModule, CxeSharedModule } from '../cxe-module.js';
import { CxeGeneratedModule, CxeGeneratedSharedModule } from '../generated/module.js';
import { CxeCodeActionProvider } from './cxe-code-action-provider.js';
import { CxeCodeLensProvider } from './cxe-code-lens-provider.js';
import { CxeCompletionProvider } from './cxe-completion-provider.js';
import { CxeFormatter } from './cxe-formatter.js';
import { CxeHoverProvider } from './cxe-hover-provider.js';
import { CxeSemanticTokenProvider } from './cxe-semantic-token-provider.js';

export type CxeLspServices = LangiumServices & CxeAddedServices;

/** The editor features CXE adds to Langium's language server. */
export const CxeLspModule: Module<CxeLspServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: services => new CxeHoverProvider(services),
        CodeLensProvider: services => new CxeCodeLensProvider(services),
        CodeActionProvider: services => new CxeCodeActionProvider(services),
        CompletionProvider: services => new CxeCompletionProvider(services),
        Formatter: () => new CxeFormatter(),
        SemanticTokenProvider: services => new CxeSemanticTokenProvider(services),
    },
};

/** The services of the language server (and of the LSP feature tests). */
export function createCxeServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Cxe: CxeLspServices } {
    const shared = inject(createDefaultSharedModule(context), CxeGeneratedSharedModule, CxeSharedModule);
    const Cxe = inject(createDefaultModule({ shared }), CxeGeneratedModule, CxeModule as Module<CxeLspServices, object>, CxeLspModule);
    shared.ServiceRegistry.register(Cxe);
    return { shared, Cxe };
}
