import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file compiles to packages/cli/out/test/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const conformanceDir = process.env.CXE_CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared/design/conformance');
const bin = path.join(repoRoot, 'packages/cli/bin/cxe.js');

export interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the real `cxe` as a separate process, the way CI and users run it. */
export function cxe(args: readonly string[], cwd = repoRoot, options: { uid?: number; gid?: number } = {}): Run {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, ...options });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder holding the given files (text or bytes). */
export function folderWith(files: Record<string, string | Uint8Array>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cxe-test-'));
    for (const [name, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), content);
    }
    return dir;
}

export interface JsonReport {
    version: number;
    files: number;
    errors: number;
    warnings: number;
    diagnostics: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }>;
}

export function json(run: Run): JsonReport {
    return JSON.parse(run.stdout) as JsonReport;
}

/** A stack trace has lines like "    at foo (file.js:1:2)". */
export const STACK_TRACE = /^\s+at .+[:(]/m;
