import * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import { type RelationEdge, type RelationIndex, relationsOf } from './relation-index.js';

/** `trace` walks against the relations (towards causes), `impact` along them (towards effects). */
export type WalkDirection = 'trace' | 'impact';

export interface Reached {
    readonly element: ast.Walkable;
    /** Relations on the shortest path between it and the start (1 = direct). */
    readonly depth: number;
}

export interface Walk {
    readonly start: ast.Walkable;
    readonly direction: WalkDirection;
    /** The trace or impact, without the start, ordered by depth then model order. */
    readonly reached: readonly Reached[];
    /**
     * The relations the walk followed: every edge from an element at depth d to one at depth d + 1
     * (the start being depth 0), so each reached element is explained by its shortest paths.
     */
    readonly relations: readonly RelationEdge[];
}

/**
 * Breadth-first over the relation index from `start`, up to `maxDepth` relations away (no limit when
 * absent). Each element is reached once, at its smallest depth, so cycles end the walk.
 */
export function walk(index: RelationIndex, start: ast.Walkable, direction: WalkDirection, maxDepth = Infinity): Walk {
    const next = direction === 'trace' ? (element: ast.Element) => index.into(element) : (element: ast.Element) => index.outOf(element);
    const far = (edge: RelationEdge) => (direction === 'trace' ? edge.from : edge.to);
    const depths = new Map<ast.Walkable, number>([[start, 0]]);
    const relations: RelationEdge[] = [];
    let frontier: ast.Walkable[] = [start];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
        const reachedNow: ast.Walkable[] = [];
        for (const element of frontier) {
            for (const edge of next(element)) {
                const other = far(edge);
                const known = depths.get(other);
                if (known === undefined) {
                    depths.set(other, depth);
                    reachedNow.push(other);
                }
                if ((known ?? depth) === depth) {
                    relations.push(edge);
                }
            }
        }
        frontier = reachedNow;
    }
    // Sorted on keys worked out once per element or edge, not at every comparison.
    const byDepthThenOrder = (a: { depth: number; order: number }, b: { depth: number; order: number }) => a.depth - b.depth || a.order - b.order;
    const keyed = [...depths].filter(([element]) => element !== start)
        .map(([element, depth]) => ({ element, depth, order: index.orderOf(element) }))
        .sort(byDepthThenOrder);
    const orderOf = new Map(keyed.map(({ element, order }) => [element, order]));
    // A followed relation's far end is a reached element (depth 1 or more), never the start.
    const followed = relations.map(edge => ({ edge, depth: depthOf(edge), order: orderOf.get(far(edge))! })).sort(byDepthThenOrder);
    return { start, direction, reached: keyed.map(({ element, depth }) => ({ element, depth })), relations: followed.map(({ edge }) => edge) };

    function depthOf(edge: RelationEdge): number {
        return depths.get(far(edge)) ?? 0;
    }
}

/** The trace or impact of an element of a model, on the model's relation index. */
export function walkModel(model: EcosystemModel, start: ast.Walkable, direction: WalkDirection, maxDepth?: number): Walk {
    return walk(relationsOf(model), start, direction, maxDepth);
}

/** The element a walk can start from by this name (not a view), if the model has one. */
export function walkableNamed(model: EcosystemModel, name: string): ast.Walkable | undefined {
    return model.elementsByName.get(name)?.find(ast.isWalkable);
}
