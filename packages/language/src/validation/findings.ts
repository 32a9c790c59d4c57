import { type AstNode, type DiagnosticInfo, DocumentState, type LangiumDocument, WorkspaceCache, getDiagnosticRange } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CxeServices } from '../cxe-module.js';
import type { RuleSettings } from '../settings/rule-settings.js';
import type { EcosystemMembership } from '../workspace/ecosystem-membership.js';
import { type Severity, severityOf } from './diagnostic-codes.js';
import type { EcosystemProblems } from './ecosystem-problems.js';
import { LSP_SEVERITY, applyFindingsStage } from './findings-stage.js';
import type { Finding } from './problem.js';
import { findSuppressions } from './suppressions.js';

const SEVERITY_NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info' };

/**
 * The one findings stage of the product, for each document: its findings go through the rule
 * settings that govern it and its ignore comments (applyFindingsStage) and come out as what every
 * consumer shows: the diagnostics of the language server and the CLI, and the check problems that
 * the diagram badges count.
 */
export class Findings {
    private readonly settings: RuleSettings;
    private readonly membership: EcosystemMembership;
    private readonly problems: EcosystemProblems;
    private readonly cache: WorkspaceCache<string, readonly Finding[]>;

    constructor(services: CxeServices) {
        this.settings = services.workspace.RuleSettings;
        this.membership = services.workspace.EcosystemMembership;
        this.problems = services.workspace.EcosystemProblems;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    /** The diagnostics of a document from all its findings (lexer, parser, linker, checks). */
    diagnosticsOf(document: LangiumDocument, findings: readonly Diagnostic[]): Diagnostic[] {
        return applyFindingsStage(findings, this.settings.levelsFor(document.uri), findSuppressions(document.textDocument.getText()));
    }

    /** The check problems of an ecosystem that its documents show, with the severity they show them with. */
    findingsOf(ecosystem: string): readonly Finding[] {
        return this.cache.get(ecosystem, () => this.membership.documentsOf(ecosystem).flatMap(document => this.checkFindingsOf(document)));
    }

    private checkFindingsOf(document: LangiumDocument): Finding[] {
        const problems = this.problems.problemsFor(document);
        const findings = problems.map(problem => ({
            range: getDiagnosticRange(problem as DiagnosticInfo<AstNode>), code: problem.code, message: problem.message, severity: LSP_SEVERITY[severityOf(problem.code)],
        }));
        const shown = new Set<Diagnostic>(this.diagnosticsOf(document, findings));
        return problems.flatMap((problem, i) => shown.has(findings[i]) ? [{ ...problem, severity: SEVERITY_NAMES[findings[i].severity] }] : []);
    }
}
