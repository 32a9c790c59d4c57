import { describe, whereIs } from '../../model/describe.js';
import type { Check } from '../problem.js';

/** duplicate-name: names are unique within an ecosystem, across all its files; reported on each. */
export const checkDuplicateNames: Check = (model, report, focus) => {
    for (const name of focus.names) {
        const elements = model.elementsByName.get(name) ?? [];
        if (elements.length < 2) {
            continue;
        }
        for (const element of elements) {
            const others = elements.filter(other => other !== element).map(whereIs).join(', ');
            report({
                code: 'duplicate-name', node: element, property: 'name',
                message: `${describe(element, true)} has the same name as another element of ecosystem `
                    + `'${model.name}' (${others}). Names must be unique in an ecosystem: rename one of them.`,
            });
        }
    }
};
