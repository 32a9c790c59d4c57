import type { LangiumDocument } from 'langium';
import { compare } from '@cxe/language';

/** One diagnostic as the CLI reports it: 1-based positions, the file as the user named it. */
export interface FileDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: 'error' | 'warning' | 'info';
    readonly code: string;
    readonly message: string;
}

const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

export function fromDocument(file: string, document: LangiumDocument): FileDiagnostic[] {
    return (document.diagnostics ?? []).map(diagnostic => ({
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITIES[diagnostic.severity ?? 1],
        code: String(diagnostic.code ?? 'syntax'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    }));
}

/** By file, then position, then code: the same order on every run and machine. */
export function sortDiagnostics(diagnostics: FileDiagnostic[]): FileDiagnostic[] {
    return diagnostics.sort((a, b) => compare(a.file, b.file)
        || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message));
}
