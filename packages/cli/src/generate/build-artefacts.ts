import path from 'node:path';
import {
    type EcosystemModel, type LaidOutGraph, type ReportJourney, type ReportView, compare, layoutGraph, renderDot,
    renderJourneyMermaid, renderJourneySvg, renderJson, renderMarkdownReport, renderMermaid, renderSvg, viewGraph, viewNames,
} from '@cxe/language';
import type { LoadedWorkspace } from '../load-workspace.js';
import { type Artefact, EXTENSIONS, type Format } from './artefact.js';
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
    return models.ecosystems().map(ecosystem => models.modelOf(ecosystem))
        .some(model => viewNames(model).includes(name) || model.journeys.some(journey => journey.name === name));
}

async function ecosystemArtefacts(workspace: LoadedWorkspace, model: EcosystemModel, options: ArtefactOptions): Promise<Artefact[]> {
    const { formats, only } = options;
    const problems = workspace.services.workspace.EcosystemProblems.problemsOf(model.name);
    const file = (name: string, format: Format) => `${model.name}.${name}.${EXTENSIONS[format]}`;
    const artefacts: Artefact[] = [];
    const reportViews: ReportView[] = [];
    for (const view of viewNames(model).filter(name => !only || name === only)) {
        const graph = viewGraph(model, view, problems);
        const mermaid = renderMermaid(graph);
        const laidOut: LaidOutGraph | undefined = ['svg', 'json', 'png'].some(f => formats.has(f as Format)) ? await layoutGraph(graph) : undefined;
        const svg = laidOut && renderSvg(laidOut);
        if (formats.has('svg')) {
            artefacts.push({ name: file(view, 'svg'), content: svg! });
        }
        if (formats.has('png')) {
            artefacts.push({ name: file(view, 'png'), content: await svgToPng(svg!) });
        }
        if (formats.has('mermaid')) {
            artefacts.push({ name: file(view, 'mermaid'), content: mermaid });
        }
        if (formats.has('dot')) {
            artefacts.push({ name: file(view, 'dot'), content: renderDot(graph) });
        }
        if (formats.has('json')) {
            artefacts.push({ name: file(view, 'json'), content: renderJson(laidOut!) });
        }
        reportViews.push({ name: view, title: graph.title, mermaid, svgFile: formats.has('svg') ? file(view, 'svg') : undefined });
    }
    const reportJourneys: ReportJourney[] = [];
    for (const journey of model.journeys.filter(candidate => !only || candidate.name === only)) {
        const mermaid = renderJourneyMermaid(journey);
        const svg = renderJourneySvg(journey);
        if (formats.has('svg')) {
            artefacts.push({ name: file(journey.name, 'svg'), content: svg });
        }
        if (formats.has('png')) {
            artefacts.push({ name: file(journey.name, 'png'), content: await svgToPng(svg) });
        }
        if (formats.has('mermaid')) {
            artefacts.push({ name: file(journey.name, 'mermaid'), content: mermaid });
        }
        reportJourneys.push({ name: journey.name, title: journey.label ?? journey.name, mermaid, svgFile: formats.has('svg') ? file(journey.name, 'svg') : undefined });
    }
    if (formats.has('md')) {
        artefacts.push({ name: `${model.name}.md`, content: renderMarkdownReport(model, reportDiagnostics(workspace, model, options.outDir), reportViews, reportJourneys) });
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
