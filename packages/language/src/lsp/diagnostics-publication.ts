import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * Publishes a document's diagnostics only when they differ from what was last published for it,
 * except for the documents an update names (edited, opened, closed, deleted): those always get
 * theirs, so that a client sees every edit answered. After a keystroke in a large workspace the
 * builder validates the documents the edit may concern; most of them keep their diagnostics.
 */
export function publishChangedDiagnosticsOnly(connection: Connection, shared: LangiumSharedServices): void {
    const published = new Map<string, string>();
    const named = new Set<string>();
    const gone = new Set<string>();
    shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
        changed.forEach(uri => named.add(uri.toString()));
        deleted.forEach(uri => {
            gone.add(uri.toString());
            published.delete(uri.toString());
        });
    });
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        if (gone.delete(params.uri)) {
            return send(params); // the document left the workspace: nothing to remember
        }
        const text = JSON.stringify(params.diagnostics);
        if (!named.delete(params.uri) && published.get(params.uri) === text) {
            return Promise.resolve();
        }
        published.set(params.uri, text);
        return send(params);
    };
}
