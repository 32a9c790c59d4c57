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
        sources.push(decodeSource(file, bytes));
    }
    return { sources, unreadable };
}

/** The text of a file's bytes, with a located problem when they are not valid UTF-8. */
export function decodeSource(file: InputFile, bytes: Uint8Array): SourceText {
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

/**
 * The offset of the first byte of the first sequence that is not well-formed UTF-8 (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or undefined when all bytes are valid.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number | undefined {
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        const [length, low, high] = lead < 0x80 ? [1, 0, 0]
            : lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
                : lead === 0xe0 ? [3, 0xa0, 0xbf]
                    : lead === 0xed ? [3, 0x80, 0x9f]
                        : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
                            : lead === 0xf0 ? [4, 0x90, 0xbf]
                                : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
                                    : lead === 0xf4 ? [4, 0x80, 0x8f]
                                        : [0, 0, 0];
        if (length === 0 || i + length > bytes.length) {
            return i;
        }
        // The second byte has a narrower range for some leads; the others are plain continuation bytes.
        for (let k = 1; k < length; k++) {
            const byte = bytes[i + k];
            const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
            if (byte < min || byte > max) {
                return i;
            }
        }
        i += length;
    }
    return undefined;
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
