// A drawing thread of `cxe generate` (see drawing-pool.ts): runs the jobs it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { UsageError } from '../usage-error.js';
import { type DrawingJob, type Drawn, runDrawingJob } from './drawing-job.js';

export type WorkerReply =
    | { readonly id: number; readonly drawn: Drawn }
    | { readonly id: number; readonly failure: { readonly usage: boolean; readonly message: string; readonly stack?: string } };

parentPort?.on('message', async ({ id, job }: { id: number; job: DrawingJob }) => {
    let reply: WorkerReply;
    try {
        reply = { id, drawn: await runDrawingJob(job) };
    } catch (error) {
        const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
        reply = { id, failure: { usage: error instanceof UsageError, message, stack } };
    }
    parentPort?.postMessage(reply);
});
