import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { errorOf } from '../thread-failure.js';
import { type DrawingJob, type Drawn, runDrawingJob, weightOf } from './drawing-job.js';
import type { WorkerReply } from './drawing-worker.js';

/**
 * The worker's script, next to this module both in the compiled sources and in the bundle (where
 * this module is part of the entry file, dist/cxe.js, and the worker is dist/drawing-worker.js).
 */
const WORKER_URL = new URL('./drawing-worker.js', import.meta.url);

/**
 * Below this much work (nodes and edges to lay out, over all jobs) threads cost more than they save:
 * starting one (loading the layout engine) takes about as long as laying out a view of a few hundred
 * nodes.
 */
const PARALLEL_WORK = 1_000;

/**
 * How many threads to draw on: as asked (`--jobs`), else one per available core when the work is
 * large enough to pay for starting them; never more than there are jobs. 1 means in this thread.
 */
export function drawingThreads(jobs: readonly DrawingJob[], requested?: number): number {
    if (requested !== undefined) {
        return Math.max(1, Math.min(requested, jobs.length));
    }
    const work = jobs.reduce((sum, job) => sum + weightOf(job), 0);
    return work < PARALLEL_WORK ? 1 : Math.max(1, Math.min(availableParallelism(), jobs.length));
}

/**
 * Source text from this size up is worth a drawing thread started before parsing: the 500-actor model
 * (123 KB) has 1,500 nodes and edges to lay out, past PARALLEL_WORK; the examples (82 KB) draw on threads too.
 */
const EARLY_THREAD_TEXT = 64 * 1024;

/**
 * One drawing thread to start before the models are parsed, so that it warms up the layout engine
 * meanwhile (a fresh thread lays out its first drawing two to three times slower than later ones):
 * when the input is large enough to be drawn on threads, unless one thread (this one) is asked for.
 */
export function earlyDrawingThreads(sourceCharacters: number, requested?: number): DrawingThreads | undefined {
    const threads = requested ?? availableParallelism();
    return threads > 1 && sourceCharacters >= EARLY_THREAD_TEXT ? new DrawingThreads(1, true) : undefined;
}

/** Worker threads that draw jobs; close() them when done. */
export class DrawingThreads {
    private readonly workers: Worker[] = [];

    constructor(count: number, warmUp = false) {
        this.grow(count, warmUp);
    }

    /** Starts threads until there are `count`; those started before their first job warm up the layout engine. */
    grow(count: number, warmUp = false): void {
        while (this.workers.length < count) {
            this.workers.push(new Worker(WORKER_URL, { workerData: { warmUp } }));
        }
    }

    /**
     * Runs the jobs and resolves to their results in job order: the output does not depend on which
     * thread finished first. The largest jobs start first, so that no thread is left with a long one at
     * the end. A job's error rejects the whole run, as it would in a serial run: a usage error stays a
     * usage error, anything else is an internal error.
     */
    draw(jobs: readonly DrawingJob[]): Promise<Drawn[]> {
        const order = jobs.map((_, i) => i).sort((a, b) => weightOf(jobs[b]) - weightOf(jobs[a]) || a - b);
        const results = new Array<Drawn>(jobs.length);
        return new Promise<Drawn[]>((resolve, reject) => {
            let next = 0;
            let done = 0;
            const feed = (worker: Worker) => {
                if (next < order.length) {
                    const id = order[next++];
                    worker.postMessage({ id, job: jobs[id] });
                }
            };
            if (jobs.length === 0) {
                resolve(results);
            }
            for (const worker of this.workers) {
                worker.on('message', (reply: WorkerReply) => {
                    if ('failure' in reply) {
                        reject(errorOf(reply.failure));
                        return;
                    }
                    results[reply.id] = reply.drawn;
                    if (++done === jobs.length) {
                        resolve(results);
                    }
                    feed(worker);
                });
                worker.on('error', reject);
                worker.on('exit', code => reject(new Error(`a drawing thread stopped (exit code ${code})`)));
                feed(worker);
            }
        });
    }

    /** Stops every thread. */
    async close(): Promise<void> {
        await Promise.all(this.workers.splice(0).map(worker => {
            worker.removeAllListeners('exit');
            return worker.terminate();
        }));
    }
}

/**
 * Runs the jobs on `threads` threads when more than one (on the threads started early, if any, grown
 * to that many), else in this thread; resolves to their results in job order. The threads are closed.
 */
export async function drawAll(jobs: readonly DrawingJob[], threads: number, early?: DrawingThreads): Promise<Drawn[]> {
    if (!early && threads <= 1) {
        const drawn: Drawn[] = [];
        for (const job of jobs) {
            drawn.push(await runDrawingJob(job));
        }
        return drawn;
    }
    const pool = early ?? new DrawingThreads(threads);
    pool.grow(threads);
    try {
        return await pool.draw(jobs);
    } finally {
        await pool.close();
    }
}
