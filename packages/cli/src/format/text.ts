import { countOf } from '@cxe/language';
import type { ValidationReport } from '../load-workspace.js';

/** `path:line:column severity code message`, one line each, then a summary line. */
export function formatText(report: ValidationReport): string {
    const lines = report.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    lines.push(summaryLine(report));
    return lines.join('\n') + '\n';
}

/** "3 files checked: 1 error, 2 warnings." */
export function summaryLine(report: ValidationReport): string {
    const files = countOf(report.files, 'file');
    if (report.errors === 0 && report.warnings === 0 && report.infos === 0) {
        return `${files} checked: no problems.`;
    }
    const infos = report.infos > 0 ? `, ${countOf(report.infos, 'info')}` : '';
    return `${files} checked: ${countOf(report.errors, 'error')}, ${countOf(report.warnings, 'warning')}${infos}.`;
}
