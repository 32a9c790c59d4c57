import type { Touchpoint, Value } from '../../generated/ast.js';
import { describe } from '../../model/describe.js';
import type { EcosystemModel } from '../../model/ecosystem-model.js';
import * as ast from '../../generated/ast.js';
import type { Check } from '../problem.js';

/** unused-value: a value object that no flow carries and no actor seeks. */
export const checkUnusedValues: Check = (model, report) => {
    const used = new Set<Value>(model.flows.flatMap(flow => flow.values));
    for (const actor of model.actors) {
        for (const need of actor.seeks) {
            if (need.value?.ref) {
                used.add(need.value.ref);
            }
        }
    }
    for (const value of model.values) {
        if (!used.has(value)) {
            report({
                code: 'unused-value', node: value, property: 'name',
                message: `${describe(value, true)} is neither carried by a flow nor sought by an actor. `
                    + 'Use it in a flow or a seeks clause, or remove it.',
            });
        }
    }
};

/** unused-touchpoint: a touchpoint that no flow, journey step, system, process or policy references. */
export const checkUnusedTouchpoints: Check = (model, report) => {
    const used = referencedTouchpoints(model);
    for (const touchpoint of model.touchpoints) {
        if (!used.has(touchpoint)) {
            report({
                code: 'unused-touchpoint', node: touchpoint, property: 'name',
                message: `${describe(touchpoint, true)} is not used: no flow goes 'via' it, no journey step is 'at' it, `
                    + 'and no system, process or policy refers to it. Reference it or remove it.',
            });
        }
    }
};

function referencedTouchpoints(model: EcosystemModel): Set<Touchpoint> {
    const used = new Set<Touchpoint>();
    const add = (target: unknown) => {
        if (ast.isTouchpoint(target)) {
            used.add(target);
        }
    };
    model.flows.forEach(flow => add(flow.touchpoint));
    model.journeys.forEach(journey => journey.steps.forEach(step => add(step.touchpoint?.ref)));
    [...model.systems, ...model.processes].forEach(element => element.supports.forEach(target => add(target.ref)));
    model.policies.forEach(policy => policy.affects.forEach(target => add(target.ref)));
    return used;
}

/** factor-without-impact: an environment factor that affects nothing. */
export const checkFactorImpacts: Check = (model, report) => {
    for (const factor of model.factors) {
        if (factor.affects.length === 0) {
            report({
                code: 'factor-without-impact', node: factor, property: 'name',
                message: `${describe(factor, true)} affects nothing. Add 'affects <actor, exchange, value or touchpoint> "how"' `
                    + 'so the model says what it changes.',
            });
        }
    }
};

/** backstage-without-target: a system or process that supports nothing, a policy that affects nothing. */
export const checkBackstageTargets: Check = (model, report) => {
    for (const element of [...model.systems, ...model.processes]) {
        if (element.supports.length === 0) {
            report({
                code: 'backstage-without-target', node: element, property: 'name',
                message: `${describe(element, true)} supports nothing. Add 'supports <touchpoint, exchange or process>' `
                    + 'so the model can trace experience flaws back to it.',
            });
        }
    }
    for (const policy of model.policies) {
        if (policy.affects.length === 0) {
            report({
                code: 'backstage-without-target', node: policy, property: 'name',
                message: `${describe(policy, true)} affects nothing. Add 'affects <actor, exchange, touchpoint or process>' `
                    + 'so the model can trace experience flaws back to it.',
            });
        }
    }
};
