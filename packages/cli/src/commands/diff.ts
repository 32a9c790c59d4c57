import { type EcosystemDiff, type EcosystemState, diffEcosystems } from '@cxe/language';
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
    const [loadBefore, loadAfter] = sides(paths, options);
    // One side at a time, keeping of the old workspace only its states (unless its views are drawn):
    // two large workspaces need not be in memory together.
    const before = await loadSide(loadBefore, options.out !== undefined);
    const after = await loadSide(loadAfter, true);
    const unreadable = [...before.unreadable, ...after.unreadable];
    unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (unreadable.length > 0) {
        return ExitCode.usage;
    }
    const diffs = diffEcosystems(before.states, after.states);
    let links: DiffDiagrams['links'] = new Map();
    if (options.out !== undefined) {
        const diagrams = await drawDiffDiagrams(before.workspace!, after.workspace!, diffs);
        const outDir = path.resolve(options.out);
        await prepareOutDir(outDir);
        await writeArtefacts(outDir, diagrams.artefacts);
        links = diagrams.links;
    }
    io.out(render(diffs, options.format, links));
    return options.exitCode && diffs.length > 0 ? ExitCode.problems : ExitCode.ok;
}

interface Side {
    readonly states: Map<string, EcosystemState>;
    readonly unreadable: readonly string[];
    readonly workspace?: LoadedWorkspace;
}

async function loadSide(load: () => Promise<LoadedWorkspace>, keepWorkspace: boolean): Promise<Side> {
    const workspace = await load();
    return { states: ecosystemStates(workspace), unreadable: workspace.report.unreadable, workspace: keepWorkspace ? workspace : undefined };
}

/** How to load the old and the new side: two paths, or a git revision and the working tree. */
function sides(paths: readonly string[], options: DiffOptions): [() => Promise<LoadedWorkspace>, () => Promise<LoadedWorkspace>] {
    if (options.base !== undefined) {
        const given = paths.length > 0 ? paths : ['.'];
        const base = options.base;
        let hadModels = false;
        const loadBase = async () => {
            const sources = await sourcesAtRevision(base, given);
            hadModels = sources.length > 0;
            return loadSources(sources);
        };
        // A change that deletes every model is a diff too: no .cxe file left is an error only when there were none before either.
        const loadWorkingTree = async () => {
            try {
                return await loadWorkspace(await discoverFiles(given));
            } catch (error) {
                if (error instanceof UsageError && hadModels) {
                    return loadSources([]);
                }
                throw error;
            }
        };
        return [loadBase, loadWorkingTree];
    }
    if (paths.length !== 2) {
        throw new UsageError('diff needs two paths, <old> and <new> (files or folders), or --base <git-revision> [paths...]');
    }
    return [async () => loadWorkspace(await discoverFiles([paths[0]])), async () => loadWorkspace(await discoverFiles([paths[1]]))];
}

function render(diffs: readonly EcosystemDiff[], format: DiffOptions['format'], diagrams: DiffDiagrams['links']): string {
    switch (format) {
        case 'json': return formatDiffJson(diffs);
        case 'markdown': return formatDiffMarkdown(diffs, diagrams);
        case 'text': return formatDiffText(diffs);
    }
}
