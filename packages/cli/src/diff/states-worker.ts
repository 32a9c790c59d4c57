// The thread on which `cxe diff` builds its old side (see side-states.ts): one request, one reply.
import { parentPort } from 'node:worker_threads';
import type { ReadResult } from '../read-sources.js';
import { failureOf } from '../thread-failure.js';
import { statesOf } from './ecosystem-states.js';

parentPort?.once('message', async (read: ReadResult) => {
    try {
        parentPort?.postMessage({ side: await statesOf(read) });
    } catch (error) {
        parentPort?.postMessage({ failure: failureOf(error) });
    }
});
