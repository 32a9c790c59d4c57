import type { DiagramChange, DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph.js';

/**
 * A view's diff diagram: the new graph with every node and edge that is new marked `added`, every one
 * that differs (or whose element changed) marked `changed`, and the old ones that are gone put back
 * marked `removed`, to be drawn ghosted. Undefined when nothing in the view changed.
 * @param changedElements names of elements whose clauses changed (what the drawing may not show)
 */
export function diffGraph(before: DiagramGraph | undefined, after: DiagramGraph, changedElements: ReadonlySet<string>): DiagramGraph | undefined {
    const nodes = mark(before?.nodes ?? [], after.nodes, node => node.id, (old, now) => changedElements.has(now.id) || !sameDrawing(old, now));
    const edges = mark(before?.edges ?? [], after.edges, edgeKey, (old, now) => !sameDrawing({ ...old, id: '' }, { ...now, id: '' }));
    if (![...nodes, ...edges].some(item => item.change)) {
        return undefined;
    }
    return { ...after, title: `${after.title} — changes`, nodes, edges };
}

/** Pairs the old and new items by key (in order, when a key repeats) and marks what differs. */
function mark<T extends DiagramNode | DiagramEdge>(before: readonly T[], after: readonly T[], key: (item: T) => string, changed: (old: T, now: T) => boolean): T[] {
    const unmatched = Map.groupBy(before, key);
    const as = (item: T, change: DiagramChange | undefined): T => (change ? { ...item, change } : item);
    const marked = after.map(now => {
        const previous = unmatched.get(key(now))?.shift();
        return as(now, !previous ? 'added' : changed(previous, now) ? 'changed' : undefined);
    });
    return [...marked, ...[...unmatched.values()].flat().map(item => as(item, 'removed'))];
}

/**
 * What an edge is, whatever its id: anonymous exchanges are numbered in file order, so an edge's id
 * changes when an anonymous exchange is added above it, but not what it joins.
 */
function edgeKey(edge: DiagramEdge): string {
    return JSON.stringify([edge.kind, edge.from, edge.to, edge.exchange ?? null, edge.note ?? null]);
}

/** Whether two versions of a node or edge draw the same (problem badges aside: the comment lists those). */
function sameDrawing(a: DiagramNode | DiagramEdge, b: DiagramNode | DiagramEdge): boolean {
    const drawn = (item: DiagramNode | DiagramEdge) => JSON.stringify({ ...item, problems: undefined });
    return drawn(a) === drawn(b);
}
