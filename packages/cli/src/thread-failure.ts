import { UsageError } from './usage-error.js';

/** An error thrown on a worker thread, as it crosses to the main thread (errors do not clone whole). */
export interface ThreadFailure {
    readonly usage: boolean;
    readonly message: string;
    readonly stack?: string;
}

export function failureOf(error: unknown): ThreadFailure {
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    return { usage: error instanceof UsageError, message, stack };
}

/** The error to throw on the main thread: a usage error stays one (exit 2, no stack trace). */
export function errorOf(failure: ThreadFailure): Error {
    return failure.usage ? new UsageError(failure.message) : Object.assign(new Error(failure.message), { stack: failure.stack });
}
