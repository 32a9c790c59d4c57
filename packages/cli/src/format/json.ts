import type { ValidationReport } from '../load-workspace.js';

/** The machine-readable report (version 1), documented in docs/cli.md. */
export function formatJson(report: ValidationReport): string {
    return JSON.stringify({
        version: 1,
        files: report.files,
        errors: report.errors,
        warnings: report.warnings,
        infos: report.infos,
        diagnostics: report.diagnostics,
    }, undefined, 2) + '\n';
}
