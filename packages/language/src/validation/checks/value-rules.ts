import { valueBalance } from '../../analysis/value-balance.js';
import type { Actor } from '../../generated/ast.js';
import { describe } from '../../model/describe.js';
import type { EcosystemModel } from '../../model/ecosystem-model.js';
import type { Check, Report } from '../problem.js';

/** The value rules ("what's in it for me?"): each actor's verdict from its value balance, reported. */
export const checkValueRules: Check = (model, report, focus) => {
    for (const actor of focus.actors) {
        checkActorValue(model, actor, report);
    }
};

function checkActorValue(model: EcosystemModel, actor: Actor, report: Report): void {
    const balance = valueBalance(model, actor);
    switch (balance.verdict) {
        case 'no-declared-value':
            report({
                code: 'no-declared-value', node: actor, property: 'name',
                message: `${describe(actor, true)} has no declared value: what's in it for them? `
                    + "Add a 'seeks' clause or a flow that gives them value.",
            });
            break;
        case 'isolated-actor':
            report({
                code: 'isolated-actor', node: actor, property: 'name',
                message: `${describe(actor, true)} seeks value but takes part in no flow. `
                    + 'Add the exchanges through which they give and get value, or remove the actor.',
            });
            break;
        case 'unreciprocated':
            report({
                code: 'unreciprocated', node: actor, property: 'name',
                message: `${describe(actor, true)} gives value but receives nothing in return. `
                    + 'Add a flow that gives them what they seek, or they have no reason to take part.',
            });
            break;
        case 'unmet-need':
            actor.seeks.forEach(need => {
                const value = need.value?.ref;
                if (value && balance.unmet.includes(value)) {
                    report({
                        code: 'unmet-need', node: need,
                        message: `${describe(actor, true)} seeks '${value.name}', but no flow gives it to them. `
                            + `Add a flow '… -> ${actor.name} : ${value.name}' or drop the need.`,
                    });
                }
            });
            break;
    }
}
