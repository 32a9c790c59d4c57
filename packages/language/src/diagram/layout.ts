import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph.js';
import { edgeLabelLines } from './diagram-style.js';
import { textWidth, wrapText } from './text-metrics.js';

export interface Point { readonly x: number; readonly y: number }

export interface LaidOutNode {
    readonly node: DiagramNode;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly labelLines: readonly string[];
    readonly detailLines: readonly string[];
}

export interface LaidOutLabel {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly lines: readonly string[];
}

export interface LaidOutEdge {
    readonly edge: DiagramEdge;
    readonly points: readonly Point[];
    readonly label?: LaidOutLabel;
}

/** A graph with positions: the input of the SVG and JSON renderers. */
export interface LaidOutGraph {
    readonly graph: DiagramGraph;
    readonly width: number;
    readonly height: number;
    readonly nodes: readonly LaidOutNode[];
    readonly edges: readonly LaidOutEdge[];
}

export const NODE_FONT = 13;
export const DETAIL_FONT = 11;
export const LABEL_FONT = 11;
export const NODE_LINE = 16;
export const DETAIL_LINE = 14;
export const LABEL_LINE = 14;
const NODE_TEXT_WIDTH = 170;
const NODE_PADDING_X = 22;
const NODE_PADDING_Y = 12;
const LABEL_TEXT_WIDTH = 190;
const LABEL_PADDING = 4;
const MAX_LABEL_LINES = 6;

/**
 * ELK's layered algorithm (elkjs), tuned by measurement (docs/diagrams.md): small views get the
 * thorough settings, views past SMALL_VIEW nodes the fast ones (one crossing-minimisation pass, simple
 * node placement, polyline routing). Both keep nodes apart and route edges around them.
 */
const SMALL_VIEW = 40;
const COMMON_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.randomSeed': '1',
    'elk.spacing.nodeNode': '36',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.edgeLabel': '4',
    'elk.spacing.edgeNode': '18',
    'elk.layered.spacing.edgeNodeBetweenLayers': '18',
    'elk.edgeLabels.inline': 'false',
};
const THOROUGH_OPTIONS: LayoutOptions = { 'elk.edgeRouting': 'ORTHOGONAL', 'elk.layered.thoroughness': '3' };
const FAST_OPTIONS: LayoutOptions = {
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.thoroughness': '1',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
};

interface ElkLayouter {
    layout(graph: ElkNode): Promise<ElkNode>;
}
let elk: Promise<ElkLayouter> | undefined;

/** ELK is loaded on the first layout only: validating, Mermaid and DOT never pay for it. */
function loadElk(): Promise<ElkLayouter> {
    // elk.bundled.js is CommonJS whose module.exports is the constructor: the namespace's default.
    elk ??= import('elkjs/lib/elk.bundled.js').then(module => new (module as unknown as { default: new () => ElkLayouter }).default());
    return elk;
}

interface Sizes {
    readonly nodes: ReadonlyArray<Omit<LaidOutNode, 'x' | 'y'>>;
    readonly labels: ReadonlyMap<string, Omit<LaidOutLabel, 'x' | 'y'> | undefined>;
}

function sizesOf(graph: DiagramGraph): Sizes {
    return { nodes: graph.nodes.map(sizeNode), labels: new Map(graph.edges.map(edge => [edge.id, sizeLabel(edge)])) };
}

function toElk(graph: DiagramGraph, sizes: Sizes): ElkNode {
    const layered = graph.nodes.some(node => node.layer !== undefined);
    return {
        id: 'root',
        layoutOptions: {
            ...COMMON_OPTIONS,
            ...(graph.nodes.length <= SMALL_VIEW ? THOROUGH_OPTIONS : FAST_OPTIONS),
            'elk.direction': graph.direction === 'down' ? 'DOWN' : 'RIGHT',
            ...(layered ? { 'elk.partitioning.activate': 'true', 'elk.layered.layering.strategy': layeringOf(graph) } : {}),
        },
        // Nodes with a layer go in that column (row, laid out down), in order: ELK's partitions.
        children: sizes.nodes.map(node => ({
            id: node.node.id, width: node.width, height: node.height,
            ...(layered ? { layoutOptions: { 'elk.partitioning.partition': String(node.node.layer ?? 0) } } : {}),
        })),
        edges: graph.edges.map(edge => {
            const label = sizes.labels.get(edge.id);
            return {
                id: edge.id,
                sources: [edge.from],
                targets: [edge.to],
                labels: label ? [{ id: `${edge.id}#label`, text: label.lines.join('\n'), width: label.width, height: label.height }] : [],
            };
        }),
    };
}

/**
 * Layers by longest path, so that each node sits in its own layer's column: measured from the sinks
 * when the elements walked from are last (a trace: every path ends at the start), from the sources
 * otherwise (an impact, or a view with both).
 */
function layeringOf(graph: DiagramGraph): string {
    const last = Math.max(...graph.nodes.map(node => node.layer ?? 0));
    const startsLast = graph.nodes.some(node => node.focus) && graph.nodes.every(node => !node.focus || node.layer === last);
    return startsLast ? 'LONGEST_PATH' : 'LONGEST_PATH_SOURCE';
}

/** The ELK input for a graph (sized nodes and labels, tuned options): the benchmark compares option sets on it. */
export function elkGraphOf(graph: DiagramGraph): ElkNode {
    return toElk(graph, sizesOf(graph));
}

/** Runs ELK on a prepared input. */
export async function runElk(input: ElkNode): Promise<ElkNode> {
    return (await loadElk()).layout(input);
}

export async function layoutGraph(graph: DiagramGraph): Promise<LaidOutGraph> {
    const sizes = sizesOf(graph);
    const result = await runElk(toElk(graph, sizes));
    const positions = new Map((result.children ?? []).map(child => [child.id, child]));
    const nodes = sizes.nodes.map(node => {
        const position = positions.get(node.node.id);
        return { ...node, x: position?.x ?? 0, y: position?.y ?? 0 };
    });
    const edges = ((result.edges ?? []) as ElkExtendedEdge[]).map((laidOut, index) => {
        const edge = graph.edges[index];
        const section = laidOut.sections?.[0];
        const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
        const elkLabel = laidOut.labels?.[0];
        const size = sizes.labels.get(edge.id);
        return {
            edge,
            points: points.map(point => ({ x: point.x, y: point.y })),
            label: size && elkLabel ? { ...size, x: elkLabel.x ?? 0, y: elkLabel.y ?? 0 } : undefined,
        };
    });
    return { graph, width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}

function sizeNode(node: DiagramNode): Omit<LaidOutNode, 'x' | 'y'> {
    const labelLines = wrapText(node.label, NODE_TEXT_WIDTH, NODE_FONT, 3, true);
    const detailLines = node.detail ? wrapText(node.detail, NODE_TEXT_WIDTH, DETAIL_FONT, 2) : [];
    const textWidthMax = Math.max(...labelLines.map(line => textWidth(line, NODE_FONT, true)), ...detailLines.map(line => textWidth(line, DETAIL_FONT)));
    return {
        node,
        width: Math.ceil(Math.max(120, textWidthMax + NODE_PADDING_X * 2)),
        height: Math.ceil(labelLines.length * NODE_LINE + detailLines.length * DETAIL_LINE + NODE_PADDING_Y * 2),
        labelLines,
        detailLines,
    };
}

function sizeLabel(edge: DiagramEdge): Omit<LaidOutLabel, 'x' | 'y'> | undefined {
    const text = edgeLabelLines(edge);
    if (text.length === 0) {
        return undefined;
    }
    const wrapped = text.flatMap(line => wrapText(line, LABEL_TEXT_WIDTH, LABEL_FONT, 2));
    const lines = wrapped.length > MAX_LABEL_LINES
        ? [...wrapped.slice(0, MAX_LABEL_LINES - 1), `+ ${wrapped.length - MAX_LABEL_LINES + 1} more`]
        : wrapped;
    return {
        width: Math.ceil(Math.max(...lines.map(line => textWidth(line, LABEL_FONT))) + LABEL_PADDING * 2),
        height: lines.length * LABEL_LINE + LABEL_PADDING * 2,
        lines,
    };
}
