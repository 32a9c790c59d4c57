import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

const MIN_NODE_MAJOR = 22;

/**
 * Starts the CXE language server (bundled beside the extension) over IPC. Langium's parser needs
 * Node 22: the server runs on the editor's own Node when that is recent enough, otherwise on the
 * runtime named by `cxe.server.runtime`.
 */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
    const runtime = vscode.workspace.getConfiguration('cxe').get<string>('server.runtime') || undefined;
    const ownMajor = Number(process.versions.node.split('.')[0]);
    if (!runtime && ownMajor < MIN_NODE_MAJOR) {
        void vscode.window.showErrorMessage(`CXE: the language server needs Node.js ${MIN_NODE_MAJOR} or later, and this editor runs ${process.version}. `
            + "Set 'cxe.server.runtime' to a Node.js 22 executable.", 'Open Settings')
            .then(choice => choice && vscode.commands.executeCommand('workbench.action.openSettings', 'cxe.server.runtime'));
        return undefined;
    }
    const module = context.asAbsolutePath(path.join('dist', 'server.mjs'));
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, runtime },
        debug: { module, transport: TransportKind.ipc, runtime, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        // Files on disk and new unsaved ones only: a diff's older side (`git:`) or a document of another
        // scheme would join its file's ecosystem and report every name in it twice.
        documentSelector: [{ scheme: 'file', language: 'cxe' }, { scheme: 'untitled', language: 'cxe' }],
        // Rule settings: the server revalidates the files a settings file governs when it changes.
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/cxe.config.json') },
        outputChannelName: 'CXE Language Server',
    };
    const client = new LanguageClient('cxe', 'CXE Language Server', serverOptions, clientOptions);
    await client.start();
    return client;
}
