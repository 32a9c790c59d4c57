// A drawing thread of `cxe generate` (see drawing-pool.ts): runs the jobs it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { type ThreadFailure, failureOf } from '../thread-failure.js';
import { type DrawingJob, type Drawn, runDrawingJob } from './drawing-job.js';

export type WorkerReply =
    | { readonly id: number; readonly drawn: Drawn }
    | { readonly id: number; readonly failure: ThreadFailure };

parentPort?.on('message', async ({ id, job }: { id: number; job: DrawingJob }) => {
    let reply: WorkerReply;
    try {
        reply = { id, drawn: await runDrawingJob(job) };
    } catch (error) {
        reply = { id, failure: failureOf(error) };
    }
    parentPort?.postMessage(reply);
});
