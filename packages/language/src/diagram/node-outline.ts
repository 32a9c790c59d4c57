import { KIND_STYLES } from './diagram-style.js';
import type { NodeKind } from './diagram-graph.js';
import { type Box, type Point, nearestOnSegment } from './geometry.js';

/** Segments of the polygon that stands for a curved outline (an ellipse, a pill's ends): within 0.1 px at node sizes. */
const CURVE_SEGMENTS = 64;

/** The corner radius of a pill: its ends are half circles up to this height. */
export function pillRadius(box: Box): number {
    return Math.min(box.height / 2, 22);
}

/**
 * The outline of a node of a kind as a closed polygon, clockwise from the top left: the polygon shapes
 * are drawn from it, and edges end on it (an arrow tip touches an ellipse, not its bounding box).
 * Curves are approximated; outlines that are their box, or within 6 px of it (rounded corners, a
 * cylinder's lid), are the box.
 */
export function outlineOf(kind: NodeKind, box: Box): Point[] {
    const { x, y, width: w, height: h } = box;
    // How far the slanted sides of hexagons, chevrons, parallelograms, arrows and trapezia reach in.
    const inset = Math.min(12, w / 6);
    const points = (list: Array<[number, number]>) => list.map(([px, py]) => ({ x: px, y: py }));
    switch (KIND_STYLES[kind].shape) {
        case 'hexagon':
            return points([[x + inset, y], [x + w - inset, y], [x + w, y + h / 2], [x + w - inset, y + h], [x + inset, y + h], [x, y + h / 2]]);
        case 'parallelogram':
            return points([[x + inset, y], [x + w, y], [x + w - inset, y + h], [x, y + h]]);
        case 'note':
            return points([[x, y], [x + w - inset, y], [x + w, y + inset], [x + w, y + h], [x, y + h]]);
        case 'chevron':
            return points([[x, y], [x + w - inset, y], [x + w, y + h / 2], [x + w - inset, y + h], [x, y + h], [x + inset, y + h / 2]]);
        case 'octagon': {
            const c = Math.min(10, h / 3);
            return points([[x + c, y], [x + w - c, y], [x + w, y + c], [x + w, y + h - c], [x + w - c, y + h], [x + c, y + h], [x, y + h - c], [x, y + c]]);
        }
        case 'arrow':
            return points([[x, y], [x + w - inset, y], [x + w, y + h / 2], [x + w - inset, y + h], [x, y + h]]);
        case 'trapezium':
            return points([[x, y], [x + w, y], [x + w - inset, y + h], [x + inset, y + h]]);
        case 'ellipse':
            return arc(x + w / 2, y + h / 2, w / 2, h / 2, Math.PI, 3 * Math.PI);
        case 'pill': {
            const r = pillRadius(box);
            return [...arc(x + r, y + r, r, r, Math.PI, 1.5 * Math.PI), ...arc(x + w - r, y + r, r, r, 1.5 * Math.PI, 2 * Math.PI),
                ...arc(x + w - r, y + h - r, r, r, 0, 0.5 * Math.PI), ...arc(x + r, y + h - r, r, r, 0.5 * Math.PI, Math.PI)];
        }
        default:
            return points([[x, y], [x + w, y], [x + w, y + h], [x, y + h]]);
    }
}

/** Points along an elliptic arc, clockwise on screen (y down) from angle `from` to `to`. */
function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Point[] {
    const steps = Math.max(1, Math.round(CURVE_SEGMENTS * (to - from) / (2 * Math.PI)));
    return Array.from({ length: steps + 1 }, (_, i) => {
        const angle = from + (to - from) * i / steps;
        return { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
    });
}

/**
 * Where a path's last segment, from `outside` to `end` (on or in the node's box), first meets the
 * outline: the new end of the path. `end` itself when the segment does not cross it.
 */
export function clipToOutline(outline: readonly Point[], outside: Point, end: Point): Point {
    let best = 1;
    for (let i = 0; i < outline.length; i++) {
        const t = crossing(outside, end, outline[i], outline[(i + 1) % outline.length]);
        if (t !== undefined && t < best) {
            best = t;
        }
    }
    return best === 1 ? end : { x: outside.x + best * (end.x - outside.x), y: outside.y + best * (end.y - outside.y) };
}

/** The point of the outline nearest to a point. */
export function nearestOnOutline(outline: readonly Point[], p: Point): Point {
    const candidates = outline.map((a, i) => nearestOnSegment(p, a, outline[(i + 1) % outline.length]));
    return candidates.reduce((best, q) => (Math.hypot(p.x - q.x, p.y - q.y) < Math.hypot(p.x - best.x, p.y - best.y) ? q : best));
}

/** The parameter along p→q where it crosses the segment a–b, if it does. */
function crossing(p: Point, q: Point, a: Point, b: Point): number | undefined {
    const [rx, ry, sx, sy] = [q.x - p.x, q.y - p.y, b.x - a.x, b.y - a.y];
    const denominator = rx * sy - ry * sx;
    if (Math.abs(denominator) < 1e-9) {
        return undefined;
    }
    const t = ((a.x - p.x) * sy - (a.y - p.y) * sx) / denominator;
    const u = ((a.x - p.x) * ry - (a.y - p.y) * rx) / denominator;
    return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : undefined;
}
