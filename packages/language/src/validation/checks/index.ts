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

/** Every model check, run once per ecosystem per workspace state (on the focus: see Focus). */
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

/**
 * The checks whose findings depend on the whole ecosystem rather than on the focused elements and
 * what they touch: run in full every time (has-customer counts every actor; a pain point's causes
 * are several relations away).
 */
export const ecosystemWideChecks: ReadonlySet<Check> = new Set([checkHasCustomer, checkPainPointCauses]);
