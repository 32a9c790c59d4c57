/** Where a command's output goes: the process's streams, or a buffer in tests. */
export interface Io {
    out(text: string): void;
    err(text: string): void;
}

export const processIo: Io = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
};
