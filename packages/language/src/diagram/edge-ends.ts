import { type Box, type Point, boxToPath, segmentTouchesBox } from './geometry.js';

/**
 * Edge ends on the side of a node that faces where the edge goes. ELK's layered layout ends every edge
 * on the side facing the next layer, so a busy node gathers all its arrowheads on one side, and an
 * edge to a node far to the side leaves downwards, turns, and turns again (a Z). Such an end is moved
 * onto the side facing the way the path runs (an L: one bend fewer), when that side has no other ends,
 * the new segments cross no node and no label, run along no other edge, and the edge's label stays as
 * close to it. The ends moved onto one side are spread evenly along it, in the order that keeps them
 * from crossing each other. Deterministic: the same routes give the same result.
 */

/** An edge's route as ELK drew it (ends on the nodes' boxes, right angles), with its label's box. */
export interface Route {
    readonly from: string;
    readonly to: string;
    readonly points: readonly Point[];
    readonly label?: Box;
}

type Axis = 'x' | 'y';
const across = (axis: Axis): Axis => (axis === 'x' ? 'y' : 'x');
const size = (axis: Axis): 'width' | 'height' => (axis === 'x' ? 'width' : 'height');
/** The point with `a` on the axis `along` and `c` on the other. */
const pointAt = (along: Axis, a: number, c: number): Point => (along === 'x' ? { x: a, y: c } : { x: c, y: a });

/** How far from the node the path's turn must be before the end moves to that side: the new bend clears the node and an arrowhead (8 px) fits before it. */
const SIDE_GAP = 10;
/** The share of a side, around its middle, that moved ends are spread over. */
const SIDE_SPAN = 0.7;
/** Ends on a node stay this far apart (arrowheads are 8 px): a side takes no more ends than its length allows. */
const END_SPACING = 12;
/** Two parallel segments closer than this read as one line. */
const PARALLEL_GAP = 4;
const EPSILON = 0.01;

/** A Z-shaped end that could move onto the side of its node facing its path. */
interface Candidate {
    readonly route: number;
    readonly atStart: boolean;
    readonly node: string;
    readonly side: string;
    /** The axis of the path's first segment and the way it runs along it (+1 or -1). */
    readonly along: Axis;
    readonly direction: number;
    /** How far beyond the side the path turns. */
    readonly farness: number;
    /** Where the path turns back the first way: the moved end's path joins the old one there. */
    readonly turn: Point;
    /** The new path, from the node, for an end at `slot` along the side. */
    build(slot: number): Point[];
}

/**
 * The routes with ends moved onto the sides facing their paths: the busiest nodes choose first, as it
 * is their ends that pile up; an edge one end of which has moved is looked at again, as it then runs,
 * at its other end.
 */
export function endsFacingTheirPaths(routes: readonly Route[], boxes: ReadonlyMap<string, Box>): Point[][] {
    const paths = routes.map(route => [...route.points]);
    const candidates = routes.flatMap((_, i) => [true, false].flatMap(atStart => candidateOf(paths, routes, i, atStart, boxes) ?? []));
    const endCount = (node: string) => routes.filter(route => route.from === node).length + routes.filter(route => route.to === node).length;
    const groups = groupBySide(candidates).map(group => ({ group, ends: endCount(group[0].node) }))
        .sort((a, b) => b.ends - a.ends || (a.group[0].node < b.group[0].node ? -1 : a.group[0].node > b.group[0].node ? 1 : 0) || (a.group[0].side < b.group[0].side ? -1 : 1));
    const moved = new Set<number>();
    for (const { group } of groups) {
        const box = boxes.get(group[0].node)!;
        const { along } = group[0];
        // A route whose other end has moved is looked at again as it now runs: it may still turn twice at this end.
        const open = group.flatMap(candidate => {
            if (!moved.has(candidate.route)) {
                return [candidate];
            }
            const again = candidateOf(paths, routes, candidate.route, candidate.atStart, boxes);
            return again?.side === candidate.side ? [again] : [];
        });
        // Along the side, ends whose paths go the low way first; each way's farthest turn lies away from
        // where its path goes, so that the moved ends do not cross one another.
        const ordered = [...open].sort((a, b) => a.direction - b.direction || (b.farness - a.farness) * a.direction || a.route - b.route);
        // The middle of the side: near its corners an arrow would meet a curved outline at a glance, or crowd the next side's ends.
        const length = box[size(along)] * SIDE_SPAN;
        const start = box[along] + (box[size(along)] - length) / 2;
        // As many as the side has room for, the farthest turns first (they save the longest detours), of
        // those whose new lines would be clear from the middle of the side.
        const room = Math.max(0, Math.floor(length / END_SPACING) - 1);
        const clear = (candidate: Candidate) => acceptable(pathOf(candidate, start + length / 2), candidate, paths, routes, boxes);
        const farthest = new Set([...open].sort((a, b) => b.farness - a.farness || a.route - b.route).filter(clear).slice(0, room));
        const kept = ordered.filter(candidate => farthest.has(candidate));
        kept.forEach((candidate, k) => {
            const slot = start + (length * (k + 1)) / (kept.length + 1);
            const path = pathOf(candidate, slot);
            if (acceptable(path, candidate, paths, routes, boxes)) {
                paths[candidate.route] = path;
                moved.add(candidate.route);
            }
        });
    }
    return paths;
}

/** A candidate's whole path, in the route's direction, with its end at `slot` along the side. */
function pathOf(candidate: Candidate, slot: number): Point[] {
    const fromNode = candidate.build(slot);
    return candidate.atStart ? fromNode : [...fromNode].reverse();
}

/** The candidate for one end of a route: its path leaves the node, turns past the node's side and turns back the first way. */
function candidateOf(paths: readonly Point[][], routes: readonly Route[], route: number, atStart: boolean, boxes: ReadonlyMap<string, Box>): Candidate | undefined {
    const node = atStart ? routes[route].from : routes[route].to;
    const box = boxes.get(node);
    const points = atStart ? paths[route] : [...paths[route]].reverse();
    if (!box || points.length < 4) {
        return undefined;
    }
    const [p0, p1, p2, p3] = points;
    const along: Axis | undefined = Math.abs(p0.x - p1.x) < EPSILON ? 'y' : Math.abs(p0.y - p1.y) < EPSILON ? 'x' : undefined;
    if (!along) {
        return undefined;
    }
    const c = across(along);
    const direction = Math.sign(p1[along] - p0[along]);
    const zShaped = direction !== 0 && Math.abs(p1[along] - p2[along]) < EPSILON && Math.abs(p2[c] - p3[c]) < EPSILON
        && Math.sign(p3[along] - p2[along]) === direction;
    if (!zShaped) {
        return undefined;
    }
    const low = p2[c] < box[c] - SIDE_GAP;
    const high = p2[c] > box[c] + box[size(c)] + SIDE_GAP;
    if (!low && !high) {
        return undefined;
    }
    const sideAt = low ? box[c] : box[c] + box[size(c)];
    // A side where ELK already ends an edge keeps its ends as they are.
    if (endsOn(paths, routes, node, c, sideAt).length > 0) {
        return undefined;
    }
    return {
        route, atStart, node, along, direction,
        side: `${c}${low ? '-' : '+'}`,
        farness: Math.abs(p2[c] - sideAt),
        turn: p2,
        build: slot => [pointAt(along, slot, sideAt), pointAt(along, slot, p2[c]), ...points.slice(3)],
    };
}

/** The ends of paths at a node lying on the line `c = at` of its box. */
function endsOn(paths: readonly Point[][], routes: readonly Route[], node: string, c: Axis, at: number): Point[] {
    return allEnds(paths, routes, node).filter(end => Math.abs(end[c] - at) < 0.5);
}

function allEnds(paths: readonly Point[][], routes: readonly Route[], node: string): Point[] {
    return routes.flatMap((route, i) => [
        ...(route.from === node && paths[i].length > 0 ? [paths[i][0]] : []),
        ...(route.to === node && paths[i].length > 0 ? [paths[i][paths[i].length - 1]] : []),
    ]);
}

function groupBySide(candidates: readonly Candidate[]): Candidate[][] {
    const groups = new Map<string, Candidate[]>();
    for (const candidate of candidates) {
        const key = `${candidate.node} ${candidate.side}`;
        groups.set(key, [...groups.get(key) ?? [], candidate]);
    }
    return [...groups.values()];
}

/** Whether a moved end's path is clear: of nodes, of labels, of other edges' lines, apart from the node's other ends. */
function acceptable(path: readonly Point[], candidate: Candidate, paths: readonly Point[][], routes: readonly Route[], boxes: ReadonlyMap<string, Box>): boolean {
    const fromNode = candidate.atStart ? path : [...path].reverse();
    // The new lines only: from the turn on, the path is the one ELK routed.
    const segments: Array<[Point, Point]> = [[fromNode[0], fromNode[1]], [fromNode[1], candidate.turn]];
    // 1 px in from a box: a segment ending on its node's side does not cross it.
    const inset = (box: Box): Box => ({ x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 });
    const obstacles = [...[...boxes.values()].map(inset), ...routes.filter((route, i) => i !== candidate.route && route.label).map(route => route.label!)];
    if (segments.some(([a, b]) => obstacles.some(box => segmentTouchesBox(a, b, box)))) {
        return false;
    }
    const own = routes[candidate.route].label;
    if (own && (segments.some(([a, b]) => segmentTouchesBox(a, b, own)) || boxToPath(own, path) > boxToPath(own, paths[candidate.route]) + 0.5)) {
        return false;
    }
    if (paths.some((other, i) => i !== candidate.route && other.slice(1).some((point, j) => segments.some(([a, b]) => runsAlong(a, b, other[j], point))))) {
        return false;
    }
    const others = allEnds(paths, routes, candidate.node).filter(end => end !== (candidate.atStart ? paths[candidate.route][0] : paths[candidate.route].at(-1)));
    return others.every(end => Math.hypot(end.x - fromNode[0].x, end.y - fromNode[0].y) >= END_SPACING);
}

/** Whether two axis-parallel segments lie on (nearly) one line and overlap. */
function runsAlong(a: Point, b: Point, p: Point, q: Point): boolean {
    for (const axis of ['x', 'y'] as const) {
        const c = across(axis);
        if (Math.abs(a[c] - b[c]) < EPSILON && Math.abs(p[c] - q[c]) < EPSILON && Math.abs(a[c] - p[c]) < PARALLEL_GAP) {
            const [lo, hi] = [Math.min(a[axis], b[axis]), Math.max(a[axis], b[axis])];
            return Math.min(hi, Math.max(p[axis], q[axis])) - Math.max(lo, Math.min(p[axis], q[axis])) > 0;
        }
    }
    return false;
}
