import type { LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';

/** One flow with its references resolved; names that do not resolve are simply absent. */
export interface ResolvedFlow {
    readonly node: ast.Flow;
    readonly exchange: ast.Exchange;
    readonly giver?: ast.Actor;
    readonly receiver?: ast.Actor;
    readonly values: readonly ast.Value[];
    readonly touchpoint?: ast.Touchpoint;
}

/** What an actor gives and receives across all flows of its ecosystem. */
export interface ActorFlows {
    readonly gives: readonly ResolvedFlow[];
    readonly receives: readonly ResolvedFlow[];
}

/**
 * The resolved, merged model of one ecosystem across all its files: what the checks, analyses and
 * renderers read instead of the raw AST. Elements keep file order, files are in URI order.
 */
export interface EcosystemModel {
    readonly name: string;
    /** The `ecosystem` declaration of each file of this ecosystem. */
    readonly headers: readonly ast.Ecosystem[];
    readonly elements: readonly ast.Element[];
    readonly actors: readonly ast.Actor[];
    readonly values: readonly ast.Value[];
    readonly exchanges: readonly ast.Exchange[];
    readonly touchpoints: readonly ast.Touchpoint[];
    readonly factors: readonly ast.Factor[];
    readonly systems: readonly ast.System[];
    readonly processes: readonly ast.Process[];
    readonly policies: readonly ast.Policy[];
    readonly journeys: readonly ast.Journey[];
    readonly views: readonly ast.View[];
    readonly flows: readonly ResolvedFlow[];
    /** Every element of a name (more than one means a duplicate). */
    readonly elementsByName: ReadonlyMap<string, readonly ast.Element[]>;
    flowsOf(actor: ast.Actor): ActorFlows;
    /** The actors that seek a value object (built on first use). */
    seekersOf(value: ast.Value): readonly ast.Actor[];
}

const NO_FLOWS: ActorFlows = { gives: [], receives: [] };

export function buildEcosystemModel(name: string, documents: readonly LangiumDocument[]): EcosystemModel {
    const headers: ast.Ecosystem[] = [];
    const elements: ast.Element[] = [];
    for (const document of documents) {
        const root = document.parseResult.value as ast.Model;
        if (root.header) {
            headers.push(root.header);
        }
        elements.push(...root.elements.filter(isComplete));
    }
    const flows = elements.filter(ast.isExchange).flatMap(resolveFlows);
    const actors = elements.filter(ast.isActor);
    return {
        name,
        headers,
        elements,
        actors,
        values: elements.filter(ast.isValue),
        exchanges: elements.filter(ast.isExchange),
        touchpoints: elements.filter(ast.isTouchpoint),
        factors: elements.filter(ast.isFactor),
        systems: elements.filter(ast.isSystem),
        processes: elements.filter(ast.isProcess),
        policies: elements.filter(ast.isPolicy),
        journeys: elements.filter(ast.isJourney),
        views: elements.filter(ast.isView),
        flows,
        elementsByName: groupByName(elements),
        flowsOf: indexFlowsByActor(flows),
        seekersOf: indexSeekersByValue(actors),
    };
}

/**
 * A half-typed element without its name (`customer` alone on a line, `view { … }`) is a syntax error
 * and nothing more: it stays out of the model, so that what needs a name (diagrams, views, file
 * names, messages) never meets one without. Only an exchange may be anonymous.
 */
function isComplete(element: ast.Element): boolean {
    return Boolean(element.name) || ast.isExchange(element);
}

function resolveFlows(exchange: ast.Exchange): ResolvedFlow[] {
    return exchange.flows.map(node => ({
        node,
        exchange,
        giver: node.giver?.ref,
        receiver: node.receiver?.ref,
        values: node.values.flatMap(value => value.ref ? [value.ref] : []),
        touchpoint: node.touchpoint?.ref,
    }));
}

function groupByName(elements: readonly ast.Element[]): Map<string, ast.Element[]> {
    return Map.groupBy(elements.filter(element => element.name), element => element.name!);
}

function indexSeekersByValue(actors: readonly ast.Actor[]): (value: ast.Value) => readonly ast.Actor[] {
    let index: Map<ast.Value, ast.Actor[]> | undefined;
    const build = () => {
        const byValue = new Map<ast.Value, ast.Actor[]>();
        for (const actor of actors) {
            for (const need of actor.seeks) {
                const value = need.value?.ref;
                const seekers = value && byValue.get(value);
                if (!value) {
                    continue;
                } else if (!seekers) {
                    byValue.set(value, [actor]);
                } else if (seekers.at(-1) !== actor) {
                    seekers.push(actor); // an actor's needs come together: a repeat is the last one pushed
                }
            }
        }
        return byValue;
    };
    return value => (index ??= build()).get(value) ?? [];
}

function indexFlowsByActor(flows: readonly ResolvedFlow[]): (actor: ast.Actor) => ActorFlows {
    const index = new Map<ast.Actor, { gives: ResolvedFlow[]; receives: ResolvedFlow[] }>();
    const entry = (actor: ast.Actor) => {
        let flowsOfActor = index.get(actor);
        if (!flowsOfActor) {
            flowsOfActor = { gives: [], receives: [] };
            index.set(actor, flowsOfActor);
        }
        return flowsOfActor;
    };
    for (const flow of flows) {
        if (flow.giver) {
            entry(flow.giver).gives.push(flow);
        }
        if (flow.receiver) {
            entry(flow.receiver).receives.push(flow);
        }
    }
    return actor => index.get(actor) ?? NO_FLOWS;
}
