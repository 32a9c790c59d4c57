import { discoverFiles } from '../discover-files.js';
import { formatGithub } from '../format/github.js';
import { formatJson } from '../format/json.js';
import { formatSarif } from '../format/sarif.js';
import { formatText } from '../format/text.js';
import { sourceRootRelative } from '../source-root.js';
import type { Io } from '../io.js';
import { type ValidationReport, loadWorkspace } from '../load-workspace.js';
import { type RuleOptions, ruleSettingsOf } from '../rule-options.js';
import { ExitCode } from '../usage-error.js';

export interface ValidateOptions {
    readonly format: 'text' | 'json' | 'sarif' | 'github';
    readonly maxWarnings?: number;
}

/** `cxe validate`: every diagnostic of every file, then the exit code CI acts on. */
export async function runValidate(paths: readonly string[], options: ValidateOptions & RuleOptions, io: Io): Promise<number> {
    const { report } = await loadWorkspace(await discoverFiles(paths), ruleSettingsOf(options));
    io.out(render(report, options.format));
    report.unreadable.forEach(line => io.err(`cxe: ${line}\n`));
    if (report.unreadable.length > 0) {
        return ExitCode.usage;
    }
    const tooManyWarnings = options.maxWarnings !== undefined && report.warnings > options.maxWarnings;
    return report.errors > 0 || tooManyWarnings ? ExitCode.problems : ExitCode.ok;
}

function render(report: ValidationReport, format: ValidateOptions['format']): string {
    switch (format) {
        case 'json': return formatJson(report);
        case 'sarif': return formatSarif(report, sourceRootRelative());
        case 'github': return formatGithub(report);
        case 'text': return formatText(report);
    }
}
