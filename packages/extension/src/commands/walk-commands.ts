import * as vscode from 'vscode';
import { SHOW_IMPACT, SHOW_ROOT_CAUSES, type WalkParams } from '@cxe/language/protocol';
import type { DiagramPreview } from '../preview/diagram-preview.js';

/** The context a preview node's menu passes (its `data-vscode-context`). */
interface NodeContext {
    readonly cxeElement: string;
}

/**
 * CXE: Show Root Causes / Show Impact: open the preview on the trace or impact of an element,
 * without the user writing a view. Invoked from the palette or the editor's context menu (the
 * element under the cursor), from a code lens (document uri, element name), or from a node of the
 * preview (its context menu).
 */
export function registerWalkCommands(openPreview: () => DiagramPreview | undefined): vscode.Disposable[] {
    const show = (direction: WalkParams['direction']) => async (first?: string | NodeContext, element?: string) => {
        const preview = openPreview();
        const target = targetOf(first, element, preview);
        if (!preview || !target) {
            void vscode.window.showInformationMessage('Put the cursor on the name of an element in a .cxe file to see its root causes or impact.');
            return;
        }
        const shown = await preview.showWalk(target.uri, { direction, element: target.element });
        if (!shown) {
            void vscode.window.showInformationMessage(`'${target.element}' is not an element of this ecosystem that a trace or impact can start from.`);
        }
    };
    return [
        vscode.commands.registerCommand(SHOW_ROOT_CAUSES, show('trace')),
        vscode.commands.registerCommand(SHOW_IMPACT, show('impact')),
        vscode.commands.registerCommand('cxe.previewBack', () => openPreview()?.back()),
    ];
}

function targetOf(first: string | NodeContext | undefined, element: string | undefined, preview: DiagramPreview | undefined): { uri: vscode.Uri; element: string } | undefined {
    if (typeof first === 'string' && element) {
        return { uri: vscode.Uri.parse(first), element };
    }
    if (first && typeof first === 'object' && typeof first.cxeElement === 'string' && preview?.documentUri) {
        return { uri: preview.documentUri, element: first.cxeElement };
    }
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'cxe') {
        return undefined;
    }
    const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[A-Za-z_][A-Za-z0-9_]*/);
    return range ? { uri: editor.document.uri, element: editor.document.getText(range) } : undefined;
}
