import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus, repoRoot } from './corpus';
import { type FuzzCase, fuzzCase } from './mutations';

/** The real `cxe`; CXE_FUZZ_CLI names a copy, for a long run during rebuilds. */
const cxeBin = process.env.CXE_FUZZ_CLI ?? path.join(repoRoot, 'packages/cli/bin/cxe.js');

export interface CliFailure {
    readonly index: number;
    readonly command: string;
    readonly exit: string;
    readonly stderr: string;
    /** Where the input was saved. */
    readonly saved?: string;
}

export interface CliStats {
    readonly cases: number;
    /** How many runs ended with each exit code (or signal), per command. */
    readonly exits: Record<string, Record<string, number>>;
    readonly failures: CliFailure[];
}

/**
 * Fuzzed workspaces through the real `cxe validate` and `cxe generate`: any exit code other than
 * 0, 1 (problems found) and 2 (usage) is a failure, and so is a stack trace.
 */
export async function fuzzCli(options: { seed: number; count: number; out?: string; parallel?: number }): Promise<CliStats> {
    const cases = fc.sample(fuzzCase(loadCorpus()), { seed: options.seed, numRuns: options.count });
    const stats: CliStats = { cases: cases.length, exits: {}, failures: [] };
    let next = 0;
    const worker = async () => {
        for (let index = next++; index < cases.length; index = next++) {
            await runCliCase(cases[index], index, stats, options.out);
        }
    };
    await Promise.all(Array.from({ length: options.parallel ?? 2 }, worker));
    stats.failures.sort((a, b) => a.index - b.index);
    return stats;
}

async function runCliCase(fuzzed: FuzzCase, index: number, stats: CliStats, out: string | undefined): Promise<void> {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cxe-fuzz-'));
    try {
        const models = path.join(folder, 'models');
        for (const [name, text] of finalTexts(fuzzed)) {
            mkdirSync(path.dirname(path.join(models, name)), { recursive: true });
            writeFileSync(path.join(models, name), text);
        }
        for (const args of [['validate', models], ['generate', models, '--out', path.join(folder, 'out')]]) {
            const run = await cxe(args);
            const exits = (stats.exits[args[0]] ??= {});
            exits[run.exit] = (exits[run.exit] ?? 0) + 1;
            if (!['0', '1', '2'].includes(run.exit) || /^\s+at .+[:(]/m.test(run.stderr)) {
                const saved = out ? path.join(out, `cli-${args[0]}-exit-${run.exit}-${index}`) : undefined;
                if (saved) {
                    finalTexts(fuzzed).forEach((text, name) => {
                        mkdirSync(path.dirname(path.join(saved, name)), { recursive: true });
                        writeFileSync(path.join(saved, name), text);
                    });
                }
                stats.failures.push({ index, command: args[0], exit: run.exit, stderr: run.stderr.slice(0, 500), saved });
            }
        }
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

/** Each file's text after the case's edits. */
function finalTexts(fuzzed: FuzzCase): Map<string, string> {
    const texts = new Map(fuzzed.files.map(file => [file.name, file.text]));
    for (const edit of fuzzed.edits) {
        const name = fuzzed.files[edit.file].name;
        texts.set(name, edit.mutation(texts.get(name)!));
    }
    return texts;
}

function cxe(args: readonly string[]): Promise<{ exit: string; stderr: string }> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [cxeBin, ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
        let stderr = '';
        child.stderr.on('data', chunk => (stderr += chunk));
        child.on('close', (code, signal) => resolve({ exit: String(code ?? signal), stderr }));
    });
}
