import { DocumentState, type LangiumSharedCoreServices, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { CxeAddedServices } from '../cxe-module.js';
import { walkableNamed } from '../analysis/walk.js';
import { drawingNames, renderDrawing, renderWalk } from '../diagram/diagrams.js';
import { DiagramRequest } from './protocol.js';

/**
 * Answers `cxe/diagram` once the workspace is validated, with the shared render function. Not just
 * the document: the error count covers the ecosystem's other files, and a file still being rebuilt
 * (an edit, a fix) would be counted with its last diagnostics, which the Problems panel no longer shows.
 * Drawn under the workspace's read lock, as Langium's own requests are: after every edit the server
 * has already received is built (the server queues an edit's build; a request read right after it
 * would otherwise draw the text from before it), and with no build starting while the layout runs.
 */
export async function handleDiagramRequest(shared: LangiumSharedCoreServices, services: CxeAddedServices, params: DiagramRequest.Params): Promise<DiagramRequest.Result | undefined> {
    const uri = URI.parse(params.uri);
    if (!shared.workspace.LangiumDocuments.hasDocument(uri)) {
        return undefined; // Not open, nor in the workspace: nothing to draw.
    }
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    return shared.workspace.WorkspaceLock.read(() => draw(shared, services, uri, params));
}

async function draw(shared: LangiumSharedCoreServices, services: CxeAddedServices, uri: URI, params: DiagramRequest.Params): Promise<DiagramRequest.Result | undefined> {
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    const model = document && services.workspace.EcosystemModels.modelFor(document);
    if (!document || !model) {
        return undefined;
    }
    const views = drawingNames(model);
    const view = params.view && views.includes(params.view) ? params.view : views[0];
    const errors = services.workspace.EcosystemMembership.documentsOf(model.name)
        .flatMap(doc => doc.diagnostics ?? []).filter(diagnostic => diagnostic.severity === 1).length;
    const problems = services.workspace.Findings.findingsOf(model.name);
    const start = params.walk && walkableNamed(model, params.walk.element);
    if (params.walk && start) {
        const rendered = await renderWalk(model, { direction: params.walk.direction, element: start, depth: params.walk.depth }, problems, params.options);
        return { ecosystem: model.name, view: rendered.graph.view, views, svg: rendered.svg, sources: rendered.sources, errors };
    }
    const rendered = await renderDrawing(model, view, problems, params.options);
    return { ecosystem: model.name, view, views, svg: rendered.svg, sources: rendered.sources, errors };
}

/** `beforeEach` runs as each request comes, before the drawing starts. */
export function registerDiagramRequest(connection: Connection, shared: LangiumSharedServices, services: CxeAddedServices, beforeEach = () => {}): void {
    connection.onRequest(DiagramRequest.method, (params: DiagramRequest.Params) => {
        beforeEach();
        return handleDiagramRequest(shared, services, params);
    });
}
