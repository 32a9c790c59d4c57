/** Plane geometry of laid-out drawings: where a label sits relative to its edge's path. */
export interface Point { readonly x: number; readonly y: number }
export interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** The point of a segment nearest to a point. */
export function nearestOnSegment(p: Point, a: Point, b: Point): Point {
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
    return { x: a.x + t * dx, y: a.y + t * dy };
}

/** Distance from a point to a segment. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
    const q = nearestOnSegment(p, a, b);
    return Math.hypot(p.x - q.x, p.y - q.y);
}

/** The index of the path's segment nearest to a point (-1 for a path of fewer than two points). */
export function nearestSegment(points: readonly Point[], p: Point): number {
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 1; i < points.length; i++) {
        const distance = distanceToSegment(p, points[i - 1], points[i]);
        if (distance < bestDistance) {
            [best, bestDistance] = [i - 1, distance];
        }
    }
    return best;
}

/** The length of a polyline. */
export function pathLength(points: readonly Point[]): number {
    let length = 0;
    for (let i = 1; i < points.length; i++) {
        length += Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    }
    return length;
}

/** The point at a distance along a polyline (its last point past its length). */
export function pointAlong(points: readonly Point[], distance: number): Point {
    let remaining = distance;
    for (let i = 1; i < points.length; i++) {
        const length = Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
        if (remaining <= length && length > 0) {
            const t = remaining / length;
            return { x: points[i - 1].x + t * (points[i].x - points[i - 1].x), y: points[i - 1].y + t * (points[i].y - points[i - 1].y) };
        }
        remaining -= length;
    }
    return points.at(-1)!;
}

/** Distance from a box to a path: 0 when the path touches the box. */
export function boxToPath(box: Box, points: readonly Point[]): number {
    const corners: Point[] = [{ x: box.x, y: box.y }, { x: box.x + box.width, y: box.y }, { x: box.x + box.width, y: box.y + box.height }, { x: box.x, y: box.y + box.height }];
    let best = Infinity;
    for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1], points[i]];
        if (segmentTouchesBox(a, b, box)) {
            return 0;
        }
        best = Math.min(best, distanceToSegment(a, corners[0], corners[1]), distanceToSegment(a, corners[1], corners[2]),
            distanceToSegment(a, corners[2], corners[3]), distanceToSegment(a, corners[3], corners[0]),
            ...corners.map(corner => distanceToSegment(corner, a, b)));
    }
    return best;
}

export function segmentTouchesBox(a: Point, b: Point, box: Box): boolean {
    // Liang–Barsky clipping of the segment against the box.
    let [t0, t1] = [0, 1];
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const edges: Array<[number, number]> = [[-dx, a.x - box.x], [dx, box.x + box.width - a.x], [-dy, a.y - box.y], [dy, box.y + box.height - a.y]];
    for (const [p, q] of edges) {
        if (p === 0) {
            if (q < 0) {
                return false;
            }
        } else {
            const t = q / p;
            if (p < 0) {
                t0 = Math.max(t0, t);
            } else {
                t1 = Math.min(t1, t);
            }
        }
    }
    return t0 <= t1;
}

/** Whether two boxes overlap by more than a hair (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box, tolerance = 0.5): boolean {
    return a.x + tolerance < b.x + b.width && b.x + tolerance < a.x + a.width && a.y + tolerance < b.y + b.height && b.y + tolerance < a.y + a.height;
}
