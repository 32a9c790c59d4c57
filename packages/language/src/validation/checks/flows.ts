import type { Check } from '../problem.js';

/** self-exchange: a flow's giver and receiver must be different actors. */
export const checkSelfExchanges: Check = (model, report) => {
    for (const flow of model.flows) {
        if (flow.giver && flow.giver === flow.receiver) {
            report({
                code: 'self-exchange', node: flow.node,
                message: `Flow from '${flow.giver.name}' to itself: a value exchange needs two different actors. `
                    + 'Change the giver or the receiver, or remove the flow.',
            });
        }
    }
};
