import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { valueBalance } from '../analysis/value-balance.js';
import type { CxeAddedServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import { rootCausesOf } from '../analysis/pain-points.js';
import { countOf } from '../util/words.js';
import { SHOW_ROOT_CAUSES } from './protocol.js';

const isExperience = (element: ast.Element): element is ast.Touchpoint | ast.Journey => ast.isTouchpoint(element) || ast.isJourney(element);
const byLine = (a: CodeLens, b: CodeLens) => a.range.start.line - b.range.start.line;

/**
 * "seeks 3 · receives 2 · gives 4" above every actor: the value balance at a glance; "3 root causes"
 * above every touchpoint and journey.
 */
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
        const lenses = root.elements.filter(ast.isActor).flatMap(actor => {
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
        return [...lenses, ...root.elements.filter(isExperience).flatMap(element => this.rootCauseLens(document, model, element))].sort(byLine);
    }

    /** "3 root causes" above a touchpoint or journey; clicking it shows them (CXE: Show Root Causes). */
    private rootCauseLens(document: LangiumDocument, model: EcosystemModel, element: ast.Touchpoint | ast.Journey): CodeLens[] {
        const range = element.$cstNode?.range;
        if (!range || !element.name) {
            return [];
        }
        const causes = rootCausesOf(model, element).length;
        return [{
            range: { start: range.start, end: range.start },
            command: { title: causes === 0 ? 'no root cause modelled' : countOf(causes, 'root cause'), command: SHOW_ROOT_CAUSES, arguments: [document.uri.toString(), element.name] },
        }];
    }
}

