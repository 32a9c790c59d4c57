import { type EcosystemDiff, diffEcosystems } from '@cxe/language';
import path from 'node:path';
import { discoverFiles } from '../discover-files.js';
import { type DiffDiagrams, drawDiffDiagrams } from '../diff/diff-diagrams.js';
import { ecosystemStates, statesOf } from '../diff/ecosystem-states.js';
import { buildsOnThread, statesOnThread } from '../diff/side-states.js';
import { sourcesAtRevision } from '../diff/git-revision.js';
import { formatDiffJson } from '../format/diff-json.js';
import { formatDiffMarkdown } from '../format/diff-markdown.js';
import { formatDiffText } from '../format/diff-text.js';
import { prepareOutDir, writeArtefacts } from '../generate/write-artefacts.js';
import type { Io } from '../io.js';
import { loadSources } from '../load-workspace.js';
import { type ReadResult, readSources } from '../read-sources.js';
import { ExitCode, UsageError } from '../usage-error.js';

export interface DiffOptions {
    readonly format: 'text' | 'markdown' | 'json';
    /** Compare the working tree's paths with the same paths at this git revision. */
    readonly base?: string;
    /** Exit 1 when anything changed, like `git diff --exit-code`. */
    readonly exitCode?: boolean;
    /** The folder for the diff diagrams (nothing is written outside it). */
    readonly out?: string;
}

/** `cxe diff <old> <new>` or `cxe diff --base <rev> [paths…]`: what a change does to the ecosystems. */
export async function runDiff(paths: readonly string[], options: DiffOptions, io: Io): Promise<number> {
    const [readBefore, readAfter] = sides(paths, options);
    const beforeRead = await readBefore();
    const afterRead = await readAfter();
    const unreadable = [...beforeRead.unreadable, ...afterRead.unreadable];
    unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (unreadable.length > 0) {
        return ExitCode.usage;
    }
    if (options.out !== undefined) {
        // The diagrams need both workspaces.
        const before = await loadSources(beforeRead.sources);
        const after = await loadSources(afterRead.sources);
        const diffs = diffEcosystems(ecosystemStates(before), ecosystemStates(after));
        const diagrams = await drawDiffDiagrams(before, after, diffs);
        const outDir = path.resolve(options.out);
        await prepareOutDir(outDir);
        await writeArtefacts(outDir, diagrams.artefacts);
        return report(diffs, options, io, diagrams.links);
    }
    // Only the states are compared: the old side builds on a thread while this one builds the new side
    // (or first, keeping only its states, so that two large workspaces are never in memory together).
    const [before, after] = buildsOnThread(beforeRead)
        ? await Promise.all([statesOnThread(beforeRead), statesOf(afterRead)])
        : [await statesOf(beforeRead), await statesOf(afterRead)];
    return report(diffEcosystems(before.states, after.states), options, io, new Map());
}

function report(diffs: readonly EcosystemDiff[], options: DiffOptions, io: Io, links: DiffDiagrams['links']): number {
    io.out(render(diffs, options.format, links));
    return options.exitCode && diffs.length > 0 ? ExitCode.problems : ExitCode.ok;
}

/** How to read the old and the new side: two paths, or a git revision and the working tree. */
function sides(paths: readonly string[], options: DiffOptions): [() => Promise<ReadResult>, () => Promise<ReadResult>] {
    if (options.base !== undefined) {
        const given = paths.length > 0 ? paths : ['.'];
        const base = options.base;
        let hadModels = false;
        const readBase = async () => {
            const sources = await sourcesAtRevision(base, given);
            hadModels = sources.length > 0;
            return { sources, unreadable: [] };
        };
        // A change that deletes every model is a diff too: no .cxe file left is an error only when there were none before either.
        const readWorkingTree = async () => {
            try {
                return await readSources(await discoverFiles(given));
            } catch (error) {
                if (error instanceof UsageError && hadModels) {
                    return { sources: [], unreadable: [] };
                }
                throw error;
            }
        };
        return [readBase, readWorkingTree];
    }
    if (paths.length !== 2) {
        throw new UsageError('diff needs two paths, <old> and <new> (files or folders), or --base <git-revision> [paths...]');
    }
    return [async () => readSources(await discoverFiles([paths[0]])), async () => readSources(await discoverFiles([paths[1]]))];
}

function render(diffs: readonly EcosystemDiff[], format: DiffOptions['format'], diagrams: DiffDiagrams['links']): string {
    switch (format) {
        case 'json': return formatDiffJson(diffs);
        case 'markdown': return formatDiffMarkdown(diffs, diagrams);
        case 'text': return formatDiffText(diffs);
    }
}
