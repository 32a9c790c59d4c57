import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { UsageError } from './usage-error.js';

/** A model file to load: its path as the user would write it (forward slashes) and on disk. */
export interface InputFile {
    readonly displayPath: string;
    readonly absolutePath: string;
}

/**
 * Expands the paths given on the command line: a file is taken as it is, a folder contributes every
 * `*.cxe` below it. Every path that cannot be used is reported at once; the same file given twice loads once.
 */
export async function discoverFiles(paths: readonly string[]): Promise<InputFile[]> {
    const problems: string[] = [];
    const found = new Map<string, InputFile>();
    for (const given of paths) {
        const kind = await pathKind(given);
        if (kind === 'missing') {
            problems.push(`path does not exist: ${given}`);
        } else if (kind === 'other') {
            problems.push(`not a file or a folder: ${given}`);
        } else if (kind === 'file') {
            add(found, toPosix(path.normalize(given)), path.resolve(given));
        } else {
            const relatives = await glob('**/*.cxe', { cwd: given, onlyFiles: true, dot: false, followSymbolicLinks: true });
            for (const relative of relatives.sort()) {
                add(found, path.posix.join(toPosix(given), relative), path.resolve(given, relative));
            }
        }
    }
    if (problems.length > 0) {
        throw new UsageError(problems.join('\n'));
    }
    if (found.size === 0) {
        throw new UsageError(`no .cxe files found in ${paths.join(', ')}`);
    }
    return [...found.values()];
}

async function pathKind(given: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
    try {
        const stats = await stat(given);
        // Reading a named pipe or a device would block or never end: only regular files are read.
        return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
    } catch {
        return 'missing';
    }
}

function add(found: Map<string, InputFile>, displayPath: string, absolutePath: string): void {
    if (!found.has(absolutePath)) {
        found.set(absolutePath, { displayPath, absolutePath });
    }
}

function toPosix(p: string): string {
    return p.split(path.sep).join('/');
}
