import type { Check } from '../problem.js';

/**
 * `depth N` counts relations, so N starts at 1 (LANGUAGE.md: "depth N (N ≥ 1)"). The grammar reads
 * any whole number; 0 is rejected here, as the syntax error it is.
 */
export const checkViewDepths: Check = (_model, report, focus) => {
    for (const view of focus.views) {
        if (view.depth !== undefined && view.depth < 1) {
            report({
                code: 'syntax', node: view, property: 'depth',
                message: `View '${view.name}' has depth ${view.depth}; a depth counts the relations between an element and what is behind it `
                    + 'or what it reaches, so it starts at 1 (direct).',
            });
        }
    }
};
