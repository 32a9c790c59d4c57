import { painPoints } from '../../analysis/pain-points.js';
import { describe } from '../../model/describe.js';
import type { Check } from '../problem.js';

/** pain-point-without-cause: a step scored 1 or 2 whose touchpoint's trace holds no root cause. */
export const checkPainPointCauses: Check = (model, report) => {
    for (const { journey, step, touchpoint } of painPoints(model).filter(point => point.causes.length === 0)) {
        report({
            code: 'pain-point-without-cause', node: step, property: 'name',
            message: `Step '${step.name}' of journey '${journey.name}' is painful (score ${step.score}), but nothing in the model `
                + `is behind ${describe(touchpoint)}: no system, process, policy or environment factor shapes it. `
                + 'Model what causes the pain so it can be traced.',
        });
    }
};
