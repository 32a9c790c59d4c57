import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph.js';
import { COLORS, KIND_STYLES, plainLabelLines } from './diagram-style.js';

/** Graphviz DOT of a view, for people who lay diagrams out with Graphviz themselves. */
export function renderDot(graph: DiagramGraph): string {
    const lines = [
        `digraph ${quote(`${graph.ecosystem}.${graph.view}`)} {`,
        `  label=${quote(graph.title)};`,
        '  labelloc=t;',
        '  fontname="DejaVu Sans";',
        `  bgcolor=${quote(COLORS.background)};`,
        `  rankdir=${graph.direction === 'down' ? 'TB' : 'LR'};`,
        '  node [fontname="DejaVu Sans", fontsize=12, style="filled"];',
        '  edge [fontname="DejaVu Sans", fontsize=10];',
        ...graph.nodes.map(node => `  ${quote(node.id)} [${nodeAttributes(node)}];`),
        ...graph.edges.map(edge => `  ${quote(edge.from)} -> ${quote(edge.to)} [${edgeAttributes(edge)}];`),
        '}',
    ];
    return lines.join('\n') + '\n';
}

function nodeAttributes(node: DiagramNode): string {
    const style = KIND_STYLES[node.kind];
    const label = [node.label, ...(node.detail ? [node.detail] : [])].join('\n');
    const attributes = [
        `label=${quote(label)}`,
        `shape=${style.dot}`,
        `fillcolor=${quote(style.fill)}`,
        `color=${quote(node.problems.errors > 0 ? COLORS.error : node.problems.warnings > 0 ? COLORS.warning : style.stroke)}`,
        `fontcolor=${quote(style.text)}`,
    ];
    if (node.problems.codes.length > 0) {
        attributes.push(`tooltip=${quote(node.problems.codes.join(', '))}`, 'penwidth=2');
    }
    if (node.focus) {
        attributes.push('penwidth=3.5');
    }
    return attributes.join(', ');
}

function edgeAttributes(edge: DiagramEdge): string {
    const style = edge.kind === 'flow' ? (edge.tangible ? 'solid' : 'dashed') : 'dotted';
    const color = edge.kind === 'affects' ? COLORS.affects : edge.kind === 'backstage' ? COLORS.backstage : edge.money ? COLORS.money : COLORS.flow;
    const attributes = [`label=${quote(plainLabelLines(edge).join('\n'))}`, `style=${style}`, `color=${quote(color)}`];
    if (edge.flows?.some(flow => flow.from !== edge.from)) {
        attributes.push('dir=both');
    }
    if (edge.money) {
        attributes.push('penwidth=2');
    }
    return attributes.join(', ');
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as \n. */
function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
