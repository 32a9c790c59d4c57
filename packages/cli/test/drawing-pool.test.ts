import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import type { DiagramEdge, DiagramGraph, DiagramNode } from '@cxe/language';
import type { DrawingJob } from '../src/generate/drawing-job.js';
import { drawAll, drawingThreads, earlyDrawingThreads } from '../src/generate/drawing-pool.js';
import { UsageError } from '../src/usage-error.js';

/** A view's graph: a chain of `size` customers, each giving the next a value. */
function chain(size: number): DiagramGraph {
    const nodes = Array.from({ length: size }, (_, i): DiagramNode => ({
        id: `C${i}`, kind: 'customer', label: `Customer ${i}`, problems: { errors: 0, warnings: 0, codes: [] },
    }));
    const edges = nodes.slice(1).map((node, i): DiagramEdge => ({
        id: `C${i}->${node.id}`, from: `C${i}`, to: node.id, kind: 'flow', values: [{ name: 'Tip', label: 'Tip', kind: 'money' }], via: [], tangible: true, money: true,
    }));
    return { ecosystem: 'Chains', view: `Chain${size}`, title: `Chain of ${size}`, direction: 'right', nodes, edges };
}

const view = (graph: DiagramGraph): DrawingJob => ({ kind: 'view', graph, json: true, png: false });

describe('drawing on threads', () => {
    it('a job that fails fails the run with its message, as an internal error, and stops the threads', async function () {
        this.timeout(60_000);
        const jobs: DrawingJob[] = [view(chain(5)), { kind: 'png', svg: 'not an SVG' }, view(chain(6))];
        const failure = await drawAll(jobs, 2).then(() => undefined, (error: unknown) => error);
        assert.ok(failure instanceof Error && !(failure instanceof UsageError), String(failure));
        assert.equal(failure.message, await drawAll([jobs[1]], 1).catch((error: Error) => error.message));
    });

    it('draws on this thread when there is little to draw, else on one thread per core (or as asked), never more than there are jobs', () => {
        const small = [view(chain(5)), view(chain(5))];
        assert.equal(drawingThreads(small), 1);
        assert.equal(drawingThreads(small, 4), 2);
        assert.equal(drawingThreads(small, 1), 1);
        const large = Array.from({ length: 8 }, () => view(chain(300)));
        assert.equal(drawingThreads(large), Math.min(availableParallelism(), 8));
        assert.equal(drawingThreads(large.slice(0, 1)), 1);
        assert.equal(drawingThreads([], 3), 1);
    });

    it('starts a thread before parsing for a large input only, unless one thread is asked for; it draws the same bytes as this thread', async function () {
        this.timeout(60_000);
        assert.equal(earlyDrawingThreads(60_000), undefined);
        assert.equal(earlyDrawingThreads(1_000_000, 1), undefined);
        const early = earlyDrawingThreads(1_000_000, 2);
        assert.ok(early);
        // Sent while the thread warms up: it draws them when its current warm-up layout ends.
        const jobs = [view(chain(5)), view(chain(45))];
        assert.deepEqual(await drawAll(jobs, 1, early), await drawAll(jobs, 1));
    });
});
