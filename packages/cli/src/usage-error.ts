/** A mistake in how cxe was called (exit code 2): printed as one line, never as a stack trace. */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}

export const ExitCode = {
    ok: 0,
    problems: 1,
    usage: 2,
    internal: 3,
} as const;
