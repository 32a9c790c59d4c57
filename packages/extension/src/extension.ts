import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './language-client.js';
import { registerWalkCommands } from './commands/walk-commands.js';
import { DiagramPreview } from './preview/diagram-preview.js';

let client: LanguageClient | undefined;

/** Activated by opening a .cxe file (the language contribution); starts the server and the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<{ preview: () => DiagramPreview | undefined }> {
    client = await startLanguageClient(context);
    let preview: DiagramPreview | undefined;
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
    // The in-editor tests read the preview's state through this API.
    return { preview: () => preview };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
