import { describe } from '../../model/describe.js';
import type { ReferenceSite } from '../../model/ecosystem-model.js';
import * as ast from '../../generated/ast.js';
import type { Check } from '../problem.js';

/** unused-value: a value object that no flow carries and no actor seeks. */
export const checkUnusedValues: Check = (model, report, focus) => {
    for (const value of focus.values) {
        if (!model.usesOf(value).some(isValueUse)) {
            report({
                code: 'unused-value', node: value, property: 'name',
                message: `${describe(value, true)} is neither carried by a flow nor sought by an actor. `
                    + 'Use it in a flow or a seeks clause, or remove it.',
            });
        }
    }
};

/** unused-touchpoint: a touchpoint that no flow, journey step, system, process or policy references. */
export const checkUnusedTouchpoints: Check = (model, report, focus) => {
    for (const touchpoint of focus.touchpoints) {
        if (!model.usesOf(touchpoint).some(isTouchpointUse)) {
            report({
                code: 'unused-touchpoint', node: touchpoint, property: 'name',
                message: `${describe(touchpoint, true)} is not used: no flow goes 'via' it, no journey step is 'at' it, `
                    + 'and no system, process or policy refers to it. Reference it or remove it.',
            });
        }
    }
};

/** A value is used when a flow carries it or an actor seeks it. */
function isValueUse({ container, property }: ReferenceSite): boolean {
    return (ast.isFlow(container) && property === 'values') || (ast.isNeed(container) && property === 'value');
}

/**
 * A touchpoint is used when a flow goes via it (even one whose other names do not resolve), a journey
 * step is at it, a system or process supports it, or a policy affects it. Owning one, or an
 * environment factor affecting it, is not a use.
 */
function isTouchpointUse({ container, property }: ReferenceSite): boolean {
    return ((ast.isFlow(container) || ast.isStep(container)) && property === 'touchpoint')
        || ((ast.isSystem(container) || ast.isProcess(container)) && property === 'supports')
        || (ast.isPolicy(container) && property === 'affects');
}

/** factor-without-impact: an environment factor that affects nothing. */
export const checkFactorImpacts: Check = (_model, report, focus) => {
    for (const factor of focus.factors) {
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
export const checkBackstageTargets: Check = (_model, report, focus) => {
    for (const element of [...focus.systems, ...focus.processes]) {
        if (element.supports.length === 0) {
            report({
                code: 'backstage-without-target', node: element, property: 'name',
                message: `${describe(element, true)} supports nothing. Add 'supports <touchpoint, exchange or process>' `
                    + 'so the model can trace experience flaws back to it.',
            });
        }
    }
    for (const policy of focus.policies) {
        if (policy.affects.length === 0) {
            report({
                code: 'backstage-without-target', node: policy, property: 'name',
                message: `${describe(policy, true)} affects nothing. Add 'affects <actor, exchange, touchpoint or process>' `
                    + 'so the model can trace experience flaws back to it.',
            });
        }
    }
};
