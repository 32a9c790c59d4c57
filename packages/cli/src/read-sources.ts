import { readFile } from 'node:fs/promises';
import type { InputFile } from './discover-files.js';
import type { FileDiagnostic } from './file-diagnostic.js';

export interface SourceText {
    readonly file: InputFile;
    readonly text: string;
    /** Problems found while decoding (not valid UTF-8), located in the text. */
    readonly decodingProblems: readonly FileDiagnostic[];
}

export interface ReadResult {
    readonly sources: SourceText[];
    /** One line per file that could not be read at all. */
    readonly unreadable: string[];
}

/** Reads every file: a UTF-8 BOM is dropped; invalid UTF-8 is reported where it starts and replaced. */
export async function readSources(files: readonly InputFile[]): Promise<ReadResult> {
    const sources: SourceText[] = [];
    const unreadable: string[] = [];
    for (const file of files) {
        let bytes: Uint8Array;
        try {
            bytes = await readFile(file.absolutePath);
        } catch (error) {
            unreadable.push(`cannot read ${file.displayPath}: ${reason(error)}`);
            continue;
        }
        sources.push(decode(file, bytes));
    }
    return { sources, unreadable };
}

function decode(file: InputFile, bytes: Uint8Array): SourceText {
    // TextDecoder drops a leading UTF-8 BOM, so positions match what editors show.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const invalidAt = firstInvalidUtf8Byte(bytes);
    if (invalidAt === undefined) {
        return { file, text: lossy, decodingProblems: [] };
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, invalidAt));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const problem: FileDiagnostic = {
        file: file.displayPath, line, column, endLine: line, endColumn: column + 1,
        severity: 'error', code: 'syntax',
        message: `The file is not valid UTF-8 (byte 0x${bytes[invalidAt].toString(16).padStart(2, '0')}): save it with UTF-8 encoding.`,
    };
    return { file, text: lossy, decodingProblems: [problem] };
}

/** The offset of the first byte that is not valid UTF-8, by binary search over streaming decodes. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
    if (isValid(bytes, bytes.length, false)) {
        return undefined;
    }
    // Streaming decodes accept a prefix that ends inside a character, so validity is monotonic in length.
    let valid = 0;
    let invalid = bytes.length;
    while (invalid - valid > 1) {
        const middle = Math.floor((valid + invalid) / 2);
        if (isValid(bytes, middle, true)) {
            valid = middle;
        } else {
            invalid = middle;
        }
    }
    return invalid - 1;
}

function isValid(bytes: Uint8Array, length: number, stream: boolean): boolean {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream });
        return true;
    } catch {
        return false;
    }
}

function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ENOENT':
            return 'no such file (a broken link?)';
        case 'EISDIR':
            return 'it is a folder';
        default:
            return code ?? String(error);
    }
}
