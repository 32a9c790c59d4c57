import type { FileDiagnostic } from '../file-diagnostic.js';
import type { ValidationReport } from '../load-workspace.js';
import { summaryLine } from './text.js';

const COMMANDS: Record<FileDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` annotation per diagnostic,
 * shown on the pull request's changed lines, then the usual summary line.
 */
export function formatGithub(report: ValidationReport): string {
    const annotations = report.diagnostics.map(d => {
        const properties = [
            `file=${escapeProperty(d.file)}`, `line=${d.line}`, `endLine=${d.endLine}`,
            // GitHub takes columns only for an annotation on one line.
            ...(d.line === d.endLine ? [`col=${d.column}`, `endColumn=${d.endColumn}`] : []),
            `title=${escapeProperty(`cxe ${d.code}`)}`,
        ];
        return `::${COMMANDS[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`;
    });
    return `${annotations.join('')}${summaryLine(report)}\n`;
}

/** A command's message, escaped as GitHub's runner unescapes it. */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end it. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
