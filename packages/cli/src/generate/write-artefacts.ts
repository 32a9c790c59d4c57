import { lstat, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../usage-error.js';
import type { Artefact } from './artefact.js';

/** The absolute path of an artefact, refusing any name that would land outside the output folder. */
function targetOf(outDir: string, artefact: Artefact): string {
    const target = path.resolve(outDir, artefact.name);
    if (path.dirname(target) !== outDir || artefact.name.includes('/') || artefact.name.includes('\\')) {
        throw new Error(`refusing to write '${artefact.name}' outside ${outDir}`);
    }
    return target;
}

/** Creates the output folder when missing; a file in its place is a usage error. */
export async function prepareOutDir(outDir: string): Promise<void> {
    const existing = await lstat(outDir).catch(() => undefined);
    if (existing && !existing.isDirectory()) {
        throw new UsageError(`the output path is not a folder: ${outDir}`);
    }
    await mkdir(outDir, { recursive: true });
}

/** Writes each artefact whose bytes changed; returns the names written. */
export async function writeArtefacts(outDir: string, artefacts: readonly Artefact[]): Promise<string[]> {
    const written: string[] = [];
    for (const artefact of artefacts) {
        const target = targetOf(outDir, artefact);
        if (!(await sameContent(target, artefact.content))) {
            await writeFile(target, artefact.content);
            written.push(artefact.name);
        }
    }
    return written;
}

export interface Freshness {
    readonly missing: string[];
    readonly differ: string[];
    /** Files in the folder that look generated for these ecosystems but are no longer produced. */
    readonly stale: string[];
}

/**
 * Compares the artefacts with the folder without writing anything (`--check`). `owned` says which
 * existing file names a run like this one would produce, so that files it no longer makes are stale.
 */
export async function checkArtefacts(outDir: string, artefacts: readonly Artefact[], owned: (name: string) => boolean): Promise<Freshness> {
    const missing: string[] = [];
    const differ: string[] = [];
    for (const artefact of artefacts) {
        const current = await readFile(targetOf(outDir, artefact)).catch(() => undefined);
        if (!current) {
            missing.push(artefact.name);
        } else if (!equalBytes(current, artefact.content)) {
            differ.push(artefact.name);
        }
    }
    const produced = new Set(artefacts.map(artefact => artefact.name));
    const present = await readdir(outDir).catch(() => [] as string[]);
    const stale = present.filter(name => !produced.has(name) && owned(name)).sort();
    return { missing, differ, stale };
}

async function sameContent(target: string, content: string | Uint8Array): Promise<boolean> {
    const current = await readFile(target).catch(() => undefined);
    return current !== undefined && equalBytes(current, content);
}

function equalBytes(current: Uint8Array, content: string | Uint8Array): boolean {
    return Buffer.from(current).equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
}
