import * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';

/** The shaping relations of LANGUAGE.md ("Root causes and ripple effects"): "X shapes Y". */
export type Relation = 'supports' | 'uses' | 'affects' | 'runs' | 'delivers' | 'carries' | 'hosts';

/** One shaping relation between two named elements of one ecosystem. */
export interface RelationEdge {
    readonly from: ast.Walkable;
    readonly to: ast.Walkable;
    readonly relation: Relation;
}

/**
 * The shaping relations of one ecosystem as plain edges, built once per model state: trace and
 * impact walk it, the usage checks, the diagrams and the report read it. References that do not
 * resolve give no edge.
 */
export interface RelationIndex {
    /** Every edge once, in model order of the element that states it. */
    readonly edges: readonly RelationEdge[];
    /** The edges that end at an element (what shapes it). */
    into(element: ast.Element): readonly RelationEdge[];
    /** The edges that start at an element (what it shapes). */
    outOf(element: ast.Element): readonly RelationEdge[];
    /** The element's position in the model (files in URI order, then file order). */
    orderOf(element: ast.Element): number;
}

const indexes = new WeakMap<EcosystemModel, RelationIndex>();

/** The relation index of a model; a model is one workspace state, so this is built once per state. */
export function relationsOf(model: EcosystemModel): RelationIndex {
    let index = indexes.get(model);
    if (!index) {
        index = buildRelationIndex(model);
        indexes.set(model, index);
    }
    return index;
}

function buildRelationIndex(model: EcosystemModel): RelationIndex {
    const edges: RelationEdge[] = [];
    const seen = new Set<string>();
    const order = new Map(model.elements.map((element, i) => [element as ast.Element, i]));
    const add = (from: ast.Walkable | undefined, to: ast.Walkable | undefined, relation: Relation) => {
        if (!from?.name || !to?.name || from === to) {
            return;
        }
        const key = `${order.get(from)}\u0000${relation}\u0000${order.get(to)}`;
        if (!seen.has(key)) {
            seen.add(key);
            edges.push({ from, to, relation });
        }
    };
    for (const element of model.elements) {
        if (ast.isSystem(element) || ast.isProcess(element)) {
            element.supports.forEach(target => add(element, target.ref, 'supports'));
        }
        if (ast.isProcess(element)) {
            element.uses.forEach(system => add(system.ref, element, 'uses'));
        }
        if (ast.isPolicy(element)) {
            element.affects.forEach(target => add(element, target.ref, 'affects'));
        }
        if (ast.isFactor(element)) {
            element.affects.forEach(impact => add(element, impact.target?.ref, 'affects'));
        }
        if (ast.isTouchpoint(element)) {
            add(element.owner?.ref, element, 'runs');
        }
        if (ast.isExchange(element)) {
            for (const flow of element.flows) {
                const touchpoint = flow.touchpoint?.ref;
                add(flow.giver?.ref, touchpoint, 'delivers');
                if (element.name) {
                    add(element, touchpoint, 'carries');
                }
                flow.values.forEach(value => add(value.ref, touchpoint, 'carries'));
            }
        }
        if (ast.isJourney(element)) {
            element.steps.forEach(step => add(step.touchpoint?.ref, element, 'hosts'));
        }
    }
    const into = Map.groupBy(edges, edge => edge.to as ast.Element);
    const outOf = Map.groupBy(edges, edge => edge.from as ast.Element);
    return {
        edges,
        into: element => into.get(element) ?? [],
        outOf: element => outOf.get(element) ?? [],
        orderOf: element => order.get(element) ?? Number.MAX_SAFE_INTEGER,
    };
}
