import type { Check } from '../problem.js';
import { checkEmployers, checkHasCustomer } from './actors.js';
import { checkDuplicateClauses } from './clauses.js';
import { checkSelfExchanges } from './flows.js';
import { checkJourneys } from './journeys.js';
import { checkDuplicateNames } from './names.js';
import { checkPainPointCauses } from './pain-points.js';
import { checkBackstageTargets, checkFactorImpacts, checkUnusedTouchpoints, checkUnusedValues } from './usage.js';
import { checkValueRules } from './value-rules.js';
import { checkViewDepths } from './views.js';

/** Every model check, run once per ecosystem per workspace state. */
export const allChecks: readonly Check[] = [
    checkDuplicateNames,
    checkDuplicateClauses,
    checkSelfExchanges,
    checkEmployers,
    checkHasCustomer,
    checkJourneys,
    checkValueRules,
    checkUnusedValues,
    checkUnusedTouchpoints,
    checkFactorImpacts,
    checkBackstageTargets,
    checkPainPointCauses,
    checkViewDepths,
];
