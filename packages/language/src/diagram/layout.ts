import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph.js';
import { KIND_STYLES, type LabelLine, edgeLabelLines } from './diagram-style.js';
import { textWidth, wrapText } from './text-metrics.js';

import { type Point, boxToPath, pathLength, pointAlong, segmentTouchesBox } from './geometry.js';
import { clipToOutline, nearestOnOutline, outlineOf } from './node-outline.js';
import { endsFacingTheirPaths } from './edge-ends.js';
import { placeLabels } from './label-placement.js';

export type { Point } from './geometry.js';

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
    /** Wrapped and elided: each line keeps the tone of the label line it comes from. */
    readonly lines: readonly LabelLine[];
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
    /** Labels placed after the layout can lie over other edges: they are drawn above every edge. */
    readonly labelsOverEdges?: true;
}

export const NODE_FONT = 13;
export const DETAIL_FONT = 11;
export const LABEL_FONT = 11;
export const NODE_LINE = 16;
export const DETAIL_LINE = 14;
export const LABEL_LINE = 14;
export const LABEL_PADDING = 4;
/** The SVG's margin around the laid-out drawing (ELK adds no padding of its own). */
export const DRAWING_MARGIN = 8;
/**
 * The widest layout whose smallest text (11 px) still renders at 9 px once the drawing, with its
 * margins, is fitted to a 700 px preview panel: the first candidate this narrow is kept.
 */
const READABLE_WIDTH = Math.floor(700 * (LABEL_FONT / 9)) - 2 * DRAWING_MARGIN;
/** Room for the arrow glyph ("→ ") that starts a direction's values; its other lines are indented by as much. */
export const LABEL_INDENT = 14;
// Narrow boxes: a drawing must fit a 700 px panel with its text still readable (docs/diagrams.md).
const NODE_TEXT_WIDTH = 110;
const NODE_PADDING_X = 16;
const NODE_PADDING_Y = 10;
const MIN_NODE_WIDTH = 100;
const LABEL_TEXT_WIDTH = 100;
/** Room on either side of the widest label between two layers, in views whose labels are placed after the layout. */
const LABEL_ROOM = 16;
const MAX_LABEL_LINES = 6;
/** Distance between the ends of edges on one side of a node: arrowheads (8 px) stay apart. */
const ARROW_SPACING = 14;
/**
 * An ellipse's edge ends gather around the middle of each side, ARROW_SPACING apart: spread over the
 * whole side, the ends near its corners met the curve at a glance (up to 53° off square on the
 * examples, 39° with this).
 */
const ENDS_MID_SIDE: LayoutOptions = { 'elk.portAlignment.default': 'CENTER', 'elk.spacing.portPort': String(ARROW_SPACING) };

/**
 * ELK's layered algorithm (elkjs), chosen and tuned by measurement (docs/diagrams.md, `npm run bench`).
 * The model order is a constraint (cycle breaking follows it; in small views crossing minimisation
 * too), so a small edit keeps most nodes where they were. A small view is drawn in its declared
 * direction, in the other one, top-down with few nodes a layer, and last as a left-to-right chain
 * wrapped into rows (portrait: it fits any panel, but an edge from one row to another loops around
 * the drawing); the first complete drawing narrow enough to read in a 700 px panel wins
 * (`chooseLayout`). Views past SMALL_VIEW nodes get the fast settings, in their declared direction,
 * and their labels are placed after the layout (`labelsAfterLayout`).
 */
const SMALL_VIEW = 40;
const COMMON_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.randomSeed': '1',
    'elk.spacing.nodeNode': '24',
    // No padding: the SVG renderer adds its own margin.
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    // Layers close together (CloudShiftRipples, four columns of 11 elements, fits a 700 px panel at 9 px).
    'elk.layered.spacing.nodeNodeBetweenLayers': '14',
    'elk.spacing.edgeLabel': '2',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '6',
    'elk.layered.spacing.edgeNodeBetweenLayers': '8',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '5',
    // Labels sit on their edge (its background breaks the line), so which edge a label belongs to is never in doubt.
    'elk.edgeLabels.inline': 'true',
    'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
};
const THOROUGH_OPTIONS: LayoutOptions = {
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.thoroughness': '3',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    // Within a layer, nodes keep the model order: an edit moves the nodes it touches, not their neighbours
    // (stability 82.7/90.3/87.7 % -> 86.7/92.5/90.9 % over seeds 1-3, scripts/bench/diagram-stability.mjs).
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
};
// Measured on the 500-actor view (docs/diagrams.md): model-order crossing counting costs 4x there and
// greedy switching half the time, for drawings nobody reads node by node anyway; layering by longest
// path instead of network simplex saves a third of the layout and gives a smaller drawing there.
const FAST_OPTIONS: LayoutOptions = {
    'elk.layered.layering.strategy': 'LONGEST_PATH',
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.thoroughness': '1',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
};
/**
 * Rows of a left-to-right chain: ELK cuts the layers where the drawing gets taller than wide by these
 * ratios. Measured on the examples (docs/diagrams.md): narrower than `down` for chains of many
 * layers; two ratios because ELK's wrapping sometimes leaves an edge unrouted at one of them.
 */
const WRAP_ASPECT_RATIOS = ['0.3', '0.5'];
/**
 * Top-down with at most three nodes a layer (Coffman-Graham layering): a hub's many neighbours
 * otherwise fill one layer too wide for the panel (LifeGoals: 1,283 px, 708 px with these).
 */
const FEW_PER_LAYER: LayoutOptions = { 'elk.layered.layering.strategy': 'COFFMAN_GRAHAM', 'elk.layered.layering.coffmanGraham.layerBound': '3' };
// One set of columns for the whole drawing: components are not packed apart (on the 500-actor view,
// 3,687 px wide instead of 4,740 with its few small components packed beside the large one, as many crossings).
const ONE_LAYERING: LayoutOptions = { 'elk.separateConnectedComponents': 'false' };
const LAYERED_BY_DEPTH: LayoutOptions = { 'elk.partitioning.activate': 'true', ...ONE_LAYERING };

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
    const ends = edgeEndsPerSide(graph);
    return { nodes: graph.nodes.map(node => sizeNode(node, ends.get(node.id) ?? 0)), labels: new Map(graph.edges.map(edge => [edge.id, sizeLabel(edge)])) };
}

/**
 * How many edges end on a node's busiest side: edges come in on one side and leave on the other in a
 * layered drawing, so the larger of its in- and out-degree.
 */
function edgeEndsPerSide(graph: DiagramGraph): Map<string, number> {
    const count = (end: 'from' | 'to') => graph.edges.reduce((counts, edge) => counts.set(edge[end], (counts.get(edge[end]) ?? 0) + 1), new Map<string, number>());
    const [outgoing, incoming] = [count('from'), count('to')];
    return new Map(graph.nodes.map(node => [node.id, Math.max(outgoing.get(node.id) ?? 0, incoming.get(node.id) ?? 0)]));
}

/**
 * Whether a view's labels are placed on their routes after the layout (`placeLabels`) rather than laid
 * out by ELK. ELK makes every label a node and every edge spanning several layers a chain of dummy
 * nodes, one a layer: on the 500-actor view 26,000 of them (the model order makes a chain about 100
 * layers deep, edges span 30 on average), which is most of its time. Without labels the layers halve,
 * and so do the dummies; the space between layers is made wide enough to hold a label instead.
 */
function labelsAfterLayout(graph: DiagramGraph): boolean {
    return graph.nodes.length > SMALL_VIEW;
}

/**
 * Layers far enough apart that two of the widest (tallest, laid out down) labels fit side by side
 * between them: on the 500-actor view, labels then cover 10 other edges each on average (where a label
 * hides what runs under it), against 20 with room for one (drawing 5,778 px wide against 4,007).
 */
function roomForLabels(sizes: Sizes, direction: string): LayoutOptions {
    const labels = [...sizes.labels.values()].filter(label => label !== undefined);
    const extent = Math.max(0, ...labels.map(label => (direction === 'DOWN' ? label.height : label.width)));
    return { 'elk.layered.spacing.nodeNodeBetweenLayers': String(2 * extent + LABEL_ROOM) };
}

/** The option sets to try on a graph, best first: the first readable result is kept. */
function candidateOptions(graph: DiagramGraph, sizes: Sizes): LayoutOptions[] {
    const direction = graph.direction === 'down' ? 'DOWN' : 'RIGHT';
    const other = direction === 'DOWN' ? 'RIGHT' : 'DOWN';
    const big = labelsAfterLayout(graph) ? roomForLabels(sizes, direction) : {};
    if (graph.nodes.some(node => node.layer !== undefined)) {
        const speed = graph.nodes.length <= SMALL_VIEW ? THOROUGH_OPTIONS : FAST_OPTIONS;
        const byDepth = { ...COMMON_OPTIONS, ...speed, ...LAYERED_BY_DEPTH, 'elk.layered.layering.strategy': layeringOf(graph), ...big };
        // Columns by depth first; rows when the columns are too wide to read in the panel.
        return graph.nodes.length <= SMALL_VIEW
            ? [{ ...byDepth, 'elk.direction': direction }, { ...byDepth, 'elk.direction': other }]
            : [{ ...byDepth, 'elk.direction': direction }];
    }
    if (graph.nodes.length > SMALL_VIEW) {
        return [{ ...COMMON_OPTIONS, ...FAST_OPTIONS, ...ONE_LAYERING, 'elk.direction': direction, ...big }];
    }
    // Straight drawings first (declared direction, the other one, top-down with few nodes a layer); rows last.
    const straight = (towards: string) => ({ ...COMMON_OPTIONS, ...THOROUGH_OPTIONS, 'elk.direction': towards });
    const wrapped = WRAP_ASPECT_RATIOS.map(ratio => ({ ...straight('RIGHT'), 'elk.aspectRatio': ratio, 'elk.layered.wrapping.strategy': 'MULTI_EDGE' }));
    // Rows again, with cuts that ELK checks backwards (wider, but every edge routed on the examples).
    const validRows = { ...wrapped[0], 'elk.layered.wrapping.validify.strategy': 'LOOK_BACK' };
    return [straight(direction), straight(other), { ...straight('DOWN'), ...FEW_PER_LAYER }, ...wrapped, validRows];
}

/** The ELK input: sized nodes and, unless they are placed after the layout (or `withLabels`), labels. */
function toElk(graph: DiagramGraph, sizes: Sizes, layoutOptions: LayoutOptions, withLabels = !labelsAfterLayout(graph)): ElkNode {
    const layered = graph.nodes.some(node => node.layer !== undefined);
    return {
        id: 'root',
        layoutOptions,
        // Top-down, causes go above what they shape. Not in rows (ELK's wrapping of a chain that starts
        // with them leaves edges cutting through nodes), nor by layer (the walk's order is the layers').
        children: (!layered && layoutOptions['elk.direction'] === 'DOWN' ? influencersFirst(graph, sizes.nodes) : sizes.nodes).map(node => ({
            id: node.node.id,
            width: node.width,
            height: node.height,
            // Nodes with a layer go in that column (row, laid out down), in order: ELK's partitions.
            layoutOptions: {
                ...(layered ? { 'elk.partitioning.partition': String(node.node.layer ?? 0) } : {}),
                ...(KIND_STYLES[node.node.kind].shape === 'ellipse' ? ENDS_MID_SIDE : {}),
            },
        })),
        edges: graph.edges.map(edge => {
            const label = withLabels ? sizes.labels.get(edge.id) : undefined;
            return {
                id: edge.id,
                sources: [edge.from],
                targets: [edge.to],
                labels: label ? [{ id: `${edge.id}#label`, text: label.lines.map(line => line.text).join('\n'), width: label.width, height: label.height }] : [],
            };
        }),
    };
}

/**
 * The nodes in model order, except that an element that shapes others (a factor, policy, system,
 * process or touchpoint, by its non-flow edges) comes just before the first of them. ELK reads this
 * order as a constraint (cycle breaking reverses every edge that points back in it), so influences
 * point down: with the elements after the actors, as the model declares them, every influence was
 * reversed and looped around the drawing back up to its target.
 */
function influencersFirst<T extends { readonly node: DiagramNode }>(graph: DiagramGraph, nodes: readonly T[]): T[] {
    const shapers = new Map<string, string[]>();
    for (const edge of graph.edges) {
        if (edge.kind !== 'flow') {
            shapers.set(edge.to, [...(shapers.get(edge.to) ?? []), edge.from]);
        }
    }
    const byId = new Map(nodes.map(node => [node.node.id, node]));
    const placed = new Set<string>();
    const ordered: T[] = [];
    const place = (id: string): void => {
        const node = byId.get(id);
        if (!node || placed.has(id)) {
            return;
        }
        placed.add(id); // before its shapers: a cycle of influences ends here
        (shapers.get(id) ?? []).forEach(place);
        ordered.push(node);
    };
    nodes.forEach(node => place(node.node.id));
    return ordered;
}

/**
 * Layers by longest path, so that each node sits in its own layer's column: measured from the sinks
 * when the elements walked from are last (a trace: every path ends at the start), from the sources
 * otherwise (an impact, or a view with both).
 */
function layeringOf(graph: DiagramGraph): string {
    const last = graph.nodes.reduce((max, node) => Math.max(max, node.layer ?? 0), 0);
    const startsLast = graph.nodes.some(node => node.focus) && graph.nodes.every(node => !node.focus || node.layer === last);
    return startsLast ? 'LONGEST_PATH' : 'LONGEST_PATH_SOURCE';
}

/**
 * The ELK input for a graph with every label (sized nodes and labels, the first option set tried):
 * the benchmark compares ELK's defaults on it with the whole pipeline.
 */
export function elkGraphOf(graph: DiagramGraph): ElkNode {
    const sizes = sizesOf(graph);
    return toElk(graph, sizes, candidateOptions(graph, sizes)[0], true);
}

/** Runs ELK on a prepared input. */
export async function runElk(input: ElkNode): Promise<ElkNode> {
    return (await loadElk()).layout(input);
}

export async function layoutGraph(graph: DiagramGraph): Promise<LaidOutGraph> {
    const sizes = sizesOf(graph);
    const candidates = candidateOptions(graph, sizes);
    if (candidates.length === 1) {
        return fromElk(graph, sizes, await runElk(toElk(graph, sizes, candidates[0])));
    }
    const results: ElkNode[] = [];
    for (const options of candidates) {
        results.push(await runElk(toElk(graph, sizes, options)));
        if (readable(results.at(-1)!)) {
            break; // the later candidates are not even laid out
        }
    }
    return fromElk(graph, sizes, chooseLayout(results));
}

/** A complete drawing narrow enough that its smallest text renders at 9 px or more in a 700 px panel. */
function readable(result: ElkNode): boolean {
    return complete(result) && (result.width ?? 0) <= READABLE_WIDTH;
}

/**
 * Of the candidates laid out (best first), the first readable one; when none is readable, the
 * narrowest complete one (its text renders largest); when none is complete, the first.
 */
export function chooseLayout(results: readonly ElkNode[]): ElkNode {
    const narrowest = (best: ElkNode, result: ElkNode) => (result.width ?? 0) < (best.width ?? 0) ? result : best;
    const completeOnes = results.filter(complete);
    return results.find(readable) ?? (completeOnes.length > 0 ? completeOnes.reduce(narrowest) : results[0]);
}

function fromElk(graph: DiagramGraph, sizes: Sizes, result: ElkNode): LaidOutGraph {
    const positions = new Map((result.children ?? []).map(child => [child.id, child]));
    const nodes = sizes.nodes.map(node => {
        const position = positions.get(node.node.id);
        return { ...node, x: position?.x ?? 0, y: position?.y ?? 0 };
    });
    const byId = new Map(nodes.map(node => [node.node.id, node]));
    const routes = ((result.edges ?? []) as ElkExtendedEdge[]).map((laidOut, index) => {
        const edge = graph.edges[index];
        const section = laidOut.sections?.[0];
        const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(point => ({ x: point.x, y: point.y })) : [];
        const elkLabel = laidOut.labels?.[0];
        const size = sizes.labels.get(edge.id);
        return { from: edge.from, to: edge.to, points, label: size && elkLabel ? { ...size, ...labelPosition(elkLabel, points, size) } : undefined };
    });
    const paths = endsFacingTheirPaths(routes, byId);
    const routed = routes.map((route, index) => {
        const edge = graph.edges[index];
        const [from, to] = [byId.get(edge.from), byId.get(edge.to)];
        return { edge, points: paths[index].length > 0 ? endsOnOutlines(joinedToEnds(paths[index], from, to), from, to) : [], label: route.label };
    });
    const edges = labelsAfterLayout(graph) ? withLabelsPlaced(routed, sizes, nodes) : routed;
    // ELK's wrapping can route an edge around the outside of the size it reports: the drawing holds every route, and every label.
    const points = edges.flatMap(edge => edge.points);
    const labels = edges.flatMap(({ label }) => (label ? [label] : []));
    const width = labels.reduce((max, label) => Math.max(max, label.x + label.width), points.reduce((max, point) => Math.max(max, point.x + EDGE_MARGIN), result.width ?? 0));
    const height = labels.reduce((max, label) => Math.max(max, label.y + label.height), points.reduce((max, point) => Math.max(max, point.y + EDGE_MARGIN), result.height ?? 0));
    return { graph, width, height, nodes, edges, ...(labelsAfterLayout(graph) ? { labelsOverEdges: true as const } : {}) };
}

/** The edges with their labels placed on their final routes (views whose labels ELK did not lay out). */
function withLabelsPlaced(edges: readonly LaidOutEdge[], sizes: Sizes, nodes: readonly LaidOutNode[]): LaidOutEdge[] {
    const labels = edges.map(({ edge, points }) => {
        const size = sizes.labels.get(edge.id);
        return size && { ...size, points };
    });
    const places = placeLabels(labels, nodes);
    return edges.map((edge, i) => {
        const [size, place] = [sizes.labels.get(edge.edge.id), places[i]];
        return size && place ? { ...edge, label: { ...size, ...place } } : edge;
    });
}

/** ELK ends a path on the node's box: it is moved along its last segment onto the node's outline (an ellipse, a hexagon). */
function endsOnOutlines(points: readonly Point[], from: LaidOutNode | undefined, to: LaidOutNode | undefined): Point[] {
    const ends = [...points];
    const clip = (node: LaidOutNode | undefined, end: number, inner: number) => {
        const [outside, onBox] = [ends[inner], ends[end]];
        const length = Math.hypot(onBox.x - outside.x, onBox.y - outside.y);
        if (!node || length === 0) {
            return;
        }
        // Past the box edge by the box's size, so that the segment reaches an outline inside the box.
        const reach = (node.width + node.height) / length;
        const through = { x: onBox.x + (onBox.x - outside.x) * reach, y: onBox.y + (onBox.y - outside.y) * reach };
        const outline = outlineOf(node.node.kind, node);
        const clipped = clipToOutline(outline, outside, through);
        // A slanted last segment can reach the box at a corner the outline cuts off (a hexagon's): the nearest point of the outline then.
        ends[end] = clipped === through && reaches(onBox, node) ? nearestOnOutline(outline, onBox) : clipped;
    };
    if (ends.length >= 2) {
        clip(from, 0, 1);
        clip(to, ends.length - 1, ends.length - 2);
    }
    return ends;
}

/** A node's box as a closed path. */
function boxOutline(box: { x: number; y: number; width: number; height: number }): Point[] {
    const { x, y, width: w, height: h } = box;
    return [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }, { x, y }];
}

/** Room kept between a route running around the drawing and the drawing's edge. */
const EDGE_MARGIN = 4;

/** A label farther than this from its edge's path reads as another edge's. */
export const MAX_LABEL_DISTANCE = 24;

/**
 * ELK's wrapping can leave an edge without a route, a label unplaced or far from its edge, or an edge
 * cutting through another node: such a result is not chosen when another candidate has none of these.
 */
function complete(result: ElkNode): boolean {
    const nodes = result.children ?? [];
    const byId = new Map(nodes.map(node => [node.id, node]));
    return ((result.edges ?? []) as ElkExtendedEdge[]).every(edge => {
        const section = edge.sections?.[0];
        const label = edge.labels?.[0];
        if (!section) {
            return false;
        }
        const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
        if (!reaches(points[0], byId.get(edge.sources[0])) || !reaches(points.at(-1)!, byId.get(edge.targets[0]))) {
            return false;
        }
        const ends = new Set([...edge.sources, ...edge.targets]);
        const crossesNode = nodes.some(node => !ends.has(node.id) && points.slice(1).some((point, i) =>
            // 1 px in from the box: an edge running along a node's side does not cross it.
            segmentTouchesBox(points[i], point, { x: (node.x ?? 0) + 1, y: (node.y ?? 0) + 1, width: (node.width ?? 0) - 2, height: (node.height ?? 0) - 2 })));
        return !crossesNode && (!label || boxToPath({ x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 }, points) <= MAX_LABEL_DISTANCE);
    });
}

/** Whether a route's end lies on (within a pixel of) its node's box. */
function reaches(end: Point, node: { x?: number; y?: number; width?: number; height?: number } | undefined): boolean {
    return !!node && boxToPath({ x: end.x, y: end.y, width: 0, height: 0 }, boxOutline({ x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 })) <= 1;
}

/**
 * A route that stops short of its node (ELK's wrapping leaves some when no candidate is complete) is
 * carried on to the nearest point of the node's box, so that no arrow ends in empty space.
 */
function joinedToEnds(points: readonly Point[], from: LaidOutNode | undefined, to: LaidOutNode | undefined): Point[] {
    const joined = [...points];
    if (from && !reaches(joined[0], from)) {
        joined.unshift(nearestOnOutline(boxOutline(from), joined[0]));
    }
    if (to && !reaches(joined.at(-1)!, to)) {
        joined.push(nearestOnOutline(boxOutline(to), joined.at(-1)!));
    }
    return joined;
}

/**
 * Where ELK put a label; one it left unplaced at (0, 0) or far from its edge (both happen on wrapped
 * edges) is centred on its path's midpoint.
 */
function labelPosition(elkLabel: { x?: number; y?: number }, points: readonly Point[], size: { width: number; height: number }): Point {
    const placed = { x: elkLabel.x ?? 0, y: elkLabel.y ?? 0 };
    const unplaced = placed.x === 0 && placed.y === 0;
    if (points.length < 2 || (!unplaced && boxToPath({ ...placed, ...size }, points) <= MAX_LABEL_DISTANCE)) {
        return placed;
    }
    const mid = pointAlong(points, pathLength(points) / 2);
    return { x: mid.x - size.width / 2, y: mid.y - size.height / 2 };
}

/**
 * A label's lines (each wrapped into one or more) within MAX_LABEL_LINES: whole values only, the
 * first value of each direction always (a reciprocal edge never reads as one-way), then the others
 * in order, and `+ n more` for the n values or touchpoint lines left out.
 */
function wholeLinesThatFit(wrapped: readonly LabelLine[][]): LabelLine[] {
    if (wrapped.reduce((count, parts) => count + parts.length, 0) <= MAX_LABEL_LINES) {
        return wrapped.flat();
    }
    const firsts = wrapped.flatMap((parts, i) => (parts[0].arrow ? [i] : []));
    const kept = new Set<number>();
    let used = 1; // the `+ n more` line
    for (const i of [...firsts, ...[...wrapped.keys()].filter(i => !firsts.includes(i))]) {
        if (used + wrapped[i].length > MAX_LABEL_LINES) {
            break;
        }
        kept.add(i);
        used += wrapped[i].length;
    }
    return [...wrapped.filter((_, i) => kept.has(i)).flat(), { text: `+ ${wrapped.length - kept.size} more`, tone: 'via' }];
}

function sizeNode(node: DiagramNode, edgeEnds: number): Omit<LaidOutNode, 'x' | 'y'> {
    const labelLines = wrapText(node.label, NODE_TEXT_WIDTH, NODE_FONT, 3, true);
    const detailLines = node.detail ? wrapText(node.detail, NODE_TEXT_WIDTH, DETAIL_FONT, 2) : [];
    const textWidthMax = Math.max(0, ...labelLines.map(line => textWidth(line, NODE_FONT, true)), ...detailLines.map(line => textWidth(line, DETAIL_FONT)));
    return {
        node,
        width: Math.ceil(Math.max(MIN_NODE_WIDTH, textWidthMax + NODE_PADDING_X * 2)),
        // Tall enough for ELK to spread the edges ending on one side ARROW_SPACING apart: arrowheads never pile up.
        height: Math.ceil(Math.max(
            Math.max(1, labelLines.length) * NODE_LINE + detailLines.length * DETAIL_LINE + NODE_PADDING_Y * 2,
            (edgeEnds + 1) * ARROW_SPACING,
        )),
        labelLines,
        detailLines,
    };
}

/** An edge's label, each line wrapped on its own (so a wrapped line keeps its tone), at most MAX_LABEL_LINES. */
function sizeLabel(edge: DiagramEdge): Omit<LaidOutLabel, 'x' | 'y'> | undefined {
    const text = edgeLabelLines(edge);
    if (text.length === 0) {
        return undefined;
    }
    const lines = wholeLinesThatFit(text.map(line => {
        const indented = line.arrow !== undefined || line.indent === true;
        return wrapText(line.text, LABEL_TEXT_WIDTH - (indented ? LABEL_INDENT : 0), LABEL_FONT, 2)
            .map((part, i): LabelLine => ({ text: part, tone: line.tone, ...(i === 0 && line.arrow ? { arrow: line.arrow } : indented ? { indent: true } : {}) }));
    }));
    const lineWidth = (line: LabelLine) => textWidth(line.text, LABEL_FONT) + (line.arrow || line.indent ? LABEL_INDENT : 0);
    return {
        width: Math.ceil(Math.max(...lines.map(lineWidth)) + LABEL_PADDING * 2),
        height: lines.length * LABEL_LINE + LABEL_PADDING * 2,
        lines,
    };
}
