import { describe } from '../../model/describe.js';
import type { Check } from '../problem.js';

const MIN_SCORE = 1;
const MAX_SCORE = 5;

/** journey-not-customer and score-out-of-range: a journey is one customer's path, scored 1 to 5. */
export const checkJourneys: Check = (_model, report, focus) => {
    for (const journey of focus.journeys) {
        const actor = journey.customer?.ref;
        if (actor && actor.kind !== 'customer') {
            report({
                code: 'journey-not-customer', node: journey, property: 'customer',
                message: `Journey '${journey.name}' is for ${describe(actor)}, but a journey follows a customer. `
                    + 'Name a customer actor after \'for\'.',
            });
        }
        for (const step of journey.steps) {
            if (step.score !== undefined && (step.score < MIN_SCORE || step.score > MAX_SCORE)) {
                report({
                    code: 'score-out-of-range', node: step, property: 'score',
                    message: `Step '${step.name}' has score ${step.score}; scores run from ${MIN_SCORE} (painful) `
                        + `to ${MAX_SCORE} (delightful).`,
                });
            }
        }
    }
};
