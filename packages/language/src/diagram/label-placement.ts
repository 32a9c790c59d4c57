import { type Box, type Point, boxesOverlap, pathLength, pointAlong } from './geometry.js';

/**
 * Edge labels placed after layout, on their routed edges: how large views are labelled. Laid out by
 * ELK, every label of a large view is a node of its own with a chain of dummy nodes through the
 * layers its edge spans (26,000 of them on the 500-actor view), which is most of the layout's time.
 * Here each label is centred on a point of its edge's path (else just beside it) where it covers no
 * node and no other label, and as few other edges as possible (a label's background hides the lines
 * under it), nearest the path's midpoint among equals; shorter edges choose first, having fewer
 * places. Deterministic: the same paths and boxes give the same places.
 */

export interface LabelToPlace {
    readonly points: readonly Point[];
    readonly width: number;
    readonly height: number;
}

/** Room kept between a label and a node or another label. */
const CLEARANCE = 2;
/** Distance along the path between two places tried. */
const STEP = 6;
/** Free places compared for each label: the nearest the midpoint, which the first ones are. */
const PLACES_COMPARED = 8;
/** Gaps between a label beside its path and the path, tried in turn (a label stays within 24 px of its edge). */
const BESIDE = [CLEARANCE + 1, 10, 20];
/** Distance between the points of a path that tell how much of it a place covers. */
const PIECE = 16;
/** Side of a cell of the grid that finds the boxes near a place. */
const CELL = 64;

/**
 * The top-left corners of the labels (undefined where there is no label), in the order given. A label
 * with no free place anywhere along its path (none on the examples, the synthetic views or the
 * 500-actor view) goes on its path's midpoint.
 */
export function placeLabels(labels: ReadonlyArray<LabelToPlace | undefined>, nodes: readonly Box[]): Array<Point | undefined> {
    const taken = new Grid<Box>();
    nodes.forEach(node => taken.add(node, node));
    const paths = new PathPoints(labels.map(label => label?.points ?? []));
    const placed: Array<Point | undefined> = labels.map(() => undefined);
    const lengths = labels.map(label => (label ? pathLength(label.points) : 0));
    const order = [...labels.keys()].filter(i => labels[i] && labels[i].points.length >= 2).sort((a, b) => lengths[a] - lengths[b] || a - b);
    for (const i of order) {
        const label = labels[i]!;
        const box = freePlace(label, lengths[i], i, taken, paths) ?? centredAt(pointAlong(label.points, lengths[i] / 2), label);
        taken.add(box, box);
        placed[i] = { x: box.x, y: box.y };
    }
    return placed;
}

/**
 * The free place covering the fewest other edges: centred on the path, from its midpoint outwards;
 * then beside the path the same way.
 */
function freePlace(label: LabelToPlace, length: number, edge: number, taken: Grid<Box>, paths: PathPoints): Box | undefined {
    const along = [length / 2];
    for (let offset = STEP; offset < length / 2; offset += STEP) {
        along.push(length / 2 + offset, length / 2 - offset);
    }
    let best: { box: Box; covered: number } | undefined;
    let compared = 0;
    for (const shifts of shiftsOf(label)) {
        for (const distance of along) {
            const point = pointAlong(label.points, distance);
            for (const shift of shifts) {
                const box = centredAt({ x: point.x + shift.x, y: point.y + shift.y }, label);
                if (box.x < 0 || box.y < 0 || taken.some(box, other => boxesOverlap(padded(box), other, 0))) {
                    continue;
                }
                const covered = paths.countIn(box, edge, best?.covered ?? Infinity);
                if (covered < (best?.covered ?? Infinity)) {
                    best = { box, covered };
                }
                if (covered === 0 || ++compared === PLACES_COMPARED) {
                    return best!.box;
                }
            }
        }
    }
    return best?.box;
}

/**
 * Where a label's centre may go from a point of its path, nearest first: on it; just beside it (above,
 * below, left, right); then farther out, the box's nearest side BESIDE from the path.
 */
function shiftsOf(label: LabelToPlace): Point[][] {
    return [0, ...BESIDE].map(gap => {
        if (gap === 0) {
            return [{ x: 0, y: 0 }];
        }
        const [dx, dy] = [label.width / 2 + gap, label.height / 2 + gap];
        return [{ x: 0, y: -dy }, { x: 0, y: dy }, { x: -dx, y: 0 }, { x: dx, y: 0 }];
    });
}

/** Cell of the grid a coordinate falls in; cells can be negative (a box near the drawing's edge), keys never clash. */
const cellOf = (coordinate: number) => Math.floor(coordinate / CELL);
const cellKey = (cx: number, cy: number) => (cx + 1024) * 1_048_576 + (cy + 1024);

/** Visits the keys of the cells a box covers until the visitor answers true; whether it did. */
function someCell(box: Box, visit: (key: number) => boolean): boolean {
    for (let cx = cellOf(box.x); cx <= cellOf(box.x + box.width); cx++) {
        for (let cy = cellOf(box.y); cy <= cellOf(box.y + box.height); cy++) {
            if (visit(cellKey(cx, cy))) {
                return true;
            }
        }
    }
    return false;
}

/** The list a map holds for a key, put in empty when there was none. */
function listIn<V>(cells: Map<number, V[]>, key: number): V[] {
    let list = cells.get(key);
    if (!list) {
        list = [];
        cells.set(key, list);
    }
    return list;
}

/**
 * Every path as points PIECE apart, bucketed by grid cell (flat x, y, path triples: a large view has
 * hundreds of thousands): how much of other edges a place covers is how many of their points it holds.
 */
class PathPoints {
    private readonly cells = new Map<number, number[]>();

    constructor(paths: ReadonlyArray<readonly Point[]>) {
        paths.forEach((points, path) => points.slice(1).forEach((end, i) => {
            const start = points[i];
            const pieces = Math.ceil(Math.hypot(end.x - start.x, end.y - start.y) / PIECE);
            for (let k = 0; k < pieces; k++) {
                const [x, y] = [start.x + (end.x - start.x) * (k + 0.5) / pieces, start.y + (end.y - start.y) * (k + 0.5) / pieces];
                listIn(this.cells, cellKey(cellOf(x), cellOf(y))).push(x, y, path);
            }
        }));
    }

    /** The points of paths other than `own` in a box (counting stops at `limit`). */
    countIn(box: Box, own: number, limit: number): number {
        let count = 0;
        someCell(box, key => {
            const cell = this.cells.get(key) ?? [];
            for (let i = 0; i < cell.length && count < limit; i += 3) {
                const [x, y] = [cell[i], cell[i + 1]];
                if (cell[i + 2] !== own && x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) {
                    count++;
                }
            }
            return count >= limit;
        });
        return count;
    }
}

function padded(box: Box): Box {
    return { x: box.x - CLEARANCE, y: box.y - CLEARANCE, width: box.width + 2 * CLEARANCE, height: box.height + 2 * CLEARANCE };
}

function centredAt(point: Point, size: { width: number; height: number }): Box {
    return { x: point.x - size.width / 2, y: point.y - size.height / 2, width: size.width, height: size.height };
}

/** Things bucketed by the grid cells their boxes cover: a query looks only at the things nearby. */
class Grid<T> {
    private readonly cells = new Map<number, T[]>();

    add(thing: T, box: Box): void {
        someCell(box, key => {
            listIn(this.cells, key).push(thing);
            return false;
        });
    }

    /** Whether the test holds for a thing in a cell the box covers (a thing in several such cells may be tested more than once). */
    some(box: Box, test: (thing: T) => boolean): boolean {
        return someCell(box, key => (this.cells.get(key) ?? []).some(test));
    }
}
