import path from 'node:path';
import {
    type DiagramGraph, type EcosystemModel, type ModelSnapshot, type ReportView, type ast, buildModelSnapshot, compare, drawingNames, namedJourneys,
    renderDot, renderHtmlPage, renderJourneyMermaid, renderJourneySvg, renderMarkdownReport, renderMermaid, viewGraph, viewNames,
} from '@cxe/language';
import type { LoadedWorkspace } from '../load-workspace.js';
import { type Artefact, EXTENSIONS, type Format, fileNamePart } from './artefact.js';
import type { DrawingJob, Drawn } from './drawing-job.js';
import { type DrawingThreads, drawAll, drawingThreads } from './drawing-pool.js';

export interface ArtefactOptions {
    readonly formats: ReadonlySet<Format>;
    /** Only this view or journey (by name), in every ecosystem that has it. */
    readonly only?: string;
    /** The output folder (absolute): the report links to models and SVGs relative to it. */
    readonly outDir: string;
    /** Threads to draw on (`--jobs`); by default as many as pay off on this machine. */
    readonly threads?: number;
    /** Drawing threads started before the models were parsed (they warm up meanwhile): the drawing starts on them. */
    readonly early?: DrawingThreads;
}

/**
 * Every file `cxe generate` produces, per ecosystem in name order, computed in memory. What needs
 * the model (graphs, Mermaid, DOT, reports) is done here; laying out and rasterising, which needs only
 * the graphs, runs as jobs on worker threads when there is enough of it. The files are the same
 * bytes either way.
 */
export async function buildArtefacts(workspace: LoadedWorkspace, options: ArtefactOptions): Promise<Artefact[]> {
    const { formats } = options;
    const models = workspace.services.workspace.EcosystemModels;
    const plans = models.ecosystems().map(ecosystem => planEcosystem(workspace, models.modelOf(ecosystem), options));
    const jobs = plans.flatMap(plan => plan.drawings.flatMap(drawing => drawing.job ?? []));
    const drawing = drawAll(jobs, drawingThreads(jobs, options.threads), options.early);
    // While the threads draw: what needs the model but not the pictures.
    const texts = plans.map(plan => plan.drawings.map(planned => ({ ...planned, ...textsOf(planned, formats) })));
    const reports = plans.map(({ model }, i) => (formats.has('md') ? markdownReport(workspace, model, texts[i], options) : undefined));
    const snapshots = plans.map(({ model }) => (formats.has('html') ? modelSnapshot(workspace, model) : undefined));
    const drawn = await drawing;
    let next = 0;
    return plans.flatMap(({ model }, i) => {
        const complete = texts[i].map(planned => (planned.job ? { ...planned, ...drawn[next++] } : planned));
        return ecosystemArtefacts(model, complete, formats, reports[i], snapshots[i]);
    });
}

/** Whether any ecosystem has a view or a journey of this name. */
export function hasViewOrJourney(workspace: LoadedWorkspace, name: string): boolean {
    const models = workspace.services.workspace.EcosystemModels;
    return models.ecosystems().some(ecosystem => drawingNames(models.modelOf(ecosystem)).includes(name));
}

/** One view (its graph) or journey, and the job that draws it when a format needs a picture. */
type PlannedDrawing = Drawn & {
    readonly name: string;
    readonly title: string;
    readonly job?: DrawingJob;
} & ({ readonly kind: 'view'; readonly graph: DiagramGraph } | { readonly kind: 'journey'; readonly journey: ast.Journey });

/** A drawing with its text formats: what the report and the files need. */
type DrawingTexts = PlannedDrawing & { readonly mermaid: string; readonly dot?: string };

interface EcosystemPlan {
    readonly model: EcosystemModel;
    readonly drawings: readonly PlannedDrawing[];
}

function planEcosystem(workspace: LoadedWorkspace, model: EcosystemModel, { formats, only }: ArtefactOptions): EcosystemPlan {
    const problems = workspace.services.workspace.Findings.findingsOf(model.name);
    const pictured = formats.has('svg') || formats.has('png') || formats.has('html');
    const views = viewNames(model).filter(name => !only || name === only).map((view): PlannedDrawing => {
        const graph = viewGraph(model, view, problems);
        const job: DrawingJob | undefined = pictured || formats.has('json') ? { kind: 'view', graph, json: formats.has('json'), png: formats.has('png') } : undefined;
        return { kind: 'view', name: view, title: graph.title, graph, job };
    });
    const journeys = namedJourneys(model).filter(journey => !only || journey.name === only).map((journey): PlannedDrawing => {
        // A journey map is drawn from the model at once; only its PNG is left to a job.
        const svg = pictured ? renderJourneySvg(journey) : undefined;
        const job: DrawingJob | undefined = svg && formats.has('png') ? { kind: 'png', svg } : undefined;
        return { kind: 'journey', name: journey.name, title: journey.label ?? journey.name, journey, svg, job };
    });
    return { model, drawings: [...views, ...journeys] };
}

function textsOf(drawing: PlannedDrawing, formats: ReadonlySet<Format>): { mermaid: string; dot?: string } {
    return drawing.kind === 'view'
        ? { mermaid: renderMermaid(drawing.graph), dot: formats.has('dot') ? renderDot(drawing.graph) : undefined }
        : { mermaid: renderJourneyMermaid(drawing.journey) };
}

function fileOf(model: EcosystemModel, name: string, format: Format): string {
    return `${fileNamePart(model.name)}.${fileNamePart(name)}.${EXTENSIONS[format]}`;
}

function ecosystemArtefacts(model: EcosystemModel, drawings: readonly DrawingTexts[], formats: ReadonlySet<Format>,
    report: string | undefined, snapshot: ModelSnapshot | undefined): Artefact[] {
    const artefacts: Artefact[] = [];
    for (const drawing of drawings) {
        const add = (format: Format, content: string | Uint8Array | undefined) => {
            if (formats.has(format) && content !== undefined) {
                artefacts.push({ name: fileOf(model, drawing.name, format), content });
            }
        };
        add('svg', drawing.svg);
        add('png', drawing.png);
        add('mermaid', drawing.mermaid);
        add('dot', drawing.dot);
        add('json', drawing.json);
    }
    if (report !== undefined) {
        artefacts.push({ name: `${fileNamePart(model.name)}.md`, content: report });
    }
    if (snapshot) {
        const pictures = drawings.flatMap(({ kind, name, title, svg }) => (svg ? [{ kind, name, title, svg }] : []));
        artefacts.push({ name: `${fileNamePart(model.name)}.html`, content: renderHtmlPage(snapshot, pictures) });
    }
    return artefacts;
}

function modelSnapshot(workspace: LoadedWorkspace, model: EcosystemModel): ModelSnapshot {
    const documentation = workspace.services.documentation.DocumentationProvider;
    return buildModelSnapshot(model, node => documentation.getDocumentation(node));
}

function markdownReport(workspace: LoadedWorkspace, model: EcosystemModel, drawings: readonly DrawingTexts[], options: ArtefactOptions): string {
    const linked = (kind: PlannedDrawing['kind']): ReportView[] => drawings.filter(drawing => drawing.kind === kind).map(drawing => ({
        name: drawing.name, title: drawing.title, mermaid: drawing.mermaid, svgFile: options.formats.has('svg') ? fileOf(model, drawing.name, 'svg') : undefined,
    }));
    return renderMarkdownReport(model, reportDiagnostics(workspace, model, options.outDir), linked('view'), linked('journey'));
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
