import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { valueBalance } from '../analysis/value-balance.js';
import type { CxeAddedServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';

/** "seeks 3 · receives 2 · gives 4" above every actor: the value balance at a glance. */
export class CxeCodeLensProvider implements CodeLensProvider {
    private readonly models: EcosystemModels;

    constructor(services: CxeAddedServices) {
        this.models = services.workspace.EcosystemModels;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const model = this.models.modelFor(document);
        const root = document.parseResult.value;
        if (!model || !ast.isModel(root)) {
            return [];
        }
        return root.elements.filter(ast.isActor).flatMap(actor => {
            const range = actor.$cstNode?.range;
            if (!range) {
                return [];
            }
            const balance = valueBalance(model, actor);
            const unmet = balance.verdict === 'unmet-need' ? ` · ${balance.unmet.length} unmet` : '';
            return [{
                range: { start: range.start, end: range.start },
                command: { title: `seeks ${balance.seeks.length} · receives ${balance.receives.length} · gives ${balance.gives.length}${unmet}`, command: '' },
            }];
        });
    }
}

