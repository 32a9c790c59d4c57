import type { DiagramChange, DiagramGraph } from './diagram-graph.js';
import type { LaidOutGraph, Point } from './layout.js';
import { escapeXml, num } from './svg-utils.js';
import { textWidth } from './text-metrics.js';

/** The colours of a diff diagram: GitHub's green, amber and red, readable on the white card. */
const CHANGE_COLORS: Readonly<Record<DiagramChange, string>> = { added: '#1a7f37', changed: '#bf8700', removed: '#cf222e' };
const CHANGE_WORDS: Readonly<Record<DiagramChange, string>> = { added: 'added', changed: 'changed', removed: 'removed (ghosted)' };
const CHANGES = Object.keys(CHANGE_COLORS) as DiagramChange[];

/** Halos drawn under the changed nodes and edges of a diff diagram (nothing for any other diagram). */
export function changeMarks(laidOut: LaidOutGraph): string[] {
    const edges = laidOut.edges.filter(e => e.edge.change).map(({ edge, points }) =>
        `<polyline data-cxe-change="${edge.change}" points="${pointsOf(points)}" fill="none" stroke="${CHANGE_COLORS[edge.change!]}" stroke-opacity="0.4" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"${dash(edge.change!)}/>`);
    const nodes = laidOut.nodes.filter(n => n.node.change).map(({ node, x, y, width, height }) =>
        `<rect data-cxe-change="${node.change}" x="${num(x - 6)}" y="${num(y - 6)}" width="${num(width + 12)}" height="${num(height + 12)}" rx="10" fill="${CHANGE_COLORS[node.change!]}" fill-opacity="0.14" stroke="${CHANGE_COLORS[node.change!]}" stroke-width="3"${dash(node.change!)}/>`);
    return [...edges, ...nodes];
}

/** A drawn node or edge as a diff diagram shows it: what was removed is faded. */
export function withChange(change: DiagramChange | undefined, group: string): string {
    return change === 'removed' ? `<g opacity="0.45">${group}</g>` : group;
}

/** Legend entries for the kinds of change a diagram shows. */
export function changeLegend(graph: DiagramGraph): Array<{ width: number; draw(x: number, y: number): string }> {
    const shown = CHANGES.filter(change => [...graph.nodes, ...graph.edges].some(item => item.change === change));
    return shown.map(change => ({
        width: 32 + textWidth(CHANGE_WORDS[change], 11),
        draw: (x: number, y: number) => `<rect x="${num(x)}" y="${num(y - 7)}" width="20" height="14" rx="4" fill="${CHANGE_COLORS[change]}" fill-opacity="0.14" stroke="${CHANGE_COLORS[change]}" stroke-width="2.5"${dash(change)}/>`
            + `<text x="${num(x + 26)}" y="${num(y)}" font-size="11" dominant-baseline="central" fill="${CHANGE_COLORS[change]}" font-weight="bold">${escapeXml(CHANGE_WORDS[change])}</text>`,
    }));
}

function dash(change: DiagramChange): string {
    return change === 'removed' ? ' stroke-dasharray="6 4"' : '';
}

function pointsOf(points: readonly Point[]): string {
    return points.map(point => `${num(point.x)},${num(point.y)}`).join(' ');
}
