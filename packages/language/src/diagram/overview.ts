import type { DiagramEdge, DiagramGraph, DiagramNode, NodeKind } from './diagram-graph.js';
import { KIND_STYLES } from './diagram-style.js';
import { plural } from '../util/words.js';

/** Past this many nodes a view is drawn as an overview: one node per kind of actor. */
export const MAX_DETAILED_NODES = 600;
const TOP_VALUES = 3;

/**
 * The overview of a view too large to read node by node: actors grouped by kind, one edge per pair of
 * groups with the number of flows and the values they carry most often.
 */
export function groupByKind(graph: DiagramGraph): DiagramGraph {
    const groupOf = new Map(graph.nodes.map(node => [node.id, `group_${node.kind}`]));
    const members = Map.groupBy(graph.nodes, node => groupOf.get(node.id)!);
    const nodes: DiagramNode[] = [...members].map(([id, group]) => groupNode(id, group));
    const edgesByPair = Map.groupBy(graph.edges, edge => `${groupOf.get(edge.from)}->${groupOf.get(edge.to)}`);
    const edges = [...edgesByPair].map(([id, group]) => groupEdge(id, group, groupOf));
    return { ...graph, title: `${graph.title} (overview of ${graph.nodes.length} elements, grouped by kind)`, nodes, edges };
}

function groupNode(id: string, group: readonly DiagramNode[]): DiagramNode {
    const kind: NodeKind = group[0].kind;
    const errors = group.reduce((sum, node) => sum + node.problems.errors, 0);
    const warnings = group.reduce((sum, node) => sum + node.problems.warnings, 0);
    return {
        id,
        kind,
        label: plural(KIND_STYLES[kind].title),
        detail: `${group.length.toLocaleString('en-US')} in this view`,
        problems: { errors, warnings, codes: [...new Set(group.flatMap(node => node.problems.codes))].sort() },
    };
}

function groupEdge(id: string, group: readonly DiagramEdge[], groupOf: ReadonlyMap<string, string>): DiagramEdge {
    const counts = new Map<string, { value: DiagramEdge['values'][number]; count: number }>();
    for (const value of group.flatMap(edge => edge.values)) {
        const entry = counts.get(value.name) ?? { value, count: 0 };
        entry.count++;
        counts.set(value.name, entry);
    }
    const top = [...counts.values()].sort((a, b) => b.count - a.count || (a.value.name < b.value.name ? -1 : 1)).slice(0, TOP_VALUES);
    const kind = group.every(edge => edge.kind === group[0].kind) ? group[0].kind : 'flow';
    const affects = kind !== 'flow';
    return {
        id,
        from: groupOf.get(group[0].from)!,
        to: groupOf.get(group[0].to)!,
        kind,
        exchange: `${group.length.toLocaleString('en-US')} ${affects ? 'influences' : 'exchanges'}`,
        values: top.map(({ value, count }) => ({ ...value, label: `${value.label} ×${count}` })),
        via: [],
        tangible: group.some(edge => edge.tangible),
        money: group.some(edge => edge.money),
        note: affects ? `${group.length} influences` : undefined,
    };
}
