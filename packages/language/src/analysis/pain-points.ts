import * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { type Reached, walkModel } from './walk.js';

/** What is behind the scenes of an experience: systems, processes, policies, environment factors. */
export type RootCause = ast.System | ast.Process | ast.Policy | ast.Factor;

export function isRootCause(element: ast.Element): element is RootCause {
    return ast.isSystem(element) || ast.isProcess(element) || ast.isPolicy(element) || ast.isFactor(element);
}

/** The root causes in an element's trace, nearest first. */
export function rootCausesOf(model: EcosystemModel, element: ast.Walkable): Reached[] {
    return walkModel(model, element, 'trace').reached.filter(reached => isRootCause(reached.element));
}

/** A journey step scored 1 or 2 and the root causes in its touchpoint's trace, nearest first. */
export interface PainPoint {
    readonly journey: ast.Journey;
    readonly step: ast.Step;
    readonly touchpoint: ast.Touchpoint;
    readonly causes: readonly Reached[];
}

const PAINFUL = new Set([1, 2]);

/** Every painful step of the model whose touchpoint resolves, in model order. */
export function painPoints(model: EcosystemModel): PainPoint[] {
    const traces = new Map<ast.Touchpoint, Reached[]>();
    const causesOf = (touchpoint: ast.Touchpoint) => {
        let causes = traces.get(touchpoint);
        if (!causes) {
            causes = rootCausesOf(model, touchpoint);
            traces.set(touchpoint, causes);
        }
        return causes;
    };
    return model.journeys.flatMap(journey => journey.steps.flatMap(step => {
        const touchpoint = step.touchpoint?.ref;
        return touchpoint && step.score !== undefined && PAINFUL.has(step.score)
            ? [{ journey, step, touchpoint, causes: causesOf(touchpoint) }]
            : [];
    }));
}
