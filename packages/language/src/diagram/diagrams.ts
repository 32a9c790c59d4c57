import type * as ast from '../generated/ast.js';
import type { EcosystemModel } from '../model/ecosystem-model.js';
import type { Finding } from '../validation/problem.js';
import { type DiagramGraph, type DiagramOptions, type SourceLocation, buildDiagramGraph, sourceLocations, viewNames } from './diagram-graph.js';
import { type LaidOutGraph, layoutGraph } from './layout.js';
import { MAX_DETAILED_NODES, groupByKind } from './overview.js';
import { renderJourneySvg } from './render-journey.js';
import { renderSvg } from './render-svg.js';
import { type WalkRequest, buildRequestedWalkGraph } from './walk-graph.js';

/** Everything of an ecosystem that can be drawn: its views (or the implied one), then its journeys. */
export function drawingNames(model: EcosystemModel): string[] {
    return [...viewNames(model), ...namedJourneys(model).map(journey => journey.name)];
}

/** Journeys being typed have no name yet: they are not drawn. */
export function namedJourneys(model: EcosystemModel): ast.Journey[] {
    return model.journeys.filter(journey => Boolean(journey.name));
}

/** The graph to draw for a view: the view itself, or its overview when it is too large to read. */
export function viewGraph(model: EcosystemModel, viewName: string, problems: readonly Finding[], options: DiagramOptions = {}): DiagramGraph {
    const graph = buildDiagramGraph(model, viewName, problems, options);
    return graph.nodes.length > MAX_DETAILED_NODES ? groupByKind(graph) : graph;
}

export interface RenderedDiagram {
    readonly graph: DiagramGraph;
    readonly laidOut: LaidOutGraph;
    readonly svg: string;
    /** Where each node and edge of the SVG comes from, by its data-cxe-element / data-cxe-edge id. */
    readonly sources: Record<string, SourceLocation>;
}

/**
 * The one function behind both the CLI's SVG and the editor preview: same model, same bytes.
 * Layout runs here only, so nothing that needs no picture pays for it.
 */
export async function renderDiagram(model: EcosystemModel, viewName: string, problems: readonly Finding[], options: DiagramOptions = {}): Promise<RenderedDiagram> {
    return renderGraph(model, viewGraph(model, viewName, problems, options));
}

/** The drawing of one walk no view declares (the editor's Show Root Causes / Show Impact). */
export async function renderWalk(model: EcosystemModel, request: WalkRequest, problems: readonly Finding[], options: DiagramOptions = {}): Promise<RenderedDiagram> {
    return renderGraph(model, buildRequestedWalkGraph(model, request, problems, options));
}

async function renderGraph(model: EcosystemModel, graph: DiagramGraph): Promise<RenderedDiagram> {
    return { graph, ...await drawGraph(graph), sources: sourceLocations(model, graph) };
}

/**
 * Lays out and draws a view's graph: the part of the pipeline that needs no model, only the plain
 * graph (`cxe generate` runs it on worker threads, one view at a time).
 */
export async function drawGraph(graph: DiagramGraph): Promise<{ readonly laidOut: LaidOutGraph; readonly svg: string }> {
    const laidOut = await layoutGraph(graph);
    return { laidOut, svg: renderSvg(laidOut) };
}

/** A drawing of a view (laid out) or of a journey (a journey map), with its SVG. */
export type Drawing =
    | ({ readonly kind: 'view' } & RenderedDiagram)
    | { readonly kind: 'journey'; readonly journey: ast.Journey; readonly svg: string; readonly sources: Record<string, SourceLocation> };

/**
 * The one drawing pipeline: the editor's `cxe/diagram` request and `cxe generate` both draw every
 * view and journey through here, so the preview shows the CLI's bytes.
 */
export async function renderDrawing(model: EcosystemModel, name: string, problems: readonly Finding[], options: DiagramOptions = {}): Promise<Drawing> {
    const journey = namedJourneys(model).find(candidate => candidate.name === name);
    if (journey) {
        return { kind: 'journey', journey, svg: renderJourneySvg(journey), sources: {} };
    }
    return { kind: 'view', ...await renderDiagram(model, name, problems, options) };
}
