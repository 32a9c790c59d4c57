import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type DiffOptions, runDiff } from './commands/diff.js';
import { type FormatOptions, runFormat } from './commands/format.js';
import { type GenerateOptions, runGenerate } from './commands/generate.js';
import { type ValidateOptions, runValidate } from './commands/validate.js';
import { type WalkOptions, runWalk } from './commands/walk.js';
import { DEFAULT_FORMATS, FORMATS, type Format } from './generate/artefact.js';
import { type Io, processIo } from './io.js';
import { type RuleOptions, collectRule } from './rule-options.js';
import { ExitCode, UsageError } from './usage-error.js';
import { version } from './version.js';

/** Runs cxe with the given arguments and returns the exit code; all output goes through `io`. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
    let exitCode: number = ExitCode.ok;
    const program = new Command('cxe')
        .description('Customer experience ecosystems as code: validate .cxe models, generate their diagrams and reports.')
        .version(version, '-v, --version')
        .exitOverride()
        .configureOutput({ writeOut: io.out, writeErr: io.err })
        .showSuggestionAfterError();

    program.command('validate')
        .description('check .cxe files; folders are searched recursively, and all files load as one workspace')
        .argument('<paths...>', '.cxe files or folders')
        .addOption(new Option('-f, --format <format>', 'output format: text, json, sarif (GitHub code scanning), github (workflow annotations)')
            .choices(['text', 'json', 'sarif', 'github']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (after rule settings)', nonNegativeInteger)
        .action(async (paths: string[], options: ValidateOptions & RuleOptions) => {
            exitCode = await runValidate(paths, options, io);
        });

    program.command('generate')
        .description('write diagrams and reports of every view and journey into a folder')
        .argument('<paths...>', '.cxe files or folders')
        .requiredOption('-o, --out <dir>', 'the output folder (created when missing; nothing is written outside it)')
        .option('-f, --format <formats>', `comma-separated: ${FORMATS.join(', ')}`, formatList, DEFAULT_FORMATS)
        .option('--view <name>', 'only this view or journey')
        .option('--check', 'write nothing; exit 1 if any generated file is missing, different or stale')
        .option('--strict', 'generate nothing when the models have errors')
        .option('--jobs <n>', 'draw on at most this many threads (default: one per core when there is enough to draw)', positiveInteger)
        .action(async (paths: string[], options: GenerateOptions & RuleOptions) => {
            exitCode = await runGenerate(paths, options, io);
        });

    program.command('diff')
        .description('what a change does to the ecosystems: elements, flows, value balances and problems that changed')
        .argument('[paths...]', '<old> <new> (files or folders), or with --base the working tree paths to compare (default: .)')
        .option('--base <git-revision>', 'compare the paths in the working tree with the same paths at this git revision')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
        .option('-o, --out <dir>', 'draw each changed view, with the change marked, into this folder (the Markdown links to them)')
        .option('--exit-code', 'exit 1 when anything changed, 0 when nothing did')
        .action(async (paths: string[], options: DiffOptions) => {
            exitCode = await runDiff(paths, options, io);
        });

    program.command('format')
        .description('lay out .cxe files the way the editor formats them; folders are searched recursively')
        .argument('<paths...>', '.cxe files or folders')
        .option('--check', 'write nothing; exit 1 and name the files that are not formatted')
        .action(async (paths: string[], options: FormatOptions) => {
            exitCode = await runFormat(paths, options, io);
        });

    for (const [direction, description] of [
        ['trace', 'what is behind an element: every system, process, policy, factor, actor… that shapes it, by depth'],
        ['impact', 'what an element reaches: every touchpoint, journey… it shapes, by depth'],
    ] as const) {
        program.command(direction)
            .description(description)
            .argument('<element>', 'the element to start from: Element, or Ecosystem.Element when several ecosystems are loaded')
            .argument('<paths...>', '.cxe files or folders')
            .option('--depth <n>', 'only elements at most this many relations away', positiveInteger)
            .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
            .action(async (element: string, paths: string[], options: WalkOptions) => {
                exitCode = await runWalk(direction, element, paths, options, io);
            });
    }

    for (const command of program.commands.filter(candidate => ['validate', 'generate'].includes(candidate.name()))) {
        command
            .option('--rule <code=level>', 'set a rule to off, info, warning or error (repeatable; wins over cxe.config.json)', collectRule, [])
            .option('--no-config', 'ignore cxe.config.json files (the defaults and --rule apply)');
    }

    try {
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        return reportFailure(error, io);
    }
}

function nonNegativeInteger(value: string): number {
    if (!/^\d+$/.test(value)) {
        throw new InvalidArgumentError('expected a whole number of 0 or more.');
    }
    return Number(value);
}

function positiveInteger(value: string): number {
    if (!/^\d+$/.test(value) || Number(value) < 1) {
        throw new InvalidArgumentError('expected a whole number of 1 or more.');
    }
    return Number(value);
}

function formatList(value: string): Format[] {
    const formats = value.split(',').map(format => format.trim()).filter(Boolean);
    const unknown = formats.filter(format => !(FORMATS as readonly string[]).includes(format));
    if (unknown.length > 0 || formats.length === 0) {
        throw new InvalidArgumentError(`expected a comma-separated list of ${FORMATS.join(', ')}.`);
    }
    return [...new Set(formats)] as Format[];
}

function reportFailure(error: unknown, io: Io): number {
    if (error instanceof CommanderError) {
        // Commander has printed its message already; help and version end with exit code 0.
        return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
        error.message.split('\n').forEach(line => io.err(`cxe: ${line}\n`));
        return ExitCode.usage;
    }
    const detail = process.env.CXE_DEBUG ? (error as Error)?.stack : (error as Error)?.message ?? String(error);
    io.err(`cxe: internal error: ${detail}\ncxe: this is a bug in cxe, not in your model; set CXE_DEBUG=1 for details.\n`);
    return ExitCode.internal;
}
