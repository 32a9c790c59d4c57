import { type AstNode, type CstNode, GrammarAST, AstUtils, isCompositeCstNode } from 'langium';
import { describe } from '../../model/describe.js';
import type { Check } from '../problem.js';

/**
 * The single-valued clauses of LANGUAGE.md, by the property they set: giving one twice in an element
 * would silently keep the last. A new single-valued clause is one more entry here.
 */
export const SINGLE_VALUED_CLAUSES: ReadonlySet<string> = new Set([
    'size', 'employer', 'description', 'channel', 'owner', 'category', 'trend', 'layout', 'depth',
]);

/** duplicate-clause: reported on the second and every later occurrence of a single-valued clause. */
export const checkDuplicateClauses: Check = (model, report) => {
    for (const element of model.elements) {
        const counts = new Map<string, number>();
        forEachAssignedProperty(element, property => {
            const seen = counts.get(property) ?? 0;
            counts.set(property, seen + 1);
            if (seen > 0) {
                report({
                    code: 'duplicate-clause', node: element, property, index: seen,
                    message: `${describe(element, true)} gives '${property}' more than once, and only one can hold. `
                        + `Keep one '${property}' clause and remove the others.`,
                });
            }
        });
    }
};

/** Calls back with the single-valued property of each clause of the element's own text, in order. */
function forEachAssignedProperty(element: AstNode, found: (property: string) => void): void {
    const visit = (node: CstNode) => {
        if (!isCompositeCstNode(node)) {
            return;
        }
        for (const child of node.content) {
            if (child.astNode !== element) {
                continue;
            }
            const assignment = AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment);
            if (assignment && SINGLE_VALUED_CLAUSES.has(assignment.feature)) {
                found(assignment.feature);
            } else {
                visit(child);
            }
        }
    };
    if (element.$cstNode) {
        visit(element.$cstNode);
    }
}
