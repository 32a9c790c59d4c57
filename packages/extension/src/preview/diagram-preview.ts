import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagramRequest, type WalkParams } from '@cxe/language/protocol';
import { previewHtml } from './preview-html.js';

/** What the webview sends back. */
type FromWebview =
    | { type: 'reveal'; id: string }
    | { type: 'selectView'; view: string }
    | { type: 'png'; data: string }
    | { type: 'command'; command: string }
    | { type: 'position'; view: string; position: PreviewPosition }
    | { type: 'ready' };

/** Where the webview shows the drawing: its scale, and its smallest text's size on screen. */
export interface PreviewPosition {
    readonly scale: number;
    readonly textPx: number;
    /** The drawing area's width in CSS pixels. */
    readonly windowWidth: number;
    /** Whether the user placed it (zoom, pan) rather than the readable first zoom. */
    readonly manual: boolean;
}

/** What the webview keeps across a window reload (vscode.setState), as the serializer receives it. */
export interface PreviewWebviewState {
    readonly uri?: string;
    readonly view?: string;
    /** The trace or impact shown instead of a view. */
    readonly walk?: WalkParams;
}

/** The webview panel type: the serializer restores panels of this type after a window reload. */
export const PREVIEW_VIEW_TYPE = 'cxe.preview';

/** The commands the webview's toolbar may run. */
const TOOLBAR_COMMANDS: ReadonlySet<string> = new Set(['cxe.exportSvg', 'cxe.exportPng']);

/** The last diagram drawn, as the tests and the export commands see it. */
export interface PreviewState {
    readonly uri: string;
    readonly result: DiagramRequest.Result;
    /** How many diagrams were drawn so far. */
    readonly renders: number;
    /** Whether the shown diagram is an older one kept while the text has errors. */
    readonly stale: boolean;
}

/**
 * The live diagram beside the editor: follows the active .cxe editor, redraws as the user types
 * (debounced, unsaved text included), keeps the last good diagram while the text has errors, reveals
 * the source of a clicked element and highlights the element under the cursor.
 */
export class DiagramPreview {
    private readonly panel: vscode.WebviewPanel;
    private readonly disposables: vscode.Disposable[] = [];
    private uri: vscode.Uri | undefined;
    private view: string | undefined;
    /** The walk shown instead of a view (Show Root Causes / Show Impact), and the ones before it. */
    private walk: WalkParams | undefined;
    private readonly walkHistory: Array<WalkParams | undefined> = [];
    private timer: NodeJS.Timeout | undefined;
    private disposed = false;
    private pendingPng: ((data: string) => void) | undefined;
    private renders = 0;
    /** Requests sent: a response to any but the latest is dropped (layouts can finish out of order). */
    private requests = 0;
    state: PreviewState | undefined;
    /** The error count the banner shows (0: no banner). */
    private bannerErrors = 0;
    highlighted: string | undefined;
    /** The webview's last reported position, by 'Ecosystem/View'. */
    readonly positions = new Map<string, PreviewPosition>();
    /** Fires after each draw: the tests wait on it. */
    readonly onDidRender = new vscode.EventEmitter<PreviewState>();

    /**
     * A new panel beside the editor, or, after a window reload, the panel VS Code restored (with the
     * file and view the webview saved).
     */
    constructor(context: vscode.ExtensionContext, private readonly client: LanguageClient, onDispose: () => void,
        restored?: { panel: vscode.WebviewPanel; state?: PreviewWebviewState }) {
        const options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] };
        this.panel = restored?.panel
            ?? vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'CXE diagram', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { ...options, retainContextWhenHidden: true });
        this.panel.webview.options = options;
        if (restored?.state?.uri) {
            this.uri = vscode.Uri.parse(restored.state.uri);
            this.view = restored.state.view;
            this.walk = restored.state.walk;
        }
        this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'icons', 'cxe-file.svg');
        this.panel.webview.html = previewHtml(this.panel.webview, context.extensionUri);
        void vscode.commands.executeCommand('setContext', 'cxe.previewOpen', true);
        this.disposables.push(
            this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
            vscode.window.onDidChangeActiveTextEditor(editor => editor?.document.languageId === 'cxe' && this.follow(editor.document)),
            vscode.workspace.onDidChangeTextDocument(event => event.document.languageId === 'cxe' && this.schedule()),
            vscode.window.onDidChangeTextEditorSelection(event => this.onCursor(event)),
            // Errors fixed or made outside the editor (a settings file, a file changed on disk): the banner follows the Problems panel.
            vscode.languages.onDidChangeDiagnostics(event => this.bannerErrors > 0 && event.uris.some(uri => uri.path.endsWith('.cxe')) && this.schedule()),
            vscode.workspace.onDidChangeConfiguration(event => event.affectsConfiguration('cxe.diagram') && void this.refresh()),
            this.panel.onDidDispose(() => {
                this.disposed = true;
                clearTimeout(this.timer);
                void vscode.commands.executeCommand('setContext', 'cxe.previewWalk', false);
                this.disposables.forEach(disposable => disposable.dispose());
                void vscode.commands.executeCommand('setContext', 'cxe.previewOpen', false);
                onDispose();
            }),
        );
    }

    dispose(): void {
        this.panel.dispose();
    }

    async show(document: vscode.TextDocument | undefined): Promise<void> {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
        if (document?.languageId === 'cxe') {
            this.uri = document.uri;
        }
        await this.refresh();
    }

    /** The document whose ecosystem is drawn. */
    get documentUri(): vscode.Uri | undefined {
        return this.uri;
    }

    /**
     * Shows the trace or impact of an element of a document's ecosystem; the diagram shown before
     * is kept for `back`. False when the element is not one a walk can start from.
     */
    async showWalk(uri: vscode.Uri, walk: WalkParams): Promise<boolean> {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
        const previous = this.walk;
        this.uri = uri;
        this.walk = walk;
        const shown = (await this.refresh())?.view === `${walk.direction} ${walk.element}`;
        if (shown) {
            this.walkHistory.push(previous);
        } else {
            this.walk = previous;
            await this.refresh();
        }
        return shown;
    }

    /** Steps back from a walk to the walk or view shown before it. */
    async back(): Promise<void> {
        if (this.walk) {
            this.walk = this.walkHistory.pop();
            await this.refresh();
        }
    }

    private follow(document: vscode.TextDocument): void {
        if (document.uri.toString() !== this.uri?.toString()) {
            this.uri = document.uri;
            void this.refresh();
        }
    }

    private schedule(): void {
        clearTimeout(this.timer);
        const delay = vscode.workspace.getConfiguration('cxe').get<number>('preview.updateDelay', 50);
        this.timer = setTimeout(() => void this.refresh(), delay);
    }

    /** Asks the server for the diagram and shows it, or keeps the last good one while there are errors. */
    async refresh(): Promise<DiagramRequest.Result | undefined> {
        if (!this.uri) {
            return undefined;
        }
        const uri = this.uri.toString();
        const settings = vscode.workspace.getConfiguration('cxe.diagram');
        const options = { direction: settings.get<'right' | 'down'>('layout', 'right'), showFactors: settings.get<boolean>('showEnvironment', true) };
        const walk = this.walk;
        const request = ++this.requests;
        const result = await this.client.sendRequest<DiagramRequest.Result | undefined>(DiagramRequest.method, { uri, view: this.view, options, walk });
        if (this.disposed) {
            return undefined; // closed while the server was drawing
        }
        if (request !== this.requests) {
            return this.state?.result;
        }
        if (!result) {
            void this.panel.webview.postMessage({ type: 'banner', text: 'This file has no ecosystem header yet: start it with "ecosystem Name".' });
            return undefined;
        }
        this.bannerErrors = result.errors;
        const keepLast = result.errors > 0 && this.state !== undefined && this.state.result.ecosystem === result.ecosystem;
        const banner = result.errors > 0
            ? `The model has ${result.errors} error${result.errors === 1 ? '' : 's'}: ${keepLast ? 'showing the last diagram without errors' : 'the diagram may be incomplete'}. See the Problems panel.`
            : undefined;
        this.panel.title = `CXE: ${result.ecosystem} · ${result.view}`;
        void vscode.commands.executeCommand('setContext', 'cxe.previewWalk', walk !== undefined);
        if (!keepLast) {
            this.state = { uri, result, renders: ++this.renders, stale: false };
            void this.panel.webview.postMessage({ type: 'diagram', svg: result.svg, views: result.views, view: result.view, ecosystem: result.ecosystem, uri, walk, banner });
        } else {
            this.state = { ...this.state!, renders: ++this.renders, stale: true };
            void this.panel.webview.postMessage({ type: 'banner', text: banner });
        }
        this.onDidRender.fire(this.state);
        return result;
    }

    private async onMessage(message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'ready':
                await this.refresh();
                return;
            case 'selectView':
                this.view = message.view;
                this.walk = undefined;
                this.walkHistory.length = 0;
                await this.refresh();
                return;
            case 'reveal':
                await this.reveal(message.id);
                return;
            case 'position':
                this.positions.set(message.view, message.position);
                return;
            case 'png':
                this.pendingPng?.(message.data);
                this.pendingPng = undefined;
                return;
            case 'command':
                if (TOOLBAR_COMMANDS.has(message.command)) {
                    await vscode.commands.executeCommand(message.command);
                }
        }
    }

    /** Opens the source of a diagram element and selects its name. */
    async reveal(id: string): Promise<vscode.TextEditor | undefined> {
        const source = this.state?.result.sources[id];
        if (!source) {
            return undefined;
        }
        const { start, end } = source.range;
        const selection = new vscode.Range(start.line, start.character, end.line, end.character);
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(source.uri));
        return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection });
    }

    private onCursor(event: vscode.TextEditorSelectionChangeEvent): void {
        if (event.textEditor.document.languageId !== 'cxe' || !vscode.workspace.getConfiguration('cxe').get<boolean>('preview.followCursor', true)) {
            return;
        }
        const document = event.textEditor.document;
        const wordRange = document.getWordRangeAtPosition(event.selections[0].active);
        const word = wordRange && document.getText(wordRange);
        const id = word && this.state?.result.sources[word] ? word : undefined;
        if (id !== this.highlighted) {
            this.highlighted = id;
            void this.panel.webview.postMessage({ type: 'highlight', id });
        }
    }

    async exportSvg(): Promise<void> {
        const target = await this.saveTarget('svg');
        if (target && this.state) {
            await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.state.result.svg));
        }
    }

    async exportPng(): Promise<void> {
        const target = await this.saveTarget('png');
        if (!target) {
            return;
        }
        const data = await new Promise<string>(resolve => {
            this.pendingPng = resolve;
            void this.panel.webview.postMessage({ type: 'toPng' });
        });
        await vscode.workspace.fs.writeFile(target, Buffer.from(data, 'base64'));
    }

    private async saveTarget(extension: 'svg' | 'png'): Promise<vscode.Uri | undefined> {
        if (!this.state || !this.uri) {
            return undefined;
        }
        const name = `${this.state.result.ecosystem}.${this.state.result.view}.${extension}`;
        return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(this.uri, '..', name), filters: { [extension.toUpperCase()]: [extension] } });
    }
}
