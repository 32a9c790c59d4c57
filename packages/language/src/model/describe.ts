import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import * as ast from '../generated/ast.js';

/** The word a CX engineer uses for an element's kind: 'partner', 'value object', 'touchpoint'… */
export function kindLabel(node: AstNode): string {
    if (ast.isActor(node)) {
        return node.kind === 'thirdparty' ? 'third party' : node.kind;
    }
    return typeLabels[node.$type] ?? node.$type.toLowerCase();
}

const typeLabels: Record<string, string> = {
    [ast.Value.$type]: 'value object',
    [ast.Exchange.$type]: 'exchange',
    [ast.Touchpoint.$type]: 'touchpoint',
    [ast.Factor.$type]: 'environment factor',
    [ast.System.$type]: 'system',
    [ast.Process.$type]: 'process',
    [ast.Policy.$type]: 'policy',
    [ast.Journey.$type]: 'journey',
    [ast.View.$type]: 'view',
    [ast.Ecosystem.$type]: 'ecosystem',
};

/** What a reference of a given type may name, in plain words. */
export function referenceTypeLabel(type: string): string {
    return referenceTypeLabels[type] ?? typeLabels[type] ?? type.toLowerCase();
}

const referenceTypeLabels: Record<string, string> = {
    [ast.Actor.$type]: 'actor',
    [ast.FactorTarget.$type]: 'actor, named exchange, value object or touchpoint',
    [ast.SupportTarget.$type]: 'touchpoint, named exchange or process',
    [ast.PolicyTarget.$type]: 'actor, named exchange, touchpoint or process',
    [ast.Element.$type]: 'element',
    [ast.Walkable.$type]: 'element (not a view)',
};

/** The keyword that declares an element: its actor kind, 'environment', 'value', 'touchpoint'… */
export function keywordOf(element: ast.Element): string {
    if (ast.isActor(element)) {
        return element.kind;
    }
    return ast.isFactor(element) ? 'environment' : element.$type.toLowerCase();
}

/** "partner 'Integrator'", or "Partner 'Integrator'" at the start of a sentence. */
export function describe(node: AstNode & { name?: string }, capitalized = false): string {
    const kind = kindLabel(node);
    const text = node.name ? `${kind} '${node.name}'` : kind;
    return capitalized ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** "customer · Regular buyer": an element's kind and label, shown beside its name in lists. */
export function kindAndLabel(node: AstNode & { label?: string }): string {
    return node.label ? `${kindLabel(node)} · ${node.label}` : kindLabel(node);
}

/** "acme.cxe:21": the file name and 1-based line where a node starts, for messages. */
export function whereIs(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const file = document.uri.path.split('/').pop() ?? document.uri.path;
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    return `${file}:${line}`;
}
