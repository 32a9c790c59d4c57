import { type LangiumDocument, type AstNode, AstUtils, CstUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, Position, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { CxeAddedServices } from '../cxe-module.js';
import * as ast from '../generated/ast.js';
import type { EcosystemModels } from '../model/ecosystem-models.js';
import type { DiagnosticCode } from '../validation/diagnostic-codes.js';
import { ruleCodeActions } from './rule-code-actions.js';

type Fix = (document: LangiumDocument<ast.Model>, diagnostic: Diagnostic) => CodeAction | undefined;

/** Quick fixes, keyed on the diagnostic codes wherever the fix is clear. */
export class CxeCodeActionProvider implements CodeActionProvider {
    private readonly models: EcosystemModels;
    private readonly fixes: Partial<Record<DiagnosticCode, Fix>>;

    constructor(services: CxeAddedServices) {
        this.models = services.workspace.EcosystemModels;
        this.fixes = {
            'no-declared-value': (document, diagnostic) => this.addSeeks(document, diagnostic),
            'unresolved-reference': (document, diagnostic) => this.declareMissing(document, diagnostic),
            'unused-value': (document, diagnostic) => this.removeValue(document, diagnostic),
            'unmet-need': (document, diagnostic) => this.addFlowStub(document, diagnostic),
        };
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        return params.context.diagnostics.flatMap(diagnostic => {
            const fix = this.fixes[(diagnostic.data as { code?: DiagnosticCode } | undefined)?.code ?? ('' as DiagnosticCode)];
            const action = fix?.(document as LangiumDocument<ast.Model>, diagnostic);
            return [...(action ? [action] : []), ...ruleCodeActions(document, diagnostic)];
        });
    }

    private addSeeks(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction | undefined {
        const actor = elementAt(document, diagnostic.range.start, ast.isActor);
        const end = actor?.$cstNode?.range.end;
        if (!actor || !end) {
            return undefined;
        }
        const hasBlock = actor.$cstNode!.text.trimEnd().endsWith('}');
        const edit: TextEdit = hasBlock
            ? { range: { start: { line: end.line, character: end.character - 1 }, end: { line: end.line, character: end.character - 1 } }, newText: ` seeks "what's in it for them?" ` }
            : { range: { start: end, end }, newText: ` { seeks "what's in it for them?" }` };
        return action(`Add a 'seeks' clause to '${actor.name}'`, document, diagnostic, [edit]);
    }

    private declareMissing(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction | undefined {
        const data = diagnostic.data as { refText?: string; expectedType?: string } | undefined;
        const declaration = data?.refText && /^[A-Za-z_]\w*$/.test(data.refText) ? declarationFor(data.expectedType, data.refText) : undefined;
        if (!declaration) {
            return undefined;
        }
        return action(`Declare '${data!.refText}': ${declaration.split(' ')[0]}`, document, diagnostic, [appendAtEnd(document, declaration)]);
    }

    private removeValue(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction | undefined {
        const value = elementAt(document, diagnostic.range.start, ast.isValue);
        const range = value?.$cstNode?.range;
        if (!value || !range) {
            return undefined;
        }
        // Remove the whole line(s) when the declaration stands alone on them.
        const lines = document.textDocument.getText().split(/\r?\n/);
        const alone = lines[range.start.line].slice(0, range.start.character).trim() === '' && lines[range.end.line].slice(range.end.character).trim() === '';
        const remove = alone ? { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } } : range;
        return action(`Remove unused value '${value.name}'`, document, diagnostic, [{ range: remove, newText: '' }]);
    }

    private addFlowStub(document: LangiumDocument<ast.Model>, diagnostic: Diagnostic): CodeAction | undefined {
        const need = needAt(document, diagnostic.range.start);
        const actor = need?.$container;
        const value = need?.value?.ref;
        const model = this.models.modelFor(document);
        if (!actor || !value || !model) {
            return undefined;
        }
        const giver = model.actors.find(candidate => candidate.kind === 'organization' && candidate !== actor) ?? model.actors.find(candidate => candidate !== actor);
        if (!giver) {
            return undefined;
        }
        return action(`Add a flow giving '${value.name}' to '${actor.name}'`, document, diagnostic,
            [appendAtEnd(document, `exchange ${giver.name} -> ${actor.name} : ${value.name}`)]);
    }
}

function action(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri.toString()]: edits } } };
}

/** A new declaration on its own line at the end of the file. */
function appendAtEnd(document: LangiumDocument, text: string): TextEdit {
    const content = document.textDocument.getText();
    const end = document.textDocument.positionAt(content.length);
    return { range: { start: end, end }, newText: `${content.endsWith('\n') || content.length === 0 ? '' : '\n'}${text}\n` };
}

/** What to declare for a name that a reference of this type could not find. */
function declarationFor(expectedType: string | undefined, name: string): string | undefined {
    switch (expectedType) {
        case ast.Value.$type: return `value ${name} "${name}" intangible`;
        case ast.Touchpoint.$type: return `touchpoint ${name} "${name}" { channel other }`;
        case ast.Actor.$type:
        case ast.FactorTarget.$type:
        case ast.PolicyTarget.$type: return `partner ${name} "${name}"`;
        case ast.System.$type: return `system ${name} "${name}"`;
        case ast.SupportTarget.$type: return `touchpoint ${name} "${name}" { channel other }`;
        default: return undefined;
    }
}

function elementAt<T extends AstNode>(document: LangiumDocument<ast.Model>, position: Position, is: (node: unknown) => node is T): T | undefined {
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, offset);
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
}

function needAt(document: LangiumDocument<ast.Model>, position: Position): ast.Need | undefined {
    return elementAt(document, position, ast.isNeed);
}
