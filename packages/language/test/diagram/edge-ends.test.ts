import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Route, endsFacingTheirPaths } from '../../src/diagram/edge-ends.js';
import type { Box, Point } from '../../src/diagram/geometry.js';

const HUB: Box = { x: 400, y: 0, width: 120, height: 110 };

/**
 * A hub above a row of nodes, its edges routed as ELK's layered layout routes them top-down: each
 * leaves the hub's bottom (ends 14 px apart), turns at its own height below the hub, runs
 * sideways to above its target and goes down into the target's top.
 */
function hubAndRow(targetXs: readonly number[]): { routes: Route[]; boxes: Map<string, Box> } {
    const boxes = new Map<string, Box>([['hub', HUB]]);
    const routes = targetXs.map((x, i): Route => {
        const target: Box = { x, y: 260, width: 100, height: 40 };
        boxes.set(`t${i}`, target);
        const start = HUB.x + HUB.width / 2 + (i - (targetXs.length - 1) / 2) * 14;
        const turn = HUB.y + HUB.height + 10 + i * 6;
        const end = x + target.width / 2;
        return { from: 'hub', to: `t${i}`, points: [{ x: start, y: HUB.y + HUB.height }, { x: start, y: turn }, { x: end, y: turn }, { x: end, y: target.y }] };
    });
    return { routes, boxes };
}

/** The side of a box a point lies on, if any. */
function sideOf(point: Point, box: Box): string | undefined {
    const on = (a: number, b: number) => Math.abs(a - b) < 1e-6;
    return on(point.y, box.y + box.height) ? 'bottom' : on(point.y, box.y) ? 'top' : on(point.x, box.x) ? 'left' : on(point.x, box.x + box.width) ? 'right' : undefined;
}

describe('edge ends facing their paths', () => {
    it('a hub with nodes far to both sides ends its edges on its left and right sides too, each edge one bend shorter', () => {
        const { routes, boxes } = hubAndRow([0, 130, 260, 410, 560, 690, 820]);
        const paths = endsFacingTheirPaths(routes, boxes);
        const sides = new Set(paths.map(path => sideOf(path[0], HUB)));
        assert.deepEqual([...sides].sort(), ['bottom', 'left', 'right']);
        paths.forEach((path, i) => {
            if (sideOf(path[0], HUB) !== 'bottom') {
                assert.equal(path.length, routes[i].points.length - 1, `edge ${i}: ${JSON.stringify(path)}`);
            }
        });
    });

    it('keeps every route ending on the boxes of its nodes, right-angled, ends at a node 12 px apart, moved ends not crossing each other; the same input gives the same output', () => {
        fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 9 }), slots => {
            const { routes, boxes } = hubAndRow([...slots].sort((a, b) => a - b).map(slot => slot * 110));
            const paths = endsFacingTheirPaths(routes, boxes);
            assert.deepEqual(endsFacingTheirPaths(routes, boxes), paths);
            paths.forEach((path, i) => {
                assert.ok(sideOf(path[0], HUB), `edge ${i} leaves the hub's box`);
                assert.ok(sideOf(path.at(-1)!, boxes.get(`t${i}`)!), `edge ${i} ends off its target's box`);
                path.slice(1).forEach((point, j) => assert.ok(point.x === path[j].x || point.y === path[j].y, `edge ${i} has a slanted segment`));
            });
            const starts = paths.map(path => path[0]);
            starts.forEach((a, i) => starts.slice(i + 1).forEach(b => assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= 12, 'two ends closer than 12 px')));
            // A moved end's sideways run never passes under another moved end's drop.
            const moved = paths.filter(path => sideOf(path[0], HUB) === 'left' || sideOf(path[0], HUB) === 'right');
            for (const a of moved) {
                for (const b of moved.filter(other => other !== a && sideOf(other[0], HUB) === sideOf(a[0], HUB))) {
                    const [near, far] = Math.abs(a[1].x - a[0].x) < Math.abs(b[1].x - b[0].x) ? [a, b] : [b, a];
                    assert.ok(far[0].y < near[0].y, 'a farther end sits below a nearer one: their paths cross');
                }
            }
        }));
    });

    it("leaves a node's end where it is when the side facing its path already has an end, or the new run would cross a node", () => {
        const { routes, boxes } = hubAndRow([0, 820]);
        // A node just left of the hub blocks the left side's run; the right side already ends an edge.
        boxes.set('blocker', { x: 300, y: 40, width: 60, height: 40 });
        const right = { x: HUB.x + HUB.width, y: 50 };
        const withRightEnd: Route[] = [...routes, { from: 'hub', to: 'x', points: [right, { x: 700, y: 50 }] }];
        const paths = endsFacingTheirPaths(withRightEnd, boxes);
        assert.deepEqual(paths.map(path => path[0]), withRightEnd.map(route => route.points[0]));
    });
    it('a side too short for every end takes the farthest whose new run is clear, not a farther one a node blocks', () => {
        // Two edges leave the hub's bottom and turn right; a node below the hub's right blocks the farther one's new run.
        const { routes, boxes } = hubAndRow([560, 690]);
        boxes.set('hub', { ...HUB, height: 40 });
        const rerouted = routes.map(route => ({ ...route, points: [{ ...route.points[0], y: 40 }, ...route.points.slice(1)] }));
        boxes.set('blocker', { x: 650, y: 0, width: 30, height: 60 });
        const paths = endsFacingTheirPaths(rerouted, boxes);
        assert.equal(sideOf(paths[0][0], boxes.get('hub')!), 'right', JSON.stringify(paths[0]));
        assert.equal(sideOf(paths[1][0], boxes.get('hub')!), 'bottom', JSON.stringify(paths[1]));
    });

    it('an edge whose one end has moved moves its other end too when it still turns twice there', () => {
        // From a node on the left to a node on the right and below: a Z at each end, both can become a side end.
        const boxes = new Map<string, Box>([['a', { x: 0, y: 0, width: 100, height: 60 }], ['b', { x: 300, y: 200, width: 100, height: 60 }]]);
        const route: Route = { from: 'a', to: 'b', points: [{ x: 50, y: 60 }, { x: 50, y: 100 }, { x: 200, y: 100 }, { x: 200, y: 160 }, { x: 350, y: 160 }, { x: 350, y: 200 }] };
        const [path] = endsFacingTheirPaths([route], boxes);
        assert.equal(sideOf(path[0], boxes.get('a')!), 'right', JSON.stringify(path));
        assert.equal(sideOf(path.at(-1)!, boxes.get('b')!), 'left', JSON.stringify(path));
        assert.equal(path.length, 4, JSON.stringify(path));
    });
});
