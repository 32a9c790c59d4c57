import type * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { unique } from '../util/words.js';

/**
 * Which value rule an actor breaks, if any. They never pile up on one actor; in order:
 * no-declared-value (never for organizations, the focal firms), isolated-actor, unreciprocated,
 * then unmet-need (one per sought value object no flow gives).
 */
export type ValueVerdict = 'no-declared-value' | 'isolated-actor' | 'unreciprocated' | 'unmet-need';

/** What an actor seeks, receives and gives across its ecosystem: its "what's in it for me?". */
export interface ValueBalance {
    readonly actor: ast.Actor;
    /** Sought value objects, then free-text needs. */
    readonly seeks: readonly (ast.Value | string)[];
    readonly receives: readonly ast.Value[];
    readonly gives: readonly ast.Value[];
    /** Sought value objects that no flow gives to the actor. */
    readonly unmet: readonly ast.Value[];
    /** The value rule the actor breaks: what the checks report and the code lens and hover show. */
    readonly verdict?: ValueVerdict;
}

/** The one computation of an actor's value balance and verdict, for the value rules and the editor alike. */
export function valueBalance(model: EcosystemModel, actor: ast.Actor): ValueBalance {
    const { gives, receives } = model.flowsOf(actor);
    const received = unique(receives.flatMap(flow => flow.values));
    const sought = unique(actor.seeks.flatMap(need => (need.value?.ref ? [need.value.ref] : [])));
    const texts = actor.seeks.flatMap(need => (need.text !== undefined ? [need.text] : []));
    const unmet = sought.filter(value => !received.includes(value));
    return {
        actor,
        seeks: [...sought, ...texts],
        receives: received,
        gives: unique(gives.flatMap(flow => flow.values)),
        unmet,
        verdict: verdictOf(actor, gives.length, receives.length, unmet.length),
    };
}

function verdictOf(actor: ast.Actor, gives: number, receives: number, unmet: number): ValueVerdict | undefined {
    if (actor.seeks.length === 0 && receives === 0) {
        return actor.kind === 'organization' ? undefined : 'no-declared-value';
    }
    if (gives === 0 && receives === 0) {
        return 'isolated-actor';
    }
    if (receives === 0) {
        return 'unreciprocated';
    }
    return unmet > 0 ? 'unmet-need' : undefined;
}
