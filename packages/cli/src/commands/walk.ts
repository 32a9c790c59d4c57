import { type WalkDirection, walkModel } from '@cxe/language';
import { discoverFiles } from '../discover-files.js';
import { formatWalkJson, formatWalkText } from '../format/walk.js';
import type { Io } from '../io.js';
import { loadWorkspace } from '../load-workspace.js';
import { ExitCode } from '../usage-error.js';
import { findWalkTarget } from '../walk-target.js';

export interface WalkOptions {
    readonly format: 'text' | 'json';
    readonly depth?: number;
}

/**
 * `cxe trace` and `cxe impact`: what is behind an element, or what it reaches, read from the loaded
 * models. Errors in the models do not stop the walk (names that do not resolve add no relation);
 * they are counted on stderr so that the answer is not mistaken for a complete one.
 */
export async function runWalk(direction: WalkDirection, written: string, paths: readonly string[], options: WalkOptions, io: Io): Promise<number> {
    const { report, services } = await loadWorkspace(await discoverFiles(paths));
    report.unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (report.unreadable.length > 0) {
        return ExitCode.usage;
    }
    const { model, element } = findWalkTarget(services.workspace.EcosystemModels, written);
    const result = walkModel(model, element, direction, options.depth);
    io.out(options.format === 'json' ? formatWalkJson(model, result) : formatWalkText(model, result));
    if (report.errors > 0) {
        io.err(`cxe: the models have ${report.errors} error${report.errors === 1 ? '' : 's'} (run cxe validate); names that do not resolve are left out of the walk.\n`);
    }
    return ExitCode.ok;
}
