import { type EcosystemDiff, diffEcosystems } from '@cxe/language';
import path from 'node:path';
import { discoverFiles } from '../discover-files.js';
import { type DiffDiagrams, drawDiffDiagrams } from '../diff/diff-diagrams.js';
import { ecosystemStates } from '../diff/ecosystem-states.js';
import { sourcesAtRevision } from '../diff/git-revision.js';
import { formatDiffJson } from '../format/diff-json.js';
import { formatDiffMarkdown } from '../format/diff-markdown.js';
import { formatDiffText } from '../format/diff-text.js';
import { prepareOutDir, writeArtefacts } from '../generate/write-artefacts.js';
import type { Io } from '../io.js';
import { type LoadedWorkspace, loadSources, loadWorkspace } from '../load-workspace.js';
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
    const [before, after] = await loadBothSides(paths, options);
    const unreadable = [...before.report.unreadable, ...after.report.unreadable];
    unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (unreadable.length > 0) {
        return ExitCode.usage;
    }
    const diffs = diffEcosystems(ecosystemStates(before), ecosystemStates(after));
    let links: DiffDiagrams['links'] = new Map();
    if (options.out !== undefined) {
        const diagrams = await drawDiffDiagrams(before, after, diffs);
        const outDir = path.resolve(options.out);
        await prepareOutDir(outDir);
        await writeArtefacts(outDir, diagrams.artefacts);
        links = diagrams.links;
    }
    io.out(render(diffs, options.format, links));
    return options.exitCode && diffs.length > 0 ? ExitCode.problems : ExitCode.ok;
}

async function loadBothSides(paths: readonly string[], options: DiffOptions): Promise<[LoadedWorkspace, LoadedWorkspace]> {
    if (options.base !== undefined) {
        const given = paths.length > 0 ? paths : ['.'];
        const old = await loadSources(await sourcesAtRevision(options.base, given));
        return [old, await loadWorkspace(await discoverFiles(given))];
    }
    if (paths.length !== 2) {
        throw new UsageError('diff needs two paths, <old> and <new> (files or folders), or --base <git-revision> [paths...]');
    }
    return [await loadWorkspace(await discoverFiles([paths[0]])), await loadWorkspace(await discoverFiles([paths[1]]))];
}

function render(diffs: readonly EcosystemDiff[], format: DiffOptions['format'], diagrams: DiffDiagrams['links']): string {
    switch (format) {
        case 'json': return formatDiffJson(diffs);
        case 'markdown': return formatDiffMarkdown(diffs, diagrams);
        case 'text': return formatDiffText(diffs);
    }
}
