import {
    type AstNode, type AstReflection, type Cancellation, type DiagnosticInfo, type LangiumDocument, type ParseResult,
    type ValidationOptions, AstUtils, DefaultDocumentValidator,
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CxeServices } from '../cxe-module.js';
import { kindLabel, referenceTypeLabel } from '../model/describe.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import { type DiagnosticCode, severityOf } from './diagnostic-codes.js';
import type { EcosystemProblems } from './ecosystem-problems.js';
import type { Findings } from './findings.js';

/**
 * Turns lexer, parser and linker errors into `syntax` and `unresolved-reference` findings, adds the
 * ecosystem checks' problems for the document, and hands them all to the findings stage (settings,
 * ignore comments, documentation links). Every diagnostic carries its code both as `code` and as
 * `data.code` (which Langium's code actions read).
 */
export class CxeDocumentValidator extends DefaultDocumentValidator {
    private readonly problems: EcosystemProblems;
    private readonly models: EcosystemModels;
    private readonly reflection: AstReflection;
    private readonly findings: Findings;

    constructor(services: CxeServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        this.problems = services.workspace.EcosystemProblems;
        this.models = services.workspace.EcosystemModels;
        this.findings = services.workspace.Findings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const findings = await super.validateDocument(document, options, cancelToken);
        return this.findings.diagnosticsOf(document, findings);
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        markAsSyntax(diagnostics, first);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        markAsSyntax(diagnostics, first);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const model = this.models.modelFor(document);
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) {
                continue;
            }
            const name = reference.$refText;
            const expected = referenceTypeLabel(this.reflection.getReferenceType(error.info));
            const namesakes = model?.elementsByName.get(name) ?? [];
            const message = namesakes.length > 0
                ? `'${name}' is ${articled(kindLabel(namesakes[0]))}, not ${articled(expected)}. Name ${articled(expected)} here.`
                : `No ${expected} named '${name}' in ecosystem '${model?.name ?? '?'}'. Declare it or correct the name.`;
            diagnostics.push(this.toDiagnostic('error', message, {
                node: error.info.container,
                property: error.info.property,
                index: error.info.index,
                range: reference.$refNode?.range,
                code: 'unresolved-reference',
                data: { code: 'unresolved-reference', refText: name, expectedType: this.reflection.getReferenceType(error.info) },
            } as DiagnosticInfo<AstNode>));
        }
    }

    protected override async validateAst(root: AstNode): Promise<Diagnostic[]> {
        return this.problems.problemsFor(AstUtils.getDocument(root)).map(problem => this.toDiagnostic(severityOf(problem.code), problem.message, {
            node: problem.node,
            property: problem.property,
            index: problem.index,
            code: problem.code,
            data: { code: problem.code },
        } as DiagnosticInfo<AstNode>));
    }
}

function markAsSyntax(diagnostics: Diagnostic[], from: number): void {
    const code: DiagnosticCode = 'syntax';
    for (let i = from; i < diagnostics.length; i++) {
        diagnostics[i].code = code;
        diagnostics[i].data = { ...diagnostics[i].data, code };
    }
}

function articled(phrase: string): string {
    return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}
