import type * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { unique } from '../util/words.js';

/** What an actor seeks, receives and gives across its ecosystem: its "what's in it for me?". */
export interface ValueBalance {
    readonly actor: ast.Actor;
    /** Sought value objects, then free-text needs. */
    readonly seeks: readonly (ast.Value | string)[];
    readonly receives: readonly ast.Value[];
    readonly gives: readonly ast.Value[];
    /** Sought value objects that no flow gives to the actor. */
    readonly unmet: readonly ast.Value[];
}

export function valueBalance(model: EcosystemModel, actor: ast.Actor): ValueBalance {
    const { gives, receives } = model.flowsOf(actor);
    const received = unique(receives.flatMap(flow => flow.values));
    const sought = actor.seeks.flatMap(need => (need.value?.ref ? [need.value.ref] : []));
    const texts = actor.seeks.flatMap(need => (need.text !== undefined ? [need.text] : []));
    return {
        actor,
        seeks: [...unique(sought), ...texts],
        receives: received,
        gives: unique(gives.flatMap(flow => flow.values)),
        unmet: unique(sought).filter(value => !received.includes(value)),
    };
}
