import path from 'node:path';
import {
    type EcosystemModel, type Finding, type ReportView, buildModelSnapshot, compare, drawingNames, namedJourneys, renderDot, renderDrawing,
    renderHtmlPage, renderJourneyMermaid, renderJson, renderMarkdownReport, renderMermaid, viewGraph, viewNames,
} from '@cxe/language';
import type { LoadedWorkspace } from '../load-workspace.js';
import { type Artefact, EXTENSIONS, type Format, fileNamePart } from './artefact.js';
import { svgToPng } from './png.js';

export interface ArtefactOptions {
    readonly formats: ReadonlySet<Format>;
    /** Only this view or journey (by name), in every ecosystem that has it. */
    readonly only?: string;
    /** The output folder (absolute): the report links to models and SVGs relative to it. */
    readonly outDir: string;
}

/** Every file `cxe generate` produces, per ecosystem in name order, computed in memory. */
export async function buildArtefacts(workspace: LoadedWorkspace, options: ArtefactOptions): Promise<Artefact[]> {
    const models = workspace.services.workspace.EcosystemModels;
    const artefacts: Artefact[] = [];
    for (const ecosystem of models.ecosystems()) {
        artefacts.push(...await ecosystemArtefacts(workspace, models.modelOf(ecosystem), options));
    }
    return artefacts;
}

/** Whether any ecosystem has a view or a journey of this name. */
export function hasViewOrJourney(workspace: LoadedWorkspace, name: string): boolean {
    const models = workspace.services.workspace.EcosystemModels;
    return models.ecosystems().some(ecosystem => drawingNames(models.modelOf(ecosystem)).includes(name));
}

/** One view or journey, drawn in the formats asked for (layout only when a format needs positions). */
interface Drawing {
    readonly kind: 'view' | 'journey';
    readonly name: string;
    readonly title: string;
    readonly mermaid: string;
    readonly svg?: string;
    readonly dot?: string;
    readonly json?: string;
}

/** A view: laid out and drawn by the editor's own pipeline when a format needs positions, else only its graph. */
async function drawView(model: EcosystemModel, view: string, problems: readonly Finding[], formats: ReadonlySet<Format>): Promise<Drawing> {
    if (formats.has('svg') || formats.has('png') || formats.has('json') || formats.has('html')) {
        const drawing = await renderDrawing(model, view, problems);
        if (drawing.kind === 'view') {
            const { graph, laidOut, svg } = drawing;
            const json = formats.has('json') ? renderJson(laidOut) : undefined;
            return { kind: 'view', name: view, title: graph.title, mermaid: renderMermaid(graph), svg, json, dot: formats.has('dot') ? renderDot(graph) : undefined };
        }
    }
    const graph = viewGraph(model, view, problems);
    return { kind: 'view', name: view, title: graph.title, mermaid: renderMermaid(graph), dot: formats.has('dot') ? renderDot(graph) : undefined };
}

async function drawJourney(model: EcosystemModel, journey: EcosystemModel['journeys'][number], formats: ReadonlySet<Format>): Promise<Drawing> {
    const drawing = formats.has('svg') || formats.has('png') || formats.has('html') ? await renderDrawing(model, journey.name, []) : undefined;
    return { kind: 'journey', name: journey.name, title: journey.label ?? journey.name, mermaid: renderJourneyMermaid(journey), svg: drawing?.svg };
}

async function ecosystemArtefacts(workspace: LoadedWorkspace, model: EcosystemModel, options: ArtefactOptions): Promise<Artefact[]> {
    const { formats, only } = options;
    const problems = workspace.services.workspace.Findings.findingsOf(model.name);
    const file = (name: string, format: Format) => `${fileNamePart(model.name)}.${fileNamePart(name)}.${EXTENSIONS[format]}`;
    const drawings: Drawing[] = [];
    for (const view of viewNames(model).filter(name => !only || name === only)) {
        drawings.push(await drawView(model, view, problems, formats));
    }
    for (const journey of namedJourneys(model).filter(candidate => !only || candidate.name === only)) {
        drawings.push(await drawJourney(model, journey, formats));
    }

    const artefacts: Artefact[] = [];
    for (const drawing of drawings) {
        const add = (format: Format, content: string | Uint8Array | undefined) => {
            if (formats.has(format) && content !== undefined) {
                artefacts.push({ name: file(drawing.name, format), content });
            }
        };
        add('svg', drawing.svg);
        add('png', formats.has('png') && drawing.svg ? await svgToPng(drawing.svg) : undefined);
        add('mermaid', drawing.mermaid);
        add('dot', drawing.dot);
        add('json', drawing.json);
    }
    if (formats.has('md')) {
        const linked = (kind: Drawing['kind']): ReportView[] => drawings.filter(drawing => drawing.kind === kind).map(drawing => ({
            name: drawing.name, title: drawing.title, mermaid: drawing.mermaid, svgFile: formats.has('svg') ? file(drawing.name, 'svg') : undefined,
        }));
        const report = renderMarkdownReport(model, reportDiagnostics(workspace, model, options.outDir), linked('view'), linked('journey'));
        artefacts.push({ name: `${fileNamePart(model.name)}.md`, content: report });
    }
    if (formats.has('html')) {
        const documentation = workspace.services.documentation.DocumentationProvider;
        const snapshot = buildModelSnapshot(model, node => documentation.getDocumentation(node));
        const drawn = drawings.flatMap(({ kind, name, title, svg }) => (svg ? [{ kind, name, title, svg }] : []));
        artefacts.push({ name: `${fileNamePart(model.name)}.html`, content: renderHtmlPage(snapshot, drawn) });
    }
    return artefacts;
}

/** The ecosystem's diagnostics, with files named relative to the output folder (links that work in a pull request). */
function reportDiagnostics(workspace: LoadedWorkspace, model: EcosystemModel, outDir: string) {
    const documents = workspace.services.workspace.EcosystemMembership.documentsOf(model.name);
    const relativeByDisplay = new Map(documents.flatMap(document => {
        const input = workspace.filesByUri.get(document.uri.toString());
        return input ? [[input.displayPath, path.relative(outDir, input.absolutePath).split(path.sep).join('/')] as const] : [];
    }));
    return workspace.report.diagnostics
        .filter(d => relativeByDisplay.has(d.file))
        .map(d => ({ ...d, file: relativeByDisplay.get(d.file)! }))
        .sort((a, b) => compare(a.file, b.file) || a.line - b.line);
}
