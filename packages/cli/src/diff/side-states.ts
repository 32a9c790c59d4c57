import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from '../read-sources.js';
import { type ThreadFailure, errorOf } from '../thread-failure.js';
import type { SideStates } from './ecosystem-states.js';

/**
 * Next to this module in the compiled sources and in the bundle, where this module is part of the
 * entry file (dist/cxe.js beside dist/states-worker.js): the worker must not import it.
 */
const WORKER_URL = new URL('./states-worker.js', import.meta.url);

/**
 * A side of at least this much text builds on a thread of its own while the main thread builds the
 * other: below it, starting the thread (loading the language) costs more than the build saves.
 */
const THREAD_MIN_CHARS = 100_000;
/**
 * Above this much text the sides build one after the other, so that two large workspaces are never in
 * memory together (a 15 MB model takes about 3 GB to build).
 */
const THREAD_MAX_CHARS = 8_000_000;

/** Whether a side is worth building on a thread while the main thread builds the other. */
export function buildsOnThread(read: ReadResult): boolean {
    const chars = read.sources.reduce((sum, source) => sum + source.text.length, 0);
    return availableParallelism() > 1 && chars >= THREAD_MIN_CHARS && chars <= THREAD_MAX_CHARS;
}

/** `statesOf` on a worker thread; its errors are thrown here as they would be in this thread. */
export function statesOnThread(read: ReadResult): Promise<SideStates> {
    const worker = new Worker(WORKER_URL);
    return new Promise<SideStates>((resolve, reject) => {
        worker.once('message', (reply: { side: SideStates } | { failure: ThreadFailure }) =>
            'failure' in reply ? reject(errorOf(reply.failure)) : resolve(reply.side));
        worker.once('error', reject);
        worker.once('exit', code => reject(new Error(`the thread building the old side stopped (exit code ${code})`)));
        worker.postMessage(read);
    }).finally(() => {
        worker.removeAllListeners('exit');
        void worker.terminate();
    });
}
