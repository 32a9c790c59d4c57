import type { DiagramEdge, EdgeValue, NodeKind } from './diagram-graph.js';
import { unique } from '../util/words.js';

/**
 * How each kind of node looks, in every renderer: the one kind table (SVG, Mermaid, DOT and the
 * legend read it). A new kind of node (a journey, an exchange, a value in trace views) is one row.
 */
export interface KindStyle {
    readonly title: string;
    readonly fill: string;
    readonly stroke: string;
    readonly text: string;
    /** The SVG outline, drawn by render-svg's shape(). */
    readonly shape: 'pill' | 'rounded' | 'hexagon' | 'double' | 'parallelogram' | 'note' | 'ellipse' | 'cylinder' | 'chevron' | 'octagon'
        | 'arrow' | 'barred' | 'trapezium';
    /** Mermaid's opening and closing shape brackets. */
    readonly mermaid: readonly [string, string];
    /** Graphviz DOT shape attributes. */
    readonly dot: string;
}

// A palette that keeps its contrast on the light card every diagram is drawn on (dark themes included).
export const KIND_STYLES: Readonly<Record<NodeKind, KindStyle>> = {
    customer: { title: 'Customer', fill: '#e3f0fc', stroke: '#1f5fa8', text: '#0d2b4d', shape: 'pill', mermaid: ['([', '])'], dot: 'ellipse' },
    employee: { title: 'Employee', fill: '#e6f4e8', stroke: '#2e7d32', text: '#123d16', shape: 'rounded', mermaid: ['(', ')'], dot: 'box, style="rounded,filled"' },
    partner: { title: 'Partner', fill: '#fff1e0', stroke: '#c75a00', text: '#4d2300', shape: 'hexagon', mermaid: ['{{', '}}'], dot: 'hexagon' },
    organization: { title: 'Organization', fill: '#ece7f7', stroke: '#4b2f9a', text: '#22134d', shape: 'double', mermaid: ['[[', ']]'], dot: 'box, peripheries=2' },
    thirdparty: { title: 'Third party', fill: '#fbe6ef', stroke: '#a3245c', text: '#4a0f29', shape: 'parallelogram', mermaid: ['[/', '/]'], dot: 'parallelogram' },
    factor: { title: 'Environment factor', fill: '#f3f3f1', stroke: '#6b6b66', text: '#2b2b28', shape: 'note', mermaid: ['>', ']'], dot: 'note, style="dashed,filled"' },
    touchpoint: { title: 'Touchpoint', fill: '#e0f4f1', stroke: '#00796b', text: '#00332d', shape: 'ellipse', mermaid: ['((', '))'], dot: 'circle' },
    system: { title: 'System', fill: '#eceff1', stroke: '#455a64', text: '#1c2529', shape: 'cylinder', mermaid: ['[(', ')]'], dot: 'cylinder' },
    process: { title: 'Process', fill: '#f4ece7', stroke: '#6d4c41', text: '#2e1f1a', shape: 'chevron', mermaid: ['[/', '\\]'], dot: 'cds' },
    policy: { title: 'Policy', fill: '#fdecea', stroke: '#b3261e', text: '#4d0f0b', shape: 'octagon', mermaid: ['{', '}'], dot: 'octagon' },
    journey: { title: 'Journey', fill: '#e8eaf6', stroke: '#3949ab', text: '#1a1f4d', shape: 'arrow', mermaid: ['[\\', '\\]'], dot: 'rarrow' },
    exchange: { title: 'Exchange', fill: '#fff8e1', stroke: '#8d6e00', text: '#3d2f00', shape: 'barred', mermaid: ['[', ']'], dot: 'box' },
    value: { title: 'Value object', fill: '#f1f8e9', stroke: '#558b2f', text: '#223812', shape: 'trapezium', mermaid: ['[\\', '/]'], dot: 'invtrapezium' },
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

/** How a label line is coloured: a wrapped line keeps the tone of the line it continues. */
export type LabelTone = 'value' | 'money' | 'via' | 'note';

export interface LabelLine {
    readonly text: string;
    readonly tone: LabelTone;
    /**
     * The first line of a direction's values starts with an arrow glyph pointing the way they go
     * (`forward`: from the edge's `from` to its `to`); the other lines of the block are indented.
     */
    readonly arrow?: 'forward' | 'back';
    readonly indent?: boolean;
}

/**
 * The lines of an edge's label. A flow edge lists each direction's values (money marked with $)
 * under an arrow glyph, then the touchpoints; other edges show their note.
 */
export function edgeLabelLines(edge: DiagramEdge): LabelLine[] {
    if (edge.kind !== 'flow') {
        return edge.note?.trim() ? [{ text: edge.note, tone: 'note' }] : [];
    }
    const flows = edge.flows ?? [{ from: edge.from, to: edge.to, values: edge.values, via: edge.via }];
    const block = (arrow: 'forward' | 'back', values: readonly EdgeValue[]): LabelLine[] => values.map((value, i) => ({
        text: value.kind === 'money' ? `$ ${value.label}` : value.label,
        tone: value.kind === 'money' ? 'money' : 'value',
        ...(i === 0 ? { arrow } : { indent: true }),
    }));
    const valuesGoing = (forward: boolean) => unique(flows.filter(flow => (flow.from === edge.from) === forward).flatMap(flow => flow.values.map(value => value.name)))
        .map(name => edge.values.find(value => value.name === name)!);
    const lines = [...block('forward', valuesGoing(true)), ...block('back', valuesGoing(false))];
    return edge.via.length > 0 ? [...lines, { text: `via ${edge.via.join(', ')}`, tone: 'via' }] : lines;
}

/** Plain-text label lines (Mermaid, DOT): arrows as → (from → to) and ←. */
export function plainLabelLines(edge: DiagramEdge): string[] {
    return edgeLabelLines(edge).map(line => `${line.arrow === 'forward' ? '→ ' : line.arrow === 'back' ? '← ' : line.indent ? '  ' : ''}${line.text}`);
}
