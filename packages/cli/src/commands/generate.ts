import path from 'node:path';
import { discoverFiles } from '../discover-files.js';
import { formatText } from '../format/text.js';
import { EXTENSIONS, type Format, fileNamePart } from '../generate/artefact.js';
import { buildArtefacts, hasViewOrJourney } from '../generate/build-artefacts.js';
import { checkArtefacts, prepareOutDir, writeArtefacts } from '../generate/write-artefacts.js';
import type { Io } from '../io.js';
import { type DrawingThreads, earlyDrawingThreads } from '../generate/drawing-pool.js';
import { type LoadedWorkspace, loadSources } from '../load-workspace.js';
import { readSources } from '../read-sources.js';
import { type RuleOptions, ruleSettingsOf } from '../rule-options.js';
import { ExitCode, UsageError } from '../usage-error.js';

export interface GenerateOptions {
    readonly out: string;
    readonly format: readonly Format[];
    readonly view?: string;
    readonly check?: boolean;
    readonly strict?: boolean;
    /** Threads to draw on; by default one per available core when there is enough to draw. */
    readonly jobs?: number;
}

/**
 * `cxe generate`: diagrams and reports into one folder, named `<ecosystem>.<view>.<ext>` and
 * `<ecosystem>.md`. Models with errors are reported (exit 1) and still drawn, unless `--strict`.
 * `--check` writes nothing and lists what is missing, different or stale (a CI freshness check).
 */
export async function runGenerate(paths: readonly string[], options: GenerateOptions & RuleOptions, io: Io): Promise<number> {
    const outDir = path.resolve(options.out);
    const { sources, unreadable } = await readSources(await discoverFiles(paths));
    const early = earlyDrawingThreads(sources.reduce((sum, source) => sum + source.text.length, 0), options.jobs);
    try {
        return await generate(await loadSources(sources, unreadable, ruleSettingsOf(options)), outDir, options, io, early);
    } finally {
        await early?.close();
    }
}

async function generate(workspace: LoadedWorkspace, outDir: string, options: GenerateOptions, io: Io, early: DrawingThreads | undefined): Promise<number> {
    const { report } = workspace;
    if (report.diagnostics.length > 0) {
        io.out(formatText(report));
    }
    report.unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (report.unreadable.length > 0) {
        return ExitCode.usage;
    }
    const problemsExit = report.errors > 0 ? ExitCode.problems : ExitCode.ok;
    if (options.strict && report.errors > 0) {
        io.err('cxe: not generating: the models have errors (--strict).\n');
        return ExitCode.problems;
    }
    if (options.view && !hasViewOrJourney(workspace, options.view)) {
        throw new UsageError(`no view or journey named '${options.view}'`);
    }
    const formats = new Set(options.format);
    const artefacts = await buildArtefacts(workspace, { formats, only: options.view, outDir, threads: options.jobs, early });
    if (options.check) {
        const ecosystems = workspace.services.workspace.EcosystemModels.ecosystems();
        const extensions = [...formats].map(format => `.${EXTENSIONS[format]}`);
        const owned = (name: string) => !options.view && ecosystems.some(e => name.startsWith(`${fileNamePart(e)}.`)) && extensions.some(ext => name.endsWith(ext));
        const freshness = await checkArtefacts(outDir, artefacts, owned);
        const lines = [
            ...freshness.missing.map(name => `missing: ${name}`),
            ...freshness.differ.map(name => `differs: ${name}`),
            ...freshness.stale.map(name => `stale: ${name} (no longer generated)`),
        ];
        lines.forEach(line => io.out(`${line}\n`));
        io.out(lines.length === 0
            ? `${artefacts.length} generated files in ${options.out} are up to date.\n`
            : `${lines.length} of the generated files in ${options.out} are out of date: run cxe generate without --check.\n`);
        return lines.length > 0 ? ExitCode.problems : problemsExit;
    }
    await prepareOutDir(outDir);
    const written = await writeArtefacts(outDir, artefacts);
    written.forEach(name => io.out(`wrote ${path.join(options.out, name)}\n`));
    io.out(`${artefacts.length} files generated in ${options.out} (${written.length} changed).\n`);
    return problemsExit;
}
