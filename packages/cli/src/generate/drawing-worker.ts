// A drawing thread of `cxe generate` (see drawing-pool.ts): runs the jobs it is sent, one at a time. A
// thread started before the jobs are known (`workerData.warmUp`) warms up the layout engine until its
// first job comes.
import { parentPort, workerData } from 'node:worker_threads';
import { warmUpLayout } from '@cxe/language';
import { type ThreadFailure, failureOf } from '../thread-failure.js';
import { type DrawingJob, type Drawn, runDrawingJob } from './drawing-job.js';

export type WorkerReply =
    | { readonly id: number; readonly drawn: Drawn }
    | { readonly id: number; readonly failure: ThreadFailure };

interface Request {
    readonly id: number;
    readonly job: DrawingJob;
}

const waiting: Request[] = [];
let warming = (workerData as { warmUp?: boolean } | undefined)?.warmUp === true;

async function run({ id, job }: Request): Promise<void> {
    let reply: WorkerReply;
    try {
        reply = { id, drawn: await runDrawingJob(job) };
    } catch (error) {
        reply = { id, failure: failureOf(error) };
    }
    parentPort?.postMessage(reply);
}

// The pool sends a thread its next job only after the last one's reply: jobs never overlap.
parentPort?.on('message', (request: Request) => (warming ? waiting.push(request) : void run(request)));
if (warming) {
    await warmUpLayout(() => waiting.length > 0);
    warming = false;
}
waiting.splice(0).forEach(request => void run(request));
