import { DocumentState, type LangiumDocument, WorkspaceCache, AstUtils } from 'langium';
import type { CxeServices } from '../cxe-module.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import { ecosystemNameOf } from '../workspace/ecosystem-membership.js';
import { allChecks } from './checks/index.js';
import type { Check, Problem } from './problem.js';

/** Runs every check over a model and returns what they report, in check order. */
export function runChecks(model: Parameters<Check>[0], checks: readonly Check[] = allChecks): Problem[] {
    const problems: Problem[] = [];
    for (const check of checks) {
        check(model, problem => problems.push(problem));
    }
    return problems;
}

/**
 * The problems of each ecosystem, computed once per workspace state and handed out per document:
 * validating the files of one ecosystem runs the checks once, not once per file.
 */
export class EcosystemProblems {
    private readonly models: EcosystemModels;
    private readonly cache: WorkspaceCache<string, ReadonlyMap<string, readonly Problem[]>>;

    constructor(services: CxeServices) {
        this.models = services.workspace.EcosystemModels;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    problemsFor(document: LangiumDocument): readonly Problem[] {
        const ecosystem = ecosystemNameOf(document);
        return ecosystem === undefined ? [] : this.byDocument(ecosystem).get(document.uri.toString()) ?? [];
    }

    private byDocument(ecosystem: string): ReadonlyMap<string, readonly Problem[]> {
        return this.cache.get(ecosystem, () => groupByDocument(runChecks(this.models.modelOf(ecosystem))));
    }
}

function groupByDocument(problems: readonly Problem[]): Map<string, Problem[]> {
    return Map.groupBy(problems, problem => AstUtils.getDocument(problem.node).uri.toString());
}
