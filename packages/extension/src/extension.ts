import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './language-client.js';
import { registerWalkCommands } from './commands/walk-commands.js';
import { DiagramPreview, PREVIEW_VIEW_TYPE, type PreviewWebviewState } from './preview/diagram-preview.js';

let client: LanguageClient | undefined;

/** What the in-editor tests reach: the preview's state, and the serializer's restore as a window reload calls it. */
export interface CxeExtensionApi {
    preview(): DiagramPreview | undefined;
    restorePreview(panel: vscode.WebviewPanel, state: PreviewWebviewState | undefined): Promise<void>;
}

/**
 * Activated by opening a .cxe file (the language contribution), or by a window reload that finds a
 * preview to restore (onWebviewPanel); starts the server and the commands.
 */
export async function activate(context: vscode.ExtensionContext): Promise<CxeExtensionApi> {
    let preview: DiagramPreview | undefined;
    const started = startLanguageClient(context).then(languageClient => (client = languageClient));
    const restorePreview = async (panel: vscode.WebviewPanel, state: PreviewWebviewState | undefined) => {
        const languageClient = await started;
        if (!languageClient) {
            panel.dispose(); // no server (its runtime is missing): the reason was already shown
            return;
        }
        preview?.dispose();
        preview = new DiagramPreview(context, languageClient, () => (preview = undefined), { panel, state });
    };
    // Registered before the server is up: VS Code asks for it as soon as activation starts.
    context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: restorePreview }));
    await started;
    const openPreview = () => {
        if (client) {
            preview ??= new DiagramPreview(context, client, () => (preview = undefined));
        }
        return preview;
    };
    context.subscriptions.push(
        vscode.commands.registerCommand('cxe.openPreview', async () => {
            await openPreview()?.show(vscode.window.activeTextEditor?.document);
        }),
        ...registerWalkCommands(openPreview),
        vscode.commands.registerCommand('cxe.exportSvg', () => preview?.exportSvg()),
        vscode.commands.registerCommand('cxe.exportPng', () => preview?.exportPng()),
    );
    return { preview: () => preview, restorePreview };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
