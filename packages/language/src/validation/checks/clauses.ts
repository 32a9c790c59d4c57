import { type AstNode, type CstNode, isCompositeCstNode, isLeafCstNode } from 'langium';
import { describe } from '../../model/describe.js';
import type { Check } from '../problem.js';

/**
 * The single-valued clauses of LANGUAGE.md: giving one twice in an element would silently keep the
 * last. Each is written `<keyword> <value>` and sets the property of the keyword's name (`size 10`
 * sets `size`). A new single-valued clause is one more entry here.
 */
export const SINGLE_VALUED_CLAUSES: ReadonlySet<string> = new Set([
    'size', 'employer', 'description', 'channel', 'owner', 'category', 'trend', 'layout', 'depth',
]);

/** duplicate-clause: reported on the second and every later occurrence of a single-valued clause. */
export const checkDuplicateClauses: Check = (_model, report, focus) => {
    for (const element of focus.elements) {
        const counts = new Map<string, number>();
        forEachClauseKeyword(element, property => {
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

/**
 * Calls back with each single-valued clause keyword of the element's own text, in order. Keyword
 * tokens are named after their text, so one pass over the element's own leaves finds them (it runs
 * on every element after every keystroke).
 */
function forEachClauseKeyword(element: AstNode, found: (keyword: string) => void): void {
    const visit = (node: CstNode) => {
        if (!isCompositeCstNode(node)) {
            return;
        }
        for (const child of node.content) {
            if (isLeafCstNode(child)) {
                if (SINGLE_VALUED_CLAUSES.has(child.tokenType.name)) {
                    found(child.tokenType.name);
                }
            } else if (child.astNode === element) {
                visit(child); // a fragment of the element; nested nodes (flows, needs, steps) hold none of its clauses
            }
        }
    };
    if (element.$cstNode) {
        visit(element.$cstNode);
    }
}
