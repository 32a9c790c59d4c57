import type { AstNodeDescription } from 'langium';
import type { FuzzyMatcher } from 'langium/lsp';
import * as ast from '../generated/ast.js';
import type { EcosystemModel, ResolvedFlow } from '../model/ecosystem-model.js';
import { unique } from '../util/words.js';
import { compare } from '../workspace/ecosystem-membership.js';

/** Where the cursor is, what fits best: names of a lower rank come first. */
export interface ContextRanking {
    /** What is never offered here (the giver, after `->`). */
    isExcluded?(candidate: AstNodeDescription): boolean;
    /** The rank of a name; names the context says nothing about come last. */
    rankOf(name: string): number;
}

export const NO_RANKING: ContextRanking = { rankOf: () => 0 };

/**
 * The ranking inside a flow: after `->`, the actors that already exchange with the giver, then those
 * that seek what the giver gives, never the giver itself; after `:`, what the receiver seeks, then
 * what the giver already gives; after `via`, the touchpoints the giver's and the receiver's flows
 * already go through. What the flows say comes from the model's flow index, read by name: the model
 * may be a keystroke old (recentModelFor). Nothing here scans the ecosystem's flows.
 */
export function flowRanking(model: EcosystemModel | undefined, flow: ast.Flow, property: string): ContextRanking {
    const giver = flow.giver?.$refText;
    const receiver = flow.receiver?.$refText;
    const actorNamed = (name: string | undefined) => (name === undefined ? undefined : model?.elementsByName.get(name)?.find(ast.isActor));
    const flowsOf = (name: string | undefined): ResolvedFlow[] => {
        const actor = actorNamed(name);
        const flows = actor && model!.flowsOf(actor);
        return flows ? [...flows.gives, ...flows.receives] : [];
    };
    const giftsOf = (name: string | undefined) => unique(flowsOf(name).filter(f => f.giver?.name === name).flatMap(f => f.values));
    switch (property) {
        case 'receiver': {
            const partners = new Set(flowsOf(giver).flatMap(f => [f.giver?.name, f.receiver?.name]));
            // Who seeks a gift: the needs that name it, from the model's index of where elements are named.
            const seekers = new Set(giftsOf(giver).flatMap(value => model!.usesOf(value).flatMap(site => (ast.isNeed(site.container) ? [(site.container.$container as ast.Actor).name] : []))));
            return { isExcluded: candidate => candidate.name === giver, rankOf: name => (partners.has(name) ? 0 : seekers.has(name) ? 1 : 2) };
        }
        case 'values': {
            const needs = new Set(flow.receiver?.ref?.seeks.map(need => need.value?.$refText));
            const given = new Set(giftsOf(giver).map(value => value.name));
            return { rankOf: name => (needs.has(name) ? 0 : given.has(name) ? 1 : 2) };
        }
        case 'touchpoint': {
            const used = new Set([...flowsOf(giver), ...flowsOf(receiver)].map(f => f.touchpoint?.name));
            return { rankOf: name => (used.has(name) ? 0 : 1) };
        }
        default:
            return NO_RANKING;
    }
}

/** One candidate to offer, with its place in the list. */
export interface RankedCandidate {
    readonly description: AstNodeDescription;
    /** Sorts references before keywords ('1'), then by how the name matches what is typed, then by rank. */
    readonly sortText: string;
}

interface Match {
    readonly description: AstNodeDescription;
    /** 0: starts with the typed text, 1: in another case, 2: another fuzzy match. */
    readonly match: number;
    readonly rank: number;
}

/**
 * The candidates that match what is typed (the editor's fuzzy match), best first, at most `limit`:
 * names that start with the typed text (same case, then any case) before other matches, then by
 * the context's rank, then by name. Filtering before the cut means the name being typed is never
 * cut off; the order is total, so the list is the same on every request. One pass that keeps the
 * best `limit` so far: a keystroke in an ecosystem of 20,000 actors sorts 100 names, not 20,000.
 */
export function rankCandidates(candidates: Iterable<AstNodeDescription>, typed: string, ranking: ContextRanking, matcher: FuzzyMatcher, limit: number): RankedCandidate[] {
    const lowerTyped = typed.toLowerCase();
    const best: Match[] = [];
    for (const description of candidates) {
        const name = description.name;
        if ((typed && !matcher.match(typed, name)) || ranking.isExcluded?.(description)) {
            continue;
        }
        const match = name.startsWith(typed) ? 0 : name.slice(0, typed.length).toLowerCase() === lowerTyped ? 1 : 2;
        const rank = ranking.rankOf(name);
        const worst = best.length === limit ? best[limit - 1] : undefined;
        // Most names of a large ecosystem lose to the worst kept so far: compared without allocating.
        if (worst && (match - worst.match || rank - worst.rank || compare(name, worst.description.name)) >= 0) {
            continue;
        }
        const candidate = { description, match, rank };
        best.splice(insertionIndex(best, candidate), 0, candidate);
        best.length = Math.min(best.length, limit);
    }
    return best.map(({ description, match, rank }) => ({ description, sortText: `0${match}${String(rank).padStart(2, '0')}` }));
}

function insertionIndex(sorted: readonly Match[], candidate: Match): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareMatches(sorted[middle], candidate) <= 0) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}

function compareMatches(a: Match, b: Match): number {
    return a.match - b.match || a.rank - b.rank || compare(a.description.name, b.description.name);
}

/** The ranking, also excluding one more candidate. */
export function excluding(ranking: ContextRanking, excluded: (candidate: AstNodeDescription) => boolean): ContextRanking {
    return { rankOf: ranking.rankOf, isExcluded: candidate => excluded(candidate) || (ranking.isExcluded?.(candidate) ?? false) };
}
