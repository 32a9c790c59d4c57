import * as ast from '../generated/ast.js';
import type { EcosystemModel, ModelPart } from '../model/ecosystem-model.js';

/** The shaping relations of LANGUAGE.md ("Root causes and ripple effects"): "X shapes Y". */
export type Relation = 'supports' | 'uses' | 'affects' | 'runs' | 'delivers' | 'carries' | 'hosts';

/**
 * How an edge from → to reads, in text and on diagram arrows: the relation's word, turned where the
 * word names the other end's act ("Dispatch uses Workforce" is drawn Workforce → Dispatch, "used by").
 */
export function relationPhrase(relation: Relation): string {
    return relation === 'uses' ? 'used by' : relation === 'carries' ? 'carried via' : relation;
}

const RELATIONS: readonly Relation[] = ['supports', 'uses', 'affects', 'runs', 'delivers', 'carries', 'hosts'];

/** One shaping relation between two named elements of one ecosystem. */
export interface RelationEdge {
    readonly from: ast.Walkable;
    readonly to: ast.Walkable;
    readonly relation: Relation;
}

/**
 * The shaping relations of one ecosystem as plain edges, one index per model state (kept up to date
 * from the documents' parts: see IncrementalRelationIndex): trace and impact walk it, the usage
 * checks, the diagrams and the report read it. References that do not resolve give no edge.
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

/** The relation index of a model (one per model state). */
export function relationsOf(model: EcosystemModel): RelationIndex {
    return model.relations;
}

/** The bit of a relation in a set of relations held as a number. */
export function relationBit(relation: Relation): number {
    return 1 << RELATIONS.indexOf(relation);
}

const stated = new WeakMap<ModelPart, readonly RelationEdge[]>();

/**
 * The edges a document's part states, in the order of its elements, each element's in the order it
 * states them (the same edge stated twice is there twice: the index keeps the first). Worked out
 * once per part: a part is replaced whenever its references resolve differently.
 */
export function relationsStatedBy(part: ModelPart): readonly RelationEdge[] {
    let edges = stated.get(part);
    if (!edges) {
        edges = collectRelations(part.elements);
        stated.set(part, edges);
    }
    return edges;
}

/**
 * The edges of a part whose references were only pointed at other elements of the same names (a
 * rebound part: same elements, same sites, some with another target), from the edges of the part
 * it replaces, without reading its references again: an edge keeps its object unless an end moved.
 */
export function relationsRetargeted(before: ModelPart, after: ModelPart): readonly RelationEdge[] {
    let edges = stated.get(after);
    if (!edges) {
        const moved = new Map<ast.Element, ast.Element>();
        before.references.forEach((site, i) => {
            const now = after.references[i];
            if (now !== site) {
                moved.set(site.target, now.target);
            }
        });
        edges = relationsStatedBy(before).map(edge => {
            const [from, to] = [moved.get(edge.from) as ast.Walkable | undefined, moved.get(edge.to) as ast.Walkable | undefined];
            return from || to ? { from: from ?? edge.from, to: to ?? edge.to, relation: edge.relation } : edge;
        });
        stated.set(after, edges);
    }
    return edges;
}

function collectRelations(elements: readonly ast.Element[]): RelationEdge[] {
    const edges: RelationEdge[] = [];
    const add = (from: ast.Walkable | undefined, to: ast.Walkable | undefined, relation: Relation) => {
        if (from?.name && to?.name && from !== to) {
            edges.push({ from, to, relation });
        }
    };
    const addFlows = (exchange: ast.Exchange) => {
        for (const flow of exchange.flows) {
            const touchpoint = flow.touchpoint?.ref;
            if (!touchpoint) {
                continue;
            }
            add(flow.giver?.ref, touchpoint, 'delivers');
            if (exchange.name) {
                add(exchange, touchpoint, 'carries');
            }
            flow.values.forEach(value => add(value.ref, touchpoint, 'carries'));
        }
    };
    // A switch on $type is cheaper than type guards on large models.
    for (const element of elements) {
        switch (element.$type) {
            case ast.System.$type:
                (element as ast.System).supports.forEach(target => add(element as ast.System, target.ref, 'supports'));
                break;
            case ast.Process.$type: {
                const process = element as ast.Process;
                process.supports.forEach(target => add(process, target.ref, 'supports'));
                process.uses.forEach(system => add(system.ref, process, 'uses'));
                break;
            }
            case ast.Policy.$type:
                (element as ast.Policy).affects.forEach(target => add(element as ast.Policy, target.ref, 'affects'));
                break;
            case ast.Factor.$type:
                (element as ast.Factor).affects.forEach(impact => add(element as ast.Factor, impact.target?.ref, 'affects'));
                break;
            case ast.Touchpoint.$type:
                add((element as ast.Touchpoint).owner?.ref, element as ast.Touchpoint, 'runs');
                break;
            case ast.Exchange.$type:
                addFlows(element as ast.Exchange);
                break;
            case ast.Journey.$type:
                (element as ast.Journey).steps.forEach(step => add(step.touchpoint?.ref, element as ast.Journey, 'hosts'));
                break;
        }
    }
    return edges;
}
