import { describe } from '../../model/describe.js';
import type { Check } from '../problem.js';

const EMPLOYER_KINDS: ReadonlySet<string> = new Set(['organization', 'partner']);

/** employer-not-organization: employees work for an organization or a partner. */
export const checkEmployers: Check = (_model, report, focus) => {
    for (const actor of focus.actors) {
        const employer = actor.employer?.ref;
        if (employer && !EMPLOYER_KINDS.has(employer.kind)) {
            report({
                code: 'employer-not-organization', node: actor, property: 'employer',
                message: `${describe(actor, true)} names ${describe(employer)} as employer, but an employer must be `
                    + 'an organization or a partner. Name the firm they work for.',
            });
        }
    }
};

/** no-customer: an ecosystem is about someone's experience; reported on every file's header. */
export const checkHasCustomer: Check = (model, report) => {
    if (model.someActor(actor => actor.kind === 'customer')) {
        return;
    }
    for (const header of model.headers) {
        report({
            code: 'no-customer', node: header, property: 'name',
            message: `Ecosystem '${model.name}' has no customer actor, so there is no experience to model. `
                + "Add one, for example: customer Shopper \"Shopper\" { seeks … }.",
        });
    }
};
