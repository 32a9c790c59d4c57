import { URI } from 'langium';
import type { FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Closing a document in the editor: a file on disk goes back to its saved text; a document with no
 * file (an unsaved buffer, a virtual document) leaves the workspace, so its elements no longer belong
 * to any ecosystem. Langium's default keeps the closed document's last text.
 */
export class CxeDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.textDocuments = services.workspace.TextDocuments;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        void this.fileSystem.exists(uri).catch(() => false).then(onDisk => {
            if (this.textDocuments.get(uri.toString())) {
                return; // Opened again meanwhile: the open's own update stands.
            }
            this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
        });
    }
}
