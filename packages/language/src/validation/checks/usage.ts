import type { Touchpoint, Value } from '../../generated/ast.js';
import { describe } from '../../model/describe.js';
import type { EcosystemModel } from '../../model/ecosystem-model.js';
import * as ast from '../../generated/ast.js';
import type { Check } from '../problem.js';
import { type RelationEdge, relationsOf } from '../../analysis/relation-index.js';

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

/**
 * The touchpoints something uses: a flow goes via it (even one whose other names do not resolve), a
 * journey step is at it (hosts), a system or process supports it, a policy affects it. Owning one,
 * or an environment factor affecting it, is not a use.
 */
function referencedTouchpoints(model: EcosystemModel): Set<Touchpoint> {
    const uses = (edge: RelationEdge) => edge.relation === 'hosts' || edge.relation === 'supports'
        || (edge.relation === 'affects' && ast.isPolicy(edge.from));
    const touchpointOf = (edge: RelationEdge) => (ast.isTouchpoint(edge.from) ? edge.from : edge.to);
    const shaped = relationsOf(model).edges.filter(uses).map(touchpointOf).filter(ast.isTouchpoint);
    return new Set([...shaped, ...model.flows.flatMap(flow => flow.touchpoint ?? [])]);
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
