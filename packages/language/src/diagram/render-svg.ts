import type { DiagramEdge, DiagramGraph, NodeKind } from './diagram-graph.js';
import { COLORS, KIND_STYLES, type LabelTone, NODE_KINDS } from './diagram-style.js';
import {
    DETAIL_FONT, DETAIL_LINE, DRAWING_MARGIN as MARGIN, LABEL_FONT, LABEL_INDENT, LABEL_LINE, LABEL_PADDING, NODE_FONT, NODE_LINE,
    type LaidOutEdge, type LaidOutGraph, type LaidOutLabel, type LaidOutNode, type Point,
} from './layout.js';
import { nearestSegment } from './geometry.js';
import { outlineOf, pillRadius } from './node-outline.js';
import { changeLegend, changeMarks, withChange } from './render-changes.js';
import { escapeXml, num, svgDocument } from './svg-utils.js';
import { textWidth, wrapText } from './text-metrics.js';
import { countOf } from '../util/words.js';

const TITLE_FONT = 18;
const TITLE_LINE = 23;
const SUBTITLE_FONT = 12;
const SUBTITLE_LINE = 16;
const HEADER_GAP = 16;
const MIN_CONTENT_WIDTH = 360;
const LEGEND_ROW = 26;
const LEGEND_GAP = 22;

/**
 * The diagram as a self-contained SVG. Every group that stands for a model element carries its name
 * in `data-cxe-element` (edges: `data-cxe-edge`), which the editor preview uses for click-to-source.
 */
export function renderSvg(laidOut: LaidOutGraph): string {
    const { graph } = laidOut;
    const legend = legendItems(graph);
    const subtitle = `${graph.ecosystem} · view ${graph.view} · ${graph.nodes.some(node => node.layer !== undefined)
        ? `${countOf(graph.nodes.length, 'element')} · ${countOf(graph.edges.length, 'relation')}`
        : `${countOf(laidOut.nodes.filter(n => n.node.kind !== 'factor').length, 'actor')} · ${countOf(graph.edges.filter(e => e.kind === 'flow').length, 'value exchange')}`}`;
    // The drawing sets the width; title and subtitle wrap to it (a long title must not shrink the drawing's text).
    const contentWidth = Math.max(laidOut.width, MIN_CONTENT_WIDTH);
    const titleLines = wrapText(graph.title, contentWidth, TITLE_FONT, 3, true);
    const subtitleLines = wrapText(subtitle, contentWidth, SUBTITLE_FONT, 2);
    const header = MARGIN + titleLines.length * TITLE_LINE + subtitleLines.length * SUBTITLE_LINE + HEADER_GAP;
    const legendRows = layoutLegend(legend, contentWidth);
    const width = contentWidth + MARGIN * 2;
    const legendTop = header + laidOut.height + LEGEND_GAP;
    const height = legendTop + legendRows.length * LEGEND_ROW + MARGIN;
    const body = [
        defs(),
        ...titleLines.map((line, i) => `<text x="${MARGIN}" y="${num(MARGIN + TITLE_LINE * (i + 0.5))}" font-size="${TITLE_FONT}" font-weight="bold" dominant-baseline="central" fill="${COLORS.title}">${escapeXml(line)}</text>`),
        ...subtitleLines.map((line, i) => `<text x="${MARGIN}" y="${num(MARGIN + titleLines.length * TITLE_LINE + SUBTITLE_LINE * (i + 0.5))}" font-size="${SUBTITLE_FONT}" dominant-baseline="central" fill="${COLORS.muted}">${escapeXml(line)}</text>`),
        `<g transform="translate(${MARGIN} ${num(header)})">`,
        ...changeMarks(laidOut),
        // Labels that may lie over other edges come after all of them (in groups of their own, clickable as their edge).
        ...laidOut.edges.map(edge => withChange(edge.edge.change, edgeGroup(laidOut.labelsOverEdges ? { ...edge, label: undefined } : edge))),
        ...(laidOut.labelsOverEdges ? laidOut.edges.filter(edge => edge.label).map(labelGroup) : []),
        ...laidOut.nodes.map(node => withChange(node.node.change, nodeGroup(node))),
        '</g>',
        `<g data-cxe-legend="" transform="translate(${MARGIN} ${num(legendTop)})">`,
        `<line x1="0" x2="${num(contentWidth)}" y1="-10" y2="-10" stroke="${COLORS.border}"/>`,
        ...legendRows.flatMap((row, r) => row.map(({ item, x }) => item.draw(x, r * LEGEND_ROW + 8))),
        '</g>',
    ];
    const description = `Customer experience ecosystem diagram of ${graph.ecosystem}, view ${graph.view}: `
        + `${laidOut.nodes.map(n => n.node.label).join(', ')}.`;
    return svgDocument(width, height, graph.title, description, body);
}

function defs(): string {
    const marker = (id: string, color: string) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${color}"/></marker>`;
    return `<defs>${marker('cxe-arrow', COLORS.flow)}${marker('cxe-arrow-money', COLORS.money)}${marker('cxe-arrow-affects', COLORS.affects)}${marker('cxe-arrow-backstage', COLORS.backstage)}</defs>`;
}

interface EdgeLook { readonly stroke: string; readonly width: number; readonly dash?: string; readonly marker: string }

function edgeLook(edge: Pick<DiagramEdge, 'kind' | 'money' | 'tangible'>): EdgeLook {
    if (edge.kind === 'affects') {
        return { stroke: COLORS.affects, width: 1.5, dash: '2 4', marker: 'cxe-arrow-affects' };
    }
    if (edge.kind === 'backstage') {
        return { stroke: COLORS.backstage, width: 1.5, dash: '8 3 2 3', marker: 'cxe-arrow-backstage' };
    }
    if (edge.money) {
        return { stroke: COLORS.money, width: 2.5, dash: edge.tangible ? undefined : '7 5', marker: 'cxe-arrow-money' };
    }
    return { stroke: COLORS.flow, width: 1.5, dash: edge.tangible ? undefined : '7 5', marker: 'cxe-arrow' };
}

/** What an edge says on hover: every flow it draws, with its exchange, values and touchpoints. */
function edgeTooltip(edge: DiagramEdge): string {
    if (edge.kind === 'affects') {
        return `${edge.from} affects ${edge.to}${edge.note ? `: ${edge.note}` : ''}`;
    }
    if (edge.kind === 'backstage') {
        return `${edge.from} ${edge.note} ${edge.to}`;
    }
    const flows = edge.flows ?? [{ from: edge.from, to: edge.to, exchange: edge.exchange, values: edge.values, via: edge.via }];
    return flows.map(flow => `${flow.exchange ? `${flow.exchange}: ` : ''}${flow.from} gives ${flow.to} `
        + `${flow.values.map(v => `${v.label}${v.kind ? ` (${v.kind})` : ''}`).join(', ')}${flow.via.length ? ` via ${flow.via.join(', ')}` : ''}`).join('; ');
}

const TONE_COLORS: Readonly<Record<LabelTone, string>> = { value: COLORS.title, money: COLORS.money, via: COLORS.muted, note: COLORS.title };

/** The glyph for values going from the edge's `from` to its `to`: the way the path runs next to its label. */
function forwardGlyph(points: readonly Point[], label: LaidOutLabel): string {
    const i = nearestSegment(points, { x: label.x + label.width / 2, y: label.y + label.height / 2 });
    if (i < 0) {
        return '→';
    }
    const [dx, dy] = [points[i + 1].x - points[i].x, points[i + 1].y - points[i].y];
    return Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? '→' : '←') : (dy >= 0 ? '↓' : '↑');
}

const OPPOSITE: Readonly<Record<string, string>> = { '→': '←', '←': '→', '↓': '↑', '↑': '↓' };

function edgeGroup(laidOut: LaidOutEdge): string {
    const { edge, points, label } = laidOut;
    const look = edgeLook(edge);
    const bothWays = edge.flows?.some(flow => flow.from !== edge.from) ?? false;
    return [
        `<g data-cxe-edge="${escapeXml(edge.id)}" data-cxe-kind="${edge.kind}">`,
        `<title>${escapeXml(edgeTooltip(edge))}</title>`,
        `<path d="${pathOf(points)}" fill="none" stroke="${look.stroke}" stroke-width="${look.width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}${bothWays ? ` marker-start="url(#${look.marker})"` : ''} marker-end="url(#${look.marker})"/>`,
        ...(label ? labelParts(points, label) : []),
        '</g>',
    ].join('');
}

/** A label drawn in a group of its own, above every edge: it has its edge's id, not its tooltip (the edge's group has that). */
function labelGroup({ edge, points, label }: LaidOutEdge): string {
    return [`<g data-cxe-edge="${escapeXml(edge.id)}" data-cxe-kind="${edge.kind}">`, ...labelParts(points, label!), '</g>'].join('');
}

function labelParts(points: readonly Point[], label: LaidOutLabel): string[] {
    const forward = forwardGlyph(points, label);
    const glyphs = { forward, back: OPPOSITE[forward] };
    const left = label.x + LABEL_PADDING;
    return [
        `<rect x="${num(label.x)}" y="${num(label.y)}" width="${num(label.width)}" height="${num(label.height)}" rx="3" fill="${COLORS.background}" fill-opacity="0.92"/>`,
        ...label.lines.map((line, i) => {
            const y = num(label.y + LABEL_PADDING + LABEL_LINE * (i + 0.5));
            const paint = `font-size="${LABEL_FONT}" dominant-baseline="central" fill="${TONE_COLORS[line.tone]}"${line.tone === 'via' ? ' font-style="italic"' : ''}`;
            const glyph = line.arrow ? `<text x="${num(left)}" y="${y}" ${paint}>${glyphs[line.arrow]}</text>` : '';
            const x = left + (line.arrow || line.indent ? LABEL_INDENT : 0);
            return `${glyph}<text x="${num(x)}" y="${y}" ${paint}>${escapeXml(line.text)}</text>`;
        }),
    ];
}

function pathOf(points: readonly Point[]): string {
    return points.map((point, i) => `${i === 0 ? 'M' : 'L'}${num(point.x)} ${num(point.y)}`).join('');
}

function nodeGroup(laidOut: LaidOutNode): string {
    const { node, x, y, width, height } = laidOut;
    const style = KIND_STYLES[node.kind];
    const { errors, warnings, codes } = node.problems;
    const problems = errors + warnings > 0 ? ` · ${[errors ? countOf(errors, 'error') : '', warnings ? countOf(warnings, 'warning') : ''].filter(Boolean).join(', ')}: ${codes.join(', ')}` : '';
    const textBlock = [...laidOut.labelLines.map(() => NODE_LINE), ...laidOut.detailLines.map(() => DETAIL_LINE)].reduce((a, b) => a + b, 0);
    const top = y + (height - textBlock) / 2;
    return [
        `<g data-cxe-element="${escapeXml(node.id)}" data-cxe-kind="${node.kind}">`,
        `<title>${escapeXml(`${style.title} ${node.id}${node.label !== node.id ? ` (${node.label})` : ''}${problems}`)}</title>`,
        shape(node.kind, x, y, width, height, node.focus ? 3.5 : 1.5),
        ...laidOut.labelLines.map((line, i) =>
            `<text x="${num(x + width / 2)}" y="${num(top + NODE_LINE * (i + 0.5))}" font-size="${NODE_FONT}" font-weight="bold" text-anchor="middle" dominant-baseline="central" fill="${style.text}">${escapeXml(line)}</text>`),
        ...laidOut.detailLines.map((line, i) =>
            `<text x="${num(x + width / 2)}" y="${num(top + laidOut.labelLines.length * NODE_LINE + DETAIL_LINE * (i + 0.5))}" font-size="${DETAIL_FONT}" text-anchor="middle" dominant-baseline="central" fill="${style.text}" fill-opacity="0.8">${escapeXml(line)}</text>`),
        errors + warnings > 0 ? badge(x + width - 4, y + 4, errors > 0) : '',
        '</g>',
    ].join('');
}

/** The outline of a node: each kind has its own shape, so the diagram reads without colour too. */
function shape(kind: NodeKind, x: number, y: number, w: number, h: number, strokeWidth = 1.5): string {
    const { fill, stroke } = KIND_STYLES[kind];
    const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"`;
    const polygon = (extra = '') => `<polygon points="${outlineOf(kind, { x, y, width: w, height: h }).map(p => `${num(p.x)},${num(p.y)}`).join(' ')}" ${paint}${extra}/>`;
    switch (KIND_STYLES[kind].shape) {
        case 'pill':
            return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="${num(pillRadius({ x, y, width: w, height: h }))}" ${paint}/>`;
        case 'rounded':
            return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="8" ${paint}/>`;
        case 'double':
            return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="2" ${paint}/>`
                + `<rect x="${num(x + 4)}" y="${num(y + 4)}" width="${num(w - 8)}" height="${num(h - 8)}" rx="1" fill="none" stroke="${stroke}" stroke-width="1"/>`;
        case 'note':
            return polygon(' stroke-dasharray="5 3"');
        case 'ellipse':
            return `<ellipse cx="${num(x + w / 2)}" cy="${num(y + h / 2)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${paint}/>`;
        case 'cylinder': {
            const lid = Math.min(6, h / 5);
            return `<path d="M${num(x)} ${num(y + lid)}A${num(w / 2)} ${num(lid)} 0 0 1 ${num(x + w)} ${num(y + lid)}V${num(y + h - lid)}A${num(w / 2)} ${num(lid)} 0 0 1 ${num(x)} ${num(y + h - lid)}Z" ${paint}/>`
                + `<path d="M${num(x)} ${num(y + lid)}A${num(w / 2)} ${num(lid)} 0 0 0 ${num(x + w)} ${num(y + lid)}" fill="none" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
        }
        case 'barred': {
            const bar = Math.min(7, w / 10);
            return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ${paint}/>`
                + `<path d="M${num(x + bar)} ${num(y)}V${num(y + h)}M${num(x + w - bar)} ${num(y)}V${num(y + h)}" stroke="${stroke}" stroke-width="1"/>`;
        }
        default: // hexagon, parallelogram, chevron, octagon, arrow, trapezium: their outline
            return polygon();
    }
}

function badge(cx: number, cy: number, error: boolean): string {
    return `<circle cx="${num(cx)}" cy="${num(cy)}" r="9" fill="${error ? COLORS.error : COLORS.warning}" stroke="${COLORS.background}" stroke-width="1.5"/>`
        + `<text x="${num(cx)}" y="${num(cy)}" font-size="12" font-weight="bold" text-anchor="middle" dominant-baseline="central" fill="#ffffff">!</text>`;
}

interface LegendItem {
    readonly width: number;
    draw(x: number, y: number): string;
}

function legendItems(graph: DiagramGraph): LegendItem[] {
    const label = (text: string, x: number, y: number) =>
        `<text x="${num(x)}" y="${num(y)}" font-size="11" dominant-baseline="central" fill="${COLORS.title}">${escapeXml(text)}</text>`;
    const kinds: LegendItem[] = NODE_KINDS.filter(kind => graph.nodes.some(node => node.kind === kind)).map(kind => ({
        width: 34 + textWidth(KIND_STYLES[kind].title, 11),
        draw: (x, y) => shape(kind, x, y - 8, 26, 16, 1.2) + label(KIND_STYLES[kind].title, x + 32, y),
    }));
    const line = (text: string, look: EdgeLook): LegendItem => ({
        width: 44 + textWidth(text, 11),
        draw: (x, y) => `<line x1="${num(x)}" x2="${num(x + 34)}" y1="${num(y)}" y2="${num(y)}" stroke="${look.stroke}" stroke-width="${look.width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}/>` + label(text, x + 40, y),
    });
    const flows = graph.edges.filter(edge => edge.kind === 'flow');
    const affects = graph.edges.filter(edge => edge.kind === 'affects');
    const backstage = graph.edges.filter(edge => edge.kind === 'backstage');
    // An arrow may carry several relations ("runs, delivers"): the legend names each once.
    const relationsOf = (edge: DiagramEdge) => (edge.note ?? '').split(', ');
    const relations = [...new Set(backstage.flatMap(relationsOf))].sort();
    // `affects` drawn both dotted (from factors) and dash-dot (from policies): each says whose it is, by the kind table.
    const twice = affects.length > 0 && relations.includes('affects');
    const kindOf = new Map(graph.nodes.map(node => [node.id, node.kind]));
    const whose = (relation: string, edges: readonly DiagramEdge[]) =>
        `${relation} (${[...new Set(edges.map(edge => KIND_STYLES[kindOf.get(edge.from)!].title.toLowerCase()))].sort().join(', ')})`;
    const relationText = (relation: string) => twice && relation === 'affects' ? whose(relation, backstage.filter(edge => relationsOf(edge).includes(relation))) : relation;
    const lines = [
        ...(flows.some(e => e.tangible && !e.money) ? [line('tangible value', edgeLook({ kind: 'flow', money: false, tangible: true }))] : []),
        ...(flows.some(e => e.money) ? [line('money ($)', edgeLook({ kind: 'flow', money: true, tangible: true }))] : []),
        ...(flows.some(e => !e.tangible) ? [line('intangible value', edgeLook({ kind: 'flow', money: false, tangible: false }))] : []),
        ...(affects.length > 0 ? [line(twice ? whose('affects', affects) : 'affects', edgeLook({ kind: 'affects', money: false, tangible: false }))] : []),
        ...(relations.length > 0 ? [line(relations.map(relationText).join(', '), edgeLook({ kind: 'backstage', money: false, tangible: false }))] : []),
    ];
    const problems = graph.nodes.some(node => node.problems.errors + node.problems.warnings > 0)
        ? [{ width: 24 + textWidth('has warnings or errors (hover for codes)', 11), draw: (x: number, y: number) => badge(x + 8, y, false) + label('has warnings or errors (hover for codes)', x + 22, y) }]
        : [];
    return [...kinds, ...lines, ...problems, ...changeLegend(graph)];
}

function layoutLegend(items: readonly LegendItem[], maxWidth: number): Array<Array<{ item: LegendItem; x: number }>> {
    const rows: Array<Array<{ item: LegendItem; x: number }>> = [[]];
    let x = 0;
    for (const item of items) {
        if (x > 0 && x + item.width > maxWidth) {
            rows.push([]);
            x = 0;
        }
        rows[rows.length - 1].push({ item, x });
        x += item.width + 18;
    }
    return rows;
}

