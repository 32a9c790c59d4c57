import path from 'node:path';
import {
    type EcosystemModel, type LaidOutGraph, type Finding, type ReportView, compare, drawingNames, layoutGraph, renderDot,
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

async function drawView(model: EcosystemModel, view: string, problems: readonly Finding[], formats: ReadonlySet<Format>): Promise<Drawing> {
    const graph = viewGraph(model, view, problems);
    const laidOut: LaidOutGraph | undefined = formats.has('svg') || formats.has('png') || formats.has('json') ? await layoutGraph(graph) : undefined;
    return {
        kind: 'view',
        name: view,
        title: graph.title,
        mermaid: renderMermaid(graph),
        svg: laidOut && renderSvg(laidOut),
        dot: formats.has('dot') ? renderDot(graph) : undefined,
        json: laidOut && formats.has('json') ? renderJson(laidOut) : undefined,
    };
}

function drawJourney(journey: EcosystemModel['journeys'][number]): Drawing {
    return { kind: 'journey', name: journey.name, title: journey.label ?? journey.name, mermaid: renderJourneyMermaid(journey), svg: renderJourneySvg(journey) };
}

async function ecosystemArtefacts(workspace: LoadedWorkspace, model: EcosystemModel, options: ArtefactOptions): Promise<Artefact[]> {
    const { formats, only } = options;
    const problems = workspace.services.workspace.Findings.findingsOf(model.name);
    const file = (name: string, format: Format) => `${model.name}.${name}.${EXTENSIONS[format]}`;
    const drawings: Drawing[] = [];
    for (const view of viewNames(model).filter(name => !only || name === only)) {
        drawings.push(await drawView(model, view, problems, formats));
    }
    drawings.push(...model.journeys.filter(journey => !only || journey.name === only).map(drawJourney));

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
        artefacts.push({ name: `${model.name}.md`, content: report });
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
