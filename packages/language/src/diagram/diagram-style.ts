import type { DiagramEdge, NodeKind } from './diagram-graph.js';

/** How each kind of node looks, the same in SVG, Mermaid and DOT; the legend is made from it. */
export interface KindStyle {
    readonly title: string;
    readonly fill: string;
    readonly stroke: string;
    readonly text: string;
}

// A palette that keeps its contrast on the light card every diagram is drawn on (dark themes included).
export const KIND_STYLES: Readonly<Record<NodeKind, KindStyle>> = {
    customer: { title: 'Customer', fill: '#e3f0fc', stroke: '#1f5fa8', text: '#0d2b4d' },
    employee: { title: 'Employee', fill: '#e6f4e8', stroke: '#2e7d32', text: '#123d16' },
    partner: { title: 'Partner', fill: '#fff1e0', stroke: '#c75a00', text: '#4d2300' },
    organization: { title: 'Organization', fill: '#ece7f7', stroke: '#4b2f9a', text: '#22134d' },
    thirdparty: { title: 'Third party', fill: '#fbe6ef', stroke: '#a3245c', text: '#4a0f29' },
    factor: { title: 'Environment factor', fill: '#f3f3f1', stroke: '#6b6b66', text: '#2b2b28' },
    touchpoint: { title: 'Touchpoint', fill: '#e0f4f1', stroke: '#00796b', text: '#00332d' },
    system: { title: 'System', fill: '#eceff1', stroke: '#455a64', text: '#1c2529' },
    process: { title: 'Process', fill: '#f4ece7', stroke: '#6d4c41', text: '#2e1f1a' },
    policy: { title: 'Policy', fill: '#fdecea', stroke: '#b3261e', text: '#4d0f0b' },
    journey: { title: 'Journey', fill: '#e8eaf6', stroke: '#3949ab', text: '#1a1f4d' },
    exchange: { title: 'Exchange', fill: '#fff8e1', stroke: '#8d6e00', text: '#3d2f00' },
    value: { title: 'Value object', fill: '#f1f8e9', stroke: '#558b2f', text: '#223812' },
};

export const NODE_KINDS = Object.keys(KIND_STYLES) as NodeKind[];

export const COLORS = {
    background: '#ffffff',
    title: '#1b1b1b',
    muted: '#5c5c5c',
    flow: '#3d4a5c',
    money: '#1c6b3a',
    affects: '#8a8a84',
    backstage: '#607d8b',
    warning: '#d97706',
    error: '#c62828',
    border: '#d0d0cc',
} as const;

/** The lines of an edge's label: each value (money marked with $), then the touchpoints. */
export function edgeLabelLines(edge: DiagramEdge): string[] {
    if (edge.kind !== 'flow') {
        return edge.note ? [edge.note] : [];
    }
    const values = edge.values.map(value => (value.kind === 'money' ? `$ ${value.label}` : value.label));
    return edge.via.length > 0 ? [...values, `via ${edge.via.join(', ')}`] : values;
}
