import { createHash } from 'node:crypto';
import type * as sarif from 'sarif';
import { type DiagnosticCode, diagnosticCodes, diagnosticRules, docsUrlOf, isDiagnosticCode, severityOf } from '@cxe/language';
import type { FileDiagnostic } from '../file-diagnostic.js';
import type { ValidationReport } from '../load-workspace.js';
import { version } from '../version.js';

/** Where a SARIF file's relative URIs start: the repository (or the working directory outside one). */
export const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Record<FileDiagnostic['severity'], sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule of the registry with its documentation, one result
 * per diagnostic with a repository-relative location, and a fingerprint that does not depend on the
 * line, so that an alert survives edits above it.
 * @param relativeUri the file of a diagnostic as a URI relative to {@link SOURCE_ROOT}
 */
export function formatSarif(report: ValidationReport, relativeUri: (file: string) => string): string {
    const rules = diagnosticCodes.map(ruleOf);
    const seen = new Map<string, number>();
    const results = report.diagnostics.map((diagnostic): sarif.Result => {
        const uri = relativeUri(diagnostic.file);
        const identity = `${diagnostic.code}\0${uri}\0${diagnostic.message}`;
        const occurrence = (seen.get(identity) ?? 0) + 1;
        seen.set(identity, occurrence);
        return {
            ruleId: diagnostic.code,
            ruleIndex: isDiagnosticCode(diagnostic.code) ? diagnosticCodes.indexOf(diagnostic.code) : undefined,
            level: LEVELS[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [{
                physicalLocation: {
                    artifactLocation: { uri, uriBaseId: SOURCE_ROOT },
                    region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn },
                },
            }],
            partialFingerprints: { 'cxe/v1': `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}:${occurrence}` },
        };
    });
    const log: sarif.Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'cxe',
                    fullName: 'cxe: customer experience ecosystems as code',
                    informationUri: 'https://github.com/cxe-dev/cxe',
                    version,
                    semanticVersion: version,
                    rules,
                },
            },
            columnKind: 'utf16CodeUnits',
            results,
        }],
    };
    return JSON.stringify(log, undefined, 2) + '\n';
}

function ruleOf(code: DiagnosticCode): sarif.ReportingDescriptor {
    const { summary } = diagnosticRules[code];
    const sentence = summary.charAt(0).toUpperCase() + summary.slice(1);
    const url = docsUrlOf(code);
    // SARIF wants a readable name that differs from the id: `UnmetNeed` for `unmet-need` (none for `syntax`).
    const name = code.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
    return {
        id: code,
        name: name.toLowerCase() === code ? undefined : name,
        shortDescription: { text: `${sentence}.` },
        fullDescription: { text: `${sentence}. Default severity: ${severityOf(code)}.` },
        helpUri: url,
        help: { text: `${sentence}. Documentation: ${url}`, markdown: `${sentence}. [Documentation of \`${code}\`](${url})` },
        defaultConfiguration: { level: LEVELS[severityOf(code)] },
    };
}
