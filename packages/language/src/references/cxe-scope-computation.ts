import { type AstNodeDescription, type LangiumDocument, type LocalSymbols, DefaultScopeComputation, MultiMap } from 'langium';
import { Cancellation, interruptAndCheck } from 'langium';
import type { Model } from '../generated/ast.js';

/**
 * Every top-level element is exported under its plain name (the ecosystem header is not an element);
 * references are scoped per ecosystem by CxeScopeProvider, so there are no document-local symbols.
 */
export class CxeScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        for (const element of (document.parseResult.value as Model).elements) {
            await interruptAndCheck(cancelToken);
            this.addExportedSymbol(element, exports, document);
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<never, AstNodeDescription>();
    }
}
