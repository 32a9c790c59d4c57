import type { Check } from '../problem.js';

/** self-exchange: a flow's giver and receiver must be different actors. */
export const checkSelfExchanges: Check = (_model, report, focus) => {
    for (const flow of focus.exchanges.flatMap(exchange => exchange.flows)) {
        const giver = flow.giver?.ref;
        if (giver && giver === flow.receiver?.ref) {
            report({
                code: 'self-exchange', node: flow,
                message: `Flow from '${giver.name}' to itself: a value exchange needs two different actors. `
                    + 'Change the giver or the receiver, or remove the flow.',
            });
        }
    }
};
