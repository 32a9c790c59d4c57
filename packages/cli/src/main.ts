import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { discoverFiles } from './discover-files.js';
import { formatJson } from './format/json.js';
import { formatText } from './format/text.js';
import { ExitCode, UsageError } from './usage-error.js';
import { validateFiles } from './validate-files.js';
import { version } from './version.js';

interface ValidateOptions {
    format: 'text' | 'json';
    maxWarnings?: number;
}

/** Runs cxe with the given arguments and returns the exit code; all output goes through `io`. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
    let exitCode: number = ExitCode.ok;
    const program = new Command('cxe')
        .description('Customer experience ecosystems as code: validate .cxe models.')
        .version(version, '-v, --version')
        .exitOverride()
        .configureOutput({ writeOut: io.out, writeErr: io.err })
        .showSuggestionAfterError();

    program.command('validate')
        .description('check .cxe files; folders are searched recursively, and all files load as one workspace')
        .argument('<paths...>', '.cxe files or folders')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
        .action(async (paths: string[], options: ValidateOptions) => {
            exitCode = await runValidate(paths, options, io);
        });

    try {
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        return reportFailure(error, io);
    }
}

async function runValidate(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
    const report = await validateFiles(await discoverFiles(paths));
    io.out(options.format === 'json' ? formatJson(report) : formatText(report));
    report.unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (report.unreadable.length > 0) {
        return ExitCode.usage;
    }
    const tooManyWarnings = options.maxWarnings !== undefined && report.warnings > options.maxWarnings;
    return report.errors > 0 || tooManyWarnings ? ExitCode.problems : ExitCode.ok;
}

function nonNegativeInteger(value: string): number {
    if (!/^\d+$/.test(value)) {
        throw new InvalidArgumentError('expected a whole number of 0 or more.');
    }
    return Number(value);
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

export interface Io {
    out(text: string): void;
    err(text: string): void;
}

const processIo: Io = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
};
