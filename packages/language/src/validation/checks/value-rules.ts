import type { Actor, Value } from '../../generated/ast.js';
import { describe } from '../../model/describe.js';
import type { EcosystemModel } from '../../model/ecosystem-model.js';
import type { Check, Report } from '../problem.js';

/**
 * The value rules ("what's in it for me?"). They never pile up on one actor; in order:
 * no-declared-value (never for organizations, the focal firms), isolated-actor, unreciprocated, then
 * one unmet-need per sought value object.
 */
export const checkValueRules: Check = (model, report) => {
    for (const actor of model.actors) {
        checkActorValue(model, actor, report);
    }
};

function checkActorValue(model: EcosystemModel, actor: Actor, report: Report): void {
    const { gives, receives } = model.flowsOf(actor);
    const seeksSomething = actor.seeks.length > 0;
    if (!seeksSomething && receives.length === 0) {
        if (actor.kind === 'organization') {
            return;
        }
        report({
            code: 'no-declared-value', node: actor, property: 'name',
            message: `${describe(actor, true)} has no declared value: what's in it for them? `
                + "Add a 'seeks' clause or a flow that gives them value.",
        });
    } else if (gives.length === 0 && receives.length === 0) {
        report({
            code: 'isolated-actor', node: actor, property: 'name',
            message: `${describe(actor, true)} seeks value but takes part in no flow. `
                + 'Add the exchanges through which they give and get value, or remove the actor.',
        });
    } else if (receives.length === 0) {
        report({
            code: 'unreciprocated', node: actor, property: 'name',
            message: `${describe(actor, true)} gives value but receives nothing in return. `
                + 'Add a flow that gives them what they seek, or they have no reason to take part.',
        });
    } else {
        const received = new Set<Value>(receives.flatMap(flow => flow.values));
        actor.seeks.forEach(need => {
            const value = need.value?.ref;
            if (value && !received.has(value)) {
                report({
                    code: 'unmet-need', node: need,
                    message: `${describe(actor, true)} seeks '${value.name}', but no flow gives it to them. `
                        + `Add a flow '… -> ${actor.name} : ${value.name}' or drop the need.`,
                });
            }
        });
    }
}
