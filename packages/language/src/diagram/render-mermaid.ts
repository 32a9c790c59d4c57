import type { DiagramEdge, DiagramGraph, DiagramNode, NodeKind } from './diagram-graph.js';
import { COLORS, KIND_STYLES, NODE_KINDS, plainLabelLines } from './diagram-style.js';

/** A Mermaid `flowchart` (GitHub renders it in a fenced block); the same graph as the SVG. */
export function renderMermaid(graph: DiagramGraph): string {
    const lines = [
        '---',
        `title: ${yamlString(graph.title)}`,
        '---',
        `flowchart ${graph.direction === 'down' ? 'TB' : 'LR'}`,
        ...graph.nodes.map(node => `  ${nodeId(node.id)}${shape(node)}`),
        ...graph.edges.map(edge => `  ${edgeLine(edge)}`),
        ...NODE_KINDS.filter(kind => graph.nodes.some(node => node.kind === kind)).flatMap(kind => classLines(kind, graph)),
        ...linkStyles(graph.edges),
        ...graph.nodes.filter(node => node.focus).map(node => `  style ${nodeId(node.id)} stroke-width:3.5px`),
    ];
    return lines.join('\n') + '\n';
}

/** Node ids are prefixed so that names such as `end` or `graph` never clash with Mermaid keywords. */
function nodeId(name: string): string {
    return `n_${name}`;
}

function shape(node: DiagramNode): string {
    const [open, close] = KIND_STYLES[node.kind].mermaid;
    const marker = node.problems.errors > 0 ? '⛔ ' : node.problems.warnings > 0 ? '⚠ ' : '';
    const text = [marker + escape(node.label), ...(node.detail ? [`<small>${escape(node.detail)}</small>`] : [])].join('<br/>');
    return `${open}"${text}"${close}`;
}

function edgeLine(edge: DiagramEdge): string {
    const arrow = edge.kind !== 'flow' || !edge.tangible ? '-.->' : edge.money ? '==>' : '-->';
    const label = plainLabelLines(edge).map(escape).join('<br/>');
    const bothWays = edge.flows?.some(flow => flow.from !== edge.from);
    return `${nodeId(edge.from)} ${bothWays ? `<${arrow}` : arrow}${label ? `|"${label}"|` : ''} ${nodeId(edge.to)}`;
}

function classLines(kind: NodeKind, graph: DiagramGraph): string[] {
    const style = KIND_STYLES[kind];
    const members = graph.nodes.filter(node => node.kind === kind).map(node => nodeId(node.id));
    return [
        `  classDef ${kind} fill:${style.fill},stroke:${style.stroke},color:${style.text}${kind === 'factor' ? ',stroke-dasharray:4 3' : ''}`,
        `  class ${members.join(',')} ${kind}`,
    ];
}

function linkStyles(edges: readonly DiagramEdge[]): string[] {
    return edges.flatMap((edge, index) => {
        if (edge.kind !== 'flow') {
            return [`  linkStyle ${index} stroke:${edge.kind === 'affects' ? COLORS.affects : COLORS.backstage},stroke-dasharray:2 3`];
        }
        return edge.money ? [`  linkStyle ${index} stroke:${COLORS.money}`] : [];
    });
}

/**
 * Mermaid labels are quoted strings where markup is interpreted: quotes, angle brackets, ampersands
 * and hashes become entity codes, so that model text is shown as text and never as markup.
 */
function escape(text: string): string {
    return text.replace(/[#"<>&]/g, char => `#${char.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}

function yamlString(text: string): string {
    return JSON.stringify(text.replace(/[\r\n]+/g, ' '));
}
