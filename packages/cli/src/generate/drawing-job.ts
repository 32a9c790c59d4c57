import { type DiagramGraph, drawGraph, renderJson } from '@cxe/language';
import { svgToPng } from './png.js';

/**
 * The costly part of `cxe generate`, as plain data a worker thread can take: lay out and draw a
 * view's graph (with its JSON and PNG when asked for), or rasterise a journey's SVG.
 */
export type DrawingJob =
    | { readonly kind: 'view'; readonly graph: DiagramGraph; readonly json: boolean; readonly png: boolean }
    | { readonly kind: 'png'; readonly svg: string };

/** What a job produced: the formats it was asked for. */
export interface Drawn {
    readonly svg?: string;
    readonly json?: string;
    readonly png?: Uint8Array;
}

/** Runs one job: the same function on a worker thread as in a serial run, so the bytes are the same. */
export async function runDrawingJob(job: DrawingJob): Promise<Drawn> {
    if (job.kind === 'png') {
        return { png: await svgToPng(job.svg) };
    }
    const { laidOut, svg } = await drawGraph(job.graph);
    return {
        svg,
        json: job.json ? renderJson(laidOut) : undefined,
        png: job.png ? await svgToPng(svg) : undefined,
    };
}

/** A rough measure of a job's cost, to start the largest first and to tell whether threads pay off. */
export function weightOf(job: DrawingJob): number {
    return job.kind === 'view' ? job.graph.nodes.length + job.graph.edges.length : 1;
}
