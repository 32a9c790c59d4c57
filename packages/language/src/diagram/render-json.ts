import type { LabelLine } from './diagram-style.js';
import type { LaidOutGraph } from './layout.js';

/** The laid-out graph as JSON (version 1), documented by docs/graph.schema.json. */
export function renderJson(laidOut: LaidOutGraph): string {
    const { graph } = laidOut;
    const round = (n: number) => Math.round(n * 100) / 100;
    return JSON.stringify({
        version: 1,
        ecosystem: graph.ecosystem,
        view: graph.view,
        title: graph.title,
        direction: graph.direction,
        width: round(laidOut.width),
        height: round(laidOut.height),
        nodes: laidOut.nodes.map(({ node, x, y, width, height }) => ({
            id: node.id,
            kind: node.kind,
            label: node.label,
            ...(node.layer !== undefined ? { layer: node.layer } : {}),
            ...(node.detail ? { detail: node.detail } : {}),
            problems: node.problems,
            ...(node.layer !== undefined ? { layer: node.layer } : {}),
            ...(node.focus ? { focus: true } : {}),
            x: round(x), y: round(y), width: round(width), height: round(height),
        })),
        edges: laidOut.edges.map(({ edge, points, label }) => ({
            id: edge.id,
            from: edge.from,
            to: edge.to,
            kind: edge.kind,
            ...(edge.exchange ? { exchange: edge.exchange } : {}),
            values: edge.values,
            ...(edge.flows ? { flows: edge.flows } : {}),
            via: edge.via,
            tangible: edge.tangible,
            money: edge.money,
            ...(edge.note ? { note: edge.note } : {}),
            points: points.map(point => [round(point.x), round(point.y)]),
            ...(label ? { label: { x: round(label.x), y: round(label.y), width: round(label.width), height: round(label.height), lines: plainLines(label.lines) } } : {}),
        })),
    }, undefined, 2) + '\n';
}

/** Label lines as plain text, arrows as → (values going from the edge's `from` to its `to`) and ←. */
function plainLines(lines: readonly LabelLine[]): string[] {
    return lines.map(line => `${line.arrow === 'forward' ? '→ ' : line.arrow === 'back' ? '← ' : ''}${line.text}`);
}
