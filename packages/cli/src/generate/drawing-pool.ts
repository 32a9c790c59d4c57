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
 * Runs the jobs, on `threads` worker threads when more than one, and resolves to their results in
 * job order: the output does not depend on which thread finished first. The largest jobs start first,
 * so that no thread is left with a long one at the end. A job's error rejects the whole run, as it
 * would in a serial run: a usage error stays a usage error, anything else is an internal error.
 */
export async function drawAll(jobs: readonly DrawingJob[], threads: number): Promise<Drawn[]> {
    if (threads <= 1) {
        const drawn: Drawn[] = [];
        for (const job of jobs) {
            drawn.push(await runDrawingJob(job));
        }
        return drawn;
    }
    const order = jobs.map((_, i) => i).sort((a, b) => weightOf(jobs[b]) - weightOf(jobs[a]) || a - b);
    const results = new Array<Drawn>(jobs.length);
    const workers = Array.from({ length: threads }, () => new Worker(WORKER_URL));
    try {
        await new Promise<void>((resolve, reject) => {
            let next = 0;
            let done = 0;
            const feed = (worker: Worker) => {
                if (next < order.length) {
                    const id = order[next++];
                    worker.postMessage({ id, job: jobs[id] });
                }
            };
            for (const worker of workers) {
                worker.on('message', (reply: WorkerReply) => {
                    if ('failure' in reply) {
                        reject(errorOf(reply.failure));
                        return;
                    }
                    results[reply.id] = reply.drawn;
                    if (++done === jobs.length) {
                        resolve();
                    }
                    feed(worker);
                });
                worker.on('error', reject);
                worker.on('exit', code => reject(new Error(`a drawing thread stopped (exit code ${code})`)));
                feed(worker);
            }
        });
    } finally {
        await Promise.all(workers.map(worker => {
            worker.removeAllListeners('exit');
            return worker.terminate();
        }));
    }
    return results;
}
