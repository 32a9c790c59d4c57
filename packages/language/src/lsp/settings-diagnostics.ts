import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { type Connection, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { CxeAddedServices } from '../cxe-module.js';
import { positionAt } from '../settings/settings-file.js';

/**
 * Shows the problems of each settings file as diagnostics on that file (the files it governs keep
 * the defaults meanwhile), after every build, and clears them once the file is fixed or gone.
 */
export function registerSettingsDiagnostics(connection: Connection, shared: LangiumSharedServices, services: CxeAddedServices): void {
    let shown = new Set<string>();
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, async () => {
        const files = services.workspace.RuleSettings.loadedFiles().filter(file => file.problems.length > 0);
        const now = new Set(files.map(file => file.uri.toString()));
        for (const file of files) {
            const diagnostics: Diagnostic[] = file.problems.map(problem => ({
                range: { start: positionAt(file.text, problem.offset), end: positionAt(file.text, problem.offset + problem.length) },
                severity: DiagnosticSeverity.Error,
                source: 'cxe',
                message: `${problem.message}. Until this is fixed, the .cxe files here use the default rule settings.`,
            }));
            await connection.sendDiagnostics({ uri: file.uri.toString(), diagnostics });
        }
        for (const uri of shown) {
            if (!now.has(uri)) {
                await connection.sendDiagnostics({ uri, diagnostics: [] });
            }
        }
        shown = now;
    });
}
