import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CxeServices } from '../cxe-module.js';
import type { RuleSettings } from '../settings/rule-settings.js';
import type { EcosystemMembership } from '../workspace/ecosystem-membership.js';
import type { Severity } from './diagnostic-codes.js';
import { applyFindingsStage } from './findings-stage.js';
import type { Finding, Problem } from './problem.js';
import { findSuppressions } from './suppressions.js';

const SEVERITY_NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info' };

/**
 * The one findings stage of the product: each document's findings go through its rule settings and
 * ignore comments (applyFindingsStage) and come out as the diagnostics that the language server and
 * the CLI show. The check problems that survive, with their final severity, are kept per document for
 * the diagram badges, so that every consumer shows the same thing.
 */
export class Findings {
    private readonly settings: RuleSettings;
    private readonly membership: EcosystemMembership;
    private readonly kept = new WeakMap<LangiumDocument, readonly Finding[]>();

    constructor(services: CxeServices) {
        this.settings = services.workspace.RuleSettings;
        this.membership = services.workspace.EcosystemMembership;
    }

    /** The diagnostics of a document from its findings; `problemOf` tells which came from a check. */
    apply(document: LangiumDocument, findings: readonly Diagnostic[], problemOf: (finding: Diagnostic) => Problem | undefined): Diagnostic[] {
        const diagnostics = applyFindingsStage(findings, this.settings.levelsFor(document.uri), findSuppressions(document.textDocument.getText()));
        this.kept.set(document, diagnostics.flatMap(diagnostic => {
            const problem = problemOf(diagnostic);
            return problem ? [{ ...problem, severity: SEVERITY_NAMES[diagnostic.severity ?? 1] }] : [];
        }));
        return diagnostics;
    }

    /** The check problems of an ecosystem that its documents show, once they are validated. */
    findingsOf(ecosystem: string): Finding[] {
        return this.membership.documentsOf(ecosystem).flatMap(document => this.kept.get(document) ?? []);
    }
}
