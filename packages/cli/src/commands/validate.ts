import { discoverFiles } from '../discover-files.js';
import { formatJson } from '../format/json.js';
import { formatText } from '../format/text.js';
import type { Io } from '../io.js';
import { loadWorkspace } from '../load-workspace.js';
import { type RuleOptions, ruleSettingsOf } from '../rule-options.js';
import { ExitCode } from '../usage-error.js';

export interface ValidateOptions {
    readonly format: 'text' | 'json';
    readonly maxWarnings?: number;
}

/** `cxe validate`: every diagnostic of every file, then the exit code CI acts on. */
export async function runValidate(paths: readonly string[], options: ValidateOptions & RuleOptions, io: Io): Promise<number> {
    const { report } = await loadWorkspace(await discoverFiles(paths), ruleSettingsOf(options));
    io.out(options.format === 'json' ? formatJson(report) : formatText(report));
    report.unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (report.unreadable.length > 0) {
        return ExitCode.usage;
    }
    const tooManyWarnings = options.maxWarnings !== undefined && report.warnings > options.maxWarnings;
    return report.errors > 0 || tooManyWarnings ? ExitCode.problems : ExitCode.ok;
}
